/**
 * The full mutation run's parts (test/mutation/parts.mjs) cover what the full run mutates
 * (stryker.config.mjs `mutate`), each file in exactly one part: a file in no part would never be mutated, a
 * file in two would be counted twice by `npm run mutation:summary`.
 */
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** A Stryker/minimatch pattern of the forms used here (`*`, `**` and a leading `!`) as a regular expression. */
function globRegExp(glob: string): RegExp {
  const body = glob
    .split('**/')
    .map((seg) => seg.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'))
    .join('(?:.*/)?');
  return new RegExp(`^${body}$`);
}

/** The files of `files` a `mutate` list selects (patterns in order, `!` ones remove). */
function select(patterns: readonly string[], files: readonly string[]): string[] {
  const chosen = new Set<string>();
  for (const p of patterns) {
    const neg = p.startsWith('!');
    const re = globRegExp(neg ? p.slice(1) : p);
    for (const f of files) if (re.test(f)) (neg ? chosen.delete(f) : chosen.add(f));
  }
  return [...chosen].sort();
}

const sources = (fs.readdirSync(path.join(ROOT, 'src'), { recursive: true }) as string[])
  .map((f) => `src/${f.split(path.sep).join('/')}`)
  .filter((f) => f.endsWith('.ts'));

describe('mutation run parts', () => {
  it('the glob matcher reads the patterns as Stryker does', () => {
    assert.equal(globRegExp('src/core/**/*.ts').test('src/core/rules/a.ts'), true);
    assert.equal(globRegExp('src/core/**/*.ts').test('src/core/a.ts'), true);
    assert.equal(globRegExp('src/core/*.ts').test('src/core/rules/a.ts'), false);
    assert.equal(globRegExp('src/core/rules/conflict-*.ts').test('src/core/rules/conflict-x.ts'), true);
    assert.equal(globRegExp('src/core/rules/conflict-*.ts').test('src/core/rules/data-x.ts'), false);
  });

  it('every file the full run mutates is in exactly one part, and the parts mutate nothing else', async () => {
    const { default: full } = (await import(path.join(ROOT, 'stryker.config.mjs'))) as { default: { mutate: string[] } };
    const { PARTS } = (await import(path.join(ROOT, 'test/mutation/parts.mjs'))) as { PARTS: Record<string, string[]> };
    const wanted = select(full.mutate, sources);
    assert.ok(wanted.length > 100, String(wanted.length));
    const owners = new Map<string, string[]>();
    for (const [part, patterns] of Object.entries(PARTS)) {
      const files = select(patterns, sources);
      assert.ok(files.length > 0, `part ${part} mutates no file`);
      for (const f of files) owners.set(f, [...(owners.get(f) ?? []), part]);
    }
    assert.deepEqual(wanted.filter((f) => !owners.has(f)), [], 'in no part');
    assert.deepEqual([...owners].filter(([, ps]) => ps.length > 1).map(([f, ps]) => `${f}: ${ps.join(', ')}`), [], 'in two parts');
    assert.deepEqual([...owners.keys()].filter((f) => !wanted.includes(f)), [], 'not mutated by the full run');
  });

  it("the kept results (test/mutation/results/) are reports of each part's own files, counted right in index.json", async () => {
    const { PARTS } = (await import(path.join(ROOT, 'test/mutation/parts.mjs'))) as { PARTS: Record<string, string[]> };
    type Report = { files: Record<string, { mutants: { status: string }[] }> };
    const results = (await import(path.join(ROOT, 'test/mutation/results.mjs'))) as {
      readIndex(): Record<string, { written: string; statuses: Record<string, number> }>;
      readKept(part: string): Report | undefined;
      countStatuses(report: Report): Record<string, number>;
    };
    const dir = path.join(ROOT, 'test/mutation/results');
    const kept = fs.readdirSync(dir).filter((f) => f.endsWith('.json.gz')).map((f) => f.slice(0, -'.json.gz'.length));
    const index = results.readIndex();
    assert.deepEqual(Object.keys(index).sort(), [...kept].sort(), 'index.json lists exactly the kept parts');
    for (const part of kept) {
      assert.ok(part in PARTS, `${part}.json.gz: no such part`);
      const report = results.readKept(part)!;
      const own = select(PARTS[part], sources);
      assert.deepEqual(Object.keys(report.files).filter((f) => !own.includes(f)), [], `${part}: files of another part`);
      assert.deepEqual(index[part].statuses, results.countStatuses(report), `${part}: index.json counts`);
      assert.match(index[part].written, /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    }
  });
});

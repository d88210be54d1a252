/**
 * No hidden state in src/core: analyses do not share anything, so two of them
 * running at once (interleaved rule by rule, or many under Promise.all) give
 * the same results as one after the other; and the source of src/core has no
 * module-level mutable state to share (no top-level `let`, no top-level
 * `new Map`/`WeakMap`/`Set`/`WeakSet` other than read-only constant tables).
 */
import { defineRule } from '../../src/core/rule';
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analysisSteps, analyze, createFacts, type AnalyzeOptions } from '../../src/core/engine';
import { buildModel } from '../../src/core/model';
import { parseText } from '../../src/core/parse';
import { RULES } from '../../src/core/rules/index';
import type { Diagnostic } from '../../src/core/types';

const ROOT = path.resolve(__dirname, '..', '..');
const CORE = path.join(ROOT, 'src', 'core');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

/** Statements at the top level of a file that hold mutable state: `file:line: text`. */
export function moduleStateIn(file: string, source: string): string[] {
  const found: string[] = [];
  const lines = source.split(/\r?\n/);
  lines.forEach((line, i) => {
    const where = `${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`;
    if (/^(export\s+)?(let|var)\s/.test(line)) found.push(where);
    // a top-level constant holding a collection that can be mutated
    const decl = /^(export\s+)?const\s+\w+\s*(:\s*([^=]+?))?\s*=\s*new\s+(WeakMap|WeakSet|Map|Set)\b/.exec(line);
    if (decl) {
      const type = decl[3] ?? '';
      const weak = decl[4].startsWith('Weak');
      if (weak || !/^Readonly(Map|Set)\b/.test(type)) found.push(where);
    }
  });
  return found;
}

/** Each test file's text, the examples and fixtures, plus a few variants with problems. */
function corpus(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const dir of ['examples', path.join('test', 'fixtures')]) {
    const abs = path.join(ROOT, dir);
    for (const f of fs.readdirSync(abs).sort()) {
      if (!/\.bizflow\.ya?ml$/.test(f)) continue;
      out.push({ name: path.join(dir, f), text: fs.readFileSync(path.join(abs, f), 'utf8') });
    }
  }
  assert.ok(out.length >= 4, 'examples and fixtures are in the repository');
  // variants that exercise the schema walk, aliases, duplicate keys and conflicts
  const base = out[0].text;
  out.push({ name: 'variant: unknown keys', text: base + 'extra: 1\nrules:\n  flow/nope: warn\n' });
  out.push({ name: 'variant: aliases', text: base.replace(/^roles:/m, 'x: &a [1]\ny: *a\nz: *missing\nroles:') });
  out.push({ name: 'variant: repeated keys', text: base + 'bizflow: 1\nbizflow: 2\n' });
  return out;
}

function stepAll(model: ReturnType<typeof buildModel>, options: AnalyzeOptions): Diagnostic[] {
  const steps = analysisSteps(model, options);
  let s = steps.next();
  while (!s.done) s = steps.next();
  return s.value;
}

describe('core: no module-level mutable state', () => {
  it('no top-level let/var or mutable new Map/WeakMap/Set/WeakSet in src/core', () => {
    const found: string[] = [];
    for (const f of sourceFiles(CORE)) found.push(...moduleStateIn(f, fs.readFileSync(f, 'utf8')));
    assert.deepEqual(found, []);
  });

  it('the scan finds what it looks for (it can fail)', () => {
    const f = path.join(CORE, 'x.ts');
    assert.equal(moduleStateIn(f, 'let ids: Map<string, string> | undefined;\n').length, 1);
    assert.equal(moduleStateIn(f, 'export let n = 0;\n').length, 1);
    assert.equal(moduleStateIn(f, 'const cache = new WeakMap<object, number>();\n').length, 1);
    assert.equal(moduleStateIn(f, 'const seen = new Set<string>();\n').length, 1);
    assert.equal(moduleStateIn(f, 'export const BY_CODE: Map<string, number> = new Map();\n').length, 1);
    assert.equal(moduleStateIn(f, 'export const BY_CODE: ReadonlyMap<string, number> = new Map([["a", 1]]);\n').length, 0);
    assert.equal(moduleStateIn(f, '  let local = 0;\n  const m = new Map();\n').length, 0);
  });
});

describe('core: analyses running at once', () => {
  const files = corpus();
  const options: AnalyzeOptions[] = [{}, { locale: 'zh-CN' }];

  it('two analyses interleaved rule by rule give the results of sequential runs', function () {
    this.timeout(120000); // the corpus has a 300-step file; on a loaded machine this takes seconds
    for (const opts of options) {
      for (let i = 0; i < files.length; i++) {
        const a = files[i];
        const b = files[(i + 1) % files.length];
        const expectedA = analyze(a.text, opts).diagnostics;
        const expectedB = analyze(b.text, opts).diagnostics;
        // built one after the other, analysed interleaved: each rule of A, then the same rule of B
        const stepsA = analysisSteps(buildModel(parseText(a.text)), opts);
        const stepsB = analysisSteps(buildModel(parseText(b.text)), opts);
        let ra = stepsA.next();
        let rb = stepsB.next();
        while (!ra.done || !rb.done) {
          if (!ra.done) ra = stepsA.next();
          if (!rb.done) rb = stepsB.next();
        }
        assert.deepEqual(ra.value, expectedA, `${a.name} (interleaved with ${b.name})`);
        assert.deepEqual(rb.value, expectedB, `${b.name} (interleaved with ${a.name})`);
      }
    }
  });

  it('an analysis started inside another (from a rule) does not disturb either', () => {
    const [a, b] = files;
    const expectedB = analyze(b.text).diagnostics;
    let nested: Diagnostic[] | undefined;
    const probe = defineRule({
      code: 'test/nested',
      meta: {
        severity: 'info',
        shownOn: 'nowhere',
        docs: { description: { en: 'runs another analysis', zh: '运行另一次分析' } },
        fixable: false,
        messages: {},
      },
      run() {
        nested = analyze(b.text).diagnostics;
      },
    });
    const model = buildModel(parseText(a.text));
    const half = Math.floor(RULES.length / 2);
    const withProbe = [...RULES.slice(0, half), probe, ...RULES.slice(half)];
    assert.deepEqual(stepAll(model, { rules: withProbe }), analyze(a.text).diagnostics);
    assert.deepEqual(nested, expectedB);
  });

  it('facts of two analyses of the same model are separate and equal', () => {
    const model = buildModel(parseText(files[0].text + 'extra: 1\n'));
    const one = createFacts(model);
    const two = createFacts(model);
    assert.deepEqual(one.schema, two.schema);
    assert.notEqual(one.schema, two.schema);
    assert.notEqual(one.graph, two.graph);
    assert.deepEqual(one.yamlTree, two.yamlTree);
  });

  it('produces the model could not read: recorded by the build, read again for a model whose steps were replaced', () => {
    const text =
      'bizflow: 1\nprocess: {name: P}\nroles: {r: {name: R}}\nsteps:\n' +
      '  a: {name: A, role: r, produces: {x: 1}, next: b}\n  b: {name: B, role: r, produces: [], next: c}\n  c: {name: C, role: r}\n';
    const model = buildModel(parseText(text));
    const [a, b, c] = model.steps.list;
    for (const m of [model, { ...model, steps: { ...model.steps } }]) {
      const facts = createFacts(m);
      const unread = facts.unreadProduces(a) as { items?: unknown[] };
      assert.equal(unread?.items?.length, 1, 'the map under produces');
      const empty = facts.unreadProduces(b) as { items?: unknown[] };
      assert.equal(empty?.items?.length, 0, 'the empty list under produces');
      assert.equal(facts.unreadProduces(c), undefined, 'no produces key');
    }
  });

  it('many analyses under Promise.all, stepping in turns, give the results of sequential runs', async function () {
    this.timeout(120000);
    const many = [...files, ...files, ...files];
    const sequential = many.map((f) => analyze(f.text).diagnostics);
    const concurrent = await Promise.all(
      many.map(async (f) => {
        await Promise.resolve();
        const steps = analysisSteps(buildModel(parseText(f.text)));
        let s = steps.next();
        while (!s.done) {
          await Promise.resolve(); // let every other analysis run one rule
          s = steps.next();
        }
        return s.value;
      }),
    );
    assert.deepEqual(concurrent, sequential);
  });
});

/**
 * `bizflow lint --fix` / `--fix-dry-run` (issue 11 item 3): the preferred
 * fixes are applied until none is left, the file is written with its BOM and
 * CRLF line breaks, what remains is reported; the dry run shows the text.
 * And the core loop on the mutation corpus: one mistake in a clean example
 * comes back as the example byte for byte.
 */
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { applyPreferredFixes } from '../../../src/core/autofix';
import { EXAMPLE_FILES, MUTATIONS } from '../mistakes/corpus';
import { orderExample, p2pExample, removeTree, run, tempTree } from '../../fixtures/cli/harness';
import { corpusSample } from '../timing';

const order = fs.readFileSync(orderExample, 'utf8');
const p2p = fs.readFileSync(p2pExample, 'utf8');
/** Three mistakes of form in one file: a tab, a full-width colon, a full-width comma between ids. */
const broken = p2p
  .replace('\n    role: buyer\n', '\n\trole: buyer\n')
  .replace('\n  name: ', '\n  name：')
  .replace(/needs: \[(\S+), /, 'needs: [$1，');

describe('bizflow lint --fix', function () {
  this.timeout(120_000);

  it('the broken file differs from the example in three places, each a finding', async () => {
    assert.notEqual(broken, p2p);
    const root = tempTree({ 'p.bizflow.yaml': broken });
    try {
      const { code, out } = await run(['lint', 'p.bizflow.yaml'], { cwd: root });
      assert.equal(code, 1);
      assert.match(out, /\[yaml\/tab\]/);
      assert.match(out, /\[yaml\/full-width\][\s\S]*\[yaml\/full-width\]/);
      assert.match(out, /✖ 3 problems \(3 errors/);
    } finally {
      removeTree(root);
    }
  });

  it('--fix writes the example back byte for byte, keeping a BOM and CRLF line breaks, and reports nothing left', async () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const root = tempTree({
      'p.bizflow.yaml': broken,
      'w.bizflow.yaml': Buffer.concat([bom, Buffer.from(crlf(broken), 'utf8')]),
    });
    try {
      const { code, out } = await run(['lint', '--fix', '.'], { cwd: root });
      assert.equal(code, 0, out);
      assert.match(out, /no problems/);
      assert.equal(fs.readFileSync(path.join(root, 'p.bizflow.yaml'), 'utf8'), p2p);
      assert.deepEqual(fs.readFileSync(path.join(root, 'w.bizflow.yaml')), Buffer.concat([bom, Buffer.from(crlf(p2p), 'utf8')]));
    } finally {
      removeTree(root);
    }
  });

  it('--fix reports what it cannot fix and leaves clean files untouched', async () => {
    const root = tempTree({ 'o.bizflow.yaml': order.replace('\n  sales:\n', '\n\tsales:\n') });
    try {
      const { code, out } = await run(['lint', '--fix', '--format', 'json', 'o.bizflow.yaml'], { cwd: root });
      assert.equal(code, 0);
      assert.equal(fs.readFileSync(path.join(root, 'o.bizflow.yaml'), 'utf8'), order);
      const [result] = JSON.parse(out);
      // the example's own warnings remain (conflicts are decisions, not fixes)
      assert.ok(result.warningCount > 0);
      assert.equal(result.messages.filter((x: { ruleId: string }) => x.ruleId === 'yaml/tab').length, 0);
      assert.equal('output' in result, false);
    } finally {
      removeTree(root);
    }
  });

  it('--fix-dry-run prints the fixed text and writes nothing; with --format json an "output" field', async () => {
    const root = tempTree({ 'p.bizflow.yaml': broken });
    try {
      const text = await run(['lint', '--fix-dry-run', 'p.bizflow.yaml'], { cwd: root });
      assert.equal(text.code, 0);
      assert.equal(text.out, p2p);
      assert.equal(fs.readFileSync(path.join(root, 'p.bizflow.yaml'), 'utf8'), broken);
      const json = await run(['lint', '--fix-dry-run', '--format', 'json', 'p.bizflow.yaml'], { cwd: root });
      const [result] = JSON.parse(json.out);
      assert.equal(result.output, p2p);
      assert.equal(result.errorCount, 0);
      assert.equal(fs.readFileSync(path.join(root, 'p.bizflow.yaml'), 'utf8'), broken);
    } finally {
      removeTree(root);
    }
  });

  it('--fix-dry-run in text needs one file; --fix and --fix-dry-run together are refused', async () => {
    const root = tempTree({ 'a.bizflow.yaml': p2p, 'b.bizflow.yaml': p2p });
    try {
      const two = await run(['lint', '--fix-dry-run', '.'], { cwd: root });
      assert.equal(two.code, 2);
      assert.match(two.err, /--fix-dry-run/);
      const both = await run(['lint', '--fix', '--fix-dry-run', 'a.bizflow.yaml'], { cwd: root });
      assert.equal(both.code, 2);
      assert.match(both.err, /--fix/);
    } finally {
      removeTree(root);
    }
  });
});

describe('applyPreferredFixes on the mutation corpus', function () {
  this.timeout(600_000);

  it('the examples are fixed points', () => {
    for (const f of EXAMPLE_FILES) assert.equal(applyPreferredFixes(f.text).output, f.text, f.file);
  });

  it('every mutation of an example is fixed back to the example, byte for byte', () => {
    const failures: string[] = [];
    const dataOf = (t: string) => {
      try {
        return JSON.stringify(parse(t));
      } catch {
        return 'unreadable';
      }
    };
    let checked = 0;
    // in a mutation run, one mutation in 10 (the whole corpus took two minutes per surviving mutant)
    const corpus = corpusSample(MUTATIONS, 10);
    for (const m of corpus) {
      // a list written one step deeper reads the same: not a mistake, nothing to fix
      if (dataOf(m.text) === dataOf(m.original)) continue;
      checked++;
      const out = applyPreferredFixes(m.text).output;
      if (out !== m.original) failures.push(`${m.file}:${m.line + 1} ${m.kind} ${JSON.stringify(m.text.split('\n')[m.line])} → ${JSON.stringify(out.split('\n')[m.line])}`);
    }
    assert.ok(checked > (corpus.length === MUTATIONS.length ? 800 : 80), String(checked));
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
  });
});

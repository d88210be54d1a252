/**
 * Work proportional to the text (issue 12 item 1): generated families of
 * hostile files (aliases, merge keys, fan-out of one anchor, many requirements
 * on one attribute or one removed step) give a bounded number of findings, one
 * per entry (not per pair), and their analysis time grows at most linearly
 * with the file's size: a ratio of the same run, not absolute milliseconds.
 */
import { strict as assert } from 'assert';
import { analyze, MAX_FINDINGS, TOO_MANY_FINDINGS } from '../../src/core/engine';
import { FAMILIES, aliasedRequirements, oneAttribute, removedStep } from '../support/hostile-families';
import { removeTree, run, tempTree } from '../fixtures/cli/harness';
import { itTiming } from './timing';

/** Best of `rounds` analysis times of `text`, in ms. */
function time(text: string, rounds = 3): number {
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    analyze(text);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('bounded work on hostile families', function () {
  this.timeout(180_000);

  for (const [name, make] of Object.entries(FAMILIES)) {
    // nested aliases: each level doubles what the text names, n levels are n lines
    const n = name === 'nested aliases' ? 300 : 600;
    itTiming(`${name}: time at 2x size is at most ~3x (linear, generous)`, () => {
      const small = make(n);
      const big = make(2 * n);
      assert.ok(big.length > 1.8 * small.length && big.length < 2.2 * small.length, `${name}: sizes ${small.length} → ${big.length}`);
      time(small, 1); // warm up
      const ts = time(small);
      const tb = time(big);
      const ratio = tb / Math.max(ts, 1);
      assert.ok(ratio <= 3, `${name}: ${ts.toFixed(0)} ms at ${small.length} B, ${tb.toFixed(0)} ms at ${big.length} B (x${ratio.toFixed(2)})`);
    });

    it(`${name}: findings bounded`, () => {
      const found = analyze(make(2 * n)).diagnostics;
      assert.ok(found.length <= MAX_FINDINGS + 1, `${name}: ${found.length} findings`);
    });
  }

  it('1,000 requirements that are one alias: the aliased entries are reported once, not once per pair', () => {
    const found = analyze(aliasedRequirements(1000)).diagnostics;
    const removed = found.filter((d) => d.code === 'conflict/removed-step');
    assert.equal(removed.length, 1);
    assert.match(removed[0].message, /^Q0 \(must, Sales\) removes step work, but Q1 .* …and 998 more\.$/);
    assert.equal(removed[0].related!.length, 3 + 19); // every naming of the first other side (steps, sets, adds), the first of each further one
    assert.equal(found.filter((d) => d.code === 'conflict/unagreed-burden').length, 2); // its `adds` and `sets` entries, once each
  });

  it('1,000 requirements on one attribute: one finding per entry, naming the first other side, "…and N more"', () => {
    const found = analyze(oneAttribute(1000), { maxFindings: 10_000 }).diagnostics.filter((d) => d.code === 'conflict/contradiction');
    assert.equal(found.length, 1000);
    assert.match(found[0].message, /^Contradiction on work\.mode: R0 \(must, Boss\) sets "v0", R1 \(must, Sales\) sets "v1"\..*…and 998 more\.$/);
    assert.equal(found[0].related!.length, 20 + 1); // the first 20 other sides, and the value the step has today
    assert.deepEqual(found[0].data!.requirements, ['R0', 'R1']);
    assert.deepEqual(found[0].data!.others, Array.from({ length: 20 }, (_, i) => `R${i + 1}`));
    assert.equal(found[0].severity, 'error');
  });

  it('over the cap: the first findings in catalogue order, then one summary finding with counts per rule', () => {
    const text = removedStep(600);
    const all = analyze(text, { maxFindings: 100_000 }).diagnostics;
    const capped = analyze(text).diagnostics;
    assert.equal(capped.length, MAX_FINDINGS + 1);
    const summary = capped.filter((d) => d.code === TOO_MANY_FINDINGS);
    assert.equal(summary.length, 1);
    const over = all.length - MAX_FINDINGS;
    assert.deepEqual(summary[0].span, { start: 0, end: 1 });
    assert.equal(summary[0].severity, 'error'); // errors were dropped: the lint still fails
    // the first findings in catalogue order are kept: the dropped ones are the last rules' findings
    const dropped = (summary[0].data as { dropped: Record<string, number> }).dropped;
    assert.equal(Object.values(dropped).reduce((x, y) => x + y, 0), over);
    const order = [...new Set(all.map((d) => d.code))];
    for (const code of Object.keys(dropped)) assert.ok(code.startsWith('conflict/'), code);
    const kept = capped.filter((d) => d.code !== TOO_MANY_FINDINGS);
    for (const code of order) {
      const total = all.filter((d) => d.code === code).length;
      assert.equal(kept.filter((d) => d.code === code).length + (dropped[code] ?? 0), total, code);
    }
    assert.match(summary[0].message, new RegExp(`^This file has too many problems to show: ${over} more findings are not shown \\(conflict/`));
    assert.equal(analyze(text, { maxFindings: 10, locale: 'zh-CN' }).diagnostics.find((d) => d.code === TOO_MANY_FINDINGS)!.message.startsWith('此文件的问题过多：另有'), true);
  });

  it('the CLI prints valid JSON and SARIF for the 137 KB file that ended in "Invalid string length"', async () => {
    const text = removedStep(500);
    const root = tempTree({ 'many.bizflow.yaml': text });
    try {
      for (const format of ['json', 'sarif']) {
        const r = await run(['lint', '--format', format, '.'], { cwd: root });
        assert.equal(r.code, 1, r.err);
        const parsed = JSON.parse(r.out);
        const count = format === 'json' ? parsed[0].messages.length : parsed.runs[0].results.length;
        assert.equal(count, MAX_FINDINGS + 1, format);
      }
    } finally {
      removeTree(root);
    }
  });
});

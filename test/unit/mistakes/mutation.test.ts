/**
 * Issue 11, acceptance: one typing mistake of form in a clean file gives at
 * most 3 new findings, one of them on the mistaken line naming the cause, and
 * the preferred fix of that finding restores the file byte for byte. Over
 * every line of every example, each mistake that fits the line
 * (`corpus.ts`); a mutation that leaves the data the same (a list written
 * one step deeper, which YAML reads the same) is not a mistake and is only
 * checked to add no finding.
 */
import { strict as assert } from 'assert';
import { parse } from 'yaml';
import { applyEdits } from '../../../src/core/edits';
import { analyze, MISTAKE_CODES } from '../../../src/core/engine';
import { fixesFor } from '../../../src/core/fixes';
import type { Diagnostic } from '../../../src/core/types';
import { EXAMPLE_FILES, MUTATIONS, type Mutation } from './corpus';
import { corpusSample } from '../timing';

const dataOf = (t: string) => {
  try {
    return JSON.stringify(parse(t));
  } catch {
    return 'unreadable';
  }
};

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') n++;
  return n;
}

/** Findings of the mutated text that the clean text does not have (same code and message, on a line not shifted: mutations keep line counts). */
function newFindings(m: Mutation, base: Diagnostic[], after: Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, number>();
  const key = (d: Diagnostic, t: string) => `${d.code}\0${lineOf(t, d.span.start)}\0${d.message}`;
  for (const d of base) seen.set(key(d, m.original), (seen.get(key(d, m.original)) ?? 0) + 1);
  return after.filter((d) => {
    const k = key(d, m.text);
    const left = seen.get(k) ?? 0;
    if (left > 0) {
      seen.set(k, left - 1);
      return false;
    }
    return true;
  });
}

describe('typing mistakes: the mutation test over the examples (issue 11)', function () {
  this.timeout(300_000);
  const baseData = new Map(EXAMPLE_FILES.map((f) => [f.file, dataOf(f.text)]));

  it('the examples themselves have no typing mistake', () => {
    const base = new Map(EXAMPLE_FILES.map((f) => [f.file, analyze(f.text).diagnostics]));
    for (const f of EXAMPLE_FILES) assert.deepEqual(base.get(f.file)!.filter((d) => MISTAKE_CODES.has(d.code)), [], f.file);
  });

  it('the corpus covers every kind of mistake, many times', () => {
    const kinds = new Map<string, number>();
    for (const m of MUTATIONS) kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
    for (const k of ['tab', 'fullWidthColon', 'fullWidthComma', 'fullWidthDash', 'fullWidthSpace', 'indentMore', 'indentLess', 'nestedTopKey']) {
      assert.ok((kinds.get(k) ?? 0) >= 5, `${k}: ${kinds.get(k)}`);
    }
    assert.ok(MUTATIONS.length > 800, String(MUTATIONS.length));
  });

  it('each mutation: at most 3 new findings, one on its line naming the cause, whose preferred fix restores the file', () => {
    const base = new Map(EXAMPLE_FILES.map((f) => [f.file, analyze(f.text).diagnostics]));
    const failures: string[] = [];
    let checked = 0;
    // in a mutation run, one mutation in 10 (the whole corpus is 40 s of every mutant it covers)
    const corpus = corpusSample(MUTATIONS, 10);
    for (const m of corpus) {
      const { model, diagnostics } = analyze(m.text);
      const fresh = newFindings(m, base.get(m.file)!, diagnostics);
      const where = `${m.file}:${m.line + 1} ${m.kind} ${JSON.stringify(m.text.split('\n')[m.line])}`;
      if (dataOf(m.text) === baseData.get(m.file) && !fresh.length) continue; // the same data: not a mistake
      checked++;
      if (fresh.length > 3) failures.push(`${where}: ${fresh.length} new findings: ${fresh.map((d) => d.code).join(', ')}`);
      const cause = diagnostics.find((d) => MISTAKE_CODES.has(d.code) && lineOf(m.text, d.span.start) === m.line);
      if (!cause) {
        failures.push(`${where}: no finding names the cause (${fresh.map((d) => d.code).join(', ')})`);
        continue;
      }
      const preferred = fixesFor(model, cause).filter((f) => f.isPreferred);
      if (preferred.length !== 1) {
        failures.push(`${where}: ${preferred.length} preferred fixes`);
        continue;
      }
      const fixed = applyEdits(m.text, preferred[0].edits);
      if (fixed !== m.original) failures.push(`${where}: the fix gives ${JSON.stringify(fixed.split('\n')[m.line])}`);
    }
    assert.ok(checked > (corpus.length === MUTATIONS.length ? 800 : 80), `checked ${checked}`);
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
  });
});

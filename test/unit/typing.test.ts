/**
 * Typing aids (core `typing.ts`): full-width punctuation used as YAML syntax is
 * corrected on the line being typed, only where unambiguous; text inside
 * values, comments, quoted strings and block scalars is never changed, and a
 * second pass changes nothing.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { readFileSync } from 'fs';
import * as path from 'path';
import { applyEdits } from '../../src/core/edits';
import { typingFixes } from '../../src/core/typing';
import { assertCostRatio, itTiming } from './timing';

const EXAMPLES = ['order-fulfilment.bizflow.yaml', 'procure-to-pay.bizflow.yaml'].map((f) =>
  readFileSync(path.resolve(__dirname, '../../examples', f), 'utf8'),
);

/** Fixes the line that holds the `|` (removed) and returns the whole text. */
function typed(marked: string): string {
  const offset = marked.lastIndexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return applyEdits(text, typingFixes(text, offset));
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i + 1);
  return out;
}

describe('typing aids: full-width punctuation corrected as you type', () => {
  it('a full-width colon after a key becomes ": "', () => {
    assert.equal(typed('process:\n  name：|发货\n'), 'process:\n  name: 发货\n');
    assert.equal(typed('process:\n  id: p\n  name：|\n'), 'process:\n  id: p\n  name: \n');
    assert.equal(typed('process:\n  name： 发货|\n'), 'process:\n  name: 发货\n');
    assert.equal(typed('process:\n  name：\u3000发货|\n'), 'process:\n  name: 发货\n');
    assert.equal(typed('bizflow：|1\n'), 'bizflow: 1\n');
    assert.equal(typed('steps:\n  a:\n    name：|发货\n'), 'steps:\n  a:\n    name: 发货\n');
    // a Chinese branch label in a decision's next: map
    assert.equal(typed('steps:\n  a:\n    next:\n      通过：| done\n'), 'steps:\n  a:\n    next:\n      通过: done\n');
  });

  it('a full-width colon inside a value, a comment, a quoted string or a block scalar is left alone', () => {
    for (const s of [
      'process:\n  name: 说明：发货|\n',
      'process:\n  name: "说明：发货"|\n',
      '# 注意：发货|\n',
      'process:\n  id: p # 注意：发货|\n',
      'process:\n  description: |\n    注意：发货|\n',
      'process:\n  description: >-\n    第一行\n    注意：发货|\n',
      'process:\n  description:\n    注意：发货|\n',
      'process:\n  description: 第一行\n    注意：发货|\n',
      'process:\n  description: "第一行\n    注意：发货|"\n',
      'requirements:\n  R:\n    acceptance:\n      - 注意：发货|\n',
      'process:\n\tname：发货|\n',
    ]) {
      const i = s.lastIndexOf('|');
      assert.equal(typed(s), s.slice(0, i) + s.slice(i + 1), JSON.stringify(s));
    }
  });

  it('a full-width dash that starts a list item becomes "- "', () => {
    assert.equal(typed('requirements:\n  R:\n    acceptance:\n      － |当天发货\n'), 'requirements:\n  R:\n    acceptance:\n      - 当天发货\n');
    assert.equal(typed('requirements:\n  R:\n    acceptance:\n    - a\n    －\u3000|b\n'), 'requirements:\n  R:\n    acceptance:\n    - a\n    - b\n');
    // inside a block scalar it is text
    const inBlock = 'process:\n  description: |\n    －  一项\n';
    assert.equal(typed(inBlock.replace('一项', '一项|')), inBlock);
    // under a key that holds text, not a list, it may be text
    assert.equal(typed('process:\n  description:\n    －  一项|\n'), 'process:\n  description:\n    －  一项\n');
    assert.equal(typed('steps:\n  a:\n    needs:\n    － |order\n'), 'steps:\n  a:\n    needs:\n    - order\n');
    // not a dash followed by text ("－1" is a value)
    const minus = 'requirements:\n  R:\n    acceptance:\n      －1\n';
    assert.equal(typed(minus.replace('－1', '－1|')), minus);
  });

  it('a full-width comma between ids in a one-line flow list becomes ", "', () => {
    assert.equal(typed('steps:\n  a:\n    needs: [order，|invoice]\n'), 'steps:\n  a:\n    needs: [order, invoice]\n');
    assert.equal(typed('steps:\n  a:\n    needs: [order， |invoice]\n'), 'steps:\n  a:\n    needs: [order, invoice]\n');
    assert.equal(typed('steps:\n  a:\n    needs: [order，|]\n'), 'steps:\n  a:\n    needs: [order, ]\n');
    // words, not ids: one string with a comma in it
    for (const s of ['roles:\n  a:\n    concerns: [尽快，|准确]\n', 'roles:\n  a:\n    concerns: ["a，|b"]\n', 'process:\n  name: a，|b\n']) {
      assert.equal(typed(s), s.replace('|', ''));
    }
  });

  it('restores the example files byte for byte after a "：" typed for the ": " of any key: value line of a map', () => {
    let restored = 0;
    for (const clean of EXAMPLES) {
      for (const ls of lineStarts(clean)) {
        const end = clean.indexOf('\n', ls);
        const line = clean.slice(ls, end < 0 ? clean.length : end);
        const m = /^( *)([A-Za-z][\w.-]*): (?=\S)/.exec(line);
        if (!m || line.trimStart().startsWith('#')) continue;
        const at = ls + m[1].length + m[2].length;
        const broken = clean.slice(0, at) + '：' + clean.slice(at + 2);
        const fixed = applyEdits(broken, typingFixes(broken, at + 1));
        // either restored exactly, or left alone (never anything else)
        assert.ok(fixed === clean || fixed === broken, `line ${JSON.stringify(line)} became something else`);
        if (fixed === clean) restored++;
      }
    }
    assert.ok(restored > 100, `only ${restored} lines restored`);
  });

  it('never touches the example files at any offset (nothing there is mistaken)', () => {
    for (const clean of EXAMPLES) {
      for (let o = 0; o <= clean.length; o += 7) assert.deepEqual(typingFixes(clean, o), []);
    }
  });

  const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);
  const prose = fc.array(fc.constantFrom('说', '明', '：', '，', '－', ' ', 'a', '1', '#', '"', "'", ':', '\u3000', '-', '[', ']'), { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''));
  /** A value as a user would write it with full-width punctuation in it, in every YAML form. */
  const valueForm = fc.tuple(word, prose, fc.integer({ min: 0, max: 5 })).map(([k, p, form]) => {
    const safe = p.replace(/["\\]/g, '').replace(/^[\s\-#:'[\]\u3000－]+/, '') || '说明';
    switch (form) {
      case 0:
        return [`    ${k}: 说明${safe.replace(/ #|: |:$/g, '')}`];
      case 1:
        return [`    ${k}: "${safe}"`];
      case 2:
        return [`    ${k}: |`, `      ${p}`, `      ${safe}`];
      case 3:
        return [`    ${k}: ok # ${p}`];
      case 4:
        return [`    # ${p}`];
      default:
        return [`    ${k}:`, `      - 说明${safe.replace(/ #|: |:$/g, '')}`];
    }
  });

  it('property: full-width punctuation inside values, comments, quoted strings and block scalars is never changed', () => {
    fc.assert(
      fc.property(fc.array(valueForm, { minLength: 1, maxLength: 6 }), fc.nat(), (forms, pick) => {
        const text = ['steps:', '  s:', ...forms.flat(), ''].join('\n');
        const starts = lineStarts(text);
        const ls = starts[pick % starts.length];
        const end = text.indexOf('\n', ls);
        for (const o of [ls, end < 0 ? text.length : end]) assert.deepEqual(typingFixes(text, o), [], JSON.stringify(text));
      }),
      { numRuns: 300 },
    );
  });

  it('property: a second pass changes nothing, and only the typed line changes', () => {
    const line = fc.tuple(fc.constantFrom('name', 'title', 'owner', '通过', 'needs'), fc.constantFrom('：', '： ', ': ', '：\u3000'), fc.constantFrom('发货', 'a，b', '[a，b]', '[a， b]', '说明：发货', '')).map(([k, c, v]) => `    ${k}${c}${v}`);
    const dash = fc.constantFrom('    acceptance:', '      － 当天', '      - 当天', '      －\u3000当天');
    fc.assert(
      fc.property(fc.array(fc.oneof(line, dash), { minLength: 1, maxLength: 8 }), fc.nat(), (ls, pick) => {
        const text = ['steps:', '  s:', ...ls, ''].join('\n');
        const starts = lineStarts(text);
        const i = pick % starts.length;
        const at = starts[i];
        const once = applyEdits(text, typingFixes(text, at));
        assert.deepEqual(typingFixes(once, at), [], JSON.stringify(once));
        const a = text.split('\n');
        const b = once.split('\n');
        assert.equal(a.length, b.length);
        a.forEach((l, j) => j === i || assert.equal(b[j], l));
      }),
      { numRuns: 500 },
    );
  });

  it('bad input: no throw', () => {
    assert.deepEqual(typingFixes('', 0), []);
    assert.deepEqual(typingFixes('a：', 99), typingFixes('a：', 2));
  });

  // a step of n two-line entries, then the line typed on (a full-width colon after `name`)
  const longSteps = (n: number) => 'steps:\n' + '  s:\n    name: x\n'.repeat(n) + '    name：y\n';

  it('bad input: bounded work, the lines around the one typed on only (at most 2,000 before it)', () => {
    const small = 'steps:\n  s:\n    name：y\n';
    const fix = typingFixes(small, small.length - 2);
    assert.deepEqual(fix, [{ span: { start: 20, end: 21 }, newText: ': ' }]);
    // 50,000 lines before the document change the offsets only
    const filler = '# filler\n'.repeat(50_000);
    const shift = (e: (typeof fix)[number]) => ({ ...e, span: { start: e.span.start + filler.length, end: e.span.end + filler.length } });
    assert.deepEqual(typingFixes(filler + small, filler.length + small.length - 2), fix.map(shift));
    // `steps:` 1,801 lines up is found; 2,201 lines up it is past the window: no guess, rather than a scan of the file
    const near = longSteps(900);
    assert.deepEqual(typingFixes(near, near.length - 2), [{ span: { start: near.length - 3, end: near.length - 2 }, newText: ': ' }]);
    const far = longSteps(1100);
    assert.deepEqual(typingFixes(far, far.length - 2), []);
  });

  itTiming('bad input: the work does not grow with the file (500,000 lines cost about what 5,000 do)', () => {
    const big = longSteps(250_000);
    const small = longSteps(2_500);
    assertCostRatio(() => typingFixes(big, big.length - 2), () => typingFixes(small, small.length - 2), 4, 'typingFixes on 500,000 lines against 5,000');
  });
});

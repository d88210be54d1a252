/**
 * Behaviour behind the survivors of the `core-cursor` narrowed mutation run (8 Dec, 23:59–00:58 UTC) in
 * src/core/cursor.ts from line 331 on: the flow-collection scanner (`scanFlow`), `wordAround`, `locate`, the
 * cursor line (`cursorAt`), `fromFlow` and `matchPath`, which test/unit/cursor.test.ts and the completion and
 * hover tests did not pin down (line numbers are those of that run's source). Each test here was checked by hand against the mutants it names (mutant applied to
 * the source, this file run and failing, source restored). The survivors that no input can tell apart are listed,
 * with the reason, in docs/mutation-notes/cub.md. `‸` marks the cursor in each text (it is removed before scanning).
 */
import * as assert from 'assert';
import { locate, matchPath } from '../../src/core/cursor';
import { at, BLOCK, FLOW } from './cursor-helpers';

describe('cursor survivors (cursor.ts from line 331)', () => {
  // cursor.ts:463 `!(offset >= 0 && offset <= text.length)` → `false`, the inner test → `true` / `||`, `offset >= 0` → `true`
  it('an offset before the text gives nothing (no word reaching back from -1)', () => {
    assert.equal(locate('a', -1), undefined);
    assert.equal(locate('a', 2), undefined);
  });

  // cursor.ts:352 `blankLine` → `false`, its `'\n'`, `'\r'` and `'#'` tests → `false` / `""`, and each `||` → `&&`
  it('flow over several lines: a blank line, a CRLF blank line and a comment line at column 0 do not end the collection', () => {
    assert.deepStrictEqual(at('a:\n  next: [x,\n\n    y‸]\n'), { ...FLOW, slot: 'value', path: ['a', 'next', 1], word: { start: 20, end: 21 }, column: 4, inList: true, existing: ['x'] });
    assert.deepStrictEqual(at('a:\n  next: [x,\n# c\n    y‸]\n'), { ...FLOW, slot: 'value', path: ['a', 'next', 1], word: { start: 23, end: 24 }, column: 4, inList: true, existing: ['x'] });
    assert.deepStrictEqual(at('a:\r\n  next: [x,\r\n\r\n    y‸]\r\n'), { ...FLOW, slot: 'value', path: ['a', 'next', 1], word: { start: 23, end: 24 }, column: 4, inList: true, existing: ['x'] });
    assert.deepStrictEqual(at('a:\n  next: [x,\n# c\n\n    y‸]\n'), { ...FLOW, slot: 'value', path: ['a', 'next', 1], word: { start: 24, end: 25 }, column: 4, inList: true, existing: ['x'] });
  });

  // cursor.ts:343 `if (!at && i > cursor)` → `false` and its block emptied; :345 `if (!at)` → `true` / `false` / `if (at)`
  it('flow: the cursor in the blanks after a comma is the next item (the snap when the scan passes the cursor)', () => {
    assert.deepStrictEqual(at('k: [a,‸ b]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 6, end: 6 }, column: 6, inList: true, existing: ['a', 'b'], needsSpace: true });
    assert.deepStrictEqual(at('k: [a ‸, b]\n'), { ...FLOW, slot: 'value', path: ['k', 0], word: { start: 6, end: 6 }, column: 6, inList: true, existing: ['b'] });
  });

  // cursor.ts:338 `if (top)` → `true` (snap on an empty stack throws); :622 `if (!at)` → `false` (throws); :378 `!at && i === cursor` → `||` (a snap at the `]`)
  it('flow: the cursor right after the closing bracket is outside the collection', () => {
    assert.equal(at('k: [a]‸\n'), undefined);
    assert.equal(at('k: [a]‸'), undefined);
  });

  // cursor.ts:357 `c === '\t'` / `c === '\r'` → `false` and their strings → `""`
  it('flow: tabs and carriage returns between items are blanks, not items', () => {
    assert.deepStrictEqual(at('k: [\tx, b‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 8, end: 9 }, column: 8, inList: true, existing: ['x'] });
    assert.deepStrictEqual(at('k: [a,\tb‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 7, end: 8 }, column: 7, inList: true, existing: ['a'] });
    assert.deepStrictEqual(at('a:\r\n  next: [x,\r\n    b‸]\r\n'), { ...FLOW, slot: 'value', path: ['a', 'next', 1], word: { start: 21, end: 22 }, column: 4, inList: true, existing: ['x'] });
  });

  // cursor.ts:361 `c === '#' && …` → `false`, `'#'` → `""`, `\s` → `\S`, `i - 1` → `i + 1`, the block emptied (endless loops); :366 the skipping loop's mutants (`text[i] !== '\n'` → `true`, `'\n'` → `""`, `&&` → `||`, `false`, `i >= text.length`, `===`, `i--`); :364 the whole test → `true`, `nl >= 0`, `cursor > nl`; :362 `!at && cursor > i` → `true` / `||`, `cursor > i` → `true` / `>=`; :361 `i === 0 || …` → `&&`
  it('flow: a comment inside the collection is skipped, to the end of its line only', () => {
    assert.deepStrictEqual(at('a:\n  next: [x, #note\n    y, z‸]\n'), { ...FLOW, slot: 'value', path: ['a', 'next', 2], word: { start: 28, end: 29 }, column: 7, inList: true, existing: ['x', 'y'] });
    assert.deepStrictEqual(at('k: [x‸, # c\n  y]\n'), { ...FLOW, slot: 'value', path: ['k', 0], word: { start: 4, end: 5 }, column: 4, inList: true, existing: ['y'] });
    assert.deepStrictEqual(at('k: [a, ‸# c\n  y]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 7, end: 7 }, column: 7, inList: true, existing: ['a', 'y'] });
  });

  // cursor.ts:361 `i === 0 || /\s/…` → `true`, `i !== 0`; :421 `/\S/` and `j - 1` → `j + 1` (endless loops)
  it('flow: a `#` that does not follow a blank is part of an item', () => {
    assert.deepStrictEqual(at('k: [x,#y, z‸]\n'), { ...FLOW, slot: 'value', path: ['k', 2], word: { start: 10, end: 11 }, column: 10, inList: true, existing: ['x', '#y'] });
    assert.deepStrictEqual(at('k: [x,# y, z‸]\n'), { ...FLOW, slot: 'value', path: ['k', 2], word: { start: 11, end: 12 }, column: 11, inList: true, existing: ['x', '# y'] });
    assert.deepStrictEqual(at('k: [a#b, c‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 9, end: 10 }, column: 9, inList: true, existing: ['a#b'] });
    assert.deepStrictEqual(at('k: [a# b, c‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 10, end: 11 }, column: 10, inList: true, existing: ['a# b'] });
  });

  // cursor.ts:362 `!at && cursor > i` → `false`, `if (at && …)`, `cursor <= i`; :363 `'\n'` → `""`; :364 → `false`, `&&`, `nl < 0` → `false`, `cursor <= nl` → `false` / `cursor < nl`; the block at :362 emptied
  it('flow: the cursor inside a comment that the line\'s comment scan does not see (after `a:\'`) gets nothing', () => {
    assert.equal(at('k: [a:\'x # y‸\']\n'), undefined);
    assert.equal(at('k: [a:\'x # y‸\''), undefined);
    assert.equal(at('k: [a:\'x # y\'‸\n'), undefined);
  });

  // cursor.ts:372 `top.key ?? ''` → `"Stryker was here!"`
  it('flow: a collection opened directly in a flow map without a key is under the key `\'\'`', () => {
    assert.deepStrictEqual(at('k: {[a‸]}\n'), { ...FLOW, slot: 'value', path: ['k', '', 0], word: { start: 5, end: 6 }, column: 5, inList: true });
    assert.deepStrictEqual(at('k: {a: 1, [x‸]}\n'), { ...FLOW, slot: 'value', path: ['k', '', 0], word: { start: 11, end: 12 }, column: 11, inList: true });
  });

  // cursor.ts:370 the snap at `[` → `false` / `at`; :372 `top.type === 'seq'` → `false`, `'seq'` → `""`, `[...top.path, top.index]` → `[]`; :378 `i === cursor` → `true`; :380 `i--`; :381 `!stack.length` → `stack.length` / `true`
  it('flow: nested collections: the cursor at the inner `[`, inside it, before it and after it', () => {
    assert.deepStrictEqual(at('k: [a, ‸[b]]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 7, end: 7 }, column: 7, inList: true, existing: ['a'] });
    assert.deepStrictEqual(at('k: [a, [b‸]]\n'), { ...FLOW, slot: 'value', path: ['k', 1, 0], word: { start: 8, end: 9 }, column: 8, inList: true });
    assert.deepStrictEqual(at('k: [a‸, [b]]\n'), { ...FLOW, slot: 'value', path: ['k', 0], word: { start: 4, end: 5 }, column: 4, inList: true });
    assert.deepStrictEqual(at('k: [[a], b‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 9, end: 10 }, column: 9, inList: true });
  });

  // cursor.ts:381 `!stack.length` → `false` and `done = true` → `false` (a token after the collection: no frame, undefined)
  it('flow: what follows the closing bracket on the line is not scanned', () => {
    assert.deepStrictEqual(at('k: [a‸] b\n'), { ...FLOW, slot: 'value', path: ['k', 0], word: { start: 4, end: 5 }, column: 4, inList: true });
    assert.deepStrictEqual(at('k: [a‸], x\n'), { ...FLOW, slot: 'value', path: ['k', 0], word: { start: 4, end: 5 }, column: 4, inList: true });
  });

  // cursor.ts:439 `!at && cursor <= i` → `true` / `||` (a second snap at the end); :414 `if (text[j] === c)` → `true` and :419 `text[j] !== '\n'` → `true` / `'\n'` → `""` (a token running over the line break)
  it('flow: an unclosed collection ends at a line indented no deeper than its own; the cursor item stays the one found', () => {
    assert.deepStrictEqual(at('a:\n  next: [x‸, y,\nb: 1\n'), { ...FLOW, slot: 'value', path: ['a', 'next', 0], word: { start: 12, end: 13 }, column: 9, inList: true, existing: ['y'] });
    assert.deepStrictEqual(at('a:\n  k: ["x‸\nb: 1\n'), { ...FLOW, slot: 'value', path: ['a', 'k', 0], word: { start: 10, end: 11 }, column: 7, inList: true });
    assert.deepStrictEqual(at('a:\n  k: [x‸\nb: 1\n'), { ...FLOW, slot: 'value', path: ['a', 'k', 0], word: { start: 9, end: 10 }, column: 6, inList: true });
  });

  // cursor.ts:387 the snap at `,` → `false` / `at`; :397 the snap at `:` → `false` / `at`
  it('flow: the cursor at a comma or a colon right after a quoted item', () => {
    assert.deepStrictEqual(at('k: ["a" ‸, b]\n'), { ...FLOW, slot: 'value', path: ['k', 0], word: { start: 8, end: 8 }, column: 8, inList: true, existing: ['a', 'b'] });
    // a colon follows the (empty) word: `hasColon` (main's fix of the same day: a flow key's colon is not typed twice)
    assert.deepStrictEqual(at('k: {"a" ‸: b}\n'), { ...FLOW, slot: 'key', path: ['k'], word: { start: 8, end: 8 }, column: 8, existing: ['a'], hasColon: true });
  });

  // cursor.ts:396 the blank-or-stop test → `true`, `i + 1` → `i - 1`; :420 the same test → `true`, `j + 1` → `j - 1` (endless loops)
  it('flow: a colon not followed by a blank is part of an item; followed by `,` it is an indicator', () => {
    assert.deepStrictEqual(at('k: {x, :b‸}\n'), { ...FLOW, slot: 'key', path: ['k'], word: { start: 8, end: 9 }, column: 8, existing: ['x'], needsSpace: true });
    assert.deepStrictEqual(at('k: [x,:y‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 7, end: 8 }, column: 7, inList: true, existing: ['x'], needsSpace: true });
    assert.deepStrictEqual(at('k: {x,:y‸}\n'), { ...FLOW, slot: 'key', path: ['k'], word: { start: 7, end: 8 }, column: 7, existing: ['x'], needsSpace: true });
    assert.deepStrictEqual(at('k: {a:, b‸}\n'), { ...FLOW, slot: 'key', path: ['k'], word: { start: 8, end: 9 }, column: 8, existing: ['a'] });
    assert.deepStrictEqual(at('k: [a:b‸]\n'), { ...FLOW, slot: 'value', path: ['k', 0], word: { start: 6, end: 7 }, column: 6, inList: true, needsSpace: true });
    assert.deepStrictEqual(at('k: [a:b, c‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 9, end: 10 }, column: 9, inList: true, existing: ['a:b'] });
  });

  // cursor.ts:406 the quote test → `false` (each part, `&&`, `""`); :407 `i - 1`; :408 the loop test → `false`, `j >= text.length`, `text[j] === c`, `text[j] !== '\n'` → `true` / `===` / `""`; :409 the escape test → `false` / `true`, `c !== '"'`, `""` ×2, `j--`; :410 `j--`; :412 `{}` and `i - 1`; :413 `text`; :414 `j--`
  it('flow: quoted items hold commas, escapes and stop at their quote', () => {
    assert.deepStrictEqual(at('k: ["a,b", x‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 11, end: 12 }, column: 11, inList: true, existing: ['a,b'] });
    assert.deepStrictEqual(at('k: [\'a,b\', x‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 11, end: 12 }, column: 11, inList: true, existing: ['a,b'] });
    assert.deepStrictEqual(at('a:\n  k: ["x,\n    y, z‸]\n'), { ...FLOW, slot: 'value', path: ['a', 'k', 1], word: { start: 20, end: 21 }, column: 7, inList: true, existing: ['x,', 'y'] });
    assert.deepStrictEqual(at('k: ["a\\"b", x‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 12, end: 13 }, column: 12, inList: true, existing: ['a\\"b'] });
    assert.deepStrictEqual(at('k: ["abc", x‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 11, end: 12 }, column: 11, inList: true, existing: ['abc'] });
    assert.deepStrictEqual(at('k: [\'a\\\', x‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 10, end: 11 }, column: 10, inList: true, existing: ['a\\'] });
    assert.deepStrictEqual(at('k: ["ab", x‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 10, end: 11 }, column: 10, inList: true, existing: ['ab'] });
  });

  // cursor.ts:408 `j < text.length` → `true` (endless); :417 `j < text.length` → `true` (endless)
  it('flow: an item left open at the end of the text', () => {
    assert.deepStrictEqual(at('k: [\'ab‸'), { ...FLOW, slot: 'value', path: ['k', 0], word: { start: 5, end: 7 }, column: 5, inList: true });
    assert.deepStrictEqual(at('k: ["ab‸'), { ...FLOW, slot: 'value', path: ['k', 0], word: { start: 5, end: 7 }, column: 5, inList: true });
    assert.deepStrictEqual(at('k: [ab‸'), { ...FLOW, slot: 'value', path: ['k', 0], word: { start: 4, end: 6 }, column: 4, inList: true });
  });

  // cursor.ts:421 `text[j] === '#' && …` → `false`, `'#'` → `""`; :426 the trimming loop → `false`, `e <= i`, `e++`
  it('flow: a plain item ends before a `#` after a blank, and its trailing blanks are not part of it', () => {
    assert.deepStrictEqual(at('a:\n  k: [x #c\n    , y‸]\n'), { ...FLOW, slot: 'value', path: ['a', 'k', 1], word: { start: 20, end: 21 }, column: 6, inList: true, existing: ['x'] });
    assert.deepStrictEqual(at('k: [a , b‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 8, end: 9 }, column: 8, inList: true, existing: ['a'] });
  });

  // cursor.ts:427 `{}`; :430 the whole test → `false`, `!at || …`, `at`, `cursor > i`, `cursor < i`, `cursor < Math.max(…)`, `Math.min`, `j + (…)`, every mutant of the quote test, the snap emptied
  it('flow: the item at the cursor is the one whose text (or trailing blanks, or closing quote) the cursor touches', () => {
    assert.deepStrictEqual(at('k: [a, b‸c]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 7, end: 9 }, column: 7, inList: true, existing: ['a'] });
    assert.deepStrictEqual(at('k: [a, ‸b]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 7, end: 8 }, column: 7, inList: true, existing: ['a'] });
    assert.deepStrictEqual(at('k: [a, b c‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 9, end: 10 }, column: 9, inList: true, existing: ['a'] });
    assert.deepStrictEqual(at('k: [a ‸, b]\n'), { ...FLOW, slot: 'value', path: ['k', 0], word: { start: 6, end: 6 }, column: 6, inList: true, existing: ['b'] });
    assert.deepStrictEqual(at('k: ["a"‸, b]\n'), { ...FLOW, slot: 'value', path: ['k', 0], word: { start: 7, end: 7 }, column: 7, inList: true, existing: ['a', 'b'] });
    assert.deepStrictEqual(at('k: [\'a\'‸, b]\n'), { ...FLOW, slot: 'value', path: ['k', 0], word: { start: 7, end: 7 }, column: 7, inList: true, existing: ['a', 'b'] });
    assert.deepStrictEqual(at('k: [a‸, b]\n'), { ...FLOW, slot: 'value', path: ['k', 0], word: { start: 4, end: 5 }, column: 4, inList: true, existing: ['b'] });
  });

  // cursor.ts:433 `!top.afterColon` → `true`; :479 `if (result.flowItems)` → `false`
  it('flow map: values are not keys; the map\'s keys are the existing ones', () => {
    assert.deepStrictEqual(at('k: {a: x, b‸}\n'), { ...FLOW, slot: 'key', path: ['k'], word: { start: 10, end: 11 }, column: 10, existing: ['a'] });
    assert.deepStrictEqual(at('k: {a: 1, b‸}\n'), { ...FLOW, slot: 'key', path: ['k'], word: { start: 10, end: 11 }, column: 10, existing: ['a'] });
  });

  // cursor.ts:635 `text.slice(…)` → `text`; :637 `xs.slice()` → `xs`; :639 → `false`, `i > 0`, `wordText !== ''` → `true` / `=== ''` / `"Stryker was here!"`
  it('flow: the word itself is left out of the existing items once, and an empty word leaves empty items in', () => {
    assert.deepStrictEqual(at('k: [b, b‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 7, end: 8 }, column: 7, inList: true });
    assert.deepStrictEqual(at('k: [b, b, b‸]\n'), { ...FLOW, slot: 'value', path: ['k', 2], word: { start: 10, end: 11 }, column: 10, inList: true, existing: ['b'] });
    assert.deepStrictEqual(at('k: ["", ‸]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 8, end: 8 }, column: 8, inList: true, existing: [''] });
  });

  // cursor.ts:631 `before === ':'` → `false`, `':'` → `""`; :645 `at.key ?? ''` → `"Stryker was here!"`; :632 `word.start - 1` → `word.start + 1`
  it('flow: a value after `:` needs a space, a value without a key is under `\'\'`, and the column of a word at the end of a line', () => {
    assert.deepStrictEqual(at('k: {a:‸}\n'), { ...FLOW, slot: 'value', path: ['k', 'a'], word: { start: 6, end: 6 }, column: 6, needsSpace: true });
    assert.deepStrictEqual(at('k: {: x‸}\n'), { ...FLOW, slot: 'value', path: ['k', ''], word: { start: 6, end: 7 }, column: 6 });
    assert.deepStrictEqual(at('k: [a, b‸\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 7, end: 8 }, column: 7, inList: true, existing: ['a'] });
  });

  // cursor.ts:451 `s >= lineStart`; :453 `e <= lineEnd`; :561 `line.start - Math.min(v, cur)`
  it('block value: the word does not reach back over an anchor, nor past the end of the text', () => {
    assert.deepStrictEqual(at('a: &x‸'), { ...BLOCK, slot: 'value', path: ['a'], word: { start: 5, end: 5 }, column: 5 });
    assert.deepStrictEqual(at('k: ab‸'), { ...BLOCK, slot: 'value', path: ['k'], word: { start: 3, end: 5 }, column: 3 });
  });

  // cursor.ts:484 the `filter` removed, `k.line !== cursorLine` → `true`, `?? []` → `["Stryker was here"]`
  it('block list: the existing items leave out the cursor line\'s own item, and a new list has none', () => {
    assert.deepStrictEqual(at('next:\n  - a\n  - b‸\n'), { ...BLOCK, slot: 'value', path: ['next', 1], word: { start: 16, end: 17 }, column: 4, inList: true, existing: ['a'] });
    assert.deepStrictEqual(at('k:\n  - ‸\n'), { ...BLOCK, slot: 'value', path: ['k', 0], word: { start: 7, end: 7 }, column: 4, inList: true });
  });

  // cursor.ts:502 → `false` and its block emptied; :503 the blank test → `true` / `false` / `!==`, `trim` and `slice` removed, `"Stryker was here!"`; :504 → `true` / `false` / `&&`, `indentOf(s) > st.blockCol` → `false` / `>=` / `<=`
  it('block scalars: their lines take nothing, the first line after them does', () => {
    assert.deepStrictEqual(at('a: |\n  x\nb‸\n'), { ...BLOCK, slot: 'key', path: [], word: { start: 9, end: 10 }, column: 0, existing: ['a'] });
    assert.equal(at('- |\n  text‸\n'), undefined);
    assert.equal(at('- |\n  x\n‸\n  y\n'), undefined);
    assert.equal(at('- |\n  x\n\t‸\n'), undefined);
    assert.equal(at('- |\n  x\n‸# c\n'), undefined);
  });

  // cursor.ts:501 `cur > limit` → `false`
  it('the line\'s comment start decides first: after `]` a quote does not open', () => {
    assert.equal(at('k: [[a]\'x # y‸\', b]\n'), undefined);
  });

  // cursor.ts:506 → `true`, `>=`; the blank test → `true` / `false` / `!==`, `trim` and `slice` removed, `"Stryker was here!"`
  it('an unclosed flow collection goes on only on lines indented deeper than its own (blank lines: the cursor column)', () => {
    assert.deepStrictEqual(at('a: [x,\nb‸\n'), { ...BLOCK, slot: 'key', path: [], word: { start: 7, end: 8 }, column: 0, existing: ['a'] });
    assert.deepStrictEqual(at('a:\n  k: [x,\n  b‸\n'), { ...BLOCK, slot: 'key', path: ['a'], word: { start: 14, end: 15 }, column: 2, existing: ['k'] });
    assert.equal(at('a:\n  k: [x,\n ‸   \n'), undefined);
    assert.equal(at('a:\n  k: [x,\n ‸   # c\n'), undefined);
  });

  // cursor.ts:512 `Math.max(limit, …)` → `Math.min`
  it('the cursor before a `- ` on its line', () => {
    assert.deepStrictEqual(at('‸- a\n'), { ...BLOCK, slot: 'value', path: [0], word: { start: 0, end: 1 }, column: 0, inList: true });
  });

  // cursor.ts:513 the blank test → `false`, `trim` and `slice` removed, `"Stryker was here!"`; :515 → `false` / `true`, `||`, `dashes.length !== 0`
  it('the cursor in the indentation: of a blank line (nothing), of an item or a scalar line (the item, the map)', () => {
    assert.equal(at('a:\n  b:\n ‸   \n'), undefined);
    assert.equal(at('a:\n  b:\n ‸   # c\n'), undefined);
    assert.deepStrictEqual(at('a:\n ‸ - x\n'), { ...BLOCK, slot: 'value', path: ['a', 0], word: { start: 4, end: 4 }, column: 1, inList: true });
    assert.deepStrictEqual(at('a:\n ‸ x\n'), { ...BLOCK, slot: 'key', path: ['a'], word: { start: 4, end: 4 }, column: 2 });
  });

  // cursor.ts:516 `dashes.length > 0` → `true` / `>= 0`; :534 `top.col === dashes[0]` → `true`
  it('a line at the column of a compact list closes it; a deeper `- ` under a list item starts a new list', () => {
    assert.deepStrictEqual(at('a:\n- x\nb‸\n'), { ...BLOCK, slot: 'key', path: [], word: { start: 7, end: 8 }, column: 0, existing: ['a'] });
    assert.deepStrictEqual(at('- a\n  - b‸\n'), { ...BLOCK, slot: 'value', path: [0, 0], word: { start: 8, end: 9 }, column: 4, inList: true });
  });

  // cursor.ts:541 `k < dashes.length` → `false`, `k--`, the block emptied; :542 `[...seqPath, idx]` → `[]`
  it('nested `- - ` on the cursor line', () => {
    assert.deepStrictEqual(at('- - a‸\n'), { ...BLOCK, slot: 'value', path: [0, 0], word: { start: 4, end: 5 }, column: 4, inList: true });
  });

  // cursor.ts:549 → `false`, `dashes.length`
  it('a blank line\'s content column is the cursor\'s (after a tab)', () => {
    assert.equal(at('a:\n  b: 1\n  \t‸\n'), undefined);
  });

  // cursor.ts:560 every mutant (→ `true` / `false`, `v <= cur`, `v >= cur`, `&&`, `'|'` / `'>'` → `""`)
  it('block scalar indicators after a key, and the cursor before one', () => {
    assert.equal(at('a: |‸\n'), undefined);
    assert.deepStrictEqual(at('a: ‸|\n'), { ...BLOCK, slot: 'value', path: ['a'], word: { start: 3, end: 4 }, column: 3 });
    assert.equal(at('a: >‸\n'), undefined);
    assert.deepStrictEqual(at('a: b‸\n'), { ...BLOCK, slot: 'value', path: ['a'], word: { start: 3, end: 4 }, column: 3 });
  });

  // cursor.ts:563 `.trim()` removed (both), `/["']$/`, `/^["']/`, `/^[^"']$/`, `s.slice(…)` → `s`, `word.start + line.start`
  it('free text before the word: blanks that `trim` removes are not text; a lone quote is allowed', () => {
    assert.deepStrictEqual(at('a: \u00a0b‸\n'), { ...BLOCK, slot: 'value', path: ['a'], word: { start: 4, end: 5 }, column: 3 });
    assert.deepStrictEqual(at('a: " b‸\n'), { ...BLOCK, slot: 'value', path: ['a'], word: { start: 5, end: 6 }, column: 3 });
    assert.equal(at('a: x"‸\n'), undefined);
    assert.equal(at('a: "x y‸\n'), undefined);
    assert.equal(at('a: x y‸\n'), undefined);
    assert.deepStrictEqual(at('a: "b‸\n'), { ...BLOCK, slot: 'value', path: ['a'], word: { start: 4, end: 5 }, column: 3 });
    assert.deepStrictEqual(at('x: 1\na: "b‸\n'), { ...BLOCK, slot: 'value', path: ['a'], word: { start: 9, end: 10 }, column: 3 });
  });

  // cursor.ts:573 `cur >= k.start` → `true` / `>`, `cur <= k.end` → `true` / `<`; :583 `if (k)` → `false`
  it('a key: the cursor from its first to its last character, not before it or after it', () => {
    assert.equal(at('x:\n ‸ a: 1\n'), undefined);
    assert.deepStrictEqual(at('‸ab: 1\n'), { ...BLOCK, slot: 'key', path: [], word: { start: 0, end: 2 }, column: 0, hasColon: true });
    assert.equal(at('ab ‸: 1\n'), undefined);
    assert.deepStrictEqual(at('ab‸: 1\n'), { ...BLOCK, slot: 'key', path: [], word: { start: 0, end: 2 }, column: 0, hasColon: true });
  });

  // cursor.ts:585 every mutant (`||` ×2, `true`, `v < cur` → `true` / `<=`, the bracket test → `true` / `false` / `!==`, `'['` → `""`)
  it('a flow collection is only scanned as a list item\'s value after its `- `', () => {
    assert.equal(at('[a, b‸]\n'), undefined);
    assert.deepStrictEqual(at('- ‸[a]\n'), { ...BLOCK, slot: 'value', path: [0], word: { start: 2, end: 2 }, column: 2, inList: true });
    assert.deepStrictEqual(at('- a‸\n'), { ...BLOCK, slot: 'value', path: [0], word: { start: 2, end: 3 }, column: 2, inList: true });
    assert.deepStrictEqual(at('- [a‸]\n'), { ...FLOW, slot: 'value', path: [0, 0], word: { start: 3, end: 4 }, column: 3, inList: true });
  });

  // cursor.ts:588 → `false`, `before.trim()` → `before`
  it('free text on a line is no key, but a tab before the word is a blank', () => {
    assert.equal(at('a:\n  x y‸\n'), undefined);
    assert.deepStrictEqual(at('a:\n  \tx‸\n'), { ...BLOCK, slot: 'key', path: ['a'], word: { start: 6, end: 7 }, column: 2 });
  });

  // cursor.ts:597 → `false`, `word.start + line.start`, `+ 1` → `- 1`, `dashes.length + 1`; :586 `line.start + Math.min(content, cur)` → `-` (the word would take the `-`)
  it('right after `- ` the value needs a space', () => {
    assert.deepStrictEqual(at('-‸'), { ...BLOCK, slot: 'value', path: [0], word: { start: 1, end: 1 }, column: 1, inList: true, needsSpace: true });
    assert.deepStrictEqual(at('a:\n-‸'), { ...BLOCK, slot: 'value', path: ['a', 0], word: { start: 4, end: 4 }, column: 1, inList: true, needsSpace: true });
  });

  // cursor.ts:602 → `false`, `itemPath`, `top.type !== 'map'`, `'map'` → `""`
  it('nothing deeper than a key that has its value on its line', () => {
    assert.equal(at('a: 1\n  b‸\n'), undefined);
  });

  // cursor.ts:608 `||`, → `true`, `s.slice(…).trim() === ''` → `true`, `s.slice(0, limit)` → `s`
  it('`blank` is a blank line with an empty word only (a comment line is blank)', () => {
    assert.deepStrictEqual(at('a:\n  ‸,x\n'), { ...BLOCK, slot: 'key', path: ['a'], word: { start: 5, end: 5 }, column: 2 });
    assert.deepStrictEqual(at('a:\n  ro‸\n'), { ...BLOCK, slot: 'key', path: ['a'], word: { start: 5, end: 7 }, column: 2 });
    assert.deepStrictEqual(at('a:\n  ‸# c\n'), { ...BLOCK, slot: 'key', path: ['a'], word: { start: 5, end: 5 }, column: 2, blank: true });
  });

  // cursor.ts:366 `i < text.length` → `true` (a comment on the last line, without a line break: endless)
  it('flow: a comment on the last line of the text ends the scan', () => {
    assert.deepStrictEqual(at('k: [a‸, # c'), { ...FLOW, slot: 'value', path: ['k', 0], word: { start: 4, end: 5 }, column: 4, inList: true });
  });

  // cursor.ts:430 `cursor >= i` → `cursor > i`; :343 `i > cursor` → `i >= cursor` (the item starting at the cursor would count as an existing one)
  it('flow: an item starting at the cursor is the one being typed, not an existing one', () => {
    assert.deepStrictEqual(at('k: [a, ‸b c]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 7, end: 8 }, column: 7, inList: true, existing: ['a'] });
    assert.deepStrictEqual(at('k: [a, ‸"b"]\n'), { ...FLOW, slot: 'value', path: ['k', 1], word: { start: 7, end: 7 }, column: 7, inList: true, existing: ['a'] });
  });

  // cursor.ts:510 `st.stack.slice()` → `st.stack` (the cursor line's closing of frames would move the keys of the lines after it)
  it('a blank cursor line does not close the frames the lines after it continue', () => {
    assert.deepStrictEqual(at('a:\n  - x: 1\n  ‸\n    y: 2\n'), { ...BLOCK, slot: 'key', path: ['a'], word: { start: 14, end: 14 }, column: 2, blank: true });
  });

  // A real bug, fixed: `scanFlow` ended a multi-line collection at a whitespace line holding a tab (` \t`), which
  // the line pass counts as blank and goes on with, so the lines after it got nothing.
  it('flow: a whitespace line with tabs inside a collection does not end it', () => {
    assert.deepStrictEqual(at('a:\n  next: [x,\n \t\n    y‸]\n'), { ...FLOW, slot: 'value', path: ['a', 'next', 1], word: { start: 22, end: 23 }, column: 4, inList: true, existing: ['x'] });
    assert.deepStrictEqual(at('a:\n  next: [x,\n\t# c\n    y‸]\n'), { ...FLOW, slot: 'value', path: ['a', 'next', 1], word: { start: 24, end: 25 }, column: 4, inList: true, existing: ['x'] });
    // a line at the collection's indentation still ends it, tabs or not
    assert.deepStrictEqual(at('a:\n  next: [x,\n \t\nb‸\n'), { ...BLOCK, slot: 'key', path: [], word: { start: 18, end: 19 }, column: 0, existing: ['a'] });
  });
});

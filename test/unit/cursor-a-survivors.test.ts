/**
 * Behaviour of the YAML cursor scanner (src/core/cursor.ts, lines 1-330: lines, blanks, comments, keys, list
 * indicators, anchors and tags, bracket depth, the indentation pass and the start of block scalars and flow
 * collections) that the mutation run of the part `core-cursor` found unguarded (docs/mutation.md). Everything is
 * observed through `locate`: the slot, path, word and column at the cursor, and the keys or list items already
 * written (`existing`), which show how the lines before the cursor were read.
 *
 * Each test was checked by hand against the mutants its comments name (the mutant applied to the source, this file
 * run and failing, the source restored); the mutants that are endless loops were seen to hang the run (Stryker counts
 * them as timeouts). The survivors that no input can tell apart are listed, with the reason, in
 * docs/mutation-notes/cua.md.
 */
import { strict as assert } from 'assert';
import { at, BLOCK, FLOW } from './cursor-helpers';

describe('cursor scanner: lines 1-330 (mutation survivors)', () => {
  it('tabs and lone carriage returns count as blanks after a colon and a dash', () => {
    // cursor.ts:69 `c === '\t'` → false / `'\t'` → "" (isSpace)
    // cursor.ts:70 isBlankOrEnd: `s[i] === '\t'` / `'\r'` / `'\n'` → false / `!==` / "", and the whole test → true
    assert.deepStrictEqual(at('a:\tb\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 5, end: 5 }, existing: ['a'], blank: true, column: 0 });
    assert.deepStrictEqual(at('a:\t‸'), { ...BLOCK, slot: 'value', path: ['a'], word: { start: 3, end: 3 }, column: 3 });
    assert.deepStrictEqual(at('"a":\tb: c\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 10, end: 10 }, existing: ['a'], blank: true, column: 0 });
    assert.deepStrictEqual(at('-\t- a\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 8, end: 8 }, inList: true, column: 2 });
    assert.deepStrictEqual(at('"a":\r‸b\n'), { ...BLOCK, slot: 'value', path: ['a'], word: { start: 5, end: 6 }, column: 4 });
    assert.deepStrictEqual(at('"a":b: c\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 9, end: 9 }, blank: true, column: 0 });
    assert.deepStrictEqual(at('a: {b:\n  c‸}\n'), { ...FLOW, slot: 'value', path: ['a', 'b'], word: { start: 9, end: 10 }, column: 2 });
    assert.deepStrictEqual(at('a: {b:\r\n  c‸}\r\n'), { ...FLOW, slot: 'value', path: ['a', 'b'], word: { start: 10, end: 11 }, column: 2 });
  });

  it('comments: `#` after a blank or at the start of the line, not inside quotes', () => {
    // cursor.ts:75 `i < s.length` → false, the loop body emptied; :77 `if (quote)` → true / false, its block emptied
    // cursor.ts:78 the `\\` escape in double quotes: the test → true / false, `||`, `quote === '"'` → true / `!==` / "", `c === '\\'` → true / `!==` / ""; :78 `i++` → `i--` (an endless loop: a timeout)
    // cursor.ts:79 `c === quote` → true / false / `!==`, its block emptied
    // cursor.ts:80 the `''` escape in single quotes: the test → true / false, `||`, `quote === "'"` → true / `!==` / "", `s[i + 1] === "'"` → true / `!==` / `s[i - 1]` / ""; :80 `i++` → `i--` (a timeout)
    // cursor.ts:85 where a quote opens: the test → true / false, `||` for `&&`, the quote characters, `i === 0 || …` → true / false / `&&` / `i !== 0`, the class negated or `\S`, `s[i + 1]`
    // cursor.ts:86 `#`: the test → false, `'#'` → "", `i === 0 || isSpace(…)` → true / false / `&&` / `i !== 0`, `s[i + 1]`
    assert.deepStrictEqual(at('- a # b\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 10, end: 10 }, existing: ['a'], inList: true, column: 2 });
    assert.deepStrictEqual(at('- a\t# b\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 10, end: 10 }, existing: ['a'], inList: true, column: 2 });
    assert.deepStrictEqual(at('- a #b\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 9, end: 9 }, existing: ['a'], inList: true, column: 2 });
    assert.deepStrictEqual(at('- a#b # c\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 12, end: 12 }, existing: ['a#b'], inList: true, column: 2 });
    assert.deepStrictEqual(at('- "a # b"\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 12, end: 12 }, existing: ['a # b'], inList: true, column: 2 });
    assert.deepStrictEqual(at('- "a\\" # b"\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 14, end: 14 }, existing: ['a\\" # b'], inList: true, column: 2 });
    assert.deepStrictEqual(at('- \'a\\\' # b\'\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 14, end: 14 }, existing: ['a\\'], inList: true, column: 2 });
    assert.deepStrictEqual(at('- \'a\'\' # b\'\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 14, end: 14 }, existing: ['a\'\' # b'], inList: true, column: 2 });
    assert.deepStrictEqual(at('- \'a\' # b\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 12, end: 12 }, existing: ['a'], inList: true, column: 2 });
    assert.deepStrictEqual(at('- "a"" # b"\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 14, end: 14 }, existing: ['a"'], inList: true, column: 2 });
    assert.deepStrictEqual(at('- "a"\' # b"\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 14, end: 14 }, existing: ['"a"\''], inList: true, column: 2 });
    assert.deepStrictEqual(at('- a"b # c"\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 13, end: 13 }, existing: ['a"b'], inList: true, column: 2 });
    assert.deepStrictEqual(at('- a\'b # c\'\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 13, end: 13 }, existing: ['a\'b'], inList: true, column: 2 });
    assert.deepStrictEqual(at('a:\n  b: c\n#x\n  ‸'), { ...BLOCK, slot: 'key', path: ['a'], word: { start: 15, end: 15 }, existing: ['b'], blank: true, column: 2 });
  });

  it('quoted keys: escapes, doubled quotes, blanks before the colon', () => {
    // cursor.ts:103 `c === "'"` → false / ""
    // cursor.ts:107 the `\\` escape of a double-quoted key: → true / false, `c !== '"'`, the characters → ""; :107 its block emptied; :108 `-=`, `&&` for `??`, `s[j - 1]`; :109 `j -= 2`
    // cursor.ts:113 the `''` of a single-quoted key: → true / false, `||`, `c !== "'"` / "", `s[j + 1] === "'"` → true / `!==` / `s[j - 1]` / ""; its block emptied; :114 `""`; :115 `j -= 2`
    // cursor.ts:125 `isSpace(s[k])` → false, `k++` → `k--`; :126 the colon test → true / `||`, `s[k] === ':'` → true; :126 `from - 1`
    assert.deepStrictEqual(at('"a\\"b": c\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 10, end: 10 }, existing: ['a"b'], blank: true, column: 0 });
    assert.deepStrictEqual(at('"a\\" # b": c\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 13, end: 13 }, existing: ['a" # b'], blank: true, column: 0 });
    assert.deepStrictEqual(at('\'a\\\': c\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 8, end: 8 }, existing: ['a\\'], blank: true, column: 0 });
    assert.deepStrictEqual(at('\'a\'\'b\': c\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 10, end: 10 }, existing: ['a\'b'], blank: true, column: 0 });
    assert.deepStrictEqual(at('\'a\': b\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 7, end: 7 }, existing: ['a'], blank: true, column: 0 });
    assert.deepStrictEqual(at('"a"\'b": c\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 10, end: 10 }, blank: true, column: 0 });
    assert.deepStrictEqual(at('"a" : b\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 8, end: 8 }, existing: ['a'], blank: true, column: 0 });
    assert.deepStrictEqual(at('"a" x b\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 8, end: 8 }, blank: true, column: 0 });
    assert.deepStrictEqual(at('"a"\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 4, end: 4 }, blank: true, column: 0 });
    assert.deepStrictEqual(at('"a":b\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 6, end: 6 }, blank: true, column: 0 });
    assert.deepStrictEqual(at('"ab‸": c\n'), { ...BLOCK, slot: 'key', path: [], word: { start: 1, end: 3 }, hasColon: true, column: 1 });
    assert.deepStrictEqual(at('\'a\'\'b‸\': c\n'), { ...BLOCK, slot: 'key', path: [], word: { start: 1, end: 5 }, hasColon: true, column: 1 });
  });

  it('plain keys: a colon needs a blank after it, blanks before it are not part of the key', () => {
    // cursor.ts:131 `j + 1 >= limit || isSpace(s[j + 1])` → true; :133 the loop test → false, `e > from` → true / `>=` / `<=`, `e--` → `e++`
    assert.deepStrictEqual(at('a:b: c\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 7, end: 7 }, existing: ['a:b'], blank: true, column: 0 });
    assert.deepStrictEqual(at('a  : b\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 7, end: 7 }, existing: ['a'], blank: true, column: 0 });
    assert.deepStrictEqual(at('a:\n  ‸: b\n'), { ...BLOCK, slot: 'key', path: ['a'], word: { start: 5, end: 5 }, hasColon: true, column: 2 });
  });

  it('list indicators: a dash followed by a blank', () => {
    // cursor.ts:143 `isBlankOrEnd(s, i - 1)`
    assert.deepStrictEqual(at('- a\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 6, end: 6 }, existing: ['a'], inList: true, column: 2 });
    assert.deepStrictEqual(at('-x: y\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 6, end: 6 }, existing: ['-x'], blank: true, column: 0 });
  });

  it('anchors and tags before a value are skipped', () => {
    // cursor.ts:159 the loop test → false / `>=`, `||` → `&&`, `s[i] === '&' || …` → false, the characters → "", `s[i] === '!'` → false
    // cursor.ts:161 the loop test → false / `>=`, `i++` → `i--`
    // cursor.ts:159 block emptied, :160 every mutant (test → false / true / `||` / `>=`, `!isSpace` → `isSpace`, `i--`): endless loops on an anchor (timeouts); :160 `i <= limit`: the column after an anchor at the end of the line
    assert.deepStrictEqual(at('a: &x [b,\n  c‸]\n'), { ...FLOW, slot: 'value', path: ['a', 1], word: { start: 12, end: 13 }, inList: true, existing: ['b'], column: 2 });
    assert.deepStrictEqual(at('a: !t [b,\n  c‸]\n'), { ...FLOW, slot: 'value', path: ['a', 1], word: { start: 12, end: 13 }, inList: true, existing: ['b'], column: 2 });
    assert.deepStrictEqual(at('a: &x !t [b,\n  c‸]\n'), { ...FLOW, slot: 'value', path: ['a', 1], word: { start: 15, end: 16 }, inList: true, existing: ['b'], column: 2 });
    assert.deepStrictEqual(at('a: &x [b, ‸\n'), { ...FLOW, slot: 'value', path: ['a', 1], word: { start: 10, end: 10 }, inList: true, existing: ['b'], column: 10 });
    assert.deepStrictEqual(at('a: &x‸'), { ...BLOCK, slot: 'value', path: ['a'], word: { start: 5, end: 5 }, column: 5 });
  });

  it('bracket depth of a flow collection: quotes, escapes and comments are skipped', () => {
    // cursor.ts:172 `if (quote)` → false, its block emptied; :173 the `\\` escape: → true / false, `||`, `quote === '"'` → true / `!==` / "", `c === '\\'` → true / `!==` / ""; `i++` → `i--` (a timeout); :174 `c === quote` → true / false / `!==`
    // cursor.ts:177 quotes: → false, `&&`, the characters → ""; :178 `#`: → false, "", `i === 0 || isSpace(…)` → true / false / `&&` / `i !== 0`, `s[i + 1]`
    // cursor.ts:179 `c === '[' || c === '{'` → true, `c === '{'` → false / `!==` / ""; :180 `]` / `}`: → false, `&&`, "", `d--` → `d++`
    assert.deepStrictEqual(at('a: [b, "c]",\n  d‸]\n'), { ...FLOW, slot: 'value', path: ['a', 2], word: { start: 15, end: 16 }, inList: true, existing: ['b', 'c]'], column: 2 });
    assert.deepStrictEqual(at('a: ["ab]", c,\n  d‸]\n'), { ...FLOW, slot: 'value', path: ['a', 2], word: { start: 16, end: 17 }, inList: true, existing: ['ab]', 'c'], column: 2 });
    assert.deepStrictEqual(at('a: [\'ab]\', c,\n  d‸]\n'), { ...FLOW, slot: 'value', path: ['a', 2], word: { start: 16, end: 17 }, inList: true, existing: ['ab]', 'c'], column: 2 });
    assert.deepStrictEqual(at('a: [b, "c\\"]",\n  d‸]\n'), { ...FLOW, slot: 'value', path: ['a', 2], word: { start: 17, end: 18 }, inList: true, existing: ['b', 'c\\"]'], column: 2 });
    assert.deepStrictEqual(at('a: [\'c\\\', ]\n  x: ‸'), { ...BLOCK, slot: 'value', path: ['a', 'x'], word: { start: 17, end: 17 }, column: 5 });
    assert.deepStrictEqual(at('a: ["]", b]\n  c: ‸'), { ...BLOCK, slot: 'value', path: ['a', 'c'], word: { start: 17, end: 17 }, column: 5 });
    assert.deepStrictEqual(at('a: [b, # ]\n  c‸]\n'), { ...FLOW, slot: 'value', path: ['a', 1], word: { start: 13, end: 14 }, inList: true, existing: ['b'], column: 2 });
    assert.deepStrictEqual(at('a: [b#], c\n  x: ‸'), { ...BLOCK, slot: 'value', path: ['a', 'x'], word: { start: 16, end: 16 }, column: 5 });
    assert.deepStrictEqual(at('a: [b,\n# ]\n  c‸]\n'), { ...FLOW, slot: 'value', path: ['a', 1], word: { start: 13, end: 14 }, inList: true, existing: ['b'], column: 2 });
    assert.deepStrictEqual(at('a: [b, #x]\n  c‸]\n'), { ...FLOW, slot: 'value', path: ['a', 1], word: { start: 13, end: 14 }, inList: true, existing: ['b'], column: 2 });
    assert.deepStrictEqual(at('a: [b]\n  x: ‸'), { ...BLOCK, slot: 'value', path: ['a', 'x'], word: { start: 12, end: 12 }, column: 5 });
    assert.deepStrictEqual(at('a: {b}\n  x: ‸'), { ...BLOCK, slot: 'value', path: ['a', 'x'], word: { start: 12, end: 12 }, column: 5 });
    assert.deepStrictEqual(at('a: {b,\n  c‸}\n'), { ...FLOW, slot: 'key', path: ['a'], word: { start: 9, end: 10 }, existing: ['b'], column: 2 });
  });

  it('a flow collection continued on the next lines', () => {
    // cursor.ts:253 `if (st.flow)` → false, its block emptied; :254 → false, `!blank` → `blank`, `indent < st.flow.indent`; :255 the else block emptied; :256 `-=`; :257 → false, `< 0`
    // cursor.ts:300 `|` / `>`: → false, `&&`, ""; :301 → true, `c === '{'` → false / `!==` / ""; :303 `depth > 0` → true / `>=`
    assert.deepStrictEqual(at('a: [b,\n  c: d]\n  ‸'), undefined);
    assert.deepStrictEqual(at('a: [b,\nc: d\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 12, end: 12 }, existing: ['a', 'c'], blank: true, column: 0 });
    assert.deepStrictEqual(at('a: [b,\n  [c,\n  d‸]]\n'), { ...FLOW, slot: 'value', path: ['a', 1, 1], word: { start: 15, end: 16 }, inList: true, existing: ['c'], column: 2 });
    assert.deepStrictEqual(at('a: [b,\n  c]\n  d: ‸'), { ...BLOCK, slot: 'value', path: ['a', 'd'], word: { start: 17, end: 17 }, column: 5 });
    assert.deepStrictEqual(at('a: b [c\n  d: ‸'), { ...BLOCK, slot: 'value', path: ['a', 'd'], word: { start: 13, end: 13 }, column: 5 });
    assert.deepStrictEqual(at('a: {b,\n  c: ‸'), { ...FLOW, slot: 'value', path: ['a', 'c'], word: { start: 12, end: 12 }, column: 5 });
    assert.deepStrictEqual(at('a: [b]\n  c: ‸'), { ...BLOCK, slot: 'value', path: ['a', 'c'], word: { start: 12, end: 12 }, column: 5 });
    assert.deepStrictEqual(at('a: |\n  x: y\n  ‸'), undefined);
    assert.deepStrictEqual(at('a: >\n  x: y\n  ‸'), undefined);
  });

  it('block frames: a list at the column of its key, a map reused', () => {
    // cursor.ts:222 `stack.length + 1`; :223 the test → false, `top.col === c` → true / `!==`, `top.type === 'seq'` → true / `!==` / ""
    // cursor.ts:229 `top.type === type` → true; :267 `dashes.length > 0` → true / false / `>=` / `<=`
    assert.deepStrictEqual(at('a:\n- b\n- c\nd: ‸'), { ...BLOCK, slot: 'value', path: ['d'], word: { start: 14, end: 14 }, column: 3 });
    assert.deepStrictEqual(at('a:\n- \n  c: ‸'), { ...BLOCK, slot: 'value', path: ['a', 0, 'c'], word: { start: 11, end: 11 }, column: 5 });
    assert.deepStrictEqual(at('x:\n  a: b\n  junk\n    ‸'), undefined);
    assert.deepStrictEqual(at('a:\n- b\n- ‸'), { ...BLOCK, slot: 'value', path: ['a', 1], word: { start: 9, end: 9 }, existing: ['b'], inList: true, column: 2 });
    assert.deepStrictEqual(at('a: b\n- c\n- ‸'), { ...BLOCK, slot: 'value', path: ['a', 1], word: { start: 11, end: 11 }, existing: ['c'], inList: true, column: 2 });
    assert.deepStrictEqual(at('a:\n- b\nc: d\n‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 12, end: 12 }, existing: ['a', 'c'], blank: true, column: 0 });
    assert.deepStrictEqual(at('- a\n- b\n- ‸'), { ...BLOCK, slot: 'value', path: [2], word: { start: 10, end: 10 }, existing: ['a', 'b'], inList: true, column: 2 });
  });

  it('blank and comment-only lines close nothing', () => {
    // cursor.ts:248 `blank` → false, `.trim()` dropped, `s.slice(0, limit)` → `s`, `''` → another string; :261 `if (blank)` → false
    assert.deepStrictEqual(at('a:\n  b: c\n\n  ‸'), { ...BLOCK, slot: 'key', path: ['a'], word: { start: 13, end: 13 }, existing: ['b'], blank: true, column: 2 });
    assert.deepStrictEqual(at('a:\n  - b\n\n  - ‸'), { ...BLOCK, slot: 'value', path: ['a', 1], word: { start: 14, end: 14 }, existing: ['b'], inList: true, column: 4 });
    assert.deepStrictEqual(at('a:\n  - b\n \n  - ‸'), { ...BLOCK, slot: 'value', path: ['a', 1], word: { start: 15, end: 15 }, existing: ['b'], inList: true, column: 4 });
    assert.deepStrictEqual(at('a:\n  - b\n  # c\n  - ‸'), { ...BLOCK, slot: 'value', path: ['a', 1], word: { start: 19, end: 19 }, existing: ['b'], inList: true, column: 4 });
    assert.deepStrictEqual(at('x:\n  a: b\n \n    ‸'), undefined);
    assert.deepStrictEqual(at('a:\n  b: c\n# x\n  ‸'), { ...BLOCK, slot: 'key', path: ['a'], word: { start: 16, end: 16 }, existing: ['b'], blank: true, column: 2 });
  });

  it('block scalars: the lines indented more than their key belong to them', () => {
    // cursor.ts:249 → false / `===`, its block emptied; :250 → true / false / `&&`, `indent > st.blockCol` → false / `>=` / `<=`
    assert.deepStrictEqual(at('a: |\n  x\nb:\n  ‸'), { ...BLOCK, slot: 'key', path: ['b'], word: { start: 14, end: 14 }, blank: true, column: 2 });
    assert.deepStrictEqual(at('a: |\n  x: y\n  ‸'), undefined);
    assert.deepStrictEqual(at('a: |\n  x\n\n  y: z\n  ‸'), undefined);
    assert.deepStrictEqual(at('- |\n  x\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 10, end: 10 }, inList: true, column: 2 });
    assert.deepStrictEqual(at('- >\n  x\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 10, end: 10 }, inList: true, column: 2 });
  });

  it('document markers and directives', () => {
    // cursor.ts:262 → false (all three tests), `&&` for `||` (twice), `endsWith` for `startsWith` (twice), `indent === 0 && …` → false / true, `indent !== 0`, `'%'` → ""; its block emptied
    // cursor.ts:263 → true / false, `&&`, `endsWith` (twice), `'---'` / `'...'` → ""
    assert.deepStrictEqual(at('a:\n  b: c\n---\n  ‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 16, end: 16 }, existing: ['a'], blank: true, column: 2 });
    assert.deepStrictEqual(at('a:\n  b: c\n...\n  ‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 16, end: 16 }, existing: ['a'], blank: true, column: 2 });
    assert.deepStrictEqual(at('a:\n  b: c\n--- x\n  ‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 18, end: 18 }, existing: ['a'], blank: true, column: 2 });
    assert.deepStrictEqual(at('a:\n  b: c\n... x\n  ‸'), { ...BLOCK, slot: 'key', path: [], word: { start: 18, end: 18 }, existing: ['a'], blank: true, column: 2 });
    assert.deepStrictEqual(at('a:\n  b: c\nx---\n  ‸'), { ...BLOCK, slot: 'key', path: ['a'], word: { start: 17, end: 17 }, existing: ['b'], blank: true, column: 2 });
    assert.deepStrictEqual(at('a:\n  b: c\nx...\n  ‸'), { ...BLOCK, slot: 'key', path: ['a'], word: { start: 17, end: 17 }, existing: ['b'], blank: true, column: 2 });
    assert.deepStrictEqual(at('a:\n- b\n%x\n- ‸'), { ...BLOCK, slot: 'value', path: ['a', 1], word: { start: 12, end: 12 }, existing: ['b'], inList: true, column: 2 });
    assert.deepStrictEqual(at('a:\n  b: c\n%x\n  ‸'), { ...BLOCK, slot: 'key', path: ['a'], word: { start: 15, end: 15 }, existing: ['b'], blank: true, column: 2 });
  });

  it('list items: the items already there, without quotes, blanks and empty items', () => {
    // cursor.ts:273 `content >= limit` → false / `>`; :284 `v < limit` → false; :291 `[]` for the item path
    // cursor.ts:292 `[`, `{`, `|`, `>` items: each test → false, the `&&`s, the characters → ""; :293 `.trim()` dropped, the quote regex (`^` / `$` dropped, `[^"']`, `(.)`), `'$2'` → ""
    assert.deepStrictEqual(at('- \n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 5, end: 5 }, inList: true, column: 2 });
    assert.deepStrictEqual(at('a: b\n  ‸'), undefined);
    assert.deepStrictEqual(at('- [a,\n  b‸]\n'), { ...FLOW, slot: 'value', path: [0, 1], word: { start: 8, end: 9 }, inList: true, existing: ['a'], column: 2 });
    assert.deepStrictEqual(at('- [a]\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 8, end: 8 }, inList: true, column: 2 });
    assert.deepStrictEqual(at('- {a: b}\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 11, end: 11 }, inList: true, column: 2 });
    assert.deepStrictEqual(at('- a  \n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 8, end: 8 }, existing: ['a'], inList: true, column: 2 });
    assert.deepStrictEqual(at('- x"a"\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 9, end: 9 }, existing: ['x"a"'], inList: true, column: 2 });
    assert.deepStrictEqual(at('- "a"b\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 9, end: 9 }, existing: ['"a"b'], inList: true, column: 2 });
    assert.deepStrictEqual(at('- "a"\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 8, end: 8 }, existing: ['a'], inList: true, column: 2 });
    assert.deepStrictEqual(at('- "ab"\n- ‸'), { ...BLOCK, slot: 'value', path: [1], word: { start: 9, end: 9 }, existing: ['ab'], inList: true, column: 2 });
  });
});

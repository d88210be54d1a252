/**
 * The YAML cursor scanner (`src/core/cursor.ts`): exact contexts at exact
 * offsets, block and flow style, comments, block scalars and CRLF lines.
 * `‸` marks the cursor in each text (it is removed before scanning).
 */
import * as assert from 'assert';
import { locate, matchPath } from '../../src/core/cursor';
import { at, BLOCK, FLOW } from './cursor-helpers';

describe('cursor: locate', () => {
  it('a key being typed in a block map', () => {
    assert.deepStrictEqual(at('steps:\n  pick:\n    ro‸\n'), {
      ...BLOCK,
      slot: 'key',
      path: ['steps', 'pick'],
      word: { start: 19, end: 21 },
      column: 4,
    });
  });

  it('a key with its colon already typed: only the key is replaced', () => {
    assert.deepStrictEqual(at('steps:\n  pick:\n    ro‸le: sales\n'), {
      ...BLOCK,
      slot: 'key',
      path: ['steps', 'pick'],
      word: { start: 19, end: 23 },
      hasColon: true,
      column: 4,
    });
  });

  it('a value being typed after a key, and a value right after the colon needs a space', () => {
    assert.deepStrictEqual(at('steps:\n  pick:\n    role: sa‸\n'), {
      ...BLOCK,
      slot: 'value',
      path: ['steps', 'pick', 'role'],
      word: { start: 25, end: 27 },
      column: 10,
    });
    assert.deepStrictEqual(at('steps:\n  pick:\n    role:‸\n'), {
      ...BLOCK,
      slot: 'value',
      path: ['steps', 'pick', 'role'],
      word: { start: 24, end: 24 },
      needsSpace: true,
      column: 9,
    });
  });

  it('a list item under a key: its index, and the items already there (the cursor line excluded)', () => {
    assert.deepStrictEqual(at('steps:\n  pick:\n    next:\n      - a\n      - ‸\n'), {
      ...BLOCK,
      slot: 'value',
      path: ['steps', 'pick', 'next', 1],
      word: { start: 43, end: 43 },
      inList: true,
      existing: ['a'],
      column: 8,
    });
  });

  it('the keys already in the map are listed, the one being typed is not', () => {
    const c = at('steps:\n  pick:\n    role: a\n    ty‸\n    name: x\n')!;
    assert.equal(c.slot, 'key');
    assert.deepStrictEqual(c.existing, ['role', 'name']);
  });

  it('a flow sequence: the item index and the other items', () => {
    assert.deepStrictEqual(at('steps:\n  pick:\n    next: [a, b‸]\n'), {
      ...FLOW,
      slot: 'value',
      path: ['steps', 'pick', 'next', 1],
      word: { start: 29, end: 30 },
      inList: true,
      existing: ['a'],
      column: 14,
    });
  });

  it('a flow map: key and value', () => {
    assert.deepStrictEqual(at('steps: {pick: {ro‸}}\n'), {
      ...FLOW,
      slot: 'key',
      path: ['steps', 'pick'],
      word: { start: 15, end: 17 },
      column: 15,
    });
    assert.deepStrictEqual(at('steps: {pick: {role: s‸}}\n'), {
      ...FLOW,
      slot: 'value',
      path: ['steps', 'pick', 'role'],
      word: { start: 21, end: 22 },
      column: 21,
    });
  });

  it('a flow map key with its colon already typed: only the key is replaced (no second colon)', () => {
    assert.deepStrictEqual(at('steps: {pick: {ro‸: s}}\n'), {
      ...FLOW,
      slot: 'key',
      path: ['steps', 'pick'],
      word: { start: 15, end: 17 },
      hasColon: true,
      column: 15,
    });
    assert.equal(at('steps: {pick: {ro‸ : s}}\n')?.hasColon, true);
    assert.equal(at('steps: {pick: {ro‸:}}\n')?.hasColon, true);
    assert.equal(at('steps: {pick: {ro‸:s}}\n')?.hasColon, false); // `ro:s` is one plain scalar in a flow map
    assert.equal(at('steps: {pick: {ro‸, name: s}}\n')?.hasColon, false);
  });

  it('nothing in a comment, in a block scalar, or in free text', () => {
    assert.equal(at('steps:\n  pick: # ro‸le\n'), undefined);
    assert.equal(at('# ro‸le\nsteps:\n'), undefined);
    assert.equal(at('steps:\n  pick:\n    name: |\n      ro‸\n'), undefined);
    assert.equal(at('steps:\n  pick:\n    name: two wo‸rds\n'), undefined);
  });

  it('CRLF lines give the same contexts as LF lines, at the shifted offsets', () => {
    assert.deepStrictEqual(at('steps:\r\n  pick:\r\n    role: sa‸\r\n'), {
      ...BLOCK,
      slot: 'value',
      path: ['steps', 'pick', 'role'],
      word: { start: 27, end: 29 },
      column: 10,
    });
    assert.deepStrictEqual(at('steps:\r\n  pick:\r\n    role: a\r\n    ty‸\r\n'), {
      ...BLOCK,
      slot: 'key',
      path: ['steps', 'pick'],
      word: { start: 34, end: 36 },
      existing: ['role'],
      column: 4,
    });
  });

  it('offsets outside the text give nothing', () => {
    assert.equal(locate('a: b\n', -1), undefined);
    assert.equal(locate('a: b\n', 6), undefined);
  });
});

describe('cursor: matchPath', () => {
  it('returns what the stars matched, as text, for a path of the same shape', () => {
    assert.deepStrictEqual(matchPath(['steps', '*', 'next', '*'], ['steps', 'pick', 'next', 'yes']), ['pick', 'yes']);
    assert.deepStrictEqual(matchPath(['steps', '*', 'next', '*'], ['steps', 'pick', 'next', 0]), ['pick', '0']);
    assert.deepStrictEqual(matchPath(['rules'], ['rules']), []);
  });

  it('no match for another length or another fixed key', () => {
    assert.equal(matchPath(['rules'], []), undefined);
    assert.equal(matchPath(['rules', '*'], ['rules']), undefined);
    assert.equal(matchPath(['rules', '*'], ['rules', 'a', 'b']), undefined);
    assert.equal(matchPath(['steps', '*', 'next'], ['steps', 'pick', 'needs']), undefined);
    assert.equal(matchPath(['steps', '*'], [0, 'pick']), undefined);
  });
});

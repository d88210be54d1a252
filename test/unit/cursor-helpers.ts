/** Helpers of the cursor scanner's tests (cursor.test.ts and its survivor files). */
import { strict as assert } from 'assert';
import { locate, type CursorContext } from '../../src/core/cursor';

/** The cursor mark in a test text. */
export const MARK = '‸';

/** `locate` at the cursor mark `‸` (removed from the text before scanning). */
export function at(marked: string): CursorContext | undefined {
  const offset = marked.indexOf(MARK);
  assert.ok(offset >= 0, 'test text has a cursor mark');
  return locate(marked.slice(0, offset) + marked.slice(offset + MARK.length), offset);
}

/** The fields of a context in a block map or list that most tests leave at their defaults. */
export const BLOCK = { existing: [], inList: false, blank: false, hasColon: false, needsSpace: false, inFlow: false };
/** The same in a flow collection. */
export const FLOW = { blank: false, hasColon: false, inFlow: true, needsSpace: false, inList: false, existing: [] };

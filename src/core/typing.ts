/**
 * Typing aids: full-width punctuation that a Chinese input method produces
 * where YAML needs its ASCII syntax, corrected as the user types — but only
 * where that reading is the only one:
 *
 * - `name：发货` → `name: 发货`: a full-width colon `：` right after a key, on a
 *   line that can only be a key of a map (the top level, a sibling of other
 *   keys, or the child of a key that holds a map such as `process:`, `steps:`
 *   or a step);
 * - `－ 当天发货` → `- 当天发货`: a full-width dash used as a list dash at the
 *   start of a line under a key;
 * - `needs: [pack，ship]` → `needs: [pack, ship]`: a full-width comma between
 *   ids in a one-line flow list.
 *
 * Text inside values, comments, quoted strings, block scalars (`|`, `>`) and
 * multi-line scalars is never changed: `name: 说明：发货` keeps its `：`, and so
 * does `concerns: [尽快，准确]` (a comma between words, not between ids).
 * Applying the edits twice changes nothing the second time.
 *
 * Pure: text and an offset in, edits (in offsets) out. Bounded work: looks at
 * most `MAX_LOOKBACK` lines around the line.
 */
import { applyEdits, type TextEdit } from './edits';
import { describeKey } from './schema';
import { FW_COLON, FW_COMMA, FW_DASH, FW_SPACE } from './typing-triggers';

export { TYPING_TRIGGERS } from './typing-triggers';

const MAX_LOOKBACK = 2000;

interface Line {
  start: number;
  text: string;
}

/** Lines of the text around `index` (at most MAX_LOOKBACK before and after). */
function linesAround(text: string, offset: number): { lines: Line[]; at: number } {
  const o = Math.max(0, Math.min(offset, text.length));
  const startOf = (pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
  const cur = startOf(o);
  const before: Line[] = [];
  let s = cur;
  while (s > 0 && before.length < MAX_LOOKBACK) {
    const prev = startOf(s - 1);
    before.push({ start: prev, text: stripCr(text.slice(prev, s - 1)) });
    s = prev;
  }
  before.reverse();
  const lines = before;
  const at = lines.length;
  let p = cur;
  while (lines.length - at < MAX_LOOKBACK) {
    const nl = text.indexOf('\n', p);
    const end = nl < 0 ? text.length : nl;
    lines.push({ start: p, text: stripCr(text.slice(p, end)) });
    if (nl < 0) break;
    p = nl + 1;
  }
  return { lines, at };
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

/** Leading ASCII spaces; -1 when the indentation holds anything else (a tab, a full-width space). */
function indentOf(s: string): number {
  let i = 0;
  while (i < s.length && s[i] === ' ') i++;
  if (i < s.length && (s[i] === '\t' || s[i] === FW_SPACE)) return -1;
  return i;
}

function isBlank(s: string): boolean {
  const t = s.trim();
  return t === '' || t.startsWith('#');
}

interface KeyLine {
  key: string;
  /** The value after `: ` up to a comment, trimmed ('' for none). */
  value: string;
  /** Offset in the line where the value starts. */
  valueAt: number;
}

const PLAIN_KEY = /^([^\s#'"[\]{},:&*!|>%@`-][^\s:#]*|"[^"\\]*"|'[^']*')[ ]*:(?=[ ]|$)/;

/** The line as `key: value` (after its indentation), or undefined. */
function keyLine(s: string): KeyLine | undefined {
  const ind = indentOf(s);
  if (ind < 0) return undefined;
  const m = PLAIN_KEY.exec(s.slice(ind));
  if (!m) return undefined;
  const valueAt = ind + m[0].length;
  let rest = s.slice(valueAt);
  const hash = rest.search(/(^|[ ])#/);
  if (hash >= 0) rest = rest.slice(0, hash);
  return { key: m[1].replace(/^["']|["']$/g, ''), value: rest.trim(), valueAt };
}

/** The children of these paths are maps: any line directly under them is a key. */
function holdsMap(path: string[]): boolean {
  const n = path.length;
  if (n === 0) return true;
  const top = path[0];
  if (n === 1) return ['process', 'roles', 'steps', 'requirements', 'data', 'rules'].includes(top);
  if (n === 2) return ['roles', 'steps', 'requirements', 'data'].includes(top);
  if (n === 3) return (top === 'steps' && (path[2] === 'next' || path[2] === 'attributes')) || (top === 'requirements' && path[2] === 'sets');
  return false;
}

interface Place {
  /** Keys of the enclosing maps, outermost first. */
  path: string[];
  /** The nearest enclosing line is a key with no value on its line (undefined at the top level). */
  parentIndent: number;
  /** Lines at the same indentation under the same parent (before and after). */
  siblings: string[];
}

/**
 * Where line `i` sits, when every enclosing line is a plain `key:` with no
 * value on its line (so the line is not inside a block scalar, a multi-line
 * scalar or a list); undefined otherwise.
 */
function placeOf(lines: Line[], i: number): Place | undefined {
  const n = indentOf(lines[i].text);
  if (n < 0) return undefined;
  const path: string[] = [];
  const siblings: string[] = [];
  let need = n;
  let parentIndent = -1;
  let first = true;
  for (let j = i - 1; j >= 0; j--) {
    const s = lines[j].text;
    if (isBlank(s)) continue;
    const ind = indentOf(s);
    if (ind < 0) return undefined;
    if (first) {
      // the line just above must end cleanly: no open quote or bracket running into this line
      first = false;
      if (unbalanced(s)) return undefined;
    }
    if (ind >= need) {
      if (ind === n && path.length === 0) siblings.push(s);
      continue;
    }
    const k = keyLine(s);
    if (!k || k.value !== '') return undefined;
    if (parentIndent < 0) parentIndent = ind;
    path.unshift(k.key);
    need = ind;
    if (ind === 0) break;
  }
  // ran out of lines before reaching the top level: not sure
  if (need > 0 && i >= MAX_LOOKBACK) return undefined;
  for (let j = i + 1; j < lines.length; j++) {
    const s = lines[j].text;
    if (isBlank(s)) continue;
    const ind = indentOf(s);
    if (ind < 0 || ind < n) break;
    if (ind === n) siblings.push(s);
  }
  return { path, parentIndent, siblings };
}

function unbalanced(s: string): boolean {
  const k = keyLine(s);
  const v = k ? k.value : s.trim().replace(/^-\s*/, '');
  if (v.startsWith('"')) return !/^"([^"\\]|\\.)*"\s*$/.test(v);
  if (v.startsWith("'")) return !/^'([^']|'')*'\s*$/.test(v);
  if (v.startsWith('[') || v.startsWith('{')) {
    let depth = 0;
    for (const ch of v) {
      if (ch === '[' || ch === '{') depth++;
      else if (ch === ']' || ch === '}') depth--;
    }
    return depth > 0;
  }
  return false;
}

/** True when the line at `i` can only be a key of a map. */
function isKeyPosition(lines: Line[], i: number): boolean {
  const place = placeOf(lines, i);
  if (!place) return false;
  if (holdsMap(place.path)) return true;
  return place.siblings.some((s) => keyLine(s) !== undefined);
}

const ID = /^[A-Za-z0-9_.-]+$/;

/** Edits for line `i` (offsets into the whole text). */
function lineEdits(lines: Line[], i: number): TextEdit[] {
  const { start, text: s } = lines[i];
  const ind = indentOf(s);
  if (ind < 0 || isBlank(s)) return [];
  const out: TextEdit[] = [];
  const content = s.slice(ind);

  // `－ item` → `- item`
  if (content.startsWith(FW_DASH) && (content.length === 1 || content[1] === ' ' || content[1] === FW_SPACE)) {
    const place = placeOf(lines, i);
    const prev = previousSignificant(lines, i);
    // a dash is a list dash where a list is expected: under a key whose value is a list, or beside other items
    const prevKey = prev === undefined ? undefined : keyLine(prev);
    const beside = prev !== undefined && indentOf(prev) === ind && /^\s*-(\s|$)/.test(prev);
    let listKey = false;
    if (place && prev !== undefined && prevKey?.value === '' && indentOf(prev) <= ind) {
      const path = indentOf(prev) < ind ? place.path : [...place.path, prevKey.key];
      const kind = describeKey(path)?.type.kind;
      listKey = kind === 'refList' || kind === 'stringList' || kind === 'next';
    }
    if (place !== undefined && (beside || listKey)) {
      const fwSpace = content[1] === FW_SPACE;
      out.push({ span: { start: start + ind, end: start + ind + (fwSpace ? 2 : 1) }, newText: fwSpace ? '- ' : '-' });
    }
    return out;
  }

  const k = keyLine(s);
  if (!k) {
    // `name：发货` → `name: 发货`
    const c = content.indexOf(FW_COLON);
    if (c <= 0) return out;
    const key = content.slice(0, c);
    if (/[\s#'"[\]{},:]/.test(key) || key.startsWith('-') || key.startsWith(FW_DASH)) return out;
    if (!isKeyPosition(lines, i)) return out;
    const after = content[c + 1];
    const at = start + ind + c;
    if (after === undefined || after === FW_SPACE) out.push({ span: { start: at, end: at + (after === FW_SPACE ? 2 : 1) }, newText: ': ' });
    else if (after === ' ') out.push({ span: { start: at, end: at + 1 }, newText: ':' });
    else out.push({ span: { start: at, end: at + 1 }, newText: ': ' });
    return out;
  }

  // `needs: [a，b]` → `needs: [a, b]`
  if (k.value.startsWith('[') && k.value.includes(FW_COMMA) && !/["'{]/.test(k.value)) {
    if (placeOf(lines, i) === undefined) return out;
    const open = s.indexOf('[', k.valueAt);
    let close = s.indexOf(']', open);
    if (close < 0) close = open + 1 + s.slice(open + 1).search(/(\s#|$)/);
    const inner = s.slice(open + 1, close);
    if (inner.includes('[')) return out;
    const parts = inner.split(/[,，]/);
    let pos = open + 1;
    for (let p = 0; p < parts.length - 1; p++) {
      pos += parts[p].length;
      if (s[pos] === FW_COMMA) {
        const before = parts[p].trim();
        const next = parts[p + 1].trim();
        const isLast = p + 1 === parts.length - 1;
        if (ID.test(before) && (ID.test(next) || (next === '' && isLast))) {
          const spaced = s[pos + 1] === ' ' || (isLast && next === '' && s[pos + 1] !== ']' && pos + 1 >= close);
          out.push({ span: { start: start + pos, end: start + pos + 1 }, newText: spaced ? ',' : ', ' });
        }
      }
      pos += 1;
    }
  }
  return out;
}

function previousSignificant(lines: Line[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) if (!isBlank(lines[j].text)) return lines[j].text;
  return undefined;
}

/**
 * The corrections for the line holding `offset` (after a character was typed
 * there). Empty when nothing on that line is unambiguously mistaken.
 */
export function typingFixes(text: string, offset: number): TextEdit[] {
  try {
    const { lines, at } = linesAround(text, offset);
    const original = lines[at].text;
    // a line can hold more than one mistake (`name：[a，b]`): fix until stable, report one edit
    let line = original;
    for (let pass = 0; pass < 3; pass++) {
      lines[at] = { start: 0, text: line };
      const edits = lineEdits(lines, at);
      if (edits.length === 0) break;
      line = applyEdits(line, edits);
    }
    if (line === original) return [];
    let a = 0;
    while (a < line.length && a < original.length && line[a] === original[a]) a++;
    let b = 0;
    while (b < line.length - a && b < original.length - a && line[line.length - 1 - b] === original[original.length - 1 - b]) b++;
    const start = text.lastIndexOf('\n', Math.max(0, Math.min(offset, text.length)) - 1) + 1;
    return [{ span: { start: start + a, end: start + original.length - b }, newText: line.slice(a, line.length - b) }];
  } catch {
    return [];
  }
}

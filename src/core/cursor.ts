/**
 * The YAML cursor scanner: where the cursor is, in YAML terms, computed from
 * the raw text so that it keeps working on the incomplete line being typed
 * (`    role: `, `    next: [a, `, `      pick.`).
 *
 * `locate` makes one pass over the lines before and after the cursor,
 * tracking the open block nodes by indentation the way YAML does (maps,
 * `- ` lists, compact lists under a key, block scalars and flow collections,
 * also when they span lines). That gives the YAML path of the cursor and
 * whether a key or a value is being typed: the same answer the parse tree
 * gives on a well-formed file, and still an answer when the current line
 * does not parse. Used by completion and by hover (keys and words).
 *
 * Pure TypeScript: no editor or Node API, no state between calls.
 */
import type { Span } from './types';

/** A step of a YAML path: a map key or a list index. */
export type Seg = string | number;

/** Where the cursor is, in YAML terms. */
export interface CursorContext {
  /**
   * `key`: a key of the map at `path` is being typed.
   * `value`: the scalar at `path` is being typed (`[…, key]`, or `[…, key, index]` in a list).
   */
  slot: 'key' | 'value';
  path: Seg[];
  /** The word at the cursor (without quotes); empty at a fresh position. */
  word: Span;
  /** Keys already in the map (key slot), or items already in the list (value slot in a list); the word itself excluded. */
  existing: string[];
  /** The value is an item of a list (`- x` or `[x]`). */
  inList: boolean;
  /** A blank line directly under a key with no value: a list item needs its `- `. */
  blank: boolean;
  /** Key slot: the line already has `:` after the word (only the key is replaced). */
  hasColon: boolean;
  /** The character right before the word needs a space after it (`role:|`, `-|`, `,|`). */
  needsSpace: boolean;
  /** Column where the key or value starts (for the indentation of multi-line inserts). */
  column: number;
  /** Inside a flow collection (`[…]`, `{…}`). */
  inFlow: boolean;
}

// ---------------------------------------------------------------------------
// Lines

interface Line {
  start: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      let end = i;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      out.push({ start, text: text.slice(start, end) });
      start = i + 1;
    }
  }
  return out;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const isBlankOrEnd = (s: string, i: number) => i >= s.length || s[i] === ' ' || s[i] === '\t' || s[i] === '\r' || s[i] === '\n';

/** Column where a comment starts (`#` at the start or after a blank, outside quotes), or the line length. */
function commentStart(s: string): number {
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) {
        if (quote === "'" && s[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:-]/.test(s[i - 1]))) quote = c;
    else if (c === '#' && (i === 0 || isSpace(s[i - 1]))) return i;
  }
  return s.length;
}

interface KeyInfo {
  key: string;
  /** Columns of the key's text (inside quotes). */
  start: number;
  end: number;
  colon: number;
}

/** A `key:` at column `from` (plain or quoted), or nothing. `limit` is where the code of the line ends. */
function keyAt(s: string, from: number, limit: number): KeyInfo | undefined {
  const c = s[from];
  if (c === undefined || from >= limit) return undefined;
  if (c === '"' || c === "'") {
    let j = from + 1;
    let val = '';
    while (j < limit) {
      if (c === '"' && s[j] === '\\') {
        val += s[j + 1] ?? '';
        j += 2;
        continue;
      }
      if (s[j] === c) {
        if (c === "'" && s[j + 1] === "'") {
          val += "'";
          j += 2;
          continue;
        }
        break;
      }
      val += s[j];
      j++;
    }
    if (j >= limit) return undefined;
    let k = j + 1;
    while (isSpace(s[k])) k++;
    if (s[k] === ':' && isBlankOrEnd(s, k + 1)) return { key: val, start: from + 1, end: j, colon: k };
    return undefined;
  }
  if ('[]{}#&*!|>%@`,?'.includes(c)) return undefined;
  for (let j = from; j < limit; j++) {
    if (s[j] === ':' && (j + 1 >= limit || isSpace(s[j + 1]))) {
      let e = j;
      while (e > from && isSpace(s[e - 1])) e--;
      return { key: s.slice(from, e), start: from, end: e, colon: j };
    }
  }
  return undefined;
}

/** Skips `- ` indicators from column `i`; returns their columns and the column after them. */
function dashesFrom(s: string, i: number, limit: number): { dashes: number[]; content: number } {
  const dashes: number[] = [];
  while (i < limit && s[i] === '-' && isBlankOrEnd(s, i + 1)) {
    dashes.push(i);
    i++;
    while (i < limit && isSpace(s[i])) i++;
  }
  return { dashes, content: i };
}

function indentOf(s: string): number {
  let i = 0;
  while (i < s.length && s[i] === ' ') i++;
  return i;
}

/** Skips an anchor (`&a`) or a tag (`!t`) before a value. */
function skipProperties(s: string, i: number, limit: number): number {
  while (i < limit && (s[i] === '&' || s[i] === '!')) {
    while (i < limit && !isSpace(s[i])) i++;
    while (i < limit && isSpace(s[i])) i++;
  }
  return i;
}

/** Bracket depth change of a piece of flow text (quotes and comments skipped). */
function flowDepth(s: string, from: number, limit: number): number {
  let d = 0;
  let quote: string | undefined;
  for (let i = from; i < limit; i++) {
    const c = s[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || isSpace(s[i - 1]))) break;
    else if (c === '[' || c === '{') d++;
    else if (c === ']' || c === '}') d--;
  }
  return d;
}

// ---------------------------------------------------------------------------
// The indentation pass

interface Frame {
  col: number;
  type: 'map' | 'seq';
  path: Seg[];
  key?: string;
  /** The current key has a value on its own line (so it has no block children). */
  keyHasValue: boolean;
  index: number;
}

const pathKey = (p: readonly Seg[]) => JSON.stringify(p);

function childPath(top: Frame | undefined): Seg[] {
  if (!top) return [];
  return top.type === 'map' ? [...top.path, top.key ?? ''] : [...top.path, top.index];
}

interface Collected {
  /** Keys written in each map, by path, with their line. */
  keys: Map<string, { name: string; line: number }[]>;
  /** Scalar items written in each block list, by path, with their line. */
  items: Map<string, { name: string; line: number }[]>;
}

function record(m: Map<string, { name: string; line: number }[]>, path: Seg[], name: string, line: number): void {
  const k = pathKey(path);
  let l = m.get(k);
  if (!l) m.set(k, (l = []));
  l.push({ name, line });
}

/** Closes the frames a line starting at column `c` ends (`dash`: the line starts with `- `). */
function closeFrames(stack: Frame[], c: number, dash: boolean): void {
  while (stack.length && stack[stack.length - 1].col > c) stack.pop();
  const top = stack[stack.length - 1];
  if (top && top.col === c && top.type === 'seq' && !dash) stack.pop();
}

/** The frame at column `col` of `type`, reusing the open one or opening a child of the top frame. */
function frameAt(stack: Frame[], col: number, type: 'map' | 'seq'): Frame {
  const top = stack[stack.length - 1];
  if (top && top.col === col && top.type === type) return top;
  const f: Frame = { col, type, path: childPath(top), keyHasValue: false, index: -1 };
  stack.push(f);
  return f;
}

interface PassState {
  stack: Frame[];
  /** Lines indented more than this belong to a block scalar. */
  blockCol?: number;
  /** An open flow collection continuing on the next lines. */
  flow?: { start: number; path: Seg[]; depth: number; indent: number };
}

/** Updates the pass state with one line (not the cursor line's special handling). */
function processLine(st: PassState, line: Line, lineNo: number, col: Collected): void {
  const s = line.text;
  const limit = commentStart(s);
  const indent = indentOf(s);
  const blank = s.slice(0, limit).trim() === '';
  if (st.blockCol !== undefined) {
    if (blank || indent > st.blockCol) return;
    st.blockCol = undefined;
  }
  if (st.flow) {
    if (!blank && indent <= st.flow.indent) st.flow = undefined; // never closed: it ended with its line
    else {
      st.flow.depth += flowDepth(s, 0, s.length);
      if (st.flow.depth <= 0) st.flow = undefined;
      return;
    }
  }
  if (blank) return;
  if (s.startsWith('---') || s.startsWith('...') || (indent === 0 && s[0] === '%')) {
    if (s.startsWith('---') || s.startsWith('...')) st.stack.length = 0;
    return;
  }
  const { dashes, content } = dashesFrom(s, indent, limit);
  closeFrames(st.stack, indent, dashes.length > 0);
  let seq: Frame | undefined;
  for (const d of dashes) {
    seq = frameAt(st.stack, d, 'seq');
    seq.index++;
  }
  if (content >= limit) return; // `- ` alone: the item's content follows on the next lines
  const k = keyAt(s, content, limit);
  if (k) {
    const map = frameAt(st.stack, content, 'map');
    map.key = k.key;
    record(col.keys, map.path, k.key, lineNo);
    const v = skipProperties(s, (() => {
      let i = k.colon + 1;
      while (i < limit && isSpace(s[i])) i++;
      return i;
    })(), limit);
    map.keyHasValue = v < limit;
    startValue(st, s, line.start, v, limit, [...map.path, k.key], content);
    return;
  }
  const v = skipProperties(s, content, limit);
  if (seq && dashes.length) {
    // a list item's scalar or flow value
    const itemPath = [...seq.path, seq.index];
    if (s[v] === '[' || s[v] === '{' || s[v] === '|' || s[v] === '>') startValue(st, s, line.start, v, limit, itemPath, seq.col);
    else record(col.items, seq.path, s.slice(v, limit).trim().replace(/^(["'])(.*)\1$/, '$2'), lineNo);
  }
}

/** Block scalars and flow collections that continue on the next lines. */
function startValue(st: PassState, s: string, lineStart: number, v: number, limit: number, path: Seg[], ownerCol: number): void {
  const c = s[v];
  if (c === '|' || c === '>') st.blockCol = ownerCol;
  else if (c === '[' || c === '{') {
    const depth = flowDepth(s, v, s.length);
    if (depth > 0) st.flow = { start: lineStart + v, path, depth, indent: indentOf(s) };
  }
}

// ---------------------------------------------------------------------------
// Flow collections

interface FlowFrame {
  type: 'seq' | 'map';
  path: Seg[];
  index: number;
  key?: string;
  afterColon: boolean;
  items: string[];
  keys: string[];
}

interface FlowAt {
  frame: FlowFrame;
  afterColon: boolean;
  key?: string;
  index: number;
}

const FLOW_STOP = ',[]{}';

/** Where the cursor is inside the flow collection starting at `start` (a `[` or `{`). */
function scanFlow(text: string, start: number, cursor: number, basePath: Seg[]): FlowAt | undefined {
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  let ownerIndent = 0;
  while (text[ls + ownerIndent] === ' ') ownerIndent++;
  const stack: FlowFrame[] = [];
  let at: FlowAt | undefined;
  const snap = () => {
    const top = stack[stack.length - 1];
    if (top) at = { frame: top, afterColon: top.afterColon, key: top.key, index: top.index };
  };
  let i = start;
  let done = false;
  while (i < text.length && !done) {
    if (!at && i > cursor) {
      snap();
      if (!at) return undefined;
    }
    const c = text[i];
    if (c === '\n') {
      // an unclosed collection ends where a line is not indented more than the line it started on
      let j = i + 1;
      while (text[j] === ' ') j++;
      // blank as the line pass (`processLine`) sees it: tabs among the blanks too
      let b = j;
      while (isSpace(text[b])) b++;
      const blankLine = b >= text.length || text[b] === '\n' || text[b] === '\r' || text[b] === '#';
      if (!blankLine && j - (i + 1) <= ownerIndent) break;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      if (!at && cursor > i) {
        const nl = text.indexOf('\n', i);
        if (nl < 0 || cursor <= nl) return undefined; // the cursor is in a comment
      }
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '[' || c === '{') {
      if (!at && i === cursor && stack.length) snap();
      const top = stack[stack.length - 1];
      const path = top ? (top.type === 'seq' ? [...top.path, top.index] : [...top.path, top.key ?? '']) : basePath;
      stack.push({ type: c === '[' ? 'seq' : 'map', path, index: 0, afterColon: false, items: [], keys: [] });
      i++;
      continue;
    }
    if (c === ']' || c === '}') {
      if (!at && i === cursor) snap();
      stack.pop();
      i++;
      if (!stack.length) done = true;
      continue;
    }
    const top = stack[stack.length - 1];
    if (!top) return undefined;
    if (c === ',') {
      if (!at && i === cursor) snap();
      if (top.type === 'seq') top.index++;
      else {
        top.key = undefined;
        top.afterColon = false;
      }
      i++;
      continue;
    }
    if (c === ':' && (isBlankOrEnd(text, i + 1) || FLOW_STOP.includes(text[i + 1]))) {
      if (!at && i === cursor) snap();
      if (top.type === 'map') top.afterColon = true;
      i++;
      continue;
    }
    // a scalar token
    let j = i;
    let value: string;
    let inner: { start: number; end: number };
    if (c === '"' || c === "'") {
      j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') {
        if (c === '"' && text[j] === '\\') j++;
        j++;
      }
      inner = { start: i + 1, end: Math.min(j, text.length) };
      value = text.slice(inner.start, inner.end);
      if (text[j] === c) j++;
    } else {
      while (
        j < text.length &&
        !FLOW_STOP.includes(text[j]) &&
        text[j] !== '\n' &&
        !(text[j] === ':' && (isBlankOrEnd(text, j + 1) || FLOW_STOP.includes(text[j + 1]))) &&
        !(text[j] === '#' && /\s/.test(text[j - 1]))
      ) {
        j++;
      }
      let e = j;
      while (e > i && /\s/.test(text[e - 1])) e--;
      inner = { start: i, end: e };
      value = text.slice(i, e);
    }
    if (!at && cursor >= i && cursor <= Math.max(inner.end, j - (c === '"' || c === "'" ? 1 : 0))) {
      snap(); // the token being typed is not an existing item
    } else if (top.type === 'seq') top.items.push(value);
    else if (!top.afterColon) {
      top.key = value;
      top.keys.push(value);
    }
    i = j;
  }
  if (!at && cursor <= i) snap();
  return at;
}

// ---------------------------------------------------------------------------
// locate

/** Characters that end a word at the cursor (a key, an id, a `step.attribute`, a rule code). */
const WORD_STOP = /[\s,[\]{}:#"']/;

function wordAround(text: string, offset: number, lineStart: number, lineEnd: number): Span {
  let s = offset;
  while (s > lineStart && !WORD_STOP.test(text[s - 1])) s--;
  let e = offset;
  while (e < lineEnd && !WORD_STOP.test(text[e])) e++;
  return { start: s, end: e };
}

/**
 * The YAML position at `offset`: which key or value is being typed, at which
 * path. `undefined` in comments, block scalars, free text and anything else
 * that takes no completion.
 */
export function locate(text: string, offset: number): CursorContext | undefined {
  if (!(offset >= 0 && offset <= text.length)) return undefined;
  const lines = splitLines(text);
  let cursorLine = 0;
  while (cursorLine + 1 < lines.length && lines[cursorLine + 1].start <= offset) cursorLine++;
  const collected: Collected = { keys: new Map(), items: new Map() };
  const st: PassState = { stack: [] };
  let result: (CursorContext & { listPath?: Seg[]; flowItems?: string[] }) | undefined;
  let decided = false;
  for (let n = 0; n < lines.length; n++) {
    if (n === cursorLine) {
      result = cursorAt(text, lines[n], offset, st);
      decided = true;
    }
    processLine(st, lines[n], n, collected);
  }
  if (!decided || !result) return undefined;
  if (result.flowItems) {
    result.existing = result.flowItems;
  } else if (result.slot === 'key') {
    result.existing = (collected.keys.get(pathKey(result.path)) ?? []).filter((k) => k.line !== cursorLine).map((k) => k.name);
  } else if (result.listPath) {
    result.existing = (collected.items.get(pathKey(result.listPath)) ?? []).filter((k) => k.line !== cursorLine).map((k) => k.name);
  }
  const { listPath: _l, flowItems: _f, ...ctx } = result;
  return ctx;
}

function cursorAt(
  text: string,
  line: Line,
  offset: number,
  st: PassState,
): (CursorContext & { listPath?: Seg[]; flowItems?: string[] }) | undefined {
  const s = line.text;
  const lineEnd = line.start + s.length;
  const cur = offset - line.start;
  if (cur > s.length) return undefined;
  const limit = commentStart(s);
  if (cur > limit) return undefined; // in a comment
  if (st.blockCol !== undefined) {
    const blank = s.slice(0, limit).trim() === '';
    if (blank || indentOf(s) > st.blockCol) return undefined; // in a block scalar
  }
  if (st.flow && (s.slice(0, limit).trim() === '' ? cur : indentOf(s)) > st.flow.indent) {
    return fromFlow(text, st.flow.start, offset, st.flow.path, lineEnd);
  }

  const stack = st.stack.slice();
  const indent = indentOf(s);
  const { dashes, content } = dashesFrom(s, indent, Math.max(limit, Math.min(cur, s.length)));
  const blankLine = s.slice(0, limit).trim() === '';
  const c0 = dashes.length ? dashes[0] : blankLine ? cur : indent;
  if (blankLine && dashes.length === 0 && cur < indent) return undefined;
  closeFrames(stack, c0, dashes.length > 0);

  const base = {
    existing: [] as string[],
    inList: false,
    blank: false,
    hasColon: false,
    needsSpace: false,
    inFlow: false,
  };

  // the path of the node at the content column
  let itemPath: Seg[] | undefined;
  let listPath: Seg[] | undefined;
  if (dashes.length) {
    const top = stack[stack.length - 1];
    let seqPath: Seg[];
    let idx: number;
    if (top && top.type === 'seq' && top.col === dashes[0]) {
      seqPath = top.path;
      idx = top.index + 1;
    } else {
      seqPath = childPath(top);
      idx = 0;
    }
    for (let k = 1; k < dashes.length; k++) {
      seqPath = [...seqPath, idx];
      idx = 0;
    }
    listPath = seqPath;
    itemPath = [...seqPath, idx];
  }
  const top = stack[stack.length - 1];
  const contentCol = blankLine && !dashes.length ? cur : content;
  const mapPath = itemPath ?? (top && top.type === 'map' && top.col === contentCol ? top.path : childPath(top));

  const k = keyAt(s, content, limit);
  if (k && k.colon < cur) {
    // a value is being typed
    const valuePath = [...mapPath, k.key];
    let v = k.colon + 1;
    while (v < limit && isSpace(s[v])) v++;
    v = skipProperties(s, v, limit);
    if (v < cur && (s[v] === '[' || s[v] === '{')) return fromFlow(text, line.start + v, offset, valuePath, lineEnd);
    if (v < cur && (s[v] === '|' || s[v] === '>')) return undefined;
    const word = wordAround(text, offset, line.start + Math.min(v, cur), lineEnd);
    // free text with blanks before the word is not an id
    if (s.slice(v, word.start - line.start).trim() !== '' && !/^["']$/.test(s.slice(v, word.start - line.start).trim())) return undefined;
    return {
      ...base,
      slot: 'value',
      path: valuePath,
      word,
      needsSpace: word.start === line.start + k.colon + 1,
      column: v,
    };
  }
  if (k && cur >= k.start && cur <= k.end) {
    return {
      ...base,
      slot: 'key',
      path: mapPath,
      word: { start: line.start + k.start, end: line.start + k.end },
      hasColon: true,
      column: k.start,
    };
  }
  if (k) return undefined; // between the key's end and its colon
  const v = skipProperties(s, content, limit);
  if (dashes.length && v < cur && (s[v] === '[' || s[v] === '{')) return fromFlow(text, line.start + v, offset, itemPath!, lineEnd);
  const word = wordAround(text, offset, line.start + Math.min(content, cur), lineEnd);
  const before = s.slice(content, word.start - line.start);
  if (before.trim() !== '') return undefined; // free text
  if (dashes.length) {
    return {
      ...base,
      slot: 'value',
      path: itemPath!,
      listPath,
      inList: true,
      word,
      needsSpace: word.start - line.start === dashes[dashes.length - 1] + 1,
      column: word.start - line.start,
    };
  }
  // deeper than a key that already has its value on its line: nothing can go there
  if (!itemPath && top && top.type === 'map' && top.col < contentCol && top.keyHasValue) return undefined;
  return {
    ...base,
    slot: 'key',
    path: mapPath,
    word,
    blank: word.start === word.end && s.slice(0, limit).trim() === '',
    listPath: mapPath,
    column: contentCol,
  };
}

function fromFlow(
  text: string,
  start: number,
  offset: number,
  basePath: Seg[],
  lineEnd: number,
): (CursorContext & { flowItems?: string[] }) | undefined {
  const at = scanFlow(text, start, offset, basePath);
  if (!at) return undefined;
  let ls = text.lastIndexOf('\n', offset - 1) + 1;
  if (ls < start) ls = start;
  const word = wordAround(text, offset, ls, lineEnd);
  const before = text[word.start - 1];
  const base = {
    blank: false,
    hasColon: false,
    inFlow: true,
    needsSpace: before === ',' || before === ':',
    column: word.start - (text.lastIndexOf('\n', word.start - 1) + 1),
    word,
  };
  const wordText = text.slice(word.start, word.end);
  const without = (xs: string[]) => {
    const out = xs.slice();
    const i = out.indexOf(wordText);
    if (i >= 0 && wordText !== '') out.splice(i, 1);
    return out;
  };
  if (at.frame.type === 'seq') {
    return { ...base, slot: 'value', path: [...at.frame.path, at.index], inList: true, existing: without(at.frame.items), flowItems: without(at.frame.items) };
  }
  if (at.afterColon) return { ...base, slot: 'value', path: [...at.frame.path, at.key ?? ''], inList: false, existing: [] };
  // a key whose colon is already typed (`{ wh‸o: x }`): only the key is replaced, as in a block map
  const hasColon = FLOW_COLON.test(text.slice(word.end, lineEnd));
  return { ...base, slot: 'key', path: at.frame.path, inList: false, hasColon, existing: without(at.frame.keys), flowItems: without(at.frame.keys) };
}

/** A flow map key's colon right after it: `:` then a blank, `,`, `}`, `]` or the line's end (`a:b` is one scalar). */
const FLOW_COLON = /^[ \t]*:(?=[\s,}\]]|$)/;

// ---------------------------------------------------------------------------
// Path patterns

/** A pattern of a YAML path: fixed keys, and `*` for any key or index (an id, a label). */
export type PathPattern = readonly string[];

/**
 * The segments matched by the `*`s of `pattern` (as text), when `path` has
 * exactly the pattern's length and its fixed keys; `undefined` otherwise.
 */
export function matchPath(pattern: PathPattern, path: readonly Seg[]): string[] | undefined {
  if (path.length !== pattern.length) return undefined;
  const captured: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '*') captured.push(String(path[i]));
    else if (path[i] !== pattern[i]) return undefined;
  }
  return captured;
}

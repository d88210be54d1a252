/**
 * Completion for BizFlow files: which keys, words and ids fit where the
 * cursor is, computed from the raw text so that it keeps working on the
 * incomplete line being typed (`    role: `, `    next: [a, `, `      pick.`).
 *
 * Where the cursor is (`locate`) comes from one pass over the lines before
 * and after it, tracking the open block nodes by indentation the way YAML
 * does (maps, `- ` lists, compact lists under a key, block scalars and flow
 * collections, also when they span lines). That gives the YAML path of the
 * cursor and whether a key or a value is being typed — the same answer the
 * parse tree gives on a well-formed file, and still an answer when the
 * current line does not parse. What fits there comes from the format
 * (`schema.ts`) and, for ids, from the symbol index, so completion offers
 * exactly the ids that the reference rules accept.
 *
 * Pure TypeScript; the editor adapter turns entries into its own items.
 */
import { pick, type Texts } from './i18n';
import {
  PRIORITIES,
  SEVERITY_WORDS,
  STATUSES,
  STEP_TYPES,
  type Model,
  type Step,
} from './model';
import { RULES } from './rules/index';
import { contextOf, describeKey, isRequired, keysFor, typeLabel, type Context, type KeySpec, type ValueType } from './schema';
import { buildSymbolIndex, type SymbolIndex, type SymbolKind } from './symbols';
import { symbolCard } from './hover';
import { SNIPPETS, type SnippetSpec } from './templates';
import type { Locale, Span } from './types';

/** A step of a YAML path: a map key or a list index. */
export type Seg = string | number;

export type CompletionKind =
  | 'key'
  | 'enum'
  | 'value'
  | 'role'
  | 'step'
  | 'data'
  | 'requirement'
  | 'attribute'
  | 'rule'
  | 'snippet';

export interface CompletionEntry {
  /** What is shown and filtered on: the key, word or id. */
  label: string;
  kind: CompletionKind;
  /** The display name of an id (`业务员` for `sales`), shown right after the label. */
  name?: string;
  /** One line shown beside the entry (the type of a key, the lane of a step, …). */
  detail?: string;
  /** Markdown shown in the details pane. */
  documentation?: string;
  /** The text that replaces `replaceSpan`; snippet syntax (`$1`, `$0`) when `snippet` is set. */
  insertText: string;
  snippet?: boolean;
  /** The text the entry replaces: the word at the cursor (empty at a fresh position). */
  replaceSpan: Span;
  sortText: string;
  /** Extra words to match on (the display name). */
  filterText?: string;
  /** Open the suggestion list again after inserting, because a value is expected next. */
  retrigger?: boolean;
  /** The default choice (e.g. `task`, `proposed`). */
  preselect?: boolean;
}

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
      const blankLine = j >= text.length || text[j] === '\n' || text[j] === '\r' || text[j] === '#';
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
  return { ...base, slot: 'key', path: at.frame.path, inList: false, existing: without(at.frame.keys), flowItems: without(at.frame.keys) };
}

// ---------------------------------------------------------------------------
// What fits

/** What each allowed word means (for completion and hover). */
export const ENUM_TEXTS: Readonly<Record<string, Texts>> = {
  start: { en: 'Where the process begins.', zh: '流程的起点。' },
  task: { en: 'A piece of work in a lane (the default).', zh: '泳道中的一项工作（默认）。' },
  decision: { en: 'A branch: `next` maps branch labels to steps.', zh: '分支判断：`next` 写成分支标签 → 步骤。' },
  end: { en: 'Where the process ends; it has no `next`.', zh: '流程的终点，没有 `next`。' },
  must: { en: 'Must have: the process fails without it.', zh: '必须有：没有它流程就不成立。' },
  should: { en: 'Should have: important, but not vital.', zh: '应该有：重要但非必需。' },
  could: { en: 'Could have: nice to have.', zh: '可以有：锦上添花。' },
  wont: { en: "Won't have this time.", zh: '这次不做。' },
  proposed: { en: 'Asked for, not decided yet (the default).', zh: '已提出，尚未决定（默认）。' },
  accepted: { en: 'Agreed to be done.', zh: '已同意实施。' },
  rejected: { en: 'Turned down: takes part in no conflict.', zh: '已拒绝：不参与冲突检查。' },
  done: { en: 'Delivered.', zh: '已交付。' },
  off: { en: 'Turn the rule off.', zh: '关闭该规则。' },
  info: { en: 'Report as information.', zh: '作为提示报告。' },
  warning: { en: 'Report as a warning.', zh: '作为警告报告。' },
  error: { en: 'Report as an error.', zh: '作为错误报告。' },
};

const KIND_LABEL: Record<SymbolKind, Texts> = {
  role: { en: 'role', zh: '角色' },
  step: { en: 'step', zh: '步骤' },
  data: { en: 'data', zh: '数据' },
  requirement: { en: 'requirement', zh: '需求' },
  attribute: { en: 'attribute', zh: '属性' },
};

interface Ctx {
  model: Model;
  index: SymbolIndex;
  locale: Locale;
  c: CursorContext;
  text: string;
}

const pad = (n: number) => String(n).padStart(4, '0');

/**
 * Completion entries at `offset`. Never throws; an empty list where nothing
 * fits (free text, comments, new ids).
 */
export function complete(model: Model, offset: number, locale: Locale = 'en', index?: SymbolIndex): CompletionEntry[] {
  try {
    const text = model.parsed.text;
    const c = locate(text, offset);
    if (!c) return [];
    const ctx: Ctx = { model, index: index ?? buildSymbolIndex(model), locale, c, text };
    return c.slot === 'key' ? keySlot(ctx) : valueSlot(ctx);
  } catch {
    return [];
  }
}

/** The path without trailing list indices. */
function keyPathOf(path: Seg[]): Seg[] {
  let n = path.length;
  while (n > 0 && typeof path[n - 1] === 'number') n--;
  return path.slice(0, n);
}

function keySlot(x: Ctx): CompletionEntry[] {
  const { c } = x;
  const p = c.path;
  if (p.length === 1 && p[0] === 'rules') return ruleCodeEntries(x);
  if (p.length === 3 && p[0] === 'requirements' && p[2] === 'sets') return setsKeyEntries(x, String(p[1]));
  if (p.length === 3 && p[0] === 'steps' && p[2] === 'attributes') return attributeNameEntries(x, String(p[1]));
  const context = contextOf(p);
  if (context === 'top' && x.text.slice(0, c.word.start).trim() === '' && x.text.slice(c.word.end).trim() === '') {
    return [...snippetEntries(x, ['BizFlow file']), ...keyEntries(x, context)];
  }
  if (context) return keyEntries(x, context);
  if (p.length === 1 && !c.hasColon && !c.inFlow) {
    if (p[0] === 'roles') return snippetEntries(x, ['BizFlow role']);
    if (p[0] === 'steps') return snippetEntries(x, ['BizFlow step', 'BizFlow decision']);
    if (p[0] === 'requirements') return snippetEntries(x, ['BizFlow requirement']);
  }
  // a blank line under a list key: items with their `- `
  if (c.blank) {
    const spec = describeKey(p);
    if (spec && (spec.type.kind === 'refList' || (spec.type.kind === 'next' && !isDecision(x, p)))) {
      const kind = spec.type.kind === 'refList' ? spec.type.to : 'step';
      return idEntries(x, kind, { dash: true, exclude: c.existing, self: selfOf(p) });
    }
  }
  return [];
}

function isDecision(x: Ctx, p: Seg[]): boolean {
  return p[0] === 'steps' && x.model.steps.byId.get(String(p[1]))?.type === 'decision';
}

/** The requirement a path is inside, so `depends`/`overrides` do not offer the requirement itself. */
function selfOf(p: Seg[]): string | undefined {
  return p[0] === 'requirements' && p.length > 1 ? String(p[1]) : undefined;
}

function valueSlot(x: Ctx): CompletionEntry[] {
  const { c, model } = x;
  const p = c.path;
  const kp = keyPathOf(p);
  const inList = c.inList || kp.length < p.length;
  // branch targets of a decision: steps.<id>.next.<label>
  if (kp.length === 4 && kp[0] === 'steps' && kp[2] === 'next' && !inList) return idEntries(x, 'step', {});
  if (kp.length === 4 && kp[0] === 'requirements' && kp[2] === 'sets') return setValueEntries(x, String(kp[3]));
  if (kp.length === 4 && kp[0] === 'steps' && kp[2] === 'attributes') return setValueEntries(x, `${String(kp[1])}.${String(kp[3])}`);
  if (kp.length === 2 && kp[0] === 'rules') return enumEntries(x, SEVERITY_WORDS);
  const spec = describeKey(kp);
  if (!spec) return [];
  const t = spec.type;
  switch (t.kind) {
    case 'enum':
      return inList ? [] : enumEntries(x, t.values, t.default);
    case 'boolean':
      return inList ? [] : enumEntries(x, ['true', 'false']);
    case 'integer':
      return inList || t.const === undefined ? [] : enumEntries(x, [String(t.const)]);
    case 'ref':
      return inList ? [] : idEntries(x, t.to, { self: selfOf(kp) });
    case 'refList':
      return idEntries(x, t.to, { exclude: inList ? c.existing : [], bracket: !inList, self: selfOf(kp) });
    case 'next': {
      const decision = kp[0] === 'steps' && model.steps.byId.get(String(kp[1]))?.type === 'decision';
      if (decision) return [];
      return idEntries(x, 'step', { exclude: inList ? c.existing : [] });
    }
    default:
      return [];
  }
}

function t(x: Ctx, texts: Texts): string {
  return pick(x.locale, texts);
}

/** The text to insert for a key, with its value started in the shape its type needs. */
function keyInsert(spec: KeySpec, column: number): { text: string; snippet: boolean; retrigger: boolean } {
  const ind = ' '.repeat(column + 2);
  const { key, type } = spec;
  switch (type.kind) {
    case 'integer':
      return { text: `${key}: ${type.const ?? ''}`, snippet: false, retrigger: false };
    case 'refList':
      return { text: `${key}: [$1]`, snippet: true, retrigger: true };
    case 'stringList':
      return { text: `${key}:\n${ind}- $0`, snippet: true, retrigger: false };
    case 'object':
    case 'items':
    case 'scalarMap':
    case 'sets':
    case 'ruleMap':
      return { text: `${key}:\n${ind}$0`, snippet: true, retrigger: type.kind === 'object' || type.kind === 'ruleMap' };
    default:
      // a word or an id follows: open the list of values again
      return { text: `${key}: `, snippet: false, retrigger: type.kind !== 'string' };
  }
}

function keyEntries(x: Ctx, context: Context): CompletionEntry[] {
  const { c } = x;
  const have = new Set(c.existing);
  const stepType = context === 'step' ? (x.model.steps.byId.get(String(c.path[1]))?.type ?? 'task') : undefined;
  const out: CompletionEntry[] = [];
  keysFor(context).forEach((spec, i) => {
    if (have.has(spec.key)) return;
    const required = isRequired(spec, stepType);
    const ins = c.hasColon || c.inFlow ? { text: spec.key + (c.inFlow && !c.hasColon ? ': ' : ''), snippet: false, retrigger: false } : keyInsert(spec, c.column);
    out.push({
      label: spec.key,
      kind: 'key',
      detail: t(x, typeLabel(spec.type)) + (required ? t(x, { en: ' · required', zh: ' · 必填' }) : ''),
      documentation: t(x, spec.description),
      insertText: ins.text,
      snippet: ins.snippet || undefined,
      replaceSpan: { ...c.word },
      sortText: (required ? '0' : '1') + pad(i),
      retrigger: ins.retrigger || undefined,
    });
  });
  return out;
}

function ruleCodeEntries(x: Ctx): CompletionEntry[] {
  const { c } = x;
  const have = new Set(c.existing);
  return RULES.filter((r) => !have.has(r.code)).map((r, i) => ({
    label: r.code,
    kind: 'rule' as const,
    detail: t(x, { en: `default: ${r.defaultSeverity}`, zh: `默认：${r.defaultSeverity}` }),
    documentation: t(x, r.description),
    insertText: c.hasColon ? r.code : `${r.code}: `,
    replaceSpan: { ...c.word },
    sortText: pad(i),
    retrigger: c.hasColon ? undefined : true,
  }));
}

function enumEntries(x: Ctx, values: readonly string[], preselect?: string): CompletionEntry[] {
  const { c } = x;
  return values.map((v, i) => ({
    label: v,
    kind: 'enum' as const,
    documentation: ENUM_TEXTS[v] ? t(x, ENUM_TEXTS[v]) : undefined,
    insertText: (c.needsSpace ? ' ' : '') + v,
    replaceSpan: { ...c.word },
    sortText: pad(i),
    preselect: v === preselect || undefined,
  }));
}

interface IdOptions {
  exclude?: string[];
  /** Not in a list yet: wrap the id in `[…]`. */
  bracket?: boolean;
  /** A blank line under a list key: insert `- id`. */
  dash?: boolean;
  /** The item being edited, not offered for itself. */
  self?: string;
}

/** The ids of a kind that completion offers: defined ones (for data without a dictionary, every data id in use). */
export function knownIds(model: Model, index: SymbolIndex, kind: SymbolKind): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const anyData = kind === 'data' && model.data === undefined;
  for (const o of index.all()) {
    if (o.kind !== kind || seen.has(o.id)) continue;
    if (!o.isDefinition && !anyData) continue;
    seen.add(o.id);
    out.push(o.id);
  }
  // document order of the definitions
  if (!anyData) {
    const order = (id: string) => index.definition(kind, id)?.span.start ?? 0;
    out.sort((a, b) => order(a) - order(b));
  }
  return out;
}

function idEntries(x: Ctx, kind: SymbolKind, o: IdOptions): CompletionEntry[] {
  const { c, model, index, locale } = x;
  const have = new Set(o.exclude ?? []);
  const out: CompletionEntry[] = [];
  knownIds(model, index, kind).forEach((id, i) => {
    if (have.has(id) || id === o.self) return;
    const facts = idFacts(model, kind, id, locale);
    let insertText = id;
    let snippet = false;
    if (o.dash) insertText = `- ${id}`;
    else if (o.bracket) {
      insertText = `[${id}$0]`;
      snippet = true;
    }
    if (c.needsSpace) insertText = ' ' + insertText;
    out.push({
      label: id,
      kind: kind,
      name: facts.name,
      detail: facts.detail,
      documentation: symbolCard(model, index, kind, id, locale),
      insertText,
      snippet: snippet || undefined,
      replaceSpan: { ...c.word },
      sortText: pad(i),
      filterText: facts.name ? `${id} ${facts.name}` : undefined,
    });
  });
  return out;
}

function roleName(model: Model, id: string | undefined): string | undefined {
  return id === undefined ? undefined : (model.roles.byId.get(id)?.name ?? id);
}

/** Display name and a one-line detail of an id. */
export function idFacts(model: Model, kind: SymbolKind, id: string, locale: Locale): { name?: string; detail: string } {
  const k = pick(locale, KIND_LABEL[kind]);
  const parts = [k];
  let name: string | undefined;
  switch (kind) {
    case 'role': {
      const r = model.roles.byId.get(id);
      name = r?.name;
      if (r?.department) parts.push(r.department);
      break;
    }
    case 'step': {
      const s: Step | undefined = model.steps.byId.get(id);
      name = s?.name;
      if (s) parts.push(s.type);
      const lane = roleName(model, s?.role?.id);
      if (lane) parts.push(lane);
      break;
    }
    case 'data': {
      const d = model.data?.byId.get(id);
      name = d?.name;
      const owner = roleName(model, d?.owner?.id);
      if (owner) parts.push(owner);
      break;
    }
    case 'requirement': {
      const r = model.requirements.byId.get(id);
      name = r?.title;
      if (r?.priority) parts.push(r.priority);
      if (r) parts.push(r.status);
      const from = roleName(model, r?.from?.id);
      if (from) parts.push(from);
      break;
    }
    default:
      break;
  }
  return { name: name && name !== id ? name : undefined, detail: parts.join(' · ') };
}

/** `sets` keys: `step.` first, then the attributes of that step. */
function setsKeyEntries(x: Ctx, reqId: string): CompletionEntry[] {
  const { c, model, text } = x;
  const word = text.slice(c.word.start, c.word.end);
  const dot = word.indexOf('.');
  if (dot < 0) {
    return idEntries(x, 'step', {}).map((e) => ({
      ...e,
      insertText: (c.needsSpace ? ' ' : '') + e.label + '.',
      snippet: undefined,
      retrigger: true,
    }));
  }
  const stepId = word.slice(0, dot);
  const have = new Set(c.existing);
  const names = attributeNames(model, stepId, reqId);
  const span = { start: c.word.start + dot + 1, end: c.word.end };
  return names
    .filter((n) => !have.has(`${stepId}.${n.name}`))
    .map((n, i) => ({
      label: n.name,
      kind: 'attribute' as const,
      detail: n.detail(x.locale),
      insertText: n.name + (c.hasColon ? '' : ': '),
      replaceSpan: span,
      sortText: pad(i),
      filterText: n.name,
    }));
}

/** Attribute names of a step: those it defines, then those other requirements set. */
function attributeNames(model: Model, stepId: string, exceptReq?: string): { name: string; detail: (l: Locale) => string }[] {
  const out: { name: string; detail: (l: Locale) => string }[] = [];
  const seen = new Set<string>();
  const step = model.steps.byId.get(stepId);
  for (const a of step?.attributes ?? []) {
    if (seen.has(a.name)) continue;
    seen.add(a.name);
    out.push({ name: a.name, detail: (l) => pick(l, `today: ${a.value}`, `目前：${a.value}`) });
  }
  for (const r of model.requirements.list) {
    if (r.id === exceptReq) continue;
    for (const s of r.sets) {
      if (s.step?.id !== stepId || !s.attribute || seen.has(s.attribute)) continue;
      seen.add(s.attribute);
      out.push({ name: s.attribute, detail: (l) => pick(l, `${r.id} sets it to ${s.value}`, `${r.id} 设为 ${s.value}`) });
    }
  }
  return out;
}

/** Keys under a step's `attributes:`: attributes that requirements set but the step does not define yet. */
function attributeNameEntries(x: Ctx, stepId: string): CompletionEntry[] {
  const { c, model } = x;
  const have = new Set(c.existing);
  const defined = new Set((model.steps.byId.get(stepId)?.attributes ?? []).map((a) => a.name));
  return attributeNames(model, stepId)
    .filter((n) => !have.has(n.name) && !defined.has(n.name))
    .map((n, i) => ({
      label: n.name,
      kind: 'attribute' as const,
      detail: n.detail(x.locale),
      insertText: n.name + (c.hasColon ? '' : ': '),
      replaceSpan: { ...c.word },
      sortText: pad(i),
    }));
}

/** Values for `sets` entries and step attributes: today's value and what requirements ask for. */
function setValueEntries(x: Ctx, key: string): CompletionEntry[] {
  const { c, model, locale } = x;
  const dot = key.indexOf('.');
  if (dot < 0) return [];
  const stepId = key.slice(0, dot);
  const attr = key.slice(dot + 1);
  const values = new Map<string, string[]>();
  const add = (v: string, why: string) => {
    if (v === '') return;
    let l = values.get(v);
    if (!l) values.set(v, (l = []));
    if (!l.includes(why)) l.push(why);
  };
  const today = model.steps.byId.get(stepId)?.attributes.find((a) => a.name === attr);
  if (today) add(today.value, pick(locale, 'today', '目前'));
  for (const r of model.requirements.list) {
    for (const s of r.sets) if (s.step?.id === stepId && s.attribute === attr) add(s.value, r.id);
  }
  return [...values].map(([v, why], i) => ({
    label: v,
    kind: 'value' as const,
    detail: why.join(', '),
    insertText: (c.needsSpace ? ' ' : '') + v,
    replaceSpan: { ...c.word },
    sortText: pad(i),
  }));
}

/** The next free requirement id after the highest `REQ-<n>` (keeping its zero padding), for the requirement snippet. */
export function nextRequirementId(model: Model): string {
  let max = 0;
  let width = 3;
  let prefix = 'REQ-';
  for (const r of model.requirements.list) {
    const m = /^(.*?)(\d+)$/.exec(r.id);
    if (!m) continue;
    const n = parseInt(m[2], 10);
    if (n >= max) {
      max = n;
      width = m[2].length;
      prefix = m[1];
    }
  }
  return prefix + String(max + 1).padStart(width, '0');
}

/** Snippets for a new item (or a whole new file), indented for the cursor's column. */
function snippetEntries(x: Ctx, names: string[]): CompletionEntry[] {
  const { c } = x;
  const indent = ' '.repeat(c.column);
  return names.map((n, i) => {
    const spec: SnippetSpec = SNIPPETS[n];
    let body = spec.body.map((l, k) => (k === 0 ? l : l === '' ? '' : indent + l)).join('\n');
    if (n === 'BizFlow requirement') body = body.replace('${1:REQ-001}', '${1:' + nextRequirementId(x.model) + '}');
    return {
      label: spec.prefix,
      kind: 'snippet' as const,
      detail: t(x, spec.description),
      documentation: '```yaml\n' + spec.body.join('\n').replace(/\$\{\d+[:|]([^}|,]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '').replace(/\\([$}\\])/g, '$1') + '\n```',
      insertText: body,
      snippet: true,
      replaceSpan: { ...c.word },
      sortText: 'z' + pad(i),
    };
  });
}

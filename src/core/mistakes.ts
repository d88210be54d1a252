/**
 * Typing mistakes of form, found before the YAML parser gets a say: the root
 * cause of the cascade of findings a single keystroke can cause.
 *
 * - a tab in a line's indentation (`\tname: 发货`);
 * - full-width punctuation used as YAML syntax: `name：发货` (colon after a
 *   key), `－ item` (list dash), `[a，b]` (comma in a one-line list), a
 *   full-width space U+3000 in the indentation;
 * - an indentation that does not match the line's siblings (one space pair
 *   too many or too few), found by where the key fits the format;
 * - a top-level section (`roles:`) indented under the one above it.
 *
 * Each mistake comes with one preferred fix that touches only the mistaken
 * characters (the indentation, the punctuation), so it never deletes content.
 * The engine uses the fixes to tell follow-on findings from real ones
 * (`engine.ts`), and `bizflow lint --fix` applies them.
 *
 * Pure; one pass over the lines, bounded work per line (the full-width colon
 * check asks `typing.ts`, which looks at a bounded number of lines around the
 * line, for at most `MAX_COLON_CHECKS` lines).
 */
import type { TextEdit } from './edits';
import { ID_PATTERN } from './model';
import { SETS_KEY_PATTERN, contextOf, describeKey, keySpec } from './schema/format';
import { nearest } from './suggest';
import type { Span } from './types';
import { typingFixes } from './typing';

export type MistakeKind = 'tab' | 'fullWidthColon' | 'fullWidthComma' | 'fullWidthDash' | 'fullWidthSpace' | 'indent' | 'misplacedKey';

export interface Mistake {
  kind: MistakeKind;
  /** 0-based line of the mistake. */
  line: number;
  /** The mistaken characters (the indentation for tab / indentation mistakes, the key for a misplaced key). */
  span: Span;
  /** The preferred fix: replaces only the mistaken characters. */
  fix: TextEdit[];
  /** Spaces of indentation the line has (indent, misplacedKey) and should have (tab, fullWidthSpace, indent). */
  actual?: number;
  expected?: number;
  /** The key of the line (colon, misplacedKey, indent) and the key of the map it should belong to (`parent`) or is read under. */
  key?: string;
  parent?: string;
  /** For indent: the kind of item whose keys the line belongs to, and its id ("step", "pick"). */
  owner?: { kind: 'role' | 'step' | 'data' | 'requirement' | 'process'; id?: string };
  /** For fullWidthComma: the list holds ids (so the comma certainly splits two of them). */
  ids?: boolean;
}

/** Lines checked for a full-width colon with the typing aid's bounded look-around. */
const MAX_COLON_CHECKS = 200;
const TOP_KEYS: ReadonlySet<string> = new Set(['bizflow', 'process', 'roles', 'steps', 'requirements', 'data', 'rules']);

interface Line {
  start: number;
  /** The line without its line break. */
  text: string;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let p = 0;
  for (;;) {
    const nl = text.indexOf('\n', p);
    const end = nl < 0 ? text.length : nl;
    const s = text.slice(p, end);
    out.push({ start: p, text: s.endsWith('\r') ? s.slice(0, -1) : s });
    if (nl < 0) break;
    p = nl + 1;
  }
  return out;
}

/** A line as the structural scan reads it (after a detected mistake on it is mended). */
interface Shape {
  indent: number;
  /** `key:` or `- key:`: the key and the column of the key. */
  key?: string;
  keyIndent: number;
  /** The line is a list item (`- …`). */
  item: boolean;
  /** The value after the key (or after `- ` for a plain item), trimmed, without a comment. */
  value: string;
}

const KEY_RE = /^([^\s#'"[\]{},:&*!|>%@`-](?:[^:#：{}[\],]*[^\s:#：{}[\],])?|"[^"\\]*"|'[^']*')[ ]*:(?=[ ]|$)/;

function shapeOf(s: string): Shape | undefined {
  let i = 0;
  while (i < s.length && s[i] === ' ') i++;
  if (i === s.length || s[i] === '#') return undefined;
  const indent = i;
  let item = false;
  if (s[i] === '-' && (i + 1 === s.length || s[i + 1] === ' ')) {
    item = true;
    i++;
    while (i < s.length && s[i] === ' ') i++;
  }
  const rest = s.slice(i);
  const m = KEY_RE.exec(rest);
  const strip = (v: string) => {
    const h = v.search(/(^|[ ])#/);
    return (h >= 0 ? v.slice(0, h) : v).trim();
  };
  if (!m) return { indent, keyIndent: i, item, value: strip(rest) };
  return { indent, key: m[1].replace(/^["']|["']$/g, ''), keyIndent: i, item, value: strip(rest.slice(m[0].length)) };
}

/** Nothing after the key but an anchor or a tag (`r: &r`): what follows on the next lines is the value. */
function isOpen(value: string): boolean {
  return value === '' || /^([&!][^\s]*\s*)+$/.test(value);
}

/** The value opens a block scalar (`|`, `>-`, …). */
const BLOCK_SCALAR = /^[|>][-+0-9]*$/;

/**
 * The line's own value continues on the lines below it (a map, a block scalar, a flow collection or
 * quoted text across lines): those lines are deeper than the line, not its siblings.
 */
function valueBelow(shape: Shape): boolean {
  return shape.key !== undefined && (isOpen(shape.value) || BLOCK_SCALAR.test(shape.value) || opens(shape.value));
}

/** Brackets and quotes left open at the end of a value (a multi-line flow collection or quoted text). */
function opens(value: string): boolean {
  if (value.startsWith('"')) return !/^"([^"\\]|\\.)*"$/.test(value);
  if (value.startsWith("'")) return !/^'([^']|'')*'$/.test(value);
  if (value.startsWith('[') || value.startsWith('{')) {
    let depth = 0;
    for (const ch of value) {
      if (ch === '[' || ch === '{') depth++;
      else if (ch === ']' || ch === '}') depth--;
    }
    return depth > 0;
  }
  return false;
}

/** An open map on the way down to the current line. */
interface Open {
  /** Column of the map's keys (or of the list's dashes). */
  indent: number;
  /** The key path of the map (undefined: inside a list, the path is not known). */
  path: string[] | undefined;
  /** A list (its dashes are at `indent`). */
  seq: boolean;
  /** The path of the map the last key line opened (a key with no value on its line). */
  pending?: string[];
}

type Validity = 'yes' | 'no' | 'unknown';

/** Whether `key` (with a value on its line or not) fits in the map at `path`. */
function fits(path: string[] | undefined, key: string, value: string): Validity {
  const hasValue = value !== '' && !/^[{&*!]/.test(value);
  if (!path) return 'unknown';
  const ctx = contextOf(path);
  if (ctx) return keySpec(ctx, key) ? 'yes' : 'no';
  const spec = describeKey(path);
  if (!spec) return 'unknown';
  switch (spec.type.kind) {
    case 'items':
      // an item is a map: its id on its own line (or with a `{…}` map)
      return ID_PATTERN.test(key) && !hasValue ? 'yes' : 'no';
    case 'sets':
      return hasValue && SETS_KEY_PATTERN.test(key) ? 'yes' : 'no';
    case 'scalarMap':
    case 'next':
    case 'ruleMap':
      return hasValue ? 'yes' : 'no';
    default:
      return 'no';
  }
}

function ownerOf(path: string[] | undefined): Mistake['owner'] {
  if (!path) return undefined;
  if (path.length === 1 && path[0] === 'process') return { kind: 'process' };
  if (path.length === 2) {
    const ctx = contextOf(path);
    if (ctx === 'role' || ctx === 'step' || ctx === 'data' || ctx === 'requirement') return { kind: ctx, id: path[1] };
  }
  return undefined;
}

/** Every mistake of form in `text`, in line order. */
export function findMistakes(text: string): Mistake[] {
  const out: Mistake[] = [];
  try {
    scan(text, out);
  } catch {
    // a detector bug never breaks the analysis: what was found so far stands
  }
  return out;
}

function scan(text: string, out: Mistake[]): void {
  const lines = splitLines(text);
  // the shape of each line after the mistakes on it are mended (for the lines after it)
  const mended: string[] = lines.map((l) => l.text);
  let colonChecks = 0;
  const stack: Open[] = [{ indent: 0, path: [], seq: false }];
  /** Previous significant line's shape (after mending). */
  let prev: Shape | undefined;
  /** Inside a block scalar owned by a line at this indentation. */
  let blockOwner = -1;
  /** Inside a multi-line flow collection or quoted text. */
  let openValue = false;
  /** No construct seen that the structural checks do not know. */
  let simple = true;

  for (let n = 0; n < lines.length; n++) {
    const { start } = lines[n];
    let s = lines[n].text;
    if (openValue) {
      // bounded: a line that ends the open value ends the skip
      if (/[\]}"']\s*(#.*)?$/.test(s)) openValue = false;
      continue;
    }
    const lead = /^[ \t\u3000]*/.exec(s)![0];
    const rest = s.slice(lead.length);
    if (blockOwner >= 0) {
      if (rest === '' || (/^ *$/.test(lead) && lead.length > blockOwner) || (lead.length > blockOwner + 1 && lead.startsWith(' '.repeat(blockOwner + 1)))) continue;
      blockOwner = -1;
    }
    if (rest === '' || rest.startsWith('#')) continue;
    // YAML that no BizFlow file uses (documents, complex keys, tags, anchors as keys, flow collections as lines):
    // the structural checks stop being sure of anything
    if (/^(---|\.\.\.)(\s|$)|^[?!&*%[{]|^- +[?!&*[{-]/.test(rest)) simple = false;
    const syntaxLine = KEY_RE.test(rest) || /^[-－](\s|\u3000|$)/.test(rest) || /^[^\s:#'"]+：/.test(rest);

    // --- indentation made of a tab or a full-width space
    if (/[\t\u3000]/.test(lead) && syntaxLine) {
      const hasTab = lead.includes('\t');
      let expected: number;
      if (!hasTab) expected = lead.replace(/\u3000/g, '  ').length;
      else expected = expectIndent(lines, n, rest, prev, stack);
      const m: Mistake = {
        kind: hasTab ? 'tab' : 'fullWidthSpace',
        line: n,
        span: { start, end: start + lead.length },
        fix: [{ span: { start, end: start + lead.length }, newText: ' '.repeat(expected) }],
        expected,
      };
      out.push(m);
      s = ' '.repeat(expected) + rest;
      mended[n] = s;
    }

    // --- full-width punctuation used as syntax
    const ind = s.length - s.trimStart().length;
    const content = s.slice(ind);
    let shape = shapeOf(s);
    if (content.startsWith('－') && (content.length === 1 || content[1] === ' ' || content[1] === '\u3000')) {
      const at = start + lines[n].text.length - (s.length - ind);
      const fwSpace = content[1] === '\u3000';
      out.push({
        kind: 'fullWidthDash',
        line: n,
        span: { start: at, end: at + 1 },
        fix: [{ span: { start: at, end: at + (fwSpace ? 2 : 1) }, newText: fwSpace ? '- ' : '-' }],
      });
      s = s.slice(0, ind) + '-' + (fwSpace ? ' ' : '') + content.slice(fwSpace ? 2 : 1);
      shape = shapeOf(s);
    } else if (shape && !shape.key && !shape.item && content.includes('：') && colonChecks < MAX_COLON_CHECKS) {
      colonChecks++;
      const c = content.indexOf('：');
      const key = content.slice(0, c);
      if (c > 0 && !/[\s#'"[\]{},:]/.test(key) && !key.startsWith('-')) {
        // typing.ts knows where a key is certain; ask it on the mended text of the lines so far
        const probe = mendedText(mended, lines, n, s);
        const edits = typingFixes(probe.text, probe.offset + ind + c + 1);
        if (edits.length) {
          const at = start + lines[n].text.length - (s.length - ind - c);
          const after = content[c + 1];
          const fix: TextEdit =
            after === undefined || after === ' '
              ? { span: { start: at, end: at + 1 }, newText: ':' }
              : after === '\u3000'
                ? { span: { start: at, end: at + 2 }, newText: ': ' }
                : { span: { start: at, end: at + 1 }, newText: ': ' };
          out.push({ kind: 'fullWidthColon', line: n, span: { start: at, end: at + 1 }, fix: [fix], key });
          s = s.slice(0, ind + c) + ': ' + content.slice(c + (after === '\u3000' ? 2 : 1)).replace(/^ /, '');
          shape = shapeOf(s);
        }
      }
    }
    if (shape && shape.key && shape.value.startsWith('[') && shape.value.includes('，') && !/["'{]/.test(shape.value)) {
      const original = lines[n].text;
      // positions counted from the line's end: the mended text before them may differ in length
      const off = original.length - s.length;
      const open = s.indexOf('[', shape.keyIndent);
      const close = s.indexOf(']', open);
      if (open >= 0 && close > open && !s.slice(open + 1, close).includes('[')) {
        const inner = s.slice(open + 1, close);
        const parts = inner.split(/[,，]/).map((p) => p.trim());
        const path = pathAt(stack, shape);
        const kind = path ? describeKey([...path, shape.key])?.type.kind : undefined;
        const ids = kind === 'refList' || kind === 'next' || parts.every((p) => p === '' || ID_PATTERN.test(p));
        const fix: TextEdit[] = [];
        let first: number | undefined;
        for (let i = open + 1; i < close; i++) {
          if (s[i] !== '，') continue;
          const at = start + i + off;
          first ??= at;
          fix.push({ span: { start: at, end: at + 1 }, newText: s[i + 1] === ' ' || i + 1 === close ? ',' : ', ' });
        }
        if (first !== undefined) {
          out.push({ kind: 'fullWidthComma', line: n, span: { start: first, end: first + 1 }, fix, key: shape.key, ids });
          s = s.slice(0, open + 1) + inner.replace(/，(?! )/g, ', ').replace(/，/g, ',') + s.slice(close);
          shape = shapeOf(s);
        }
      }
    }
    mended[n] = s;
    if (!shape) continue;

    // --- the line's place: indentation against its siblings and the format
    const hadMistake = out.length > 0 && out[out.length - 1].line === n;
    if (!hadMistake && simple) {
      const m = structural(lines, n, shape, prev, stack);
      if (m) {
        out.push(m);
        const fixedIndent = m.expected ?? 0;
        s = ' '.repeat(fixedIndent) + s.trimStart();
        mended[n] = s;
        shape = shapeOf(s)!;
      }
    }
    place(stack, shape);
    // deeper than any BizFlow file nests: not a file these checks can help with (and bounded work per line)
    if (stack.length > 64) simple = false;
    prev = shape;
    if (BLOCK_SCALAR.test(shape.value)) blockOwner = shape.indent;
    else if (opens(shape.value)) openValue = true;
  }
}

/** The text with line `n` replaced by `s` and the lines before it mended (for the typing aid's look-around). */
function mendedText(mended: string[], lines: Line[], n: number, s: string): { text: string; offset: number } {
  const from = Math.max(0, n - 400);
  const to = Math.min(lines.length, n + 400);
  const parts: string[] = [];
  let offset = 0;
  for (let i = from; i < to; i++) {
    if (i === n) offset = parts.reduce((a, p) => a + p.length + 1, 0);
    parts.push(i === n ? s : i < n ? mended[i] : lines[i].text);
  }
  return { text: parts.join('\n'), offset };
}

/** The key path of the map `shape` belongs to, once it is placed (without changing the stack). */
function pathAt(stack: Open[], shape: Shape): string[] | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const o = stack[i];
    if (o.indent <= shape.keyIndent && !o.seq) return o.indent === shape.keyIndent || i === 0 || o.indent < shape.keyIndent ? o.path : undefined;
    if (o.seq && o.indent <= shape.indent) return undefined;
  }
  return [];
}

/** Pops what the line closes and pushes what it opens. */
function place(stack: Open[], shape: Shape): void {
  const i = shape.indent;
  while (stack.length > 1 && stack[stack.length - 1].indent > i) stack.pop();
  // a key at the column of a list's dashes ends the list
  if (!shape.item && stack.length > 1 && stack[stack.length - 1].seq && stack[stack.length - 1].indent === i) stack.pop();
  let top = stack[stack.length - 1];
  if (shape.item) {
    if (!(top.seq && top.indent === i)) stack.push({ indent: i, path: undefined, seq: true });
    if (shape.key) stack.push({ indent: shape.keyIndent, path: undefined, seq: false });
    return;
  }
  if (top.indent !== i) {
    // the first key of a map opened by the line above
    stack.push({ indent: i, path: top.pending, seq: false });
    top = stack[stack.length - 1];
  }
  top.pending = shape.key !== undefined && isOpen(shape.value) && top.path ? [...top.path, shape.key] : undefined;
}

/** The indentation a line with a broken indentation (a tab) most likely has: from its neighbours and the format. */
function expectIndent(lines: Line[], n: number, rest: string, prev: Shape | undefined, stack: Open[]): number {
  if (!prev) return 0;
  const shape = shapeOf(rest) ?? { indent: 0, keyIndent: 0, item: false, value: '' };
  const openedBy = prev.key !== undefined && isOpen(prev.value);
  const lineOpens = valueBelow(shape);
  if (openedBy) {
    const child = childLevel(lines, n, prev.keyIndent, lineOpens);
    if (shape.item) {
      const next = nextShape(lines, n);
      if (next && next.item && next.indent >= prev.keyIndent) return next.indent;
    }
    return child;
  }
  if (shape.item) return prev.item ? prev.indent : prev.keyIndent;
  // the levels open above the line, the deepest first: the first where the key fits, a field before a free key
  const levels: { indent: number; path: string[] | undefined }[] = [];
  for (let k = stack.length - 1; k >= 0; k--) if (!stack[k].seq) levels.push({ indent: stack[k].indent, path: stack[k].path });
  if (shape.key !== undefined) {
    const fixed = levels.find((l) => l.path && contextOf(l.path) && fits(l.path, shape.key!, shape.value) === 'yes');
    if (fixed) return fixed.indent;
    const free = levels.find((l) => fits(l.path, shape.key!, shape.value) === 'yes');
    if (free) return free.indent;
  }
  return prev.keyIndent;
}

/**
 * The column of the children of a key at column `p` (with no value on its
 * line) whose first child is line `n`: the least indentation of the lines
 * after it, up to the first line at or left of `p`; `p + 2` when the line
 * opens a map itself (its own children follow it) and nothing less is seen.
 */
function childLevel(lines: Line[], n: number, p: number, lineOpens: boolean): number {
  let least: number | undefined;
  for (let j = n + 1; j < lines.length && j < n + 300; j++) {
    const t = lines[j].text;
    if (/^[ \t\u3000]*(#|$)/.test(t)) continue;
    if (/^[ ]*[\t\u3000]/.test(t)) continue;
    const ind = t.length - t.trimStart().length;
    if (ind <= p) break;
    if (least === undefined || ind < least) least = ind;
  }
  if (least === undefined) return p + 2;
  return lineOpens ? Math.min(least, p + 2) : least;
}

/** Line `n` (at column `i`, the first child of a key at column `p`) is deeper than the lines after it at its level: their column. */
function firstChildTooDeep(lines: Line[], n: number, i: number, p: number, item: boolean): number | undefined {
  for (let j = n + 1; j < lines.length && j < n + 300; j++) {
    const t = lines[j].text;
    if (/^[ \t\u3000]*(#|$)/.test(t)) continue;
    if (/^[ ]*[\t\u3000]/.test(t)) return undefined;
    const sh = shapeOf(t);
    if (!sh || sh.indent >= i) continue;
    if (sh.indent <= p || sh.item !== item || (!item && sh.key === undefined)) return undefined;
    return sh.indent;
  }
  return undefined;
}

function nextShape(lines: Line[], n: number): Shape | undefined {
  for (let j = n + 1; j < lines.length && j < n + 50; j++) {
    const t = lines[j].text;
    if (/^[ \t\u3000]*(#|$)/.test(t)) continue;
    if (/^[ ]*[\t\u3000]/.test(t)) return undefined;
    return shapeOf(t);
  }
  return undefined;
}

/** An indentation mistake or a misplaced top-level key on a line with a readable indentation. */
function structural(lines: Line[], n: number, shape: Shape, prev: Shape | undefined, stack: Open[]): Mistake | undefined {
  if (!prev) return undefined;
  const { start } = lines[n];
  const i = shape.indent;
  const make = (kind: 'indent' | 'misplacedKey', expected: number, path: string[] | undefined, parent?: string): Mistake => ({
    kind,
    line: n,
    span: kind === 'misplacedKey' ? { start: start + i, end: start + i + (shape.key?.length ?? 0) } : { start, end: start + i },
    fix: [{ span: { start, end: start + i }, newText: ' '.repeat(expected) }],
    actual: i,
    expected,
    key: shape.key,
    parent,
    owner: kind === 'indent' ? ownerOf(path) : undefined,
  });

  // where the line sits as YAML reads it
  const prevScalar = !isOpen(prev.value) && !BLOCK_SCALAR.test(prev.value) && !opens(prev.value);
  // deeper than a line with a value: YAML reads it as more text of that value (or fails)
  if (prevScalar && (shape.key !== undefined || shape.item) && i > (prev.item && !prev.key ? prev.indent : prev.keyIndent)) {
    const expected = prev.item && !prev.key ? prev.indent : prev.keyIndent;
    if (shape.item && !prev.item) return undefined; // `key: v` then a deeper `- x`: not a sibling case we can be sure of
    const path = shape.item ? undefined : siblingPath(stack, prev);
    if (shape.key && TOP_KEYS.has(shape.key) && path && fits(path, shape.key, shape.value) === 'no') return make('misplacedKey', 0, [], path[path.length - 1]);
    return make('indent', expected, path);
  }
  // the first child of a key, deeper than its siblings below it
  if (prev.key !== undefined && isOpen(prev.value) && i > prev.keyIndent && (shape.key !== undefined || shape.item)) {
    const sib = firstChildTooDeep(lines, n, i, prev.keyIndent, shape.item);
    if (sib !== undefined) {
      const pp = siblingPath(stack, prev);
      return make('indent', sib, shape.item || !pp ? undefined : [...pp, prev.key]);
    }
  }
  if (shape.item) {
    // a dash less indented than the item above it, where no list of that column is open
    if (prev.item && i < prev.indent && !stack.some((o) => o.seq && o.indent === i)) {
      const owner = stack.filter((o) => !o.seq && o.indent < prev.indent);
      const ownerIndent = owner.length ? owner[owner.length - 1].indent : 0;
      if (i >= ownerIndent - 2) return make('indent', prev.indent, undefined);
    }
    return undefined;
  }
  if (shape.key === undefined) return undefined;
  const key = shape.key;
  // a mistyped top-level key (`requirement:`) is a typo, not an indentation: schema/unknown-key names the nearest key
  if (i === 0 && !TOP_KEYS.has(key) && nearest(key, TOP_KEYS) !== undefined) return undefined;

  // the path of the map the line lands in
  const landing = landingPath(stack, prev, i);
  const here = landing === null ? 'unknown' : fits(landing, key, shape.value);
  const atIdLevel = !!landing && landing.length === 1 && describeKey(landing)?.type.kind === 'items';
  // a field of an item dedented to the level of the ids (`  role: sales` under `steps:`)
  const fieldAtIdLevel = here === 'yes' && atIdLevel && prev.keyIndent > i && fieldOf(landing![0], key);
  // a key of the enclosing map written into a free map (`next:` under `attributes:`)
  const freeLanding = !!landing && landing.length >= 1 && !contextOf(landing) && !!contextOf(landing.slice(0, -1));
  const fieldInFreeMap = here === 'yes' && freeLanding && !!keySpec(contextOf(landing!.slice(0, -1))!, key);
  const topKeyAsId = i > 0 && TOP_KEYS.has(key) && atIdLevel;
  if (here !== 'no' && !fieldAtIdLevel && !fieldInFreeMap && !topKeyAsId) return undefined;
  // the nearest deeper level where the key fits
  const cands: { indent: number; path: string[] | undefined }[] = [];
  if (prev.key !== undefined && isOpen(prev.value) && i <= prev.keyIndent) {
    const child = childLevel(lines, n, prev.keyIndent, valueBelow(shape));
    const pp = siblingPath(stack, prev);
    cands.push({ indent: child, path: pp ? [...pp, prev.key] : undefined });
  }
  for (let k = stack.length - 1; k >= 0; k--) {
    const o = stack[k];
    if (o.indent > i && !o.seq) cands.push({ indent: o.indent, path: o.path });
  }
  cands.sort((a, b) => a.indent - b.indent);
  for (const c of cands) {
    // a key at the top level is moved down into an item or a section of ids, never into a free map
    // (`attributes:`): an unknown top-level key (`notes:`) is unknown, not mis-indented
    if (i === 0 && c.path && !contextOf(c.path) && describeKey(c.path)?.type.kind !== 'items') continue;
    // after a blank line, a key at column 0 starts a new top-level section as written (`notes:`), even an unknown one
    if (i === 0 && n > 0 && lines[n - 1].text.trim() === '') continue;
    if (fits(c.path, key, shape.value) === 'yes' && !(landing && c.path && c.path.join('\0') === landing.join('\0'))) return make('indent', c.indent, c.path);
  }
  // a top-level section nested under another
  if (i > 0 && TOP_KEYS.has(key) && landing && (here === 'no' || atIdLevel)) {
    return make('misplacedKey', 0, [], landing[landing.length - 1]);
  }
  // a shallower level: a field of the map around (`next:` one level too deep), or an item id whose fields follow
  const shallower: { indent: number; path: string[] | undefined }[] = [];
  for (let k = stack.length - 1; k >= 0; k--) {
    const o = stack[k];
    if (o.indent < i && !o.seq && o.path && !(landing && o.path.join('\0') === landing.join('\0'))) shallower.push({ indent: o.indent, path: o.path });
  }
  shallower.sort((a, b) => b.indent - a.indent);
  for (const c of shallower) {
    if (contextOf(c.path!)) {
      if (keySpec(contextOf(c.path!)!, key)) return make('indent', c.indent, c.path);
    } else if (describeKey(c.path!)?.type.kind === 'items' && isOpen(shape.value) && ID_PATTERN.test(key)) {
      const child = nextShape(lines, n);
      const itemCtx = contextOf([...c.path!, key]);
      if (child && child.indent >= i && child.key !== undefined && itemCtx && keySpec(itemCtx, child.key)) return make('indent', c.indent, c.path);
    }
  }
  return undefined;
}

/** Whether `key` is a field of the items of the section `section` (`role` for `steps`). */
function fieldOf(section: string, key: string): boolean {
  const ctx = contextOf([section, 'x']);
  return !!ctx && !!keySpec(ctx, key);
}

/** The key path of the map `prev` (a key line already placed) is in. */
function siblingPath(stack: Open[], prev: Shape): string[] | undefined {
  for (let k = stack.length - 1; k >= 0; k--) {
    const o = stack[k];
    if (o.indent === prev.keyIndent && !o.seq) return o.path;
    if (o.indent < prev.keyIndent) return undefined;
  }
  return undefined;
}

/** The key path of the map a key line at column `i` lands in (null: inside a list or not known). */
function landingPath(stack: Open[], prev: Shape, i: number): string[] | null {
  if (prev.key !== undefined && isOpen(prev.value) && i > prev.keyIndent) {
    const pp = siblingPath(stack, prev);
    return pp ? [...pp, prev.key] : null;
  }
  for (let k = stack.length - 1; k >= 0; k--) {
    const o = stack[k];
    if (o.indent === i) return o.seq ? null : (o.path ?? null);
    if (o.indent < i) return null;
  }
  return i === 0 ? [] : null;
}

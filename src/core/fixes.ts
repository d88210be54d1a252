/**
 * Quick fixes: for a diagnostic (its code and `data`), the edits that fix it.
 *
 * Every edit is minimal: it inserts or replaces only the text the fix needs,
 * at the indentation of its neighbours, so comments, key order, quoting and
 * the rest of the formatting stay as they are. Fixes that would have to
 * guess (a flow-style section, an unusual shape) are not offered.
 *
 * | code | fixes |
 * |---|---|
 * | `ref/unknown-*` | replace with the suggested id; create the missing role / step / data item as a stub |
 * | `conflict/unagreed-burden` | add the burdened role to `agreed`; or record its agreement in `reviews`, with today's fingerprint |
 * | `review/stale-agreement` | re-sign: today's fingerprint and date in the stale `reviews` entry |
 * | `req/no-acceptance` | add an `acceptance` list with a placeholder |
 * | `conflict/contradiction`, `conflict/removed-step` | record the decision either way: `overrides` + `decidedBy` |
 * | `yaml/tab`, `yaml/full-width`, `yaml/indentation`, `schema/misplaced-key` | the mistake's own fix: spaces for the tab, the ASCII character, the right indentation (preferred) |
 * | `schema/unknown-key` | fix the spelling; the fix of a mistake of form on its line; remove the key (never preferred, and not offered for a key with full-width punctuation or blanks in it when nothing else is) |
 * | `schema/type` (expected a list) | wrap the value in a list |
 * | `schema/enum` | replace with the suggested word |
 * | `schema/id` | replace the id everywhere with the suggested one |
 * | `schema/version` | write `bizflow: 1` |
 *
 * Pure TypeScript; titles in the requested language.
 */
import { isMap, isPair, isScalar, isSeq, visit, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { normalizeEdits, type TextEdit } from './edits';
import { pick, type Texts } from './i18n';
import { findMistakes, type Mistake } from './mistakes';
import { ID_PATTERN, scalarText, type Item, type Model, type Requirement } from './model';
import { deref } from './parse';
import { agreements } from './review/read';
import { scalarOut, signText } from './review/sign';
import { buildSymbolIndex, type SymbolIndex } from './symbols';
import { isRuleCode, type RuleCode } from './rules/index';
import type { Diagnostic, DiagnosticData, DiagnosticDataByCode, Locale, Span } from './types';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix to apply when the user asks for "the" fix (a clear typo). */
  isPreferred: boolean;
}

/** Placeholder role for `decidedBy` when the process has no owner (it is reported until a real role is written). */
export const DECIDER_PLACEHOLDER = 'TODO';

export const ACCEPTANCE_PLACEHOLDER: Texts = {
  en: 'TODO acceptance criterion',
  zh: '待补充验收标准',
};

// ---------------------------------------------------------------------------
// Text helpers

class Doc {
  readonly eol: string;
  constructor(readonly model: Model) {
    this.eol = model.parsed.text.includes('\r\n') ? '\r\n' : '\n';
  }
  get text(): string {
    return this.model.parsed.text;
  }
  lineStart(o: number): number {
    return this.text.lastIndexOf('\n', o - 1) + 1;
  }
  /** Offset of the line break ending the line of `o` (or the text's end). */
  lineEnd(o: number): number {
    const n = this.text.indexOf('\n', o);
    if (n < 0) return this.text.length;
    return n > 0 && this.text[n - 1] === '\r' ? n - 1 : n;
  }
  column(o: number): number {
    return o - this.lineStart(o);
  }
  /** The last offset before `o` that is not blank (so a range that ends after a line break ends on its line). */
  lastContent(o: number): number {
    let e = o;
    while (e > 0 && /\s/.test(this.text[e - 1])) e--;
    return e;
  }
  /** Only blanks between the line's start and `o`. */
  startsLine(o: number): boolean {
    return this.text.slice(this.lineStart(o), o).trim() === '';
  }
  range(node: unknown): [number, number] | undefined {
    const r = (node as { range?: [number, number, number] } | null)?.range;
    return r ? [r[0], r[1]] : undefined;
  }
  private guarded: [number, number][] | undefined;
  /**
   * Text an edit must not touch: anchored nodes (an edit there changes every
   * alias of it too, and removing one strands its aliases) and block scalars
   * (`role: |` + a line: replacing one swallows its line break). Built once.
   */
  get guards(): readonly [number, number][] {
    if (!this.guarded) {
      const out: [number, number][] = [];
      const doc = this.model.parsed.doc;
      if (doc) {
        visit(doc, (_key, node) => {
          const n = node as { anchor?: string; type?: string; range?: [number, number, number] };
          if (!n || !n.range) return;
          if (n.anchor || (isScalar(node) && (n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED'))) out.push([n.range[0], n.range[1]]);
        });
      }
      this.guarded = out;
    }
    return this.guarded;
  }
  /** The edit leaves anchored nodes and block scalars alone (an insertion at their edge is fine). */
  safe(e: TextEdit): boolean {
    const { start, end } = e.span;
    for (const [a, b] of this.guards) {
      if (start === end ? start > a && start < b : start < b && end > a) return false;
    }
    return true;
  }
}

function pairsOf(node: unknown, model: Model): Pair[] {
  const n = deref(model.parsed, node);
  return isMap(n) ? ((n as YAMLMap).items as Pair[]).filter((p) => isPair(p)) : [];
}

function pairOf(node: unknown, key: string, model: Model): Pair | undefined {
  return pairsOf(node, model).find((p) => scalarText(p.key) === key);
}

function topPair(model: Model, key: string): Pair | undefined {
  return model.root ? pairOf(model.root, key, model) : undefined;
}

const isNull = (n: unknown) => n === null || n === undefined || (isScalar(n) && n.value === null && (n.source ?? '') === '');

/** Offset right after the `:` of a pair whose value is empty. */
function afterColon(d: Doc, pair: Pair): number | undefined {
  const k = d.range(pair.key);
  if (!k) return undefined;
  const i = d.text.indexOf(':', k[1]);
  return i >= 0 && i < d.lineEnd(k[1]) + 1 ? i + 1 : undefined;
}

/** Where a new last key of a block map goes, and its indentation; `undefined` for a flow map or a broken shape. */
function blockMapEnd(d: Doc, map: YAMLMap): { at: number; indent: string } | undefined {
  const r = d.range(map);
  const first = (map.items as Pair[]).find((p) => isPair(p) && d.range(p.key));
  if (!r || !first || (map as { flow?: boolean }).flow) return undefined;
  const keyStart = d.range(first.key)![0];
  if (!d.startsLine(keyStart) && !/^\s*-\s+$/.test(d.text.slice(d.lineStart(keyStart), keyStart))) return undefined;
  return { at: d.lineEnd(d.lastContent(r[1])), indent: ' '.repeat(d.column(keyStart)) };
}

/** An edit that adds `key: value` (one line, flow style) as the last key of an item's map. */
function addKeyEdit(d: Doc, item: Item, line: string): TextEdit | undefined {
  const node = deref(d.model.parsed, item.node);
  if (isNull(node)) {
    // `REQ-9:` with nothing after it
    const col = d.column(item.keySpan.start);
    const at = d.lineEnd(item.keySpan.end);
    return insertAt(at, d.eol + ' '.repeat(col + 2) + line);
  }
  if (!isMap(node)) return undefined;
  if ((node as { flow?: boolean }).flow) {
    const r = d.range(node);
    if (!r || d.text[r[1] - 1] !== '}') return undefined;
    const close = r[1] - 1;
    const empty = (node as YAMLMap).items.length === 0;
    const before = d.lastContent(close);
    return insertAt(before, (empty ? '' : ', ') + line);
  }
  const end = blockMapEnd(d, node as YAMLMap);
  if (!end) return undefined;
  return insertAt(end.at, d.eol + end.indent + line);
}

/** Edits that add `value` to the list under `key` of an item (creating the list when absent). */
function appendToListEdit(d: Doc, item: Item, key: string, value: string): TextEdit | undefined {
  const pair = pairOf(item.node, key, d.model);
  if (!pair) return addKeyEdit(d, item, `${key}: [${value}]`);
  const v = deref(d.model.parsed, pair.value);
  if (isNull(v)) {
    const at = afterColon(d, pair);
    return at === undefined ? undefined : insertAt(at, ` [${value}]`);
  }
  if (isSeq(v)) {
    const seq = v as YAMLSeq;
    const r = d.range(seq);
    if (!r) return undefined;
    if ((seq as { flow?: boolean }).flow) {
      if (d.text[r[1] - 1] !== ']') return undefined;
      if (seq.items.length === 0) return insertAt(r[0] + 1, value);
      const last = d.range(seq.items[seq.items.length - 1]);
      if (!last) return undefined;
      return insertAt(last[1], `, ${value}`);
    }
    // a block list: a new `- value` line after the last item, at the items' indentation
    const last = d.range(seq.items[seq.items.length - 1]);
    if (!last) return undefined;
    const at = d.lineEnd(d.lastContent(last[1]));
    return insertAt(at, d.eol + ' '.repeat(d.column(r[0])) + '- ' + value);
  }
  if (isScalar(v)) {
    // `agreed: sales` (a schema/type error): make it a list with both
    const r = d.range(v);
    if (!r) return undefined;
    const src = d.text.slice(r[0], r[1]);
    if (src.includes('\n')) return undefined;
    return { span: { start: r[0], end: r[1] }, newText: `[${src}, ${value}]` };
  }
  return undefined;
}

/** An edit that inserts `newText` at offset `at`. */
function insertAt(at: number, newText: string): TextEdit {
  return { span: { start: at, end: at }, newText };
}

/** Merges insertions at the same offset (in order) so a fix is one clean edit per place. */
function merge(edits: (TextEdit | undefined)[]): TextEdit[] | undefined {
  if (edits.some((e) => e === undefined)) return undefined;
  const out: TextEdit[] = [];
  for (const e of edits as TextEdit[]) {
    const same = out.find((o) => o.span.start === e.span.start && o.span.end === e.span.end && e.span.start === e.span.end);
    if (same) same.newText += e.newText;
    else out.push({ span: { ...e.span }, newText: e.newText });
  }
  return normalizeEdits(out);
}

// ---------------------------------------------------------------------------

type Section = 'roles' | 'steps' | 'data';

/** An edit that adds a new item at the end of a section (creating the section when absent). */
function addItemEdit(d: Doc, section: Section, id: string, body: string[]): TextEdit | undefined {
  const pair = topPair(d.model, section);
  const text = d.text;
  if (!pair) {
    if (!d.model.root || (d.model.root as { flow?: boolean }).flow) return undefined;
    const lines = [`${section}:`, `  ${id}:`, ...body.map((b) => `    ${b}`)];
    const end = text.length;
    const lead = end === 0 || text.endsWith('\n') ? '' : d.eol;
    return { span: { start: end, end }, newText: lead + lines.join(d.eol) + d.eol };
  }
  const v = deref(d.model.parsed, pair.value);
  if (isNull(v)) {
    const k = d.range(pair.key);
    if (!k) return undefined;
    const col = d.column(k[0]);
    const at = d.lineEnd(k[1]);
    const lines = [`${' '.repeat(col + 2)}${id}:`, ...body.map((b) => `${' '.repeat(col + 4)}${b}`)];
    return insertAt(at, d.eol + lines.join(d.eol));
  }
  if (!isMap(v)) return undefined;
  const end = blockMapEnd(d, v as YAMLMap);
  if (!end) return undefined;
  // child indentation: as in the first item that is a block map
  let step = 2;
  for (const p of (v as YAMLMap).items as Pair[]) {
    const inner = deref(d.model.parsed, p.value);
    const firstKey = isMap(inner) && !(inner as { flow?: boolean }).flow ? ((inner as YAMLMap).items[0] as Pair | undefined) : undefined;
    const kr = firstKey ? d.range(firstKey.key) : undefined;
    const ir = d.range(p.key);
    if (kr && ir && d.column(kr[0]) > d.column(ir[0])) {
      step = d.column(kr[0]) - d.column(ir[0]);
      break;
    }
  }
  const lines = [`${end.indent}${id}:`, ...body.map((b) => `${end.indent}${' '.repeat(step)}${b}`)];
  return insertAt(end.at, d.eol + lines.join(d.eol));
}

/** Quotes a scalar for YAML when a plain scalar would not read back as the same text. */
function yamlScalar(s: string): string {
  const plain =
    s !== '' &&
    s.trim() === s &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) &&
    !/: |:$| #|[\r\n\t]/.test(s) &&
    !/^(true|false|null|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.inf|\.nan)$/i.test(s);
  return plain ? s : JSON.stringify(s);
}

/** The whole lines of a pair of a block map (with its line break), or the pair and a comma in a flow map. */
function removePairSpan(d: Doc, pair: Pair, parent: YAMLMap): Span | undefined {
  const k = d.range(pair.key);
  if (!k) return undefined;
  const v = pair.value ? d.range(pair.value) : undefined;
  const end = v && v[1] > k[1] ? v[1] : k[1];
  if ((parent as { flow?: boolean }).flow) {
    const items = parent.items as Pair[];
    const i = items.indexOf(pair);
    const text = d.text;
    if (i < items.length - 1) {
      // up to the next pair's key
      const next = d.range(items[i + 1].key);
      return next ? { start: k[0], end: next[0] } : undefined;
    }
    // the last pair: from the comma before it
    let s = k[0];
    let j = s - 1;
    while (j >= 0 && /\s/.test(text[j])) j--;
    if (text[j] === ',') s = j;
    return { start: s, end: d.lastContent(end) };
  }
  if (!d.startsLine(k[0])) return undefined;
  const last = d.lastContent(end);
  const lineEnd = d.lineEnd(last);
  const after = d.text[lineEnd] === '\r' ? lineEnd + 2 : lineEnd + 1;
  return { start: d.lineStart(k[0]), end: Math.min(after, d.text.length) };
}

/** The pair whose key starts at `offset`, with its map, anywhere in the document. */
function pairAtKey(model: Model, offset: number): { pair: Pair; map: YAMLMap } | undefined {
  const doc = model.parsed.doc;
  if (!doc) return undefined;
  const stack: unknown[] = [doc.contents];
  const seen = new Set<unknown>();
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object' || seen.has(n)) continue;
    seen.add(n);
    if (isMap(n)) {
      for (const p of (n as YAMLMap).items as Pair[]) {
        if (!isPair(p)) continue;
        const r = (p.key as { range?: number[] } | null)?.range;
        if (r && (r[0] === offset || (isScalar(p.key) && (p.key.type === 'QUOTE_DOUBLE' || p.key.type === 'QUOTE_SINGLE') && r[0] + 1 === offset))) {
          return { pair: p, map: n as YAMLMap };
        }
        stack.push(p.value);
      }
    } else if (isSeq(n)) {
      for (const i of (n as YAMLSeq).items) stack.push(i);
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------

/**
 * The fixes for one diagnostic of `model` (computed by the same analysis).
 * Never throws; an empty list when there is no safe fix.
 */
export function fixesFor(model: Model, diagnostic: Diagnostic, locale: Locale = 'en', index?: SymbolIndex, options: FixOptions = {}): Fix[] {
  try {
    return compute(new Doc(model), diagnostic, locale, index, options.today ?? localToday());
  } catch {
    return [];
  }
}

export interface FixOptions {
  /** The date a recorded verdict carries, YYYY-MM-DD (default: today, local time). */
  today?: string;
}

/** Today's date, YYYY-MM-DD, in local time. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What a fix provider gets: the document, the diagnostic with its typed data, and a way to offer fixes. */
interface FixContext<C extends RuleCode> {
  readonly d: Doc;
  readonly model: Model;
  readonly diag: Diagnostic;
  /** The diagnostic's data as its rule writes it (read defensively: a client may hand back anything). */
  readonly data: Partial<DiagnosticDataByCode[C]> & DiagnosticData;
  readonly locale: Locale;
  readonly index: SymbolIndex | undefined;
  /** YYYY-MM-DD: the date a recorded verdict carries. */
  readonly today: string;
  /** `data.suggestion` when it is a string. */
  readonly suggestion: string | undefined;
  /** `data.name` when it is a string. */
  readonly name: string | undefined;
  /** The requirement `data.requirements[0]` names, if any. */
  readonly req: Requirement | undefined;
  /** Offers a fix titled `en` / `zh`, when all its edits could be made. */
  add(en: string, zh: string, edits: (TextEdit | undefined)[] | undefined, isPreferred?: boolean): void;
  /** Replaces the diagnostic's text with the suggested word (a clear typo: the preferred fix). */
  changeToSuggestion(): void;
}

type FixProvider<C extends RuleCode> = (f: FixContext<C>) => void;

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** `ref/unknown-*`: the suggested id, or a stub for the missing item. */
function unknownRef<C extends 'ref/unknown-role' | 'ref/unknown-step' | 'ref/unknown-data' | 'ref/unknown-requirement'>(
  stub?: (f: FixContext<C>, name: string) => void,
): FixProvider<C> {
  return (f) => {
    if (f.suggestion) f.changeToSuggestion();
    if (!stub || !f.name || !ID_PATTERN.test(f.name)) return;
    // while the file has a typing mistake of form (a tab, full-width punctuation, a line one step off) it is
    // misread around that line: a stub inserted there could land inside a misread item (as rename refuses)
    if (findMistakes(f.model.parsed.text).length) return;
    stub(f, f.name);
  };
}

/** The titles of the fix of each kind of typing mistake. */
function addMistakeFix(m: Mistake, add: FixContext<RuleCode>['add']): void {
  const n = m.expected ?? 0;
  const key = m.key ?? '';
  const titles: Record<Mistake['kind'], [string, string]> = {
    tab: [`Replace the tab with ${n} spaces`, `把制表符换成 ${n} 个空格`],
    fullWidthSpace: [`Replace the full-width space with ASCII spaces (${n})`, `把全角空格换成半角空格（${n} 个）`],
    fullWidthColon: ['Use the ASCII colon ":"', '改用半角冒号“:”'],
    fullWidthComma: ['Use the ASCII comma ","', '改用半角逗号“,”'],
    fullWidthDash: ['Use the ASCII list dash "-"', '改用半角列表符号“-”'],
    indent: [`Re-indent the line to ${n} spaces`, `把这一行改为缩进 ${n} 个空格`],
    misplacedKey: [`Move '${key}' to the top level`, `把“${key}”移到顶层`],
  };
  const [en, zh] = titles[m.kind];
  add(en, zh, m.fix, true);
}

/** The fix of a typing mistake (`mistakes.ts`): found again on the text, at the diagnostic's place. */
const mistakeFix: FixProvider<'yaml/tab' | 'yaml/full-width' | 'yaml/indentation' | 'schema/misplaced-key'> = ({ d, diag, add }) => {
  const m = findMistakes(d.text).find((x) => x.span.start === diag.span.start && x.span.end === diag.span.end);
  if (m) addMistakeFix(m, add as FixContext<RuleCode>['add']);
};

/** `overrides` + `decidedBy` either way (contradiction, removed step). */
const recordDecision: FixProvider<'conflict/contradiction' | 'conflict/removed-step'> = ({ d, model, data, req, add }) => {
  const other = typeof data.other === 'string' ? model.requirements.byId.get(data.other) : undefined;
  if (!req || !other || req === other) return;
  const owner = model.process?.owner?.id;
  const decider = owner && model.roles.byId.has(owner) ? owner : DECIDER_PLACEHOLDER;
  for (const [win, lose] of [
    [req, other],
    [other, req],
  ] as const) {
    const edits = [appendToListEdit(d, win, 'overrides', lose.id)];
    if (!win.decidedBy) edits.push(addKeyEdit(d, win, `decidedBy: ${decider}`));
    add(
      `Record the decision: ${win.id} wins over ${lose.id} (overrides, decided by ${win.decidedBy?.id ?? decider})`,
      `记录决定：以 ${win.id} 为准，优先于 ${lose.id}（overrides，决定人 ${win.decidedBy?.id ?? decider}）`,
      edits,
    );
  }
};

/**
 * The fixes of each rule, by code: the compiler checks that every code of
 * the catalogue is listed (undefined: no fix), and a test that this agrees
 * with each rule's `meta.fixable`.
 */
export const FIX_PROVIDERS: { readonly [C in RuleCode]: FixProvider<C> | undefined } = {
  'yaml/syntax': undefined,
  'yaml/duplicate-key': undefined,
  'yaml/tab': mistakeFix,
  'yaml/full-width': mistakeFix,
  'yaml/indentation': mistakeFix,
  'schema/version': ({ d, model, diag, add }) => {
    const pair = topPair(model, 'bizflow');
    if (!pair) {
      if (!model.root) return;
      add("Add 'bizflow: 1'", '添加“bizflow: 1”', [insertAt(diag.span.start, 'bizflow: 1' + d.eol)], true);
      return;
    }
    const v = deref(model.parsed, pair.value);
    let edit: TextEdit | undefined;
    if (isNull(v)) {
      const at = afterColon(d, pair);
      if (at !== undefined) edit = insertAt(at, ' 1');
    } else if (isScalar(v)) {
      const r = d.range(v);
      if (r) edit = { span: { start: r[0], end: r[1] }, newText: '1' };
    }
    add('Set the format version to 1', '把格式版本设为 1', [edit], true);
  },
  'schema/required': undefined,
  'schema/type': ({ d, diag, data, add }) => {
    if (data.expected !== 'list') return;
    const src = d.text.slice(diag.span.start, diag.span.end);
    if (!src || /[\r\n]/.test(src) || /^[[{|>]/.test(src.trim())) return;
    add('Wrap the value in a list', '把值改为列表', [{ span: diag.span, newText: `[${src}]` }], true);
  },
  'schema/enum': ({ suggestion, changeToSuggestion }) => {
    if (suggestion) changeToSuggestion();
  },
  'schema/unknown-key': ({ d, model, diag, suggestion, name, add, changeToSuggestion }) => {
    // a mistake of form on the key's line (indentation, full-width punctuation): its fix comes first
    const line = { start: d.lineStart(diag.span.start), end: d.lineEnd(diag.span.start) };
    const form = findMistakes(d.text).find((m) => m.span.start >= line.start && m.span.start <= line.end);
    if (form) addMistakeFix(form, add);
    // removing the key deletes what the user wrote: never the only fix when the key looks mistyped
    // (full-width punctuation or blanks inside it: a missing ":" or a line break)
    const key = name ?? d.text.slice(diag.span.start, diag.span.end);
    if (!suggestion && !form && /[：，－\u3000\s]/.test(key)) return;
    const found = pairAtKey(model, diag.span.start);
    // not when the map already has the suggested key: the change would write a duplicate key
    const taken = !!found && (found.map.items as Pair[]).some((p) => isPair(p) && scalarText(p.key) === suggestion);
    if (suggestion && !taken) changeToSuggestion();
    if (found) {
      const span = removePairSpan(d, found.pair, found.map);
      if (span) add(`Remove '${name ?? scalarText(found.pair.key)}'`, `删除“${name ?? scalarText(found.pair.key)}”`, [{ span, newText: '' }]);
    }
  },
  'schema/misplaced-key': mistakeFix,
  'schema/id': ({ d, model, diag, index, suggestion, name, add }) => {
    if (!suggestion || !name) return;
    const idx = index ?? buildSymbolIndex(model);
    const sym = idx.symbolAt(diag.span.start);
    if (!sym || sym.id !== name) return;
    if (idx.references(sym.kind, suggestion, { includeDeclaration: true }).length) return; // taken
    const occ = idx.references(sym.kind, sym.id, { includeDeclaration: true });
    if (occ.some((o) => d.text.slice(o.span.start, o.span.end) !== o.name)) return;
    add(
      `Change the id to '${suggestion}' (${occ.length} places)`,
      `把 ID 改为“${suggestion}”（${occ.length} 处）`,
      occ.map((o) => ({ span: o.span, newText: suggestion })),
      true,
    );
  },
  'ref/unknown-role': unknownRef(({ d, add }, name) => {
    add(`Create role '${name}'`, `创建角色“${name}”`, [addItemEdit(d, 'roles', name, [`name: ${yamlScalar(name)}`])]);
  }),
  'ref/unknown-step': unknownRef(({ d, model, diag, index, add }, name) => {
    const lane = laneFor(model, index ?? buildSymbolIndex(model), diag.span.start);
    // a task step needs a lane: with no role to put it in, the stub would be a new error (schema/required)
    if (!lane) return;
    const body = [`name: ${yamlScalar(name)}`, `role: ${lane}`];
    add(`Create step '${name}'`, `创建步骤“${name}”`, [addItemEdit(d, 'steps', name, body)]);
  }),
  'ref/unknown-requirement': unknownRef(),
  'ref/unknown-data': unknownRef(({ d, model, add }, name) => {
    if (model.data) add(`Declare data '${name}'`, `声明数据“${name}”`, [addItemEdit(d, 'data', name, [`name: ${yamlScalar(name)}`])]);
  }),
  'flow/no-start': undefined,
  'flow/no-end': undefined,
  'flow/unreachable': undefined,
  'flow/dead-end': undefined,
  'flow/no-path-to-end': undefined,
  'flow/decision-branches': undefined,
  'flow/end-has-next': undefined,
  'role/unused': undefined,
  'data/not-produced': undefined,
  'data/used-before-produced': undefined,
  'data/unused': undefined,
  'handoff/no-data': undefined,
  'req/no-acceptance': ({ d, model, locale, req, add }) => {
    if (!req) return;
    const placeholder = yamlScalar(pick(locale, ACCEPTANCE_PLACEHOLDER));
    const pair = pairOf(req.node, 'acceptance', model);
    let edit: TextEdit | undefined;
    if (!pair) {
      const node = deref(model.parsed, req.node);
      if (isMap(node) && (node as { flow?: boolean }).flow) edit = addKeyEdit(d, req, `acceptance: [${placeholder}]`);
      else {
        const col = isMap(node) ? blockMapEnd(d, node as YAMLMap)?.indent.length : d.column(req.keySpan.start) + 2;
        edit = col === undefined ? undefined : addKeyEdit(d, req, `acceptance:${d.eol}${' '.repeat(col + 2)}- ${placeholder}`);
      }
    } else {
      const v = deref(model.parsed, pair.value);
      if (isNull(v)) {
        const at = afterColon(d, pair);
        const k = d.range(pair.key);
        if (at !== undefined && k) edit = insertAt(d.lineEnd(at), `${d.eol}${' '.repeat(d.column(k[0]) + 2)}- ${placeholder}`);
      } else if (isSeq(v) && (v as YAMLSeq).items.length === 0) {
        edit = appendToListEdit(d, req, 'acceptance', placeholder);
      }
    }
    add(`Add acceptance criteria to ${req.id}`, `为 ${req.id} 添加验收标准`, [edit]);
  },
  'req/untraced': undefined,
  'req/depends-cycle': undefined,
  'conflict/contradiction': recordDecision,
  'conflict/removed-step': recordDecision,
  'conflict/unagreed-burden': ({ d, data, req, today, add }) => {
    const role = text(data.role);
    if (!req || !role) return;
    if (!req.agreed.some((a) => a.id === role)) {
      add(
        `Record that '${role}' agreed to ${req.id} (add it to 'agreed')`,
        `记录“${role}”已同意 ${req.id}（加入 agreed）`,
        [appendToListEdit(d, req, 'agreed', role)],
      );
    }
    const signed = signText(d.text, { requirement: req.id, role, verdict: 'agree', on: today });
    if (signed.ok) {
      add(
        `Record that '${role}' agreed to ${req.id} (reviews, with fingerprint ${signed.fingerprint})`,
        `记录“${role}”已同意 ${req.id}（写入 reviews，附指纹 ${signed.fingerprint}）`,
        [signed.edit],
      );
    }
  },
  'conflict/depends-rejected': undefined,
  'conflict/priority-inversion': undefined,
  'review/stale-agreement': ({ d, model, data, req, today, add }) => {
    const role = text(data.role);
    if (!req || !role) return;
    const a = agreements(model, req).get(role);
    if (a?.state !== 'stale' || !a.review || !a.current) return;
    add(
      `Re-sign with today's fingerprint (${a.current}, ${today})`,
      `以当前指纹重新签署（${a.current}，${today}）`,
      resignEdits(d, req, a.review.index, a.current, today),
    );
  },
  'review/objection': undefined,
};

/** The stale `reviews` entry `index` of `req` with today's fingerprint and date (its other fields as they are). */
function resignEdits(d: Doc, req: Requirement, index: number, fingerprint: string, today: string): (TextEdit | undefined)[] | undefined {
  const list = pairOf(req.node, 'reviews', d.model);
  const seq = list && deref(d.model.parsed, list.value);
  if (!isSeq(seq)) return undefined;
  const entry = deref(d.model.parsed, (seq as YAMLSeq).items[index]);
  if (!isMap(entry)) return undefined;
  const pairs = (entry as YAMLMap).items.filter((p): p is Pair => isPair(p));
  const find = (k: string) => pairs.find((p) => scalarText(p.key) === k);
  const fp = find('fingerprint');
  const fpRange = fp && d.range(fp.value);
  if (!fp || !fpRange || !isScalar(fp.value)) return undefined;
  const edits: TextEdit[] = [{ span: { start: fpRange[0], end: fpRange[1] }, newText: scalarOut(fingerprint) }];
  const on = find('on');
  if (on) {
    const r = isScalar(on.value) ? d.range(on.value) : undefined;
    if (r && r[1] > r[0]) edits.push({ span: { start: r[0], end: r[1] }, newText: today });
    else {
      const at = afterColon(d, on);
      if (at === undefined) return undefined;
      edits.push(insertAt(at, ' ' + today));
    }
  } else if ((entry as { flow?: boolean }).flow) {
    edits.push(insertAt(fpRange[1], `, on: ${today}`));
  } else {
    const k = d.range(fp.key);
    if (!k) return undefined;
    edits.push(insertAt(d.lineEnd(fpRange[1]), `${d.eol}${' '.repeat(d.column(k[0]))}on: ${today}`));
  }
  return edits;
}

function compute(d: Doc, diag: Diagnostic, locale: Locale, index: SymbolIndex | undefined, today: string): Fix[] {
  if (!isRuleCode(diag.code)) return [];
  const provider = FIX_PROVIDERS[diag.code] as FixProvider<RuleCode> | undefined;
  if (!provider) return [];
  const data = diag.data ?? {};
  const model = d.model;
  const out: Fix[] = [];
  const suggestion = text(data.suggestion);
  const reqId = Array.isArray(data.requirements) ? String(data.requirements[0]) : undefined;
  const add = (en: string, zh: string, edits: (TextEdit | undefined)[] | undefined, isPreferred = false) => {
    const m = edits ? merge(edits) : undefined;
    // an edit that would change what aliases share, or break a block scalar, is not offered
    if (m && m.length && m.every((e) => d.safe(e))) out.push({ title: pick(locale, en, zh), edits: m, isPreferred });
  };
  provider({
    d,
    model,
    diag,
    data,
    locale,
    index,
    today,
    suggestion,
    name: text(data.name),
    req: reqId !== undefined ? model.requirements.byId.get(reqId) : undefined,
    add,
    changeToSuggestion: () =>
      add(`Change to '${suggestion}'`, `改为“${suggestion}”`, [{ span: diag.span, newText: suggestion! }], true),
  });
  return out;
}

/** The lane for a new step: the lane of the step that names it, or the `from` of the requirement that does. */
function laneFor(model: Model, index: SymbolIndex, offset: number): string | undefined {
  const occ = index.symbolAt(offset);
  if (occ?.containerKind === 'step') {
    const r = model.steps.byId.get(occ.item?.id ?? '')?.role?.id;
    if (r && model.roles.byId.has(r)) return r;
  }
  if (occ?.containerKind === 'requirement') {
    const r = model.requirements.byId.get(occ.item?.id ?? '')?.from?.id;
    if (r && model.roles.byId.has(r)) return r;
  }
  return model.roles.list[0]?.id;
}

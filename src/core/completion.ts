/**
 * Completion for BizFlow files: which keys, words and ids fit where the
 * cursor is, computed from the raw text so that it keeps working on the
 * incomplete line being typed (`    role: `, `    next: [a, `, `      pick.`).
 *
 * Where the cursor is comes from the cursor scanner (`cursor.ts`: the YAML
 * path of the cursor and whether a key or a value is being typed, also when
 * the current line does not parse). What fits there comes from the format
 * (`schema/format.ts`) and, for ids, from the symbol index, so completion offers
 * exactly the ids that the reference rules accept.
 *
 * Pure TypeScript; the editor adapter turns entries into its own items.
 */
import { enumText, idFacts, knownIds, symbolCard } from './cards';
import { locate, matchPath, type CursorContext, type PathPattern, type Seg } from './cursor';
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
import { SNIPPETS, type SnippetSpec } from './templates';
import type { Locale, Span } from './types';

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

// ---------------------------------------------------------------------------
// What fits

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

/**
 * A place whose entries do not follow from the format table alone: the
 * pattern of its path (`*` for an id or a label) and its entries, given what
 * the `*`s matched; `undefined` to fall through to the format.
 */
interface SlotRule {
  pattern: PathPattern;
  entries(x: Ctx, captured: string[], inList: boolean): CompletionEntry[] | undefined;
}

/** Key slots (the path of the map whose key is typed). */
const KEY_SLOTS: readonly SlotRule[] = [
  { pattern: ['rules'], entries: (x) => ruleCodeEntries(x) },
  { pattern: ['requirements', '*', 'sets'], entries: (x, [reqId]) => setsKeyEntries(x, reqId) },
  { pattern: ['steps', '*', 'attributes'], entries: (x, [stepId]) => attributeNameEntries(x, stepId) },
];

/** Value slots (the key path of the value, list indices dropped). */
const VALUE_SLOTS: readonly SlotRule[] = [
  // branch targets of a decision: steps.<id>.next.<label>
  { pattern: ['steps', '*', 'next', '*'], entries: (x, _ids, inList) => (inList ? undefined : idEntries(x, 'step', {})) },
  { pattern: ['requirements', '*', 'sets', '*'], entries: (x, [, key]) => setValueEntries(x, key) },
  { pattern: ['steps', '*', 'attributes', '*'], entries: (x, [stepId, name]) => setValueEntries(x, `${stepId}.${name}`) },
  { pattern: ['rules', '*'], entries: (x) => enumEntries(x, SEVERITY_WORDS) },
];

/** The entries of the first rule of `table` whose pattern matches `path` and that has entries. */
function bySlotTable(table: readonly SlotRule[], x: Ctx, path: Seg[], inList = false): CompletionEntry[] | undefined {
  for (const rule of table) {
    const captured = matchPath(rule.pattern, path);
    if (!captured) continue;
    const entries = rule.entries(x, captured, inList);
    if (entries) return entries;
  }
  return undefined;
}

function keySlot(x: Ctx): CompletionEntry[] {
  const { c } = x;
  const p = c.path;
  const special = bySlotTable(KEY_SLOTS, x, p);
  if (special) return special;
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
  const keyPath = keyPathOf(p);
  const inList = c.inList || keyPath.length < p.length;
  const special = bySlotTable(VALUE_SLOTS, x, keyPath, inList);
  if (special) return special;
  const spec = describeKey(keyPath);
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
      return inList ? [] : idEntries(x, t.to, { self: selfOf(keyPath) });
    case 'refList':
      return idEntries(x, t.to, { exclude: inList ? c.existing : [], bracket: !inList, self: selfOf(keyPath) });
    case 'next': {
      const decision = keyPath[0] === 'steps' && model.steps.byId.get(String(keyPath[1]))?.type === 'decision';
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
    case 'objectList':
      // the first key of an entry (a review's `role`) follows: open the list of its values
      return { text: `${key}:\n${ind}- ${keysFor(type.context)[0]?.key ?? ''}: $0`, snippet: true, retrigger: true };
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
    documentation: enumText(v) ? t(x, enumText(v)!) : undefined,
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
  /** The requirement being edited, not offered for itself (only among requirement ids: a role or step may share its id). */
  self?: string;
}

function idEntries(x: Ctx, kind: SymbolKind, o: IdOptions): CompletionEntry[] {
  const { c, model, index, locale } = x;
  const have = new Set(o.exclude ?? []);
  const out: CompletionEntry[] = [];
  knownIds(model, index, kind).forEach((id, i) => {
    if (have.has(id) || (kind === 'requirement' && id === o.self)) return;
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

/**
 * The BizFlow model: a typed, tolerant view of the YAML document. Anything of
 * the wrong shape is left out here (the schema rules report it); everything
 * kept remembers where it came from, as offsets.
 */
import { isMap, isPair, isScalar, isSeq, type Scalar, type YAMLMap, type Pair } from 'yaml';
import { deref, type ParsedFile } from './parse';
import type { Span } from './types';

export const STEP_TYPES = ['start', 'task', 'decision', 'end'] as const;
export type StepType = (typeof STEP_TYPES)[number];
export const PRIORITIES = ['must', 'should', 'could', 'wont'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const STATUSES = ['proposed', 'accepted', 'rejected', 'done'] as const;
export type Status = (typeof STATUSES)[number];
export const SEVERITY_WORDS = ['off', 'info', 'warning', 'error'] as const;

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** An occurrence of an id used as a reference; `span` covers the id's text only (no quotes). */
export interface Ref {
  id: string;
  span: Span;
}

export interface Item {
  id: string;
  /** Span of the id text in the defining key. */
  keySpan: Span;
  /** Span of the whole key/value pair. */
  span: Span;
  /** The YAML value node (a map when well formed, `null` for `id:` with nothing after). */
  node: unknown;
}

export interface ProcessInfo {
  keySpan: Span;
  name?: string;
  id?: string;
  owner?: Ref;
  description?: string;
}

export interface Role extends Item {
  name?: string;
  department?: string;
  concerns: string[];
  needs: Ref[];
}

export interface DataItem extends Item {
  name?: string;
  owner?: Ref;
  external: boolean;
}

export interface NextEdge {
  target: Ref;
  /** Branch label of a decision. */
  label?: string;
  /** The whole entry: the scalar, the list item, or the `label: target` pair. */
  entrySpan: Span;
}

export interface Attribute {
  name: string;
  value: string;
  keySpan: Span;
  valueSpan: Span;
}

export interface Step extends Item {
  index: number;
  name?: string;
  type: StepType;
  role?: Ref;
  needs: Ref[];
  produces: Ref[];
  attributes: Attribute[];
  /** Edges, including those to unknown steps (rules decide what to do with them). */
  next: NextEdge[];
  /** Span of the `next` key, when present. */
  nextKeySpan?: Span;
}

export interface SetEntry {
  /** The key as written, e.g. `pick.mode`. */
  key: string;
  /** The step part of the key, as a reference. Absent when the key has no dot. */
  step?: Ref;
  attribute: string;
  attributeSpan: Span;
  /** The value compared by its text (`1d` and "1d" are equal). */
  value: string;
  valueSpan: Span;
  keySpan: Span;
  /** key start to value end. */
  entrySpan: Span;
}

export interface Requirement extends Item {
  index: number;
  isMap: boolean;
  title?: string;
  from?: Ref;
  priority?: Priority;
  status: Status;
  /** Every status but `rejected` is live. */
  live: boolean;
  steps: Ref[];
  sets: SetEntry[];
  adds: Ref[];
  removes: Ref[];
  agreed: Ref[];
  depends: Ref[];
  overrides: Ref[];
  decidedBy?: Ref;
  rationale?: string;
  acceptance: string[];
}

export interface Section<T extends Item> {
  /** Span of the section's key (`roles`, `steps`, …) when present. */
  keySpan?: Span;
  /** First definition of each id (a repeated key is a `yaml/duplicate-key`). */
  byId: Map<string, T>;
  /** Definitions in document order (first definitions only). */
  list: T[];
}

export interface RuleSetting {
  code: string;
  setting: string;
  keySpan: Span;
  valueSpan: Span;
}

export interface Model {
  parsed: ParsedFile;
  /** The root map, when the document is a map. */
  root?: YAMLMap;
  version?: { value: unknown; keySpan: Span; valueSpan: Span };
  process?: ProcessInfo;
  roles: Section<Role>;
  data?: Section<DataItem>;
  steps: Section<Step>;
  requirements: Section<Requirement>;
  rules: RuleSetting[];
}

// ---------------------------------------------------------------------------
// helpers over yaml nodes

export function isQuoted(s: Scalar): boolean {
  return s.type === 'QUOTE_DOUBLE' || s.type === 'QUOTE_SINGLE';
}

/** The text of a scalar as a user reads it (numbers keep their source form). */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof node.source === 'string') return node.source;
  return String(v);
}

/** Span of a scalar's text without surrounding quotes. */
export function innerSpan(node: Scalar, text: string): Span {
  const r = node.range ?? [0, 0, 0];
  let start = r[0];
  let end = r[1];
  if (isQuoted(node) && end - start >= 2) {
    start++;
    end--;
  }
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  return { start, end };
}

export function rangeSpan(node: unknown, text: string): Span | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  if (!r) return undefined;
  const start = Math.max(0, Math.min(r[0], text.length));
  return { start, end: Math.max(start, Math.min(r[1], text.length)) };
}

export function pairSpan(pair: Pair, text: string): Span {
  const k = rangeSpan(pair.key, text);
  const v = rangeSpan(pair.value, text);
  const start = k?.start ?? v?.start ?? 0;
  const end = v && v.end > start ? v.end : (k?.end ?? start);
  return { start, end };
}

function keyText(pair: Pair): string | undefined {
  return scalarText(pair.key);
}

/** A reference from a scalar node that holds a string or number. */
export function refOf(node: unknown, text: string): Ref | undefined {
  if (!isScalar(node)) return undefined;
  const id = scalarText(node);
  if (id === undefined || typeof node.value === 'boolean') return undefined;
  return { id, span: innerSpan(node, text) };
}

/** References from a sequence of scalars (non-scalar items are skipped). */
export function refList(node: unknown, parsed: ParsedFile): Ref[] {
  const n = deref(parsed.doc, node);
  if (!isSeq(n)) return [];
  const out: Ref[] = [];
  for (const item of n.items) {
    const r = refOf(deref(parsed.doc, item), parsed.text);
    if (r) out.push(r);
  }
  return out;
}

function stringList(node: unknown, parsed: ParsedFile): string[] {
  const n = deref(parsed.doc, node);
  if (!isSeq(n)) return [];
  const out: string[] = [];
  for (const item of n.items) {
    const t = scalarText(deref(parsed.doc, item));
    if (t !== undefined) out.push(t);
  }
  return out;
}

function textValue(node: unknown, parsed: ParsedFile): string | undefined {
  const n = deref(parsed.doc, node);
  if (isScalar(n) && typeof n.value !== 'boolean') return scalarText(n);
  return undefined;
}

/** Pairs of a map value (following one alias), or nothing. */
export function mapPairs(node: unknown, parsed: ParsedFile): Pair[] {
  const n = deref(parsed.doc, node);
  return isMap(n) ? (n.items as Pair[]) : [];
}

function fields(node: unknown, parsed: ParsedFile): Map<string, Pair> {
  const m = new Map<string, Pair>();
  for (const p of mapPairs(node, parsed)) {
    const k = keyText(p);
    if (k !== undefined && !m.has(k)) m.set(k, p);
  }
  return m;
}

function section<T extends Item>(
  pair: Pair | undefined,
  parsed: ParsedFile,
  make: (base: Item, f: Map<string, Pair>, index: number) => T,
): Section<T> {
  const s: Section<T> = { byId: new Map(), list: [] };
  if (!pair) return s;
  s.keySpan = rangeSpan(pair.key, parsed.text);
  for (const p of mapPairs(pair.value, parsed)) {
    if (!isScalar(p.key)) continue;
    const id = scalarText(p.key);
    if (id === undefined || s.byId.has(id)) continue;
    const node = deref(parsed.doc, p.value);
    const base: Item = { id, keySpan: innerSpan(p.key, parsed.text), span: pairSpan(p, parsed.text), node };
    const item = make(base, fields(node, parsed), s.list.length);
    s.byId.set(id, item);
    s.list.push(item);
  }
  return s;
}

function get(f: Map<string, Pair>, key: string): unknown {
  return f.get(key)?.value;
}

function ref(f: Map<string, Pair>, key: string, parsed: ParsedFile): Ref | undefined {
  return refOf(deref(parsed.doc, get(f, key)), parsed.text);
}

function nextEdges(pair: Pair | undefined, parsed: ParsedFile): NextEdge[] {
  if (!pair) return [];
  const text = parsed.text;
  const v = deref(parsed.doc, pair.value);
  const edges: NextEdge[] = [];
  if (isScalar(v)) {
    const r = refOf(v, text);
    if (r) edges.push({ target: r, entrySpan: rangeSpan(v, text) ?? r.span });
  } else if (isSeq(v)) {
    for (const item of v.items) {
      const it = deref(parsed.doc, item);
      const r = refOf(it, text);
      if (r) edges.push({ target: r, entrySpan: rangeSpan(it, text) ?? r.span });
    }
  } else if (isMap(v)) {
    for (const p of v.items as Pair[]) {
      if (!isPair(p)) continue;
      const r = refOf(deref(parsed.doc, p.value), text);
      if (r) edges.push({ target: r, label: scalarText(p.key) ?? '', entrySpan: pairSpan(p, text) });
    }
  }
  return edges;
}

function setEntries(node: unknown, parsed: ParsedFile): SetEntry[] {
  const text = parsed.text;
  const out: SetEntry[] = [];
  for (const p of mapPairs(node, parsed)) {
    if (!isScalar(p.key)) continue;
    const key = scalarText(p.key);
    if (key === undefined) continue;
    const valueNode = deref(parsed.doc, p.value);
    if (!isScalar(valueNode)) continue;
    const value = scalarText(valueNode) ?? '';
    const keySpan = innerSpan(p.key, text);
    const dot = key.indexOf('.');
    // the key's text in the source maps 1:1 to the id when it is plain or has no escapes
    const literal = text.slice(keySpan.start, keySpan.end) === key;
    let step: Ref | undefined;
    let attributeSpan = keySpan;
    if (dot >= 0) {
      const stepId = key.slice(0, dot);
      step = {
        id: stepId,
        span: literal ? { start: keySpan.start, end: keySpan.start + dot } : keySpan,
      };
      attributeSpan = literal ? { start: keySpan.start + dot + 1, end: keySpan.end } : keySpan;
    }
    out.push({
      key,
      step,
      attribute: dot >= 0 ? key.slice(dot + 1) : '',
      attributeSpan,
      value,
      valueSpan: rangeSpan(valueNode, text) ?? keySpan,
      keySpan,
      entrySpan: pairSpan(p, text),
    });
  }
  return out;
}

function oneOf<T extends string>(words: readonly T[], v: string | undefined): T | undefined {
  return v !== undefined && (words as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** Builds the model from a parsed file. Never throws on any document shape. */
export function buildModel(parsed: ParsedFile): Model {
  const text = parsed.text;
  const model: Model = {
    parsed,
    roles: { byId: new Map(), list: [] },
    steps: { byId: new Map(), list: [] },
    requirements: { byId: new Map(), list: [] },
    rules: [],
  };
  const root = parsed.doc ? deref(parsed.doc, parsed.doc.contents) : undefined;
  if (!isMap(root)) return model;
  model.root = root;
  const top = new Map<string, Pair>();
  for (const p of root.items as Pair[]) {
    const k = keyText(p);
    if (k !== undefined && !top.has(k)) top.set(k, p);
  }

  const version = top.get('bizflow');
  if (version) {
    const v = deref(parsed.doc, version.value);
    const keySpan = rangeSpan(version.key, text)!;
    model.version = {
      value: isScalar(v) ? v.value : v,
      keySpan,
      valueSpan: rangeSpan(v, text) ?? keySpan,
    };
  }

  const proc = top.get('process');
  if (proc) {
    const f = fields(proc.value, parsed);
    model.process = {
      keySpan: rangeSpan(proc.key, text)!,
      name: textValue(get(f, 'name'), parsed),
      id: textValue(get(f, 'id'), parsed),
      owner: ref(f, 'owner', parsed),
      description: textValue(get(f, 'description'), parsed),
    };
  }

  model.roles = section<Role>(top.get('roles'), parsed, (base, f) => ({
    ...base,
    name: textValue(get(f, 'name'), parsed),
    department: textValue(get(f, 'department'), parsed),
    concerns: stringList(get(f, 'concerns'), parsed),
    needs: refList(get(f, 'needs'), parsed),
  }));

  if (top.has('data')) {
    model.data = section<DataItem>(top.get('data'), parsed, (base, f) => {
      const ext = deref(parsed.doc, get(f, 'external'));
      return {
        ...base,
        name: textValue(get(f, 'name'), parsed),
        owner: ref(f, 'owner', parsed),
        external: isScalar(ext) && ext.value === true,
      };
    });
  }

  model.steps = section<Step>(top.get('steps'), parsed, (base, f, index) => {
    const attributes: Attribute[] = [];
    for (const p of mapPairs(get(f, 'attributes'), parsed)) {
      const name = scalarText(p.key);
      const v = deref(parsed.doc, p.value);
      if (name === undefined || !isScalar(p.key)) continue;
      const keySpan = innerSpan(p.key, text);
      attributes.push({
        name,
        value: scalarText(v) ?? '',
        keySpan,
        valueSpan: rangeSpan(v, text) ?? keySpan,
      });
    }
    const nextPair = f.get('next');
    const type = oneOf(STEP_TYPES, textValue(get(f, 'type'), parsed)) ?? 'task';
    return {
      ...base,
      index,
      name: textValue(get(f, 'name'), parsed),
      type,
      role: ref(f, 'role', parsed),
      needs: refList(get(f, 'needs'), parsed),
      produces: refList(get(f, 'produces'), parsed),
      attributes,
      next: nextEdges(nextPair, parsed),
      nextKeySpan: nextPair ? rangeSpan(nextPair.key, text) : undefined,
    };
  });

  model.requirements = section<Requirement>(top.get('requirements'), parsed, (base, f, index) => {
    const status = oneOf(STATUSES, textValue(get(f, 'status'), parsed)) ?? 'proposed';
    return {
      ...base,
      index,
      isMap: isMap(base.node),
      title: textValue(get(f, 'title'), parsed),
      from: ref(f, 'from', parsed),
      priority: oneOf(PRIORITIES, textValue(get(f, 'priority'), parsed)),
      status,
      live: status !== 'rejected',
      steps: refList(get(f, 'steps'), parsed),
      sets: setEntries(get(f, 'sets'), parsed),
      adds: refList(get(f, 'adds'), parsed),
      removes: refList(get(f, 'removes'), parsed),
      agreed: refList(get(f, 'agreed'), parsed),
      depends: refList(get(f, 'depends'), parsed),
      overrides: refList(get(f, 'overrides'), parsed),
      decidedBy: ref(f, 'decidedBy', parsed),
      rationale: textValue(get(f, 'rationale'), parsed),
      acceptance: stringList(get(f, 'acceptance'), parsed),
    };
  });

  for (const p of mapPairs(top.get('rules')?.value, parsed)) {
    const code = scalarText(p.key);
    const v = deref(parsed.doc, p.value);
    const setting = scalarText(v);
    if (code === undefined || setting === undefined) continue;
    model.rules.push({
      code,
      setting,
      keySpan: rangeSpan(p.key, text)!,
      valueSpan: rangeSpan(v, text)!,
    });
  }
  return model;
}

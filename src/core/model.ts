/**
 * The BizFlow model: a typed, tolerant view of the YAML document. Anything of
 * the wrong shape is left out here (the schema rules report it); everything
 * kept remembers where it came from, as offsets.
 */
import { isAlias as yIsAlias, isMap as yIsMap, isPair as yIsPair, isScalar as yIsScalar, isSeq as yIsSeq } from 'yaml';
import type { Scalar, YAMLMap, Pair } from 'yaml';
import { deref, type ParsedFile } from './parse';
import type { Span } from './types';

// yaml's type guards, bound once: through yaml's CommonJS build (tsx, the unit
// tests) a call goes through a re-export getter, and these run for every node of the file.
// Named imports, not `import * as`: a namespace object would keep all of yaml
// in the extension bundle (esbuild cannot drop what it might reach).
const isAlias = yIsAlias, isMap = yIsMap, isPair = yIsPair, isScalar = yIsScalar, isSeq = yIsSeq;

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
  /**
   * Recorded by the build: the `produces` value of each step of `steps` that
   * has one but got no data id from it (read through `AnalysisFacts.unreadProduces`,
   * which reads the step's map itself for a model whose `steps` were replaced).
   */
  unreadProduces?: { readonly steps: Section<Step>; readonly values: ReadonlyMap<Step, unknown> };
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
  // rangeSpan of the key and of the value, without building them
  const len = text.length;
  const kr = (pair.key as { range?: [number, number, number] } | null)?.range;
  const vr = (pair.value as { range?: [number, number, number] } | null)?.range;
  let ks = 0;
  let ke = 0;
  if (kr) {
    ks = Math.max(0, Math.min(kr[0], len));
    ke = Math.max(ks, Math.min(kr[1], len));
  }
  let vs = 0;
  let ve = 0;
  if (vr) {
    vs = Math.max(0, Math.min(vr[0], len));
    ve = Math.max(vs, Math.min(vr[1], len));
  }
  const start = kr ? ks : vr ? vs : 0;
  const end = vr && ve > start ? ve : kr ? ke : start;
  return { start, end };
}

function keyText(pair: Pair): string | undefined {
  return scalarText(pair.key);
}

/** `deref` for a node that is usually not an alias (the common case costs one check). */
function follow(parsed: ParsedFile, node: unknown): unknown {
  return isAlias(node) ? deref(parsed, node) : node;
}

function textValue(node: unknown, parsed: ParsedFile): string | undefined {
  const n = follow(parsed, node);
  if (isScalar(n) && typeof n.value !== 'boolean') return scalarText(n);
  return undefined;
}

/** Pairs of a map value (following one alias), or nothing. */
export function mapPairs(node: unknown, parsed: ParsedFile): Pair[] {
  const n = follow(parsed, node);
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

/** Builds one item of a section from its id, spans and (dereferenced) value node. */
type Make<T extends Item> = (parsed: ParsedFile, id: string, keySpan: Span, span: Span, node: unknown, index: number) => T;

function get(f: Map<string, Pair>, key: string): unknown {
  return f.get(key)?.value;
}

function oneOf<T extends string>(words: readonly T[], v: string | undefined): T | undefined {
  return v !== undefined && (words as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** A reference from a scalar node that holds a string or number (outside a model build: the id is not interned). */
export function refOf(node: unknown, text: string): Ref | undefined {
  if (!isScalar(node)) return undefined;
  const id = scalarText(node);
  if (id === undefined || typeof node.value === 'boolean') return undefined;
  return { id, span: innerSpan(node, text) };
}

/**
 * Builds one model: owns the interning of ids and the scratch space of the
 * small lists while it reads the document. One builder per build (`buildModel`),
 * so builds never share state. The item factories and list readers are
 * written as index loops over a reused scratch array: they run for every node
 * of the file (bench/: `npm run bench`, the model build of the large
 * generated files).
 */
class ModelBuilder {
  constructor(private readonly parsed: ParsedFile) {}

  /**
   * One string per distinct id of the file. Every occurrence of an id in the
   * text is a string of its own; sharing one makes the rules' lookups by id
   * compare pointers and touch a few strings instead of one per occurrence
   * (on a large file, mostly outside the caches).
   */
  private readonly ids = new Map<string, string>();

  private shared(id: string): string {
    const s = this.ids.get(id);
    if (s !== undefined) return s;
    this.ids.set(id, id);
    return id;
  }

  /** A reference from a scalar node that holds a string or number. */
  private refOf(node: unknown, text: string): Ref | undefined {
    if (!isScalar(node)) return undefined;
    const id = scalarText(node);
    if (id === undefined || typeof node.value === 'boolean') return undefined;
    return { id: this.shared(id), span: innerSpan(node, text) };
  }

  /** References from a sequence of scalars (non-scalar items are skipped). */
  private refList(node: unknown, parsed: ParsedFile): Ref[] {
    const n = follow(parsed, node);
    if (!isSeq(n)) return [];
    const items = n.items;
    let m = 0;
    for (let i = 0; i < items.length; i++) {
      const r = this.refOf(follow(parsed, items[i]), parsed.text);
      if (r) this.scratch[m++] = r;
    }
    return this.copyOut(m);
  }

  /**
   * Scratch space for the model's small lists: a list pushed from empty gets
   * room for 17 entries, while a copy of the scratch has just the room it
   * needs (most lists of a model have one to three entries).
   */
  private readonly scratch: unknown[] = [];

  /**
   * Steps whose `produces` gave no data id → its value. Recorded while each
   * step's map is read, so that `handoff/no-data` need not read every step's
   * map again (bench/notes.md, finding 1: scaling at 10,000 steps).
   */
  private readonly unreadProduces = new Map<Step, unknown>();

  /** The first `m` entries of `scratch`, as a new array; the scratch keeps nothing. */
  private copyOut<T>(m: number): T[] {
    const out = this.scratch.slice(0, m) as T[];
    for (let i = 0; i < m; i++) this.scratch[i] = undefined;
    return out;
  }

  private stringList(node: unknown, parsed: ParsedFile): string[] {
    const n = follow(parsed, node);
    if (!isSeq(n)) return [];
    const items = n.items;
    let m = 0;
    for (let i = 0; i < items.length; i++) {
      const t = scalarText(follow(parsed, items[i]));
      if (t !== undefined) this.scratch[m++] = t;
    }
    return this.copyOut(m);
  }

  private section<T extends Item>(pair: Pair | undefined, parsed: ParsedFile, make: Make<T>): Section<T> {
    const s: Section<T> = { byId: new Map(), list: [] };
    if (!pair) return s;
    const text = parsed.text;
    s.keySpan = rangeSpan(pair.key, text);
    const byId = s.byId;
    const list = s.list;
    const pairs = mapPairs(pair.value, parsed);
    for (let i = 0; i < pairs.length; i++) {
      const p = pairs[i];
      const key = p.key;
      if (!isScalar(key)) continue;
      const written = scalarText(key);
      if (written === undefined) continue;
      const id = this.shared(written);
      if (byId.has(id)) continue;
      const item = make(parsed, id, innerSpan(key, text), pairSpan(p, text), follow(parsed, p.value), list.length);
      byId.set(id, item);
      list.push(item);
    }
    return s;
  }

  private ref(f: Map<string, Pair>, key: string, parsed: ParsedFile): Ref | undefined {
    return this.refOf(follow(parsed, get(f, key)), parsed.text);
  }

  /*
   * The item factories read an item's map in one pass, keeping the first pair
   * of each key they know (a repeated key is a yaml/duplicate-key; the first
   * one counts), with no per-item Map and no intermediate objects. Each returns
   * one object literal, so every item of a kind has the same shape.
   */

  readonly makeRole: Make<Role> = (parsed, id, keySpan, span, node) => {
    let nameP: Pair | undefined;
    let departmentP: Pair | undefined;
    let concernsP: Pair | undefined;
    let needsP: Pair | undefined;
    if (isMap(node)) {
      const pairs = node.items as Pair[];
      for (let i = 0; i < pairs.length; i++) {
        const p = pairs[i];
        switch (scalarText(p.key)) {
          case 'name':
            nameP ??= p;
            break;
          case 'department':
            departmentP ??= p;
            break;
          case 'concerns':
            concernsP ??= p;
            break;
          case 'needs':
            needsP ??= p;
            break;
        }
      }
    }
    return {
      id,
      keySpan,
      span,
      node,
      name: textValue(nameP?.value, parsed),
      department: textValue(departmentP?.value, parsed),
      concerns: this.stringList(concernsP?.value, parsed),
      needs: this.refList(needsP?.value, parsed),
    };
  };

  readonly makeData: Make<DataItem> = (parsed, id, keySpan, span, node) => {
    let nameP: Pair | undefined;
    let ownerP: Pair | undefined;
    let externalP: Pair | undefined;
    if (isMap(node)) {
      const pairs = node.items as Pair[];
      for (let i = 0; i < pairs.length; i++) {
        const p = pairs[i];
        switch (scalarText(p.key)) {
          case 'name':
            nameP ??= p;
            break;
          case 'owner':
            ownerP ??= p;
            break;
          case 'external':
            externalP ??= p;
            break;
        }
      }
    }
    const ext = follow(parsed, externalP?.value);
    return {
      id,
      keySpan,
      span,
      node,
      name: textValue(nameP?.value, parsed),
      owner: this.refOf(follow(parsed, ownerP?.value), parsed.text),
      external: isScalar(ext) && ext.value === true,
    };
  };

  readonly makeStep: Make<Step> = (parsed, id, keySpan, span, node, index) => {
    const text = parsed.text;
    let nameP: Pair | undefined;
    let typeP: Pair | undefined;
    let roleP: Pair | undefined;
    let needsP: Pair | undefined;
    let producesP: Pair | undefined;
    let attributesP: Pair | undefined;
    let nextP: Pair | undefined;
    if (isMap(node)) {
      const pairs = node.items as Pair[];
      for (let i = 0; i < pairs.length; i++) {
        const p = pairs[i];
        switch (scalarText(p.key)) {
          case 'name':
            nameP ??= p;
            break;
          case 'type':
            typeP ??= p;
            break;
          case 'role':
            roleP ??= p;
            break;
          case 'needs':
            needsP ??= p;
            break;
          case 'produces':
            producesP ??= p;
            break;
          case 'attributes':
            attributesP ??= p;
            break;
          case 'next':
            nextP ??= p;
            break;
        }
      }
    }
    let attributes: Attribute[] = [];
    if (attributesP) {
      const pairs = mapPairs(attributesP.value, parsed);
      let m = 0;
      for (let i = 0; i < pairs.length; i++) {
        const p = pairs[i];
        const key = p.key;
        if (!isScalar(key)) continue;
        const name = scalarText(key);
        if (name === undefined) continue;
        const v = follow(parsed, p.value);
        const ks = innerSpan(key, text);
        this.scratch[m++] = {
          name,
          value: scalarText(v) ?? '',
          keySpan: ks,
          valueSpan: rangeSpan(v, text) ?? ks,
        };
      }
      attributes = this.copyOut(m);
    }
    const step: Step = {
      id,
      keySpan,
      span,
      node,
      index,
      name: textValue(nameP?.value, parsed),
      type: oneOf(STEP_TYPES, textValue(typeP?.value, parsed)) ?? 'task',
      role: this.refOf(follow(parsed, roleP?.value), text),
      needs: this.refList(needsP?.value, parsed),
      produces: this.refList(producesP?.value, parsed),
      attributes,
      next: this.nextEdges(nextP, parsed),
      nextKeySpan: nextP ? rangeSpan(nextP.key, text) : undefined,
    };
    if (producesP && !step.produces.length) this.unreadProduces.set(step, follow(parsed, producesP.value));
    return step;
  };

  readonly makeRequirement: Make<Requirement> = (parsed, id, keySpan, span, node, index) => {
    const text = parsed.text;
    let titleP: Pair | undefined;
    let fromP: Pair | undefined;
    let priorityP: Pair | undefined;
    let statusP: Pair | undefined;
    let stepsP: Pair | undefined;
    let setsP: Pair | undefined;
    let addsP: Pair | undefined;
    let removesP: Pair | undefined;
    let agreedP: Pair | undefined;
    let dependsP: Pair | undefined;
    let overridesP: Pair | undefined;
    let decidedByP: Pair | undefined;
    let rationaleP: Pair | undefined;
    let acceptanceP: Pair | undefined;
    const map = isMap(node);
    if (map) {
      const pairs = (node as YAMLMap).items as Pair[];
      for (let i = 0; i < pairs.length; i++) {
        const p = pairs[i];
        switch (scalarText(p.key)) {
          case 'title':
            titleP ??= p;
            break;
          case 'from':
            fromP ??= p;
            break;
          case 'priority':
            priorityP ??= p;
            break;
          case 'status':
            statusP ??= p;
            break;
          case 'steps':
            stepsP ??= p;
            break;
          case 'sets':
            setsP ??= p;
            break;
          case 'adds':
            addsP ??= p;
            break;
          case 'removes':
            removesP ??= p;
            break;
          case 'agreed':
            agreedP ??= p;
            break;
          case 'depends':
            dependsP ??= p;
            break;
          case 'overrides':
            overridesP ??= p;
            break;
          case 'decidedBy':
            decidedByP ??= p;
            break;
          case 'rationale':
            rationaleP ??= p;
            break;
          case 'acceptance':
            acceptanceP ??= p;
            break;
        }
      }
    }
    const status = oneOf(STATUSES, textValue(statusP?.value, parsed)) ?? 'proposed';
    return {
      id,
      keySpan,
      span,
      node,
      index,
      isMap: map,
      title: textValue(titleP?.value, parsed),
      from: this.refOf(follow(parsed, fromP?.value), text),
      priority: oneOf(PRIORITIES, textValue(priorityP?.value, parsed)),
      status,
      live: status !== 'rejected',
      steps: this.refList(stepsP?.value, parsed),
      sets: this.setEntries(setsP?.value, parsed),
      adds: this.refList(addsP?.value, parsed),
      removes: this.refList(removesP?.value, parsed),
      agreed: this.refList(agreedP?.value, parsed),
      depends: this.refList(dependsP?.value, parsed),
      overrides: this.refList(overridesP?.value, parsed),
      decidedBy: this.refOf(follow(parsed, decidedByP?.value), text),
      rationale: textValue(rationaleP?.value, parsed),
      acceptance: this.stringList(acceptanceP?.value, parsed),
    };
  };

  private nextEdges(pair: Pair | undefined, parsed: ParsedFile): NextEdge[] {
    if (!pair) return [];
    const text = parsed.text;
    const v = follow(parsed, pair.value);
    let m = 0;
    if (isScalar(v)) {
      const r = this.refOf(v, text);
      if (r) this.scratch[m++] = { target: r, entrySpan: rangeSpan(v, text) ?? r.span };
    } else if (isSeq(v)) {
      const items = v.items;
      for (let i = 0; i < items.length; i++) {
        const it = follow(parsed, items[i]);
        const r = this.refOf(it, text);
        if (r) this.scratch[m++] = { target: r, entrySpan: rangeSpan(it, text) ?? r.span };
      }
    } else if (isMap(v)) {
      const items = v.items as Pair[];
      for (let i = 0; i < items.length; i++) {
        const p = items[i];
        if (!isPair(p)) continue;
        const r = this.refOf(follow(parsed, p.value), text);
        if (r) this.scratch[m++] = { target: r, label: scalarText(p.key) ?? '', entrySpan: pairSpan(p, text) };
      }
    }
    return this.copyOut(m);
  }

  private setEntries(node: unknown, parsed: ParsedFile): SetEntry[] {
    const text = parsed.text;
    const out: SetEntry[] = [];
    const pairs = mapPairs(node, parsed);
    for (let i = 0; i < pairs.length; i++) {
      const p = pairs[i];
      if (!isScalar(p.key)) continue;
      const key = scalarText(p.key);
      if (key === undefined) continue;
      const valueNode = follow(parsed, p.value);
      if (!isScalar(valueNode)) continue;
      const value = scalarText(valueNode) ?? '';
      const keySpan = innerSpan(p.key, text);
      const dot = key.indexOf('.');
      // the key's text in the source maps 1:1 to the id when it is plain or has no escapes
      const literal = keySpan.end - keySpan.start === key.length && text.startsWith(key, keySpan.start);
      let step: Ref | undefined;
      let attributeSpan = keySpan;
      if (dot >= 0) {
        const stepId = this.shared(key.slice(0, dot));
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

  /** Builds the model. Never throws on any document shape. */
  build(): Model {
    const parsed = this.parsed;
    const text = parsed.text;
    const model: Model = {
      parsed,
      roles: { byId: new Map(), list: [] },
      steps: { byId: new Map(), list: [] },
      requirements: { byId: new Map(), list: [] },
      rules: [],
    };
    const root = parsed.doc ? follow(parsed, parsed.doc.contents) : undefined;
    if (!isMap(root)) return model;
    model.root = root;
    const top = new Map<string, Pair>();
    for (const p of root.items as Pair[]) {
      const k = keyText(p);
      if (k !== undefined && !top.has(k)) top.set(k, p);
    }

    const version = top.get('bizflow');
    if (version) {
      const v = follow(parsed, version.value);
      const keySpan = rangeSpan(version.key, text)!;
      model.version = {
        value: isScalar(v) ? v.value : v,
        keySpan,
        valueSpan: rangeSpan(v, text) ?? keySpan,
      };
    }

    {
      const proc = top.get('process');
      if (proc) {
        const f = fields(proc.value, parsed);
        model.process = {
          keySpan: rangeSpan(proc.key, text)!,
          name: textValue(get(f, 'name'), parsed),
          id: textValue(get(f, 'id'), parsed),
          owner: this.ref(f, 'owner', parsed),
          description: textValue(get(f, 'description'), parsed),
        };
      }

      model.roles = this.section(top.get('roles'), parsed, this.makeRole);
      if (top.has('data')) model.data = this.section(top.get('data'), parsed, this.makeData);
      model.steps = this.section(top.get('steps'), parsed, this.makeStep);
      model.unreadProduces = { steps: model.steps, values: this.unreadProduces };
      model.requirements = this.section(top.get('requirements'), parsed, this.makeRequirement);
    }

    for (const p of mapPairs(top.get('rules')?.value, parsed)) {
      const code = scalarText(p.key);
      const v = follow(parsed, p.value);
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
}

/** Builds the model from a parsed file. Never throws on any document shape. */
export function buildModel(parsed: ParsedFile): Model {
  return new ModelBuilder(parsed).build();
}

/**
 * An item read from its (dereferenced) value node the way `buildModel` reads
 * the first definition of an id, for the items the model leaves out (a
 * repeated id): the fields that name other items are the same.
 */
export function readItem(kind: 'role', node: unknown, parsed: ParsedFile): Role;
export function readItem(kind: 'data', node: unknown, parsed: ParsedFile): DataItem;
export function readItem(kind: 'step', node: unknown, parsed: ParsedFile): Step;
export function readItem(kind: 'requirement', node: unknown, parsed: ParsedFile): Requirement;
export function readItem(kind: 'role' | 'data' | 'step' | 'requirement', node: unknown, parsed: ParsedFile): Item;
export function readItem(kind: 'role' | 'data' | 'step' | 'requirement', node: unknown, parsed: ParsedFile): Item {
  const none = { start: 0, end: 0 };
  const builder = new ModelBuilder(parsed);
  const make: Make<Item> =
    kind === 'role' ? builder.makeRole : kind === 'data' ? builder.makeData : kind === 'step' ? builder.makeStep : builder.makeRequirement;
  return make(parsed, '', none, none, node, 0);
}


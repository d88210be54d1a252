/**
 * The symbol index: every definition and every reference of an id in a
 * BizFlow file, with its span. Go-to-definition, find-references, rename,
 * hovers and completions all start here.
 *
 * Kinds: `role`, `step`, `data`, `requirement` and `attribute` (an attribute's
 * id is `stepId.attr`; it is defined by a key under a step's `attributes:` and
 * referenced by the attribute part of a `sets` key).
 *
 * Choices worth knowing:
 * * Definitions are the keys under `roles:`, `data:`, `steps:`, `requirements:`
 *   and a step's `attributes:`. A key that repeats an id already defined (a
 *   `yaml/duplicate-key`) is recorded too, as a definition flagged `duplicate`,
 *   and the references inside such a duplicate item are indexed as well, so a
 *   rename keeps both copies in step. Items under a repeated top-level section
 *   key (a second `steps:`) are all flagged `duplicate`, as the model ignores them.
 *   (A repeated `process:` key is ignored, as the model does.)
 * * With no `data:` section there is no data dictionary; then every `produces`
 *   occurrence stands in for a definition of its data id (`implicit: true`;
 *   several steps may produce the same data, so none of them is a duplicate)
 *   and `definition('data', id)` is the first producer. With a `data:` section,
 *   `produces` entries are ordinary references.
 * * Only places the spec says hold an id are indexed; ids followed through a
 *   YAML alias are recorded at the aliased node's span (so two occurrences can
 *   share one span). Empty ids are skipped.
 * * Spans are those of the model: the id's text without quotes. For a `sets` key
 *   whose source text is not the key itself (escape sequences), both parts
 *   cover the whole key; `rename` refuses those.
 *
 * Built in one pass over the model (plus the few duplicate items the model
 * leaves out), then sorted once; lookups by id are O(1), `symbolAt` is a
 * binary search.
 */
import { isScalar, type Pair } from 'yaml';
import { innerSpan, mapPairs, pairSpan, readItem, scalarText, type DataItem, type Item, type Model, type Ref, type Requirement, type Role, type Section, type Step } from './model';
import { deref } from './parse';
import { readReviews } from './review/read';
import type { Span } from './types';

export type SymbolKind = 'role' | 'step' | 'data' | 'requirement' | 'attribute';
export const SYMBOL_KINDS: readonly SymbolKind[] = ['role', 'step', 'data', 'requirement', 'attribute'];

/** Where an occurrence sits: the section of a definition, or `<item>.<key>` of a reference. */
export type SymbolField =
  | 'roles'
  | 'data'
  | 'steps'
  | 'requirements'
  | 'step.attributes'
  | 'process.owner'
  | 'role.needs'
  | 'data.owner'
  | 'step.role'
  | 'step.needs'
  | 'step.produces'
  | 'step.next'
  | 'requirement.from'
  | 'requirement.agreed'
  | 'requirement.decidedBy'
  | 'requirement.reviews'
  | 'requirement.steps'
  | 'requirement.adds'
  | 'requirement.removes'
  | 'requirement.depends'
  | 'requirement.overrides'
  | 'requirement.sets';

export type ContainerKind = 'process' | 'role' | 'data' | 'step' | 'requirement';

export interface SymbolOccurrence {
  kind: SymbolKind;
  /** The symbol's id; for an attribute `stepId.attr`. */
  id: string;
  /** The name the span stands for: the id, or for an attribute just `attr`. */
  name: string;
  /** The name's text in the source (no quotes). */
  span: Span;
  /** A definition (a key), or an implicit data definition (a `produces` entry with no `data:` section). */
  isDefinition: boolean;
  /** A definition that repeats an id already defined earlier. */
  duplicate: boolean;
  /** A `produces` entry standing in for a data definition because the file has no `data:` section. */
  implicit: boolean;
  field: SymbolField;
  /** Kind of the item the occurrence is written in (`process` for `process.owner`). */
  containerKind: ContainerKind;
  /** The item the occurrence is written in (for a definition, the item it defines; the step for an attribute). Absent for `process.owner`. */
  item?: Item;
}

export interface ReferenceOptions {
  /** Also return the definitions (all of them, duplicates included). Default false. */
  includeDeclaration?: boolean;
}

export interface SymbolIndex {
  /** The definition or reference under `offset`; an id's end boundary counts (a cursor right after an id finds it). */
  symbolAt(offset: number): SymbolOccurrence | undefined;
  /** The first non-duplicate definition (or, failing that, the first definition) of an id. */
  definition(kind: SymbolKind, id: string): SymbolOccurrence | undefined;
  /** Every definition of an id, duplicates included, in document order. */
  definitions(kind: SymbolKind, id: string): SymbolOccurrence[];
  /** References of an id in document order; with `includeDeclaration`, its definitions too. */
  references(kind: SymbolKind, id: string, options?: ReferenceOptions): SymbolOccurrence[];
  /** Every occurrence, sorted by position. */
  all(): readonly SymbolOccurrence[];
}

// ---------------------------------------------------------------------------

interface Entry {
  defs: SymbolOccurrence[];
  refs: SymbolOccurrence[];
  /** Definitions and references in document order. */
  every: SymbolOccurrence[];
}

const key = (kind: SymbolKind, id: string): string => kind + '\u0000' + id;

class Index implements SymbolIndex {
  private readonly sorted: SymbolOccurrence[];
  private readonly byId = new Map<string, Entry>();

  constructor(occurrences: SymbolOccurrence[]) {
    // document order; definitions before references sharing the same span (aliases)
    occurrences.sort(
      (a, b) =>
        a.span.start - b.span.start ||
        a.span.end - b.span.end ||
        Number(b.isDefinition) - Number(a.isDefinition),
    );
    this.sorted = occurrences;
    for (const o of occurrences) {
      const k = key(o.kind, o.id);
      let e = this.byId.get(k);
      if (!e) this.byId.set(k, (e = { defs: [], refs: [], every: [] }));
      (o.isDefinition ? e.defs : e.refs).push(o);
      e.every.push(o);
    }
  }

  symbolAt(offset: number): SymbolOccurrence | undefined {
    if (typeof offset !== 'number' || Number.isNaN(offset)) return undefined;
    const a = this.sorted;
    // last occurrence starting at or before the offset
    let lo = 0;
    let hi = a.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid].span.start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0 || offset > a[found].span.end) return undefined;
    // occurrences sharing that span (an alias): return the first (a definition when there is one)
    const { start, end } = a[found].span;
    while (found > 0 && a[found - 1].span.start === start && a[found - 1].span.end === end) found--;
    return a[found];
  }

  definition(kind: SymbolKind, id: string): SymbolOccurrence | undefined {
    const defs = this.byId.get(key(kind, id))?.defs;
    if (!defs || defs.length === 0) return undefined;
    return defs.find((d) => !d.duplicate) ?? defs[0];
  }

  definitions(kind: SymbolKind, id: string): SymbolOccurrence[] {
    return [...(this.byId.get(key(kind, id))?.defs ?? [])];
  }

  references(kind: SymbolKind, id: string, options: ReferenceOptions = {}): SymbolOccurrence[] {
    const e = this.byId.get(key(kind, id));
    if (!e) return [];
    return [...(options.includeDeclaration ? e.every : e.refs)];
  }

  all(): readonly SymbolOccurrence[] {
    return this.sorted;
  }
}

// ---------------------------------------------------------------------------

const SECTIONS = {
  roles: 'role',
  data: 'data',
  steps: 'step',
  requirements: 'requirement',
} as const;
type SectionKey = keyof typeof SECTIONS;
type SectionKind = (typeof SECTIONS)[SectionKey];

/** Builds the index of a model. Never throws. */
export function buildSymbolIndex(model: Model): SymbolIndex {
  const out: SymbolOccurrence[] = [];
  try {
    collect(model, out);
  } catch {
    // a malformed document shape we did not foresee: keep what was collected
  }
  return new Index(out);
}

function collect(model: Model, out: SymbolOccurrence[]): void {
  const parsed = model.parsed;
  const implicitData = model.data === undefined;
  const attributeSeen = new Set<string>();

  const ref = (
    kind: SymbolKind,
    r: Ref | undefined,
    field: SymbolField,
    containerKind: ContainerKind,
    item: Item | undefined,
  ): void => {
    if (!r || r.id === '') return;
    out.push({
      kind,
      id: r.id,
      name: r.id,
      span: r.span,
      isDefinition: false,
      duplicate: false,
      implicit: false,
      field,
      containerKind,
      item,
    });
  };
  const refs = (kind: SymbolKind, rs: Ref[], field: SymbolField, ck: ContainerKind, item: Item): void => {
    for (const r of rs) ref(kind, r, field, ck, item);
  };

  const emitRole = (item: Item, r: Role): void => refs('data', r.needs, 'role.needs', 'role', item);
  const emitData = (item: Item, d: DataItem): void => ref('role', d.owner, 'data.owner', 'data', item);
  const emitStep = (item: Item, s: Step): void => {
    ref('role', s.role, 'step.role', 'step', item);
    refs('data', s.needs, 'step.needs', 'step', item);
    for (const r of s.produces) {
      if (r.id === '') continue;
      if (implicitData) {
        out.push({
          kind: 'data',
          id: r.id,
          name: r.id,
          span: r.span,
          isDefinition: true,
          duplicate: false,
          implicit: true,
          field: 'step.produces',
          containerKind: 'step',
          item,
        });
      } else ref('data', r, 'step.produces', 'step', item);
    }
    for (const e of s.next) ref('step', e.target, 'step.next', 'step', item);
    for (const a of s.attributes) {
      if (a.name === '' || item.id === '') continue;
      const id = item.id + '.' + a.name;
      out.push({
        kind: 'attribute',
        id,
        name: a.name,
        span: a.keySpan,
        isDefinition: true,
        duplicate: attributeSeen.has(id),
        implicit: false,
        field: 'step.attributes',
        containerKind: 'step',
        item,
      });
      attributeSeen.add(id);
    }
  };
  const emitRequirement = (item: Item, q: Requirement): void => {
    ref('role', q.from, 'requirement.from', 'requirement', item);
    refs('role', q.agreed, 'requirement.agreed', 'requirement', item);
    ref('role', q.decidedBy, 'requirement.decidedBy', 'requirement', item);
    // the role of each `reviews` entry (`reviews: [{ role: sales, … }]`): renamed with the role, found as a reference
    for (const e of readReviews(model, q)) ref('role', e.role, 'requirement.reviews', 'requirement', item);
    refs('step', q.steps, 'requirement.steps', 'requirement', item);
    refs('step', q.adds, 'requirement.adds', 'requirement', item);
    refs('step', q.removes, 'requirement.removes', 'requirement', item);
    refs('requirement', q.depends, 'requirement.depends', 'requirement', item);
    refs('requirement', q.overrides, 'requirement.overrides', 'requirement', item);
    for (const s of q.sets) {
      if (!s.step || s.step.id === '') continue;
      ref('step', s.step, 'requirement.sets', 'requirement', item);
      if (s.attribute === '') continue;
      out.push({
        kind: 'attribute',
        id: s.step.id + '.' + s.attribute,
        name: s.attribute,
        span: s.attributeSpan,
        isDefinition: false,
        duplicate: false,
        implicit: false,
        field: 'requirement.sets',
        containerKind: 'requirement',
        item,
      });
    }
  };

  // the references an item makes, from the model's item or one read the same way (a duplicate)
  const emit = { role: emitRole, data: emitData, step: emitStep, requirement: emitRequirement } as unknown as Record<
    SectionKind,
    (item: Item, facts: Item) => void
  >;

  if (model.process?.owner) ref('role', model.process.owner, 'process.owner', 'process', undefined);

  const root = model.root;
  if (!root) return;
  const sectionSeen = new Set<SectionKey>();
  for (const top of root.items as Pair[]) {
    const k = scalarText(top?.key);
    if (k === undefined || !Object.prototype.hasOwnProperty.call(SECTIONS, k)) continue;
    const sectionKey = k as SectionKey;
    const kind = SECTIONS[sectionKey];
    // the model reads the first occurrence of a section key; items under a repeated one are duplicates
    const repeatedSection = sectionSeen.has(sectionKey);
    sectionSeen.add(sectionKey);
    const seen = new Set<string>();
    for (const p of mapPairs(top.value, parsed)) {
      if (!isScalar(p.key)) continue;
      const id = scalarText(p.key);
      if (id === undefined) continue;
      const first = !repeatedSection && !seen.has(id);
      seen.add(id);
      const node = deref(parsed, p.value);
      // the model's item for this key, when it is the one the model kept
      const modelItem = first ? (model[sectionKey] as Section<Item> | undefined)?.byId.get(id) : undefined;
      const item: Item = modelItem ?? {
        id,
        keySpan: innerSpan(p.key, parsed.text),
        span: pairSpan(p, parsed.text),
        node,
      };
      if (id !== '') {
        out.push({
          kind,
          id,
          name: id,
          span: item.keySpan,
          isDefinition: true,
          duplicate: !modelItem,
          implicit: false,
          field: sectionKey,
          containerKind: kind,
          item,
        });
      }
      emit[kind](item, modelItem ?? readItem(kind, node, parsed));
    }
  }
}

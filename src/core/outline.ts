/**
 * The outline of a BizFlow file: its sections (roles, data, steps,
 * requirements), their items, and each step's attributes, as plain data with
 * offsets and, for the editor, line/character ranges (`lineOutline`).
 *
 * Computed where the model is: in the analysis worker while typing (so the
 * extension host's outline, breadcrumbs and workspace symbols never build the
 * model of a big file on its own thread), and on the host when the model is
 * there anyway. The editor only words the section names.
 */
import { LineIndex } from './positions';
import { finish, NODES_PER_SLICE, type Slices } from './slices';
import type { Model } from './model';
import type { Span } from './types';

export type OutlineSection = 'roles' | 'data' | 'steps' | 'requirements';

/** What an entry is; the editor maps it to a symbol kind. */
export type OutlineKind = 'section' | 'role' | 'data' | 'step' | 'decision' | 'event' | 'requirement' | 'attribute';

export interface OutlineNode {
  kind: OutlineKind;
  /** The section of a section node and of its items. */
  section: OutlineSection;
  /** The id (an item), the attribute's name, or the section's key. */
  name: string;
  /** The display name or title of an item, an attribute's value ('' when none). */
  detail: string;
  /** The whole entry. */
  span: Span;
  /** The part to select: the id's key. */
  selection: Span;
  children: OutlineNode[];
}

/** The outline's nodes with line/character ranges (`[line, character, line, character]`) instead of offsets. */
export interface LinedOutlineNode extends Omit<OutlineNode, 'children' | 'span' | 'selection'> {
  range: [number, number, number, number];
  selectionRange: [number, number, number, number];
  children: LinedOutlineNode[];
}

const SECTIONS: readonly OutlineSection[] = ['roles', 'data', 'steps', 'requirements'];

/** The sections with their items, in the file's order of sections as the outline shows them. */
export function buildOutline(model: Model): OutlineNode[] {
  const out: OutlineNode[] = [];
  for (const section of SECTIONS) {
    const items = sectionItems(model, section);
    const key = section === 'data' ? model.data?.keySpan : model[section].keySpan;
    if (!key && !items.length) continue;
    let end = key?.end ?? 0;
    for (const i of items) end = Math.max(end, i.span.end);
    const start = key?.start ?? items[0].span.start;
    out.push({ kind: 'section', section, name: section, detail: '', span: { start, end }, selection: key ?? items[0].selection, children: items });
  }
  return out;
}

function sectionItems(model: Model, section: OutlineSection): OutlineNode[] {
  switch (section) {
    case 'roles':
      return model.roles.list.map((r) => item('role', section, r.id, r.name, r.span, r.keySpan));
    case 'data':
      return (model.data?.list ?? []).map((d) => item('data', section, d.id, d.name, d.span, d.keySpan));
    case 'requirements':
      return model.requirements.list.map((q) => item('requirement', section, q.id, q.title, q.span, q.keySpan));
    case 'steps':
      return model.steps.list.map((s) => {
        const kind: OutlineKind = s.type === 'decision' ? 'decision' : s.type === 'start' || s.type === 'end' ? 'event' : 'step';
        const node = item(kind, section, s.id, s.name, s.span, s.keySpan);
        for (const a of s.attributes) {
          const span = { start: a.keySpan.start, end: Math.max(a.keySpan.end, a.valueSpan.end) };
          node.children.push({ kind: 'attribute', section, name: a.name, detail: a.value, span, selection: a.keySpan, children: [] });
        }
        return node;
      });
  }
}

function item(kind: OutlineKind, section: OutlineSection, id: string, name: string | undefined, span: Span, selection: Span): OutlineNode {
  return { kind, section, name: id, detail: name ?? '', span, selection, children: [] };
}

/**
 * How many entries the outline shows at most by default (the setting `bizflow.outline.maxItems`; document
 * symbols: workspace symbols search every entry). While the outline view or breadcrumbs show the file, VS Code
 * asks for it after every edit, and the extension host's thread converts and serialises the answer in one task
 * no extension can slice: ~10 ms for 2,000 entries, 28–52 ms for 5,000 (bench/worker-stall.ts
 * `outlineReplyMs`, bench/notes.md finding 12), which alone would use up the 50 ms a keystroke may wait. (VS
 * Code's JSON and YAML outlines stop at 5,000, `json.maxItemsComputed`, but their language servers are processes
 * of their own.)
 */
export const OUTLINE_MAX_ITEMS = 2000;

/**
 * The outline with at most `max` entries: the sections first, then their items, then the items' attributes,
 * each level shared evenly between the entries above it (a section with few items keeps them all, the
 * others share the rest), each keeping its first children in the file's order. The nodes themselves when
 * they fit.
 */
export function limitOutline<T extends { children: T[] }>(nodes: readonly T[], max = OUTLINE_MAX_ITEMS): readonly T[] {
  let total = 0;
  const count = (ns: readonly T[]): void => {
    for (const n of ns) {
      total++;
      count(n.children);
    }
  };
  count(nodes);
  if (total <= max) return nodes;
  return finish(limitLevels(nodes, max, { count: (n) => n.children.length, children: (n) => n.children, copy: (n) => ({ ...n, children: [] }) }));
}

/** How `limitLevels` reads a tree of `N`s and makes the kept nodes (`R`s, their kept children pushed in). */
interface LevelAccess<N, R extends { children: R[] }> {
  count(n: N): number;
  children(n: N): readonly N[];
  copy(n: N): R;
}

/**
 * `limitOutline`'s choice, level by level, of at most `max` nodes of a tree however it is stored, in slices
 * of NODES_PER_SLICE nodes made. With `max` at least the tree's size, every node is kept.
 */
function* limitLevels<N, R extends { children: R[] }>(roots: readonly N[], max: number, a: LevelAccess<N, R>): Slices<R[]> {
  // a negative `max` keeps nothing (`slice` would count it from the end)
  let level = roots.slice(0, Math.max(0, max)).map((node) => ({ node, copy: a.copy(node) }));
  const out = level.map((l) => l.copy);
  let budget = max - level.length;
  let made = 0;
  while (level.length && budget > 0) {
    // share the budget evenly, the entries with fewest children first (what they leave goes to the others)
    const counts = level.map((l) => a.count(l.node));
    const order = counts.map((_, i) => i).sort((x, y) => counts[x] - counts[y]);
    const take: number[] = [];
    order.forEach((li, i) => {
      take[li] = Math.min(counts[li], Math.floor(budget / (order.length - i)));
      budget -= take[li];
    });
    yield;
    const next: typeof level = [];
    for (let li = 0; li < level.length; li++) {
      if (!take[li]) continue;
      const p = level[li];
      for (const child of a.children(p.node).slice(0, take[li])) {
        const copy = a.copy(child);
        p.copy.children.push(copy);
        next.push({ node: child, copy });
        if (++made % NODES_PER_SLICE === 0) yield;
      }
    }
    level = next;
  }
  return out;
}

/** The outline with line/character ranges, the text indexed once. */
export function lineOutline(text: string | LineIndex, nodes: readonly OutlineNode[]): LinedOutlineNode[] {
  if (!nodes.length) return [];
  const idx = typeof text === 'string' ? new LineIndex(text) : text;
  const r = (s: Span) => idx.range4(s);
  const walk = (n: OutlineNode): LinedOutlineNode => ({
    kind: n.kind,
    section: n.section,
    name: n.name,
    detail: n.detail,
    range: r(n.span),
    selectionRange: r(n.selection),
    children: n.children.map(walk),
  });
  return nodes.map(walk);
}

/**
 * The outline as the analysis worker sends it to the extension host: flat, so that receiving it costs
 * little on the host's thread. A message's objects are rebuilt one by one when it arrives (28,512 nodes of a
 * 10,000-step file: ~150 ms of the host's time, bench/worker-stall.ts), its strings and typed arrays are
 * copied. Nodes in depth-first order: `names[k]`, `details[k]`, and `NUMBERS_PER_NODE` numbers from
 * `numbers[k * NUMBERS_PER_NODE]`: kind, section, number of children, range, selection range.
 */
export interface PackedOutline {
  names: string[];
  details: string[];
  numbers: Uint32Array;
}

const KINDS: readonly OutlineKind[] = ['section', 'role', 'data', 'step', 'decision', 'event', 'requirement', 'attribute'];
const NUMBERS_PER_NODE = 11;

/** The outline with line/character ranges, packed (`unpackOutline` reverses it). */
export function packOutline(text: string | LineIndex, nodes: readonly OutlineNode[]): PackedOutline {
  const idx = typeof text === 'string' ? new LineIndex(text) : text;
  const names: string[] = [];
  const details: string[] = [];
  const numbers: number[] = [];
  const walk = (n: OutlineNode): void => {
    names.push(n.name);
    details.push(n.detail);
    numbers.push(KINDS.indexOf(n.kind), SECTIONS.indexOf(n.section), n.children.length, ...idx.range4(n.span), ...idx.range4(n.selection));
    n.children.forEach(walk);
  };
  nodes.forEach(walk);
  return { names, details, numbers: Uint32Array.from(numbers) };
}

/**
 * The nodes of a packed outline (the host does this when the editor asks for the outline, not per analysis),
 * at most `max` of them, chosen as `limitOutline` chooses: only the nodes kept are made (a 10,000-step file's
 * outline has 28,512 entries, the editor shows 2,000 by default).
 */
export function unpackOutline(p: PackedOutline, max = Infinity): LinedOutlineNode[] {
  return finish(unpackOutlineInSlices(p, max));
}

/** `unpackOutline` in slices (the editor runs them across tasks: src/shared/slices.ts). */
export function* unpackOutlineInSlices(p: PackedOutline, max = Infinity): Slices<LinedOutlineNode[]> {
  const n = p.names.length;
  const at = (k: number, i: number) => p.numbers[k * NUMBERS_PER_NODE + i];
  const range = (k: number, from: number): [number, number, number, number] => [at(k, from), at(k, from + 1), at(k, from + 2), at(k, from + 3)];
  const copy = (k: number): LinedOutlineNode => ({ kind: KINDS[at(k, 0)], section: SECTIONS[at(k, 1)], name: p.names[k], detail: p.details[k], range: range(k, 3), selectionRange: range(k, 7), children: [] });
  // each node's subtree size (depth-first order: a node's children follow it, each after the subtree before it)
  const size = new Uint32Array(n);
  for (let k = n - 1; k >= 0; k--) {
    let s = 1;
    for (let i = 0, c = k + 1; i < at(k, 2); i++, c += size[c]) s += size[c];
    size[k] = s;
    if (k % (NODES_PER_SLICE * 16) === 0) yield;
  }
  const following = (first: number, count: number, end = n): number[] => {
    const out: number[] = [];
    for (let c = first; c < end && out.length < count; c += size[c]) out.push(c);
    return out;
  };
  const children = (k: number) => following(k + 1, at(k, 2));
  // with `max` at least n, limitLevels keeps every node
  return yield* limitLevels(following(0, n), Math.min(max, n), { count: (k) => at(k, 2), children, copy });
}

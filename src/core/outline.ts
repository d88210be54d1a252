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

/** The outline's nodes with line/character ranges (`[line, character, line, character]`). */
export interface LinedOutlineNode extends Omit<OutlineNode, 'children'> {
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

/** The outline with line/character ranges, the text indexed once. */
export function lineOutline(text: string | LineIndex, nodes: readonly OutlineNode[]): LinedOutlineNode[] {
  if (!nodes.length) return [];
  const idx = typeof text === 'string' ? new LineIndex(text) : text;
  const r = (s: Span) => idx.range4(s);
  const walk = (n: OutlineNode): LinedOutlineNode => ({ ...n, range: r(n.span), selectionRange: r(n.selection), children: n.children.map(walk) });
  return nodes.map(walk);
}

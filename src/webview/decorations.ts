/**
 * Applies the overlay model (`src/shared/preview-overlays.ts`) to a drawing:
 * classes on step and lane groups, the state colours those classes stand
 * for, and badges. One `apply` call takes the whole list; what an earlier
 * list added and this one does not have is taken away again, what Mermaid
 * drew is left alone.
 */
import { mergeOverlays, type Badge, type Overlay } from '../shared/preview-overlays';
import type { Drawing } from './drawing';
import { DASHED_CLASSES, stateColors, STATE_CLASSES, type Palette } from './theme';
import { svgEl } from './ui';

export class Decorations {
  /** The classes each element had from Mermaid (never removed), recorded when first touched. */
  private readonly base = new Map<Element, Set<string>>();
  /** The classes our overlays added, per element. */
  private readonly added = new Map<Element, Set<string>>();
  /** The state colours written on each step's shapes (state class and palette), to skip rewriting them. */
  private readonly coloured = new Map<Element, string>();
  /** Badges drawn, by step id and slot, with what they show. */
  private readonly badges = new Map<string, { g: SVGGElement; key: string }>();
  /** Badges wanted, by `<step id>\u0000<slot>`. */
  private wanted = new Map<string, { stepId: string; badge: Badge }>();
  private palette: Palette | undefined;
  private paletteKey = '';

  constructor(private readonly drawing: Drawing) {}

  /**
   * Shows `overlays` (and nothing else) in the colours of `palette`. Classes
   * and colours are written at once; the badges need the layout, so while
   * the SVG is not in the page they wait for `placeBadges`.
   */
  apply(overlays: readonly Overlay[], palette: Palette): void {
    this.palette = palette;
    this.paletteKey = JSON.stringify(palette);
    const merged = mergeOverlays(overlays);
    const d = this.drawing;
    const elementOf = (key: string): Element | undefined => {
      if (key === 'diagram') return d.svg;
      const at = key.indexOf(':');
      const kind = key.slice(0, at);
      const id = key.slice(at + 1);
      if (kind === 'step') return d.step(id)?.el;
      return d.lanesDrawn().find((l) => l.lane.roleId === id)?.el;
    };
    const wantedClasses = new Map<Element, Set<string>>();
    this.wanted = new Map();
    for (const [key, m] of merged) {
      const el = elementOf(key);
      if (!el) continue;
      wantedClasses.set(el, m.classes);
      if (m.target.kind === 'step') for (const b of m.badges.values()) this.wanted.set(`${m.target.id}\u0000${b.slot}`, { stepId: m.target.id, badge: b });
    }
    for (const el of new Set([...this.added.keys(), ...wantedClasses.keys()])) this.setClasses(el, wantedClasses.get(el) ?? new Set());
    for (const { el } of d.steps()) this.recolour(el);
    if (d.svg.isConnected) this.placeBadges();
  }

  private setClasses(el: Element, wanted: Set<string>): void {
    let base = this.base.get(el);
    if (!base) this.base.set(el, (base = new Set(Array.from(el.classList))));
    const had = this.added.get(el) ?? new Set<string>();
    for (const c of had) if (!wanted.has(c) && !base.has(c)) el.classList.remove(c);
    const now = new Set<string>();
    for (const c of wanted) {
      if (!base.has(c)) {
        el.classList.add(c);
        now.add(c);
      }
    }
    if (now.size) this.added.set(el, now);
    else this.added.delete(el);
  }

  /** The state colours of the theme on a node's shapes (Mermaid writes the `classDef` colours inline, with !important). */
  private recolour(el: SVGGElement): void {
    const p = this.palette!;
    let state: (typeof STATE_CLASSES)[number] | undefined;
    for (const cls of STATE_CLASSES) if (el.classList.contains(cls)) state = cls;
    let dash: string | undefined;
    for (const [cls, d] of Object.entries(DASHED_CLASSES)) if (el.classList.contains(cls)) dash = d;
    const key = state ? `${state}\u0000${dash ?? ''}\u0000${this.paletteKey}` : '';
    if ((this.coloured.get(el) ?? '') === key) return;
    const shapes: SVGElement[] = [];
    for (const child of Array.from(el.children)) {
      if (child.classList.contains('label') || child.classList.contains('bf-badge')) continue;
      if (child.tagName === 'g') shapes.push(...Array.from(child.querySelectorAll<SVGElement>('rect, polygon, path, ellipse, circle')));
      else shapes.push(child as SVGElement);
    }
    const colours = state ? stateColors(p, state) : undefined;
    for (const s of shapes) {
      if (colours) {
        s.style.setProperty('fill', colours.fill, 'important');
        s.style.setProperty('stroke', colours.stroke, 'important');
      } else {
        s.style.removeProperty('fill');
        s.style.removeProperty('stroke');
      }
      // a removed step dashed (a contested one dotted), over what Mermaid's class wrote
      if (dash) s.style.setProperty('stroke-dasharray', dash, 'important');
      else if (this.coloured.has(el)) s.style.removeProperty('stroke-dasharray');
    }
    if (key) this.coloured.set(el, key);
    else this.coloured.delete(el);
  }

  /**
   * The badges, at the corner of their nodes (the SVG must be in the page).
   * All node boxes are read first, then all badges written: a getBBox after
   * a write would make the browser lay the whole SVG out again, once per
   * badge. Badges that did not change stay.
   */
  placeBadges(): void {
    const p = this.palette;
    if (!p) return;
    for (const [key, b] of [...this.badges]) {
      const want = this.wanted.get(key);
      if (!want || this.badgeKey(want.badge) !== b.key || !b.g.isConnected) {
        b.g.remove();
        this.badges.delete(key);
      }
    }
    const todo: Array<{ el: SVGGElement; kind: string; key: string; badge: Badge }> = [];
    for (const [key, { stepId, badge }] of this.wanted) {
      if (this.badges.has(key)) continue;
      const node = this.drawing.step(stepId);
      if (node) todo.push({ el: node.el, kind: node.step.kind, key, badge });
    }
    const boxes = todo.map(({ el }) => el.getBBox());
    todo.forEach(({ el, kind, key, badge }, i) => {
      const box = boxes[i];
      const left = badge.slot === 'problem';
      const bottom = badge.slot === 'change';
      const cx = kind === 'decision' ? box.x + box.width * (left ? 0.25 : 0.75) : left ? box.x + 2 : box.x + box.width - 2;
      const cy = kind === 'decision' ? box.y + box.height * (bottom ? 0.75 : 0.25) : bottom ? box.y + box.height - 2 : box.y + 2;
      const color = badgeColor(p, badge.kind);
      const g = svgEl('g', { class: `bf-badge bf-badge-${badge.slot} ${badge.kind}`, ...(badge.slot === 'conflict' ? { 'data-count': badge.text } : {}) });
      g.append(
        svgEl('circle', { cx, cy, r: 9, fill: color, stroke: p.background, 'stroke-width': 1.5 }),
        Object.assign(
          svgEl('text', {
            x: cx,
            y: cy,
            'text-anchor': 'middle',
            'dominant-baseline': 'central',
            'font-size': 11,
            'font-weight': 700,
            fill: p.badgeText,
          }),
          { textContent: badge.text },
        ),
      );
      el.append(g);
      this.badges.set(key, { g, key: this.badgeKey(badge) });
    });
  }

  private badgeKey(b: Badge): string {
    return `${b.kind}\u0000${b.slot}\u0000${b.text}\u0000${this.paletteKey}`;
  }
}

/** A badge's colour: conflict / problem level, or the kind of change. */
function badgeColor(p: Palette, kind: Badge['kind']): string {
  switch (kind) {
    case 'error':
      return p.error;
    case 'added':
      return p.added;
    case 'removed':
      return p.removed;
    case 'changed':
      return p.changed;
    default:
      return p.warning;
  }
}

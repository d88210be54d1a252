/** Zoom and pan of the diagram: buttons, ctrl/⌘ + wheel and trackpad pinch to zoom, wheel / drag to pan. */
import type { ViewTransform } from '../shared/protocol';
import { LABEL_FONT_PX } from '../shared/preview-theme';
import { fitView, initialView, legibleScale, keepVisible, panBy, wheelPixels, wheelZoomFactor, zoomAt, ZOOM_STEP } from '../shared/preview-viewport';

export class Viewport {
  view: ViewTransform = { scale: 1, x: 0, y: 0 };
  /** True while the view is "fit to view" and the user has not zoomed or panned since. */
  autoFit = true;
  private content = { w: 0, h: 0 };
  private drag: { id: number; x: number; y: number; moved: boolean } | undefined;
  /** Where the flow starts, in diagram coordinates (for the first view of a big diagram). */
  anchor: () => { x: number; y: number } | undefined = () => undefined;
  /** Set after a drag so the click that ends it does not open a step. */
  suppressClick = false;

  constructor(
    readonly element: HTMLElement,
    readonly canvas: HTMLElement,
    private readonly onChange: (v: ViewTransform, byUser: boolean) => void,
    /** Space at the bottom that "fit" leaves free (the legend). */
    private readonly bottomInset: () => number = () => 0,
  ) {
    element.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    element.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    element.addEventListener('pointermove', (e) => this.onPointerMove(e));
    element.addEventListener('pointerup', (e) => this.onPointerUp(e));
    element.addEventListener('pointercancel', (e) => this.onPointerUp(e));
    new ResizeObserver(() => {
      if (this.autoFit) this.fit(false);
    }).observe(element);
  }

  setContentSize(w: number, h: number): void {
    this.content = { w, h };
  }

  private size() {
    const r = this.element.getBoundingClientRect();
    return { vw: r.width, vh: r.height };
  }

  apply(v: ViewTransform, byUser: boolean): void {
    const { vw, vh } = this.size();
    this.view = this.content.w > 0 && vw > 0 ? keepVisible(v, this.content.w, this.content.h, vw, vh) : v;
    this.canvas.style.transform = `translate(${this.view.x}px, ${this.view.y}px) scale(${this.view.scale})`;
    if (byUser) this.autoFit = false;
    this.onChange(this.view, byUser);
  }

  /** Fit to view (the button); `byUser` false for the automatic first view, which keeps big diagrams readable. */
  fit(byUser = true): void {
    const { vw, vh } = this.size();
    if (vw <= 0 || vh <= 0 || this.content.w <= 0) return;
    const inset = Math.min(this.bottomInset(), vh / 3);
    const view = byUser
      ? fitView(this.content.w, this.content.h, vw, vh - inset)
      : initialView(this.content.w, this.content.h, vw, vh - inset, 16, legibleScale(LABEL_FONT_PX), this.anchor());
    this.apply(view, false);
    this.autoFit = true;
    if (byUser) this.onChange(this.view, true);
  }

  zoom(factor: number, cx?: number, cy?: number): void {
    const { vw, vh } = this.size();
    this.apply(zoomAt(this.view, factor, cx ?? vw / 2, cy ?? vh / 2), true);
  }

  zoomIn(): void {
    this.zoom(ZOOM_STEP);
  }

  zoomOut(): void {
    this.zoom(1 / ZOOM_STEP);
  }

  /** 100 %, keeping the centre of the view where it is. */
  actualSize(): void {
    this.zoom(1 / this.view.scale);
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const { vh } = this.size();
    const dx = wheelPixels(e.deltaX, e.deltaMode, vh);
    const dy = wheelPixels(e.deltaY, e.deltaMode, vh);
    if (e.ctrlKey || e.metaKey) {
      // ctrl/⌘ + wheel, and a trackpad pinch (reported as ctrl + wheel)
      const r = this.element.getBoundingClientRect();
      this.apply(zoomAt(this.view, wheelZoomFactor(dy), e.clientX - r.left, e.clientY - r.top), true);
    } else if (e.shiftKey && dx === 0) {
      this.apply(panBy(this.view, -dy, 0), true);
    } else {
      this.apply(panBy(this.view, -dx, -dy), true);
    }
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0 && e.button !== 1) return;
    this.drag = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
  }

  private onPointerMove(e: PointerEvent): void {
    const d = this.drag;
    if (!d || d.id !== e.pointerId) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!d.moved) {
      d.moved = true;
      this.element.setPointerCapture(e.pointerId);
      this.element.classList.add('dragging');
    }
    d.x = e.clientX;
    d.y = e.clientY;
    this.apply(panBy(this.view, dx, dy), true);
  }

  private onPointerUp(e: PointerEvent): void {
    const d = this.drag;
    if (!d || d.id !== e.pointerId) return;
    this.drag = undefined;
    if (d.moved) {
      this.suppressClick = true;
      setTimeout(() => (this.suppressClick = false), 0);
      this.element.classList.remove('dragging');
      try {
        this.element.releasePointerCapture(e.pointerId);
      } catch {
        // already released
      }
    }
  }
}

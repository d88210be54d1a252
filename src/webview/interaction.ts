/**
 * The user's hands on the diagram: a click (or Enter) on a step opens it in
 * the editor, hovering a step shows its tooltip with its diagnostics (asked
 * from the extension on the first hover, then kept for that model).
 */
import type { PreviewDiagnostic, RenderModel, RenderRef, WebviewStrings } from '../shared/protocol';
import type { Drawing } from './drawing';
import type { Host } from './host';
import type { Tooltip } from './ui';
import type { Viewport } from './viewport';

export interface InteractionContext {
  host: Host;
  strings: WebviewStrings;
  canvas: HTMLElement;
  viewport: Viewport;
  tooltip: Tooltip;
  /** The drawing on screen. */
  drawing(): Drawing | undefined;
  /** The render message a model came with (what questions about it name). */
  renderOf(model: RenderModel): RenderRef | undefined;
  /** A step was chosen (click, Enter). */
  openStep(stepId: string): void;
}

export class Interaction {
  /** The diagnostics of hovered steps of one model, by step id. */
  private details: { model: RenderModel | undefined; byStep: Map<string, Promise<PreviewDiagnostic[]>> } = { model: undefined, byStep: new Map() };
  private hoverSeq = 0;
  /** Settles when the last hover's tooltip is complete (its diagnostics arrived). */
  lastHover: Promise<void> = Promise.resolve();

  constructor(private readonly c: InteractionContext) {
    const { canvas, viewport, tooltip } = c;
    canvas.addEventListener('click', (e) => {
      if (viewport.suppressClick) return;
      const hit = c.drawing()?.stepAt(e.target);
      if (hit) c.openStep(hit.step.id);
    });
    canvas.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      const hit = c.drawing()?.stepAt(e.target);
      if (hit) {
        e.preventDefault();
        c.openStep(hit.step.id);
      }
    });
    canvas.addEventListener('mouseover', (e) => {
      const hit = c.drawing()?.stepAt(e.target);
      if (hit) this.lastHover = this.showTooltip(hit.step.id, e.clientX, e.clientY);
    });
    canvas.addEventListener('mouseout', (e) => {
      const to = e.relatedTarget as Element | null;
      if (to && to.closest?.('g.bf-step') === (e.target as Element).closest?.('g.bf-step')) return;
      tooltip.hide();
    });
    viewport.element.addEventListener('pointerdown', () => tooltip.hide());
    window.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      if (target && (target.tagName === 'SELECT' || target.tagName === 'INPUT')) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '+' || e.key === '=') viewport.zoomIn();
      else if (e.key === '-' || e.key === '_') viewport.zoomOut();
      else if (e.key === '0') viewport.fit();
      else return;
      e.preventDefault();
    });
  }

  private stepDiagnostics(model: RenderModel, stepId: string): Promise<PreviewDiagnostic[]> {
    if (this.details.model !== model) this.details = { model, byStep: new Map() };
    const byStep = this.details.byStep;
    let list = byStep.get(stepId);
    if (!list) {
      const ref = this.c.renderOf(model);
      list = ref
        ? this.c.host.requests.request('getStepDetails', { ...ref, stepId }).then(
            (a) => a.diagnostics,
            () => [],
          )
        : Promise.resolve([]);
      byStep.set(stepId, list);
      // not answered: ask again on the next hover
      const asked = list;
      void asked.then((l) => {
        if (l.length === 0 && byStep.get(stepId) === asked) byStep.delete(stepId);
      });
    }
    return list;
  }

  private showTooltip(stepId: string, x: number, y: number): Promise<void> {
    const drawing = this.c.drawing();
    const node = drawing?.step(stepId);
    if (!drawing || !node) return Promise.resolve();
    const { step } = node;
    const model = drawing.model;
    const lane = drawing.laneLabel(step.role);
    const hover = ++this.hoverSeq;
    const { tooltip, strings } = this.c;
    if (!step.diagnosticCount) {
      tooltip.show(step, lane, strings.clickToOpen, x, y, []);
      return Promise.resolve();
    }
    // title and hint at once, the diagnostics as soon as the extension sends them
    tooltip.show(step, lane, strings.clickToOpen, x, y, undefined);
    return this.stepDiagnostics(model, step.id).then((list) => {
      if (hover === this.hoverSeq && tooltip.visible && this.c.drawing()?.model === model) tooltip.show(step, lane, strings.clickToOpen, x, y, list);
    });
  }
}

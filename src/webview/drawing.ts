/**
 * A diagram on screen: Mermaid's SVG and the render model it was drawn from,
 * with the step and lane groups of the SVG found once (the overlays, the
 * interaction, the export and the inspection all need them).
 */
import type { PreviewLane, PreviewStep, RenderModel } from '../shared/protocol';

export interface StepNode {
  el: SVGGElement;
  step: PreviewStep;
}

export interface LaneNode {
  el: SVGGElement;
  lane: PreviewLane;
}

/** `bizflow-svg-3-flowchart-n12-7` → `n12`. */
function nodeIdOf(svg: SVGSVGElement, el: Element): string | undefined {
  const prefix = `${svg.id}-flowchart-`;
  const id = el.id;
  if (!id.startsWith(prefix)) return undefined;
  return id.slice(prefix.length).replace(/-\d+$/, '');
}

export class Drawing {
  /** The model whose overlays are shown (a later model with the same Mermaid text reuses the drawing). */
  private current: RenderModel;
  private stepNodes: StepNode[] = [];
  private laneNodes: LaneNode[] = [];
  private byStep = new Map<string, StepNode>();
  private readonly nodes: Array<{ el: SVGGElement; nodeId: string }> = [];
  private readonly lanes: Array<{ el: SVGGElement; laneId: string }> = [];

  constructor(
    readonly svg: SVGSVGElement,
    model: RenderModel,
    /** The Mermaid configuration's theme it was drawn with. */
    readonly theme: string,
    readonly width: number,
    readonly height: number,
  ) {
    for (const el of Array.from(svg.querySelectorAll<SVGGElement>('g.node'))) {
      const nodeId = nodeIdOf(svg, el);
      if (nodeId) this.nodes.push({ el, nodeId });
    }
    for (const el of Array.from(svg.querySelectorAll<SVGGElement>('g.cluster'))) {
      this.lanes.push({ el, laneId: el.id.startsWith(`${svg.id}-`) ? el.id.slice(svg.id.length + 1) : el.id });
    }
    this.current = model;
    this.setModel(model);
  }

  get model(): RenderModel {
    return this.current;
  }

  /** The Mermaid text drawn. */
  get text(): string {
    return this.current.mermaid;
  }

  /**
   * Takes the steps and lanes of `model` (same Mermaid text): data
   * attributes and accessible names of the nodes, so that they can be
   * clicked, focused and found (writes only).
   */
  setModel(model: RenderModel): void {
    this.current = model;
    const byNode = new Map(model.steps.map((s) => [s.nodeId, s]));
    this.stepNodes = [];
    for (const { el, nodeId } of this.nodes) {
      const step = byNode.get(nodeId);
      if (!step) continue;
      this.stepNodes.push({ el, step });
      el.dataset.step = step.id;
      el.classList.add('bf-step');
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'button');
      el.setAttribute('aria-label', step.label);
    }
    this.byStep = new Map(this.stepNodes.map((n) => [n.step.id, n]));
    const byLane = new Map(model.lanes.map((l) => [l.laneId, l]));
    this.laneNodes = [];
    for (const { el, laneId } of this.lanes) {
      const lane = byLane.get(laneId);
      if (!lane) continue;
      this.laneNodes.push({ el, lane });
      el.dataset.lane = lane.roleId;
    }
  }

  /** The steps drawn, with their SVG groups. */
  steps(): readonly StepNode[] {
    return this.stepNodes;
  }

  lanesDrawn(): readonly LaneNode[] {
    return this.laneNodes;
  }

  step(id: string): StepNode | undefined {
    return this.byStep.get(id);
  }

  /** The step whose node holds `target` (an event's target). */
  stepAt(target: EventTarget | null): StepNode | undefined {
    const el = (target as Element | null)?.closest?.('g.bf-step') as SVGGElement | null;
    const id = el?.dataset.step;
    const node = id ? this.byStep.get(id) : undefined;
    return node;
  }

  laneLabel(roleId: string | undefined): string | undefined {
    return roleId === undefined ? undefined : this.current.lanes.find((l) => l.roleId === roleId)?.label;
  }
}

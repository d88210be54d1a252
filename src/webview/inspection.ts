/**
 * What the tests and benchmarks read: the `inspect` request (what the SVG and
 * the chrome show, security probes, timings) and the `simulate` request (a
 * click or hover as a user makes it). Only these requests build anything;
 * production messages carry none of it. The CSP violations and the scripts
 * present at start are noted from the start, as they cannot be found later.
 */
import type { InspectionReport, PreviewMode, RenderOutcome, RenderTimings, ThemeKind, ViewTransform, WebviewRequests } from '../shared/protocol';
import type { Drawing } from './drawing';
import { LABEL_FONT_PX } from '../shared/preview-theme';
import { eachAttribute, isHandler } from './svg-safety';
import type { Tooltip } from './ui';

/** What the inspection reads from the rest of the webview. */
export interface InspectionSource {
  host: HTMLElement;
  tooltip: Tooltip;
  outcome(): RenderOutcome;
  drawing(): Drawing | undefined;
  renderMs(): number;
  timings(): RenderTimings | undefined;
  banner(): string;
  conflictBadge(): string;
  roleSelected(): string;
  mode(): PreviewMode;
  modeButtons(): InspectionReport['modeButtons'];
  persisted(): InspectionReport['persisted'];
  theme(): ThemeKind;
  view(): ViewTransform;
  /** Settles when the last hover's tooltip is complete. */
  lastHover(): Promise<void>;
  /** The drawing is the last good one, out of date. */
  stale(): boolean;
}

/** Classes of the overlays (src/shared/preview-overlays.ts) a test may look for on a step. */
const OVERLAY_CLASS = /^(conflictError|conflictWarning|bf-decided|bf-problem-(error|warning)|bf-hl|bf-hl-primary|bf-dim|bf-(added|removed|changed|contested))$/;

/** The box of `el` (its own bounding box) in the user space of `svg`. */
function boxIn(svg: SVGSVGElement, el: SVGGraphicsElement): { x: number; y: number; width: number; height: number } {
  const b = el.getBBox();
  const m = svg.getScreenCTM()?.inverse().multiply(el.getScreenCTM() ?? svg.createSVGMatrix());
  if (!m) return { x: b.x, y: b.y, width: b.width, height: b.height };
  const pts = [
    [b.x, b.y],
    [b.x + b.width, b.y],
    [b.x, b.y + b.height],
    [b.x + b.width, b.y + b.height],
  ].map(([x, y]) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f }));
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const r = (v: number) => Math.round(v * 10) / 10;
  return { x: r(Math.min(...xs)), y: r(Math.min(...ys)), width: r(Math.max(...xs) - Math.min(...xs)), height: r(Math.max(...ys) - Math.min(...ys)) };
}

/** A node's shape (not its label, not our badges). */
function shapeOf(el: SVGGElement): SVGGraphicsElement {
  for (const c of Array.from(el.children)) {
    if (c.classList.contains('label') || c.classList.contains('bf-badge')) continue;
    if (c instanceof SVGGraphicsElement) return c;
  }
  return el;
}

const MAX_VIOLATIONS = 50;

export class Inspection {
  private readonly cspViolations: string[] = [];
  /** Scripts present when we start (ours and VS Code's own); any other script element would be injected. */
  private readonly initialScripts = new Set(Array.from(document.scripts));

  constructor(private readonly s: InspectionSource) {
    document.addEventListener('securitypolicyviolation', (e) => {
      if (this.cspViolations.length < MAX_VIOLATIONS) this.cspViolations.push(`${e.violatedDirective} ${e.blockedURI || ''} ${e.sample || ''}`.trim());
    });
  }

  /** Active content (must stay empty): script elements added after start, inline event handlers in the preview. */
  private hostile(): InspectionReport['security'] {
    const details: string[] = [];
    let handlers = 0;
    eachAttribute(this.s.host, (a, el) => {
      if (!isHandler(a)) return;
      handlers++;
      if (details.length < 10) details.push(`<${el.tagName.toLowerCase()} ${a.name}>`);
    });
    let scripts = 0;
    for (const sc of Array.from(document.querySelectorAll('script'))) {
      if (this.initialScripts.has(sc)) continue;
      scripts++;
      if (details.length < 10) details.push(`<script src=${sc.getAttribute('src') ?? ''}> ${(sc.textContent ?? '').slice(0, 60)}`);
    }
    return {
      scriptElements: scripts,
      eventHandlerAttributes: handlers,
      details,
      foreignObjects: this.s.host.querySelectorAll('foreignObject').length,
      cspViolations: [...this.cspViolations],
      pwned: (window as unknown as Record<string, unknown>).__bizflowPwned !== undefined,
    };
  }

  report(): InspectionReport {
    const s = this.s;
    const drawing = s.drawing();
    const conflictNodeIds = { error: [] as string[], warning: [] as string[] };
    const badges: Record<string, number> = {};
    const nodeLabels: Record<string, string> = {};
    const highlighted: InspectionReport['highlighted'] = { steps: [], lanes: [] };
    let laneLabels: string[] = [];
    const problemBadges: Record<string, string> = {};
    const stepClasses: Record<string, string[]> = {};
    const geometry: InspectionReport['geometry'] = { lanes: [], steps: [] };
    const dashedSteps: string[] = [];
    let edgeCount = 0;
    if (drawing) {
      for (const { el, step } of drawing.steps()) {
        if (el.classList.contains('conflictError')) conflictNodeIds.error.push(step.id);
        else if (el.classList.contains('conflictWarning')) conflictNodeIds.warning.push(step.id);
        const badge = el.querySelector('.bf-badge-conflict');
        if (badge) badges[step.id] = Number(badge.getAttribute('data-count'));
        const problem = el.querySelector('.bf-badge-problem');
        if (problem) problemBadges[step.id] = problem.classList.contains('error') ? 'error' : 'warning';
        stepClasses[step.id] = Array.from(el.classList).filter((c) => OVERLAY_CLASS.test(c));
        const dash = getComputedStyle(shapeOf(el)).strokeDasharray;
        if (dash && dash !== 'none') dashedSteps.push(step.id);
        geometry.steps.push({ id: step.id, ...(step.role !== undefined ? { role: step.role } : {}), ...boxIn(drawing.svg, shapeOf(el)) });
        if (el.classList.contains('bf-hl')) highlighted.steps.push(step.id);
        if (el.classList.contains('bf-hl-primary')) highlighted.primary = step.id;
        const label = el.querySelector('.label') ?? el;
        nodeLabels[step.id] =
          Array.from(label.querySelectorAll('tspan.text-inner-tspan'))
            .map((t) => t.textContent ?? '')
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim() || (label.textContent ?? '').trim();
      }
      const lanes = drawing.lanesDrawn();
      for (const { el, lane } of lanes) if (el.classList.contains('bf-lane-hl')) highlighted.lanes.push(lane.roleId);
      laneLabels = lanes.map(({ el }) => (el.querySelector('.cluster-label')?.textContent ?? '').replace(/\s+/g, ' ').trim());
      lanes.forEach(({ el, lane }, i) =>
        geometry.lanes.push({ laneId: lane.laneId, ...(lane.unassigned ? {} : { roleId: lane.roleId }), label: laneLabels[i], ...boxIn(drawing.svg, el) }),
      );
      edgeCount = drawing.svg.querySelectorAll('[data-edge="true"]').length;
    }
    const timings = s.timings();
    return {
      ...s.outcome(),
      svgLaneCount: drawing ? drawing.lanesDrawn().length : 0,
      nodeCount: drawing ? drawing.steps().length : 0,
      edgeCount,
      laneLabels,
      nodeLabels,
      conflictNodeIds,
      badges,
      highlighted,
      banner: s.banner(),
      conflictBadge: s.conflictBadge(),
      theme: s.theme(),
      mermaidTheme: drawing?.theme ?? '',
      view: { ...s.view() },
      roleSelected: s.roleSelected(),
      mode: s.mode(),
      modeButtons: s.modeButtons(),
      persisted: JSON.parse(JSON.stringify(s.persisted())) as InspectionReport['persisted'],
      dashedSteps,
      security: this.hostile(),
      renderMs: Math.round(s.renderMs()),
      stepClasses,
      problemBadges,
      stale: s.stale(),
      geometry,
      labelPx: Math.round(LABEL_FONT_PX * s.view().scale * 10) / 10,
      ...(timings ? { timings: { ...timings } } : {}),
    };
  }

  /** A click or hover on a step's node, dispatched as the browser would. */
  async simulate(p: WebviewRequests['simulate']['params']): Promise<WebviewRequests['simulate']['result']> {
    const el = this.s.drawing()?.step(p.stepId)?.el;
    if (!el) return { ok: false };
    const r = el.getBoundingClientRect();
    const init: MouseEventInit = { bubbles: true, cancelable: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, view: window };
    const target = el.querySelector('.label-container, rect, polygon, path') ?? el;
    if (p.gesture === 'click') {
      target.dispatchEvent(new MouseEvent('click', init));
      return { ok: true };
    }
    target.dispatchEvent(new MouseEvent('mouseover', init));
    await this.s.lastHover();
    const tooltip = this.s.tooltip.text;
    // a synthetic hover never ends with a mouseout
    setTimeout(() => this.s.tooltip.hide(), 1500);
    return { ok: true, tooltip };
  }
}

/**
 * The swimlane preview, running in the webview. Receives render models from
 * the extension (see src/shared/protocol.ts), draws them with the bundled
 * Mermaid (no network), and reports back what it drew.
 */
import mermaid from 'mermaid';
import {
  isPreviewState,
  isToWebview,
  type ExportRequest,
  type FromWebview,
  type HighlightMessage,
  type PreviewDiagnostic,
  type PreviewState,
  type PreviewStep,
  type ProbeRequest,
  type RenderMessage,
  type RenderModel,
  type RenderReport,
  type RenderTimings,
  type StepDetailsMessage,
  type ThemeKind,
  type ViewTransform,
  type WebviewInit,
  type WithoutLanesMessage,
} from '../shared/protocol';
import { LayoutMemo, renderWithLaneFallback, type LaneLayout } from '../shared/preview-mermaid';
import { pngScale } from '../shared/preview-viewport';
import { mermaidConfig, palette, stateColors, STATE_CLASSES, themeKind, type Palette } from './theme';
import { Banner, fmt, h, Legend, roleButtons, svgEl, Toolbar, Tooltip } from './ui';
import { Viewport } from './viewport';

interface VsCodeApi {
  postMessage(msg: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

// CSP violations are recorded for the tests' security report.
const cspViolations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => {
  cspViolations.push(`${e.violatedDirective} ${e.blockedURI || ''} ${e.sample || ''}`.trim());
});

const host = document.getElementById('bizflow-app')!;
/** Scripts present when we start (ours and VS Code's own); any other script element would be injected. */
const initialScripts = new Set(Array.from(document.scripts));
const init = JSON.parse(host.dataset.init ?? '{}') as WebviewInit;
const S = init.strings;
const saved = vscode.getState();
let state: PreviewState = { ...init.state };
if (isPreviewState(saved) && saved.uri === state.uri) {
  state = { ...state, view: saved.view ?? state.view };
}
vscode.setState(state);

function post(msg: FromWebview): void {
  vscode.postMessage(msg);
}

/** Answers the extension owes to our requests, by request id. */
const waiting = new Map<number, (answer: WithoutLanesMessage | StepDetailsMessage) => void>();
let nextRequestId = 1;

/** Asks the extension something; resolves with its answer, or undefined when none came in time. */
function ask<T extends WithoutLanesMessage | StepDetailsMessage>(make: (requestId: number) => FromWebview, timeoutMs = 10_000): Promise<T | undefined> {
  const requestId = nextRequestId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(requestId);
      resolve(undefined);
    }, timeoutMs);
    waiting.set(requestId, (answer) => {
      clearTimeout(timer);
      waiting.delete(requestId);
      resolve(answer as T);
    });
    post(make(requestId));
  });
}

/** The render message each model came with (what the requests about it name). */
const stampOf = new WeakMap<RenderModel, { uri: string; version: number; seq: number }>();

// ---------------------------------------------------------------- layout --

const toolbar = new Toolbar(S, {
  onRole: (role) => {
    state = { ...state, role };
    vscode.setState(state);
    showStatus(S.rendering);
    post({ type: 'setRole', uri: current.uri, version: current.version, role });
  },
  onOnlyConflicts: (value) => {
    state = { ...state, onlyConflictLanes: value };
    vscode.setState(state);
    showStatus(S.rendering);
    post({ type: 'setOnlyConflictLanes', uri: current.uri, version: current.version, value });
  },
  onZoomIn: () => viewport.zoomIn(),
  onZoomOut: () => viewport.zoomOut(),
  onFit: () => viewport.fit(),
  onActualSize: () => viewport.actualSize(),
  onCommand: (command) => post({ type: 'runCommand', uri: current.uri, version: current.version, command }),
});
const banner = new Banner();
banner.clear();
const legend = new Legend(S);
const tooltip = new Tooltip();
const canvas = h('div', { className: 'bf-canvas' });
const status = h('div', { className: 'bf-status' });
status.hidden = true;
const viewEl = h('main', { className: 'bf-viewport', attrs: { tabindex: '0' } }, canvas);
host.append(toolbar.element, banner.element, h('div', { className: 'bf-stage' }, viewEl, status, legend.element), tooltip.element);
toolbar.setLocked(state.locked);

let saveTimer: ReturnType<typeof setTimeout> | undefined;
const viewport = new Viewport(viewEl, canvas, (v) => {
  toolbar.setZoom(v.scale);
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    state = { ...state, view: { ...v } };
    vscode.setState(state);
  }, 200);
}, () => legend.element.offsetHeight + 10);

viewport.anchor = () => {
  const svg = current.svg;
  const start = current.drawn?.steps.find((st) => st.kind === 'start') ?? current.drawn?.steps[0];
  if (!svg || !start) return undefined;
  const el = svg.querySelector(`g.bf-step[data-step="${CSS.escape(start.id)}"]`);
  if (!el) return undefined;
  const s = viewport.view.scale || 1;
  const box = svg.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  return { x: (r.left - box.left) / s, y: (r.top + r.height / 2 - box.top) / s };
};

function showStatus(text: string | undefined): void {
  status.textContent = text ?? '';
  status.hidden = !text;
}

// ---------------------------------------------------------------- state --

/** What is on screen. */
const current = {
  uri: state.uri,
  version: -1,
  /** The extension's seq of the last render message handled. */
  seq: 0,
  model: undefined as RenderModel | undefined,
  /** The model whose diagram is drawn (the last good one). */
  drawn: undefined as RenderModel | undefined,
  drawnText: '',
  drawnTheme: '' as string,
  /** How the drawn diagram was laid out (`noLanes`: the fallback without lanes). */
  drawnLayout: 'lanes' as LaneLayout,
  /** mermaid.render calls made for the drawing on screen. */
  drawnAttempts: 0,
  svg: undefined as SVGSVGElement | undefined,
  status: 'empty' as RenderReport['status'],
  error: undefined as string | undefined,
  renderMs: 0,
  /** Where the time of the last render job went (see RenderTimings). */
  timings: undefined as RenderTimings | undefined,
  highlight: undefined as HighlightMessage | undefined,
  stepsByNode: new Map<string, PreviewStep>(),
  stepsById: new Map<string, PreviewStep>(),
  firstRender: true,
};

let themeNow: ThemeKind = themeKind();
let renderSeq = 0;
/** The Mermaid configuration last passed to mermaid.initialize (as JSON): initialise again only when it changes. */
let mermaidConfigured = '';
/** Diagram structures that Mermaid could lay out only without (or with reversed) lanes. */
const layoutMemo = new LayoutMemo();

// ---------------------------------------------------------------- render queue --

interface Job {
  msg: RenderMessage;
  /** Re-render for a theme change. */
  reason: 'update' | 'theme';
  /** performance.now() when the message arrived (or the theme changed). */
  at: number;
}
let pending: Job | undefined;
let running = false;

function schedule(job: Job): void {
  pending = job;
  if (!running) void pump();
}

async function pump(): Promise<void> {
  running = true;
  try {
    while (pending) {
      const job = pending;
      pending = undefined;
      await run(job);
    }
  } finally {
    running = false;
  }
}

/**
 * Event handler attributes: named `on…` in any case. (`| 32` lower-cases an
 * ASCII letter and maps nothing else to 'o' or 'n'.)
 */
function isHandler(a: Attr): boolean {
  const name = a.name;
  return (name.charCodeAt(0) | 32) === 111 && (name.charCodeAt(1) | 32) === 110;
}

/** Event handlers, and links to anything but a fragment of the same SVG (`href`, `src`, `action`, in any namespace). */
function isActive(a: Attr): boolean {
  if (isHandler(a)) return true;
  const local = a.localName;
  return (local === 'href' || local === 'src' || local === 'action') && !a.value.startsWith('#');
}

/**
 * Calls `f` on every attribute of `root` and of the elements under it, last
 * to first (so `f` may remove the one it is given). A plain indexed walk:
 * several times faster than an XPath query over every attribute, or than
 * iterating the attribute maps.
 */
function eachAttribute(root: Element, f: (a: Attr, el: Element) => void): void {
  const visit = (el: Element) => {
    const attrs = el.attributes;
    for (let j = attrs.length - 1; j >= 0; j--) f(attrs[j], el);
  };
  visit(root);
  const all = root.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) visit(all[i]);
}

/** Active content (must stay empty): script elements added after start, inline event handlers in the preview. */
function countHostile(): { scripts: number; handlers: number; foreign: number; details: string[] } {
  const details: string[] = [];
  let handlers = 0;
  eachAttribute(host, (a, el) => {
    if (!isHandler(a)) return;
    handlers++;
    if (details.length < 10) details.push(`<${el.tagName.toLowerCase()} ${a.name}>`);
  });
  let scripts = 0;
  for (const sc of Array.from(document.querySelectorAll('script'))) {
    if (initialScripts.has(sc)) continue;
    scripts++;
    if (details.length < 10) details.push(`<script src=${sc.getAttribute('src') ?? ''}> ${(sc.textContent ?? '').slice(0, 60)}`);
  }
  return { scripts, handlers, foreign: host.querySelectorAll('foreignObject').length, details };
}

/**
 * Parses Mermaid's SVG in an inert document (nothing runs, nothing loads) and
 * strips anything active: defence in depth, Mermaid already sanitises labels.
 */
function toSafeSvg(text: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(text, 'text/html');
  const root = doc.querySelector('svg');
  if (!root) throw new Error('Mermaid returned no SVG');
  for (const el of Array.from(root.querySelectorAll('script, iframe, object, embed, link, meta, base, form, input, button, textarea, audio, video, img'))) {
    el.remove();
  }
  eachAttribute(root, (a, el) => {
    if (isActive(a)) el.removeAttributeNode(a);
  });
  // moved, not cloned: the parsed document is thrown away
  return document.adoptNode(root) as SVGSVGElement;
}

/** Is a finished render still wanted? (A newer render message or theme change makes it out of date.) */
function stillWanted(job: Job, theme: ThemeKind): boolean {
  if (pending) return false;
  if (lastRender && job.msg.seq !== lastRender.seq) return false;
  return theme === themeKind();
}

/** Milliseconds since the current job's message arrived. */
let jobAt = 0;
function mark(stage: 'renderStart' | 'renderEnd' | 'inserted' | 'viewed' | 'decorated'): void {
  if (current.timings) current.timings[stage] = performance.now() - jobAt;
}

async function run(job: Job): Promise<void> {
  const { msg } = job;
  const model = msg.model;
  jobAt = job.at;
  current.timings = { receivedAt: performance.timeOrigin + job.at, started: performance.now() - job.at, reported: 0 };
  const uriChanged = msg.uri !== current.uri;
  current.uri = msg.uri;
  current.version = msg.version;
  current.seq = msg.seq;
  current.model = model;
  if (uriChanged) {
    current.drawn = undefined;
    current.drawnText = '';
    current.highlight = undefined;
  }
  state = { ...state, uri: msg.uri, locked: msg.locked, role: model.role, onlyConflictLanes: model.onlyConflictLanes };
  vscode.setState(state);
  toolbar.setLocked(msg.locked);
  toolbar.setTitle(model.title);
  toolbar.setRoles(model.roles, model.role);
  toolbar.setOnlyConflicts(model.onlyConflictLanes, model.role === undefined);
  toolbar.setConflicts(model.conflictCounts.error, model.conflictCounts.warning);
  banner.clear();

  const hasSyntax = model.problems.length > 0;
  if (hasSyntax) {
    const p = model.problems[0];
    const more = model.problems.length > 1 ? ` (+${model.problems.length - 1})` : '';
    banner.add('error', fmt(S.syntaxError, p.line, p.column, p.message) + more);
  }
  for (const n of model.notices) banner.add('info', n);

  // a syntax error keeps the last good diagram of this file
  if (hasSyntax && current.drawn && current.svg) {
    if (mermaidConfig(themeKind()).theme !== current.drawnTheme) {
      // the theme changed meanwhile: redraw the kept diagram in the new colours
      if ((await draw(job, current.drawn, false, false)) === 'outdated') return;
    } else {
      noteLayout(current.drawn);
    }
    banner.add('info', S.keptDiagram);
    current.status = 'kept';
    showStatus(undefined);
    report();
    return;
  }
  if (model.tooLarge) {
    const t = model.tooLarge;
    banner.add('warning', fmt(S.tooLarge, t.nodes, t.edges, t.textLength), roleButtons(S, model.roles, chooseRole));
    clearDiagram('tooLarge');
    report();
    return;
  }
  if (model.steps.length === 0 && model.lanes.length === 0) {
    clearDiagram('empty');
    if (!hasSyntax) banner.add('info', S.empty);
    report();
    return;
  }
  const r = await draw(job, model, msg.fit, uriChanged);
  if (r === 'outdated') return;
  report();
}

/** Draws a model (or only refreshes the overlays when the drawing would not change). */
async function draw(job: Job, model: RenderModel, fit: boolean, uriChanged: boolean): Promise<'ok' | 'outdated' | 'error'> {
  const kind = themeKind();
  const { config, theme } = mermaidConfig(kind);
  const text = model.mermaid;
  if (text === current.drawnText && theme === current.drawnTheme && current.svg) {
    // same drawing: only the overlays (badges, hover data, highlight) change
    indexSteps(model);
    decorate(current.svg, model, kind);
    addBadges(current.svg, kind);
    current.drawn = model;
    current.status = 'ok';
    applyHighlight();
    if (fit) viewport.fit(false);
    noteLayout(model);
    mark('decorated');
    return 'ok';
  }

  const seq = ++renderSeq;
  showStatus(S.rendering);
  const t0 = performance.now();
  let svg: SVGSVGElement;
  let layout: LaneLayout;
  let attempts: number;
  try {
    const configJson = JSON.stringify(config);
    if (configJson !== mermaidConfigured) {
      // Mermaid keeps its configuration between renders (our texts carry no directives that change it)
      mermaid.initialize(config);
      mermaidConfigured = configJson;
    }
    mark('renderStart');
    // Mermaid's layout (dagre) fails on the lanes of some big graphs: lanes reversed, then no lanes
    // (the lane-less text comes with the model once this view needed it, else it is asked for on the first failure)
    const out = await renderWithLaneFallback(
      {
        text,
        withoutLanes: model.mermaidWithoutLanes ?? withoutLanesOf(model),
        startWith: layoutMemo.get(text),
        onLayoutFailed: (next) => layoutMemo.set(text, next),
      },
      async (t, attempt) => {
        const id = `bizflow-svg-${seq}${attempt ? `-${attempt}` : ''}`;
        try {
          return await mermaid.render(id, t);
        } catch (e) {
          // Mermaid leaves its scratch element behind on some errors
          document.getElementById(`d${id}`)?.remove();
          document.getElementById(id)?.remove();
          throw e;
        }
      },
      () => !stillWanted(job, kind),
    );
    mark('renderEnd');
    layout = out.layout;
    attempts = out.failed.length + 1;
    layoutMemo.set(text, layout);
    if (!stillWanted(job, kind)) return 'outdated'; // dropped: a newer render is on its way
    svg = toSafeSvg(out.result.svg);
  } catch (e) {
    if (!stillWanted(job, kind)) return 'outdated';
    const message = e instanceof Error ? e.message : String(e);
    current.error = message;
    showStatus(undefined);
    banner.add('error', fmt(S.renderFailed, message.split('\n')[0].slice(0, 300)), roleButtons(S, model.roles, chooseRole));
    clearDiagram('error');
    return 'error';
  }
  current.renderMs = performance.now() - t0;
  current.error = undefined;
  showStatus(undefined);

  const vb = svg.viewBox.baseVal;
  const w = vb && vb.width ? vb.width : Number(svg.getAttribute('width')) || 0;
  const hgt = vb && vb.height ? vb.height : Number(svg.getAttribute('height')) || 0;
  svg.setAttribute('width', String(w));
  svg.setAttribute('height', String(hgt));
  svg.style.removeProperty('max-width');
  current.svg = svg;
  current.drawn = model;
  current.drawnText = text;
  current.drawnTheme = theme;
  current.drawnLayout = layout;
  current.drawnAttempts = attempts;
  current.status = 'ok';
  indexSteps(model);
  // Everything that only writes, while the SVG is detached (no style or layout work yet) ...
  decorate(svg, model, kind);
  applyHighlight();
  tooltip.hide();
  canvas.replaceChildren(svg);
  mark('inserted');
  // ... then the view: its reads (sizes, where the flow starts) lay the new SVG out, once ...
  viewport.setContentSize(w, hgt);
  const restore = current.firstRender && state.view && !fit ? state.view : undefined;
  if (restore) {
    viewport.apply(restore, false);
    viewport.autoFit = false;
  } else if (fit || uriChanged || current.firstRender || viewport.autoFit) {
    viewport.fit(false);
  } else {
    viewport.apply(viewport.view, false);
  }
  current.firstRender = false;
  mark('viewed');
  // ... and the badges, whose positions are read from that layout
  addBadges(svg, kind);
  noteLayout(model);
  mark('decorated');
  return 'ok';
}

/** The last lane-less text asked for, and the flowchart (with lanes) it belongs to: a render of the same text needs no other request. */
let lastAsked: { mermaid: string; answer: Promise<string | undefined> } | undefined;

/** Asks the extension for the lane-less text of `model` (kept with the model: a redraw of it needs no request). */
function withoutLanesOf(model: RenderModel): (() => Promise<string | undefined>) | undefined {
  const stamp = stampOf.get(model);
  if (!stamp || model.lanes.length === 0) return undefined;
  return async () => {
    if (model.mermaidWithoutLanes !== undefined) return model.mermaidWithoutLanes;
    let text = lastAsked && lastAsked.mermaid === model.mermaid ? await lastAsked.answer : undefined;
    if (text === undefined) {
      const answer = ask<WithoutLanesMessage>((requestId) => ({ type: 'getWithoutLanes', ...stamp, requestId })).then((a) =>
        a?.seq === stamp.seq ? a.text : undefined,
      );
      lastAsked = { mermaid: model.mermaid, answer };
      text = await answer;
    }
    if (text !== undefined) model.mermaidWithoutLanes = text;
    return text;
  };
}

/** The banner note of a diagram drawn without its lanes, with the role views as the way back to lanes. */
function noteLayout(model: RenderModel): void {
  if (current.drawnLayout === 'noLanes') banner.add('warning', S.withoutLanes, roleButtons(S, model.roles, chooseRole));
}

function clearDiagram(why: RenderReport['status']): void {
  tooltip.hide();
  canvas.replaceChildren();
  current.svg = undefined;
  current.drawn = undefined;
  current.drawnText = '';
  current.drawnLayout = 'lanes';
  current.status = why;
  current.stepsByNode.clear();
  current.stepsById.clear();
  showStatus(undefined);
}

function chooseRole(role: string): void {
  state = { ...state, role };
  vscode.setState(state);
  showStatus(S.rendering);
  post({ type: 'setRole', uri: current.uri, version: current.version, role });
}

function indexSteps(model: RenderModel): void {
  current.stepsByNode = new Map(model.steps.map((s) => [s.nodeId, s]));
  current.stepsById = new Map(model.steps.map((s) => [s.id, s]));
}

// ---------------------------------------------------------------- decoration --

/** `bizflow-svg-3-flowchart-n12-7` → `n12`. */
function nodeIdOf(svg: SVGSVGElement, el: Element): string | undefined {
  const prefix = `${svg.id}-flowchart-`;
  const id = el.id;
  if (!id.startsWith(prefix)) return undefined;
  return id.slice(prefix.length).replace(/-\d+$/, '');
}

/** The node and lane groups of each drawing, found once (the decoration, the highlight and the report all need them). */
const groupsOf = new WeakMap<SVGSVGElement, { nodes: Array<{ el: SVGGElement; nodeId: string }>; lanes: Array<{ el: SVGGElement; laneId: string }> }>();

function groups(svg: SVGSVGElement): { nodes: Array<{ el: SVGGElement; nodeId: string }>; lanes: Array<{ el: SVGGElement; laneId: string }> } {
  let g = groupsOf.get(svg);
  if (!g) {
    g = { nodes: [], lanes: [] };
    for (const el of Array.from(svg.querySelectorAll<SVGGElement>('g.node'))) {
      const nodeId = nodeIdOf(svg, el);
      if (nodeId) g.nodes.push({ el, nodeId });
    }
    for (const el of Array.from(svg.querySelectorAll<SVGGElement>('g.cluster'))) {
      g.lanes.push({ el, laneId: el.id.startsWith(`${svg.id}-`) ? el.id.slice(svg.id.length + 1) : el.id });
    }
    groupsOf.set(svg, g);
  }
  return g;
}

function stepNodes(svg: SVGSVGElement): Array<{ el: SVGGElement; step: PreviewStep }> {
  const out: Array<{ el: SVGGElement; step: PreviewStep }> = [];
  for (const { el, nodeId } of groups(svg).nodes) {
    const step = current.stepsByNode.get(nodeId);
    if (step) out.push({ el, step });
  }
  return out;
}

function laneNodes(svg: SVGSVGElement, model: RenderModel): Array<{ el: SVGGElement; roleId: string; label: string }> {
  const byLane = new Map(model.lanes.map((l) => [l.laneId, l]));
  const out: Array<{ el: SVGGElement; roleId: string; label: string }> = [];
  for (const { el, laneId } of groups(svg).lanes) {
    const lane = byLane.get(laneId);
    if (lane) out.push({ el, roleId: lane.roleId, label: lane.label });
  }
  return out;
}

/** Data attributes, accessible names and state colours: writes only (see `addBadges` for the reads). */
function decorate(svg: SVGSVGElement, model: RenderModel, kind: ThemeKind): void {
  const p = palette(kind);
  for (const { el, step } of stepNodes(svg)) {
    recolour(el, p);
    el.dataset.step = step.id;
    el.classList.add('bf-step');
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', step.label);
  }
  for (const { el, roleId } of laneNodes(svg, model)) el.dataset.lane = roleId;
  renderLegend(p);
}

/**
 * The conflict badges, at the corner of their nodes. All node boxes are read
 * first, then all badges written: a getBBox after a write would make the
 * browser lay the whole SVG out again, once per badge.
 */
function addBadges(svg: SVGSVGElement, kind: ThemeKind): void {
  const p = palette(kind);
  for (const b of Array.from(svg.querySelectorAll('.bf-badge'))) b.remove();
  const marked = stepNodes(svg).filter(({ step }) => step.conflictCount > 0 && step.conflict);
  const boxes = marked.map(({ el }) => el.getBBox());
  marked.forEach(({ el, step }, i) => {
    const box = boxes[i];
    const cx = step.kind === 'decision' ? box.x + box.width * 0.75 : box.x + box.width - 2;
    const cy = step.kind === 'decision' ? box.y + box.height * 0.25 : box.y + 2;
    const color = step.conflict === 'error' ? p.error : p.warning;
    const g = svgEl('g', { class: `bf-badge ${step.conflict}`, 'data-count': step.conflictCount });
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
        { textContent: String(step.conflictCount) },
      ),
    );
    el.append(g);
  });
}

/** The legend in the colours of `p` (rebuilt only when they change). */
let legendColours = '';
function renderLegend(p: Palette): void {
  const key = JSON.stringify(p);
  if (key === legendColours) return;
  legendColours = key;
  legend.render(p);
}

/** The state colours of the theme on a node's shapes (Mermaid writes the `classDef` colours inline, with !important). */
function recolour(el: SVGGElement, p: Palette): void {
  let colours: { fill: string; stroke: string } | undefined;
  for (const cls of STATE_CLASSES) if (el.classList.contains(cls)) colours = stateColors(p, cls);
  if (!colours) return;
  const shapes: SVGElement[] = [];
  for (const child of Array.from(el.children)) {
    if (child.classList.contains('label') || child.classList.contains('bf-badge')) continue;
    if (child.tagName === 'g') shapes.push(...Array.from(child.querySelectorAll<SVGElement>('rect, polygon, path, ellipse, circle')));
    else shapes.push(child as SVGElement);
  }
  for (const s of shapes) {
    s.style.setProperty('fill', colours.fill, 'important');
    s.style.setProperty('stroke', colours.stroke, 'important');
  }
}

function applyHighlight(): void {
  const svg = current.svg;
  if (!svg) return;
  const hl = current.highlight && current.highlight.uri === current.uri ? current.highlight : undefined;
  const steps = new Set(hl?.steps ?? []);
  const lanes = new Set(hl?.lanes ?? []);
  const any = steps.size > 0;
  for (const { el, step } of stepNodes(svg)) {
    el.classList.toggle('bf-hl', steps.has(step.id));
    el.classList.toggle('bf-hl-primary', hl?.primary === step.id);
    el.classList.toggle('bf-dim', any && !steps.has(step.id));
  }
  for (const { el, roleId } of laneNodes(svg, current.drawn ?? current.model!)) el.classList.toggle('bf-lane-hl', lanes.has(roleId));
  svg.classList.toggle('bf-has-hl', any);
}

// ---------------------------------------------------------------- interaction --

function stepFromEvent(e: Event): { el: SVGGElement; step: PreviewStep } | undefined {
  const t = e.target as Element | null;
  const el = t?.closest?.('g.bf-step') as SVGGElement | null;
  const id = el?.dataset.step;
  const step = id ? current.stepsById.get(id) : undefined;
  return el && step ? { el, step } : undefined;
}

canvas.addEventListener('click', (e) => {
  if (viewport.suppressClick) return;
  const hit = stepFromEvent(e);
  if (hit) post({ type: 'openStep', uri: current.uri, version: current.version, stepId: hit.step.id });
});
canvas.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  const hit = stepFromEvent(e);
  if (hit) {
    e.preventDefault();
    post({ type: 'openStep', uri: current.uri, version: current.version, stepId: hit.step.id });
  }
});
/** The diagnostics of hovered steps of the drawn model (asked for on hover), by step id. */
let details: { model: RenderModel | undefined; byStep: Map<string, Promise<PreviewDiagnostic[]>> } = { model: undefined, byStep: new Map() };
/** The last hover's tooltip is complete (its diagnostics arrived): for the hover probe. */
let tooltipDone: Promise<void> = Promise.resolve();
let hoverSeq = 0;

function stepDiagnostics(model: RenderModel, step: PreviewStep): Promise<PreviewDiagnostic[]> {
  if (details.model !== model) details = { model, byStep: new Map() };
  let list = details.byStep.get(step.id);
  if (!list) {
    const stamp = stampOf.get(model);
    list = stamp
      ? ask<StepDetailsMessage>((requestId) => ({ type: 'getStepDetails', ...stamp, requestId, stepId: step.id })).then((a) => a?.diagnostics ?? [])
      : Promise.resolve([]);
    details.byStep.set(step.id, list);
    // not answered: ask again on the next hover
    void list.then((l) => {
      if (l.length === 0 && details.byStep.get(step.id) === list) details.byStep.delete(step.id);
    });
  }
  return list;
}

function showTooltip(step: PreviewStep, x: number, y: number): Promise<void> {
  const model = current.drawn;
  const lane = model?.lanes.find((l) => l.roleId === step.role)?.label;
  const hover = ++hoverSeq;
  if (!model || !step.diagnosticCount) {
    tooltip.show(step, lane, S.clickToOpen, x, y, []);
    return Promise.resolve();
  }
  // title and hint at once, the diagnostics as soon as the extension sends them
  tooltip.show(step, lane, S.clickToOpen, x, y, undefined);
  return stepDiagnostics(model, step).then((list) => {
    if (hover === hoverSeq && tooltip.visible && current.drawn === model) tooltip.show(step, lane, S.clickToOpen, x, y, list);
  });
}

canvas.addEventListener('mouseover', (e) => {
  const hit = stepFromEvent(e);
  if (!hit) return;
  tooltipDone = showTooltip(hit.step, (e as MouseEvent).clientX, (e as MouseEvent).clientY);
});
canvas.addEventListener('mouseout', (e) => {
  const to = (e as MouseEvent).relatedTarget as Element | null;
  if (to && to.closest?.('g.bf-step') === (e.target as Element).closest?.('g.bf-step')) return;
  tooltip.hide();
});
viewEl.addEventListener('pointerdown', () => tooltip.hide());
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

// theme changes: re-render with the matching Mermaid theme
new MutationObserver(() => {
  const k = themeKind();
  if (k === themeNow) return;
  themeNow = k;
  renderLegend(palette(k));
  // a pending render will use the new theme anyway
  if (lastRender && !pending) schedule({ msg: { ...lastRender, fit: false }, reason: 'theme', at: performance.now() });
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });
renderLegend(palette(themeNow));

// ---------------------------------------------------------------- report --

function buildReport(): RenderReport {
  const svg = current.svg;
  const conflictNodeIds = { error: [] as string[], warning: [] as string[] };
  const badges: Record<string, number> = {};
  const nodeLabels: Record<string, string> = {};
  let nodeCount = 0;
  let laneLabels: string[] = [];
  let svgLaneCount = 0;
  let edgeCount = 0;
  const highlighted: RenderReport['highlighted'] = { steps: [], lanes: [] };
  if (svg && current.drawn) {
    for (const { el, step } of stepNodes(svg)) {
      nodeCount++;
      if (el.classList.contains('conflictError')) conflictNodeIds.error.push(step.id);
      else if (el.classList.contains('conflictWarning')) conflictNodeIds.warning.push(step.id);
      const badge = el.querySelector('.bf-badge');
      if (badge) badges[step.id] = Number(badge.getAttribute('data-count'));
      if (el.classList.contains('bf-hl')) highlighted.steps.push(step.id);
      if (el.classList.contains('bf-hl-primary')) highlighted.primary = step.id;
      const label = el.querySelector('.label') ?? el;
      nodeLabels[step.id] = Array.from(label.querySelectorAll('tspan.text-inner-tspan'))
        .map((t) => t.textContent ?? '')
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim() || (label.textContent ?? '').trim();
    }
    const lanes = laneNodes(svg, current.drawn);
    svgLaneCount = lanes.length;
    for (const { el, roleId } of lanes) if (el.classList.contains('bf-lane-hl')) highlighted.lanes.push(roleId);
    laneLabels = lanes.map(({ el }) => (el.querySelector('.cluster-label')?.textContent ?? '').replace(/\s+/g, ' ').trim());
    edgeCount = svg.querySelectorAll('[data-edge="true"]').length;
  }
  const hostile = countHostile();
  return {
    status: current.status,
    seq: current.seq,
    svgLaneCount,
    nodeCount,
    edgeCount,
    laneLabels,
    nodeLabels,
    conflictNodeIds,
    badges,
    highlighted,
    banner: banner.text,
    conflictBadge: toolbar.conflictText,
    theme: themeKind(),
    mermaidTheme: current.drawnTheme,
    view: { ...viewport.view },
    roleSelected: toolbar.selectedRole,
    security: {
      scriptElements: hostile.scripts,
      eventHandlerAttributes: hostile.handlers,
      details: hostile.details,
      foreignObjects: hostile.foreign,
      cspViolations: [...cspViolations],
      pwned: (window as unknown as Record<string, unknown>).__bizflowPwned !== undefined,
    },
    renderMs: Math.round(current.renderMs),
    ...(svg && current.drawn ? { layout: current.drawnLayout, layoutAttempts: current.drawnAttempts } : {}),
    ...(current.error ? { error: current.error } : {}),
  };
}

function report(): void {
  const r = buildReport();
  if (current.timings) {
    current.timings.reported = performance.now() - jobAt;
    r.timings = current.timings;
  }
  post({ type: 'rendered', uri: current.uri, version: current.version, report: r });
  // for the benchmarks: when the browser has drawn the new diagram (after our report, not delaying it)
  const t = current.timings;
  const at = jobAt;
  if (t) requestAnimationFrame(() => setTimeout(() => (t.painted = performance.now() - at), 0));
}

// ---------------------------------------------------------------- export --

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n';

function exportSvgText(): { text: string; w: number; h: number } {
  const svg = current.svg;
  if (!svg) throw new Error('nothing is drawn');
  const clone = svg.cloneNode(true) as SVGSVGElement;
  for (const el of Array.from(clone.querySelectorAll('.bf-hl, .bf-hl-primary, .bf-dim, .bf-lane-hl, .bf-step'))) {
    el.classList.remove('bf-hl', 'bf-hl-primary', 'bf-dim', 'bf-lane-hl', 'bf-step');
    el.removeAttribute('tabindex');
    el.removeAttribute('role');
  }
  clone.classList.remove('bf-has-hl');
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  const w = Number(svg.getAttribute('width')) || 0;
  const hh = Number(svg.getAttribute('height')) || 0;
  const vb = svg.viewBox.baseVal;
  // a background, so the colours of the current theme stay readable anywhere
  const bg = svgEl('rect', {
    x: vb?.x ?? 0,
    y: vb?.y ?? 0,
    width: vb?.width || w,
    height: vb?.height || hh,
    fill: palette(themeKind()).background,
    class: 'bf-background',
  });
  const style = clone.querySelector('style');
  if (style && style.nextSibling) clone.insertBefore(bg, style.nextSibling);
  else clone.insertBefore(bg, clone.firstChild);
  clone.style.removeProperty('max-width');
  const text = XML_HEADER + new XMLSerializer().serializeToString(clone);
  return { text, w, h: hh };
}

function base64Utf8(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

async function exportPng(scale: number): Promise<string> {
  const { text, w, h: hh } = exportSvgText();
  const img = new Image();
  img.src = `data:image/svg+xml;base64,${base64Utf8(text)}`;
  await img.decode();
  const s = pngScale(w, hh, scale);
  const c = document.createElement('canvas');
  c.width = Math.max(1, Math.round(w * s));
  c.height = Math.max(1, Math.round(hh * s));
  const ctx = c.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.fillStyle = palette(themeKind()).background;
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.drawImage(img, 0, 0, c.width, c.height);
  const url = c.toDataURL('image/png');
  const comma = url.indexOf(',');
  return url.slice(comma + 1);
}

async function onExport(msg: ExportRequest): Promise<void> {
  const base = { type: 'exported' as const, uri: current.uri, version: current.version, requestId: msg.requestId, format: msg.format };
  try {
    const data = msg.format === 'svg' ? exportSvgText().text : await exportPng(msg.scale);
    post({ ...base, data });
  } catch (e) {
    post({ ...base, error: e instanceof Error ? e.message : String(e) });
  }
}

// ---------------------------------------------------------------- test probes --

async function onProbe(msg: ProbeRequest): Promise<void> {
  const base = { type: 'probeResult' as const, uri: current.uri, version: current.version, requestId: msg.requestId };
  if (msg.action === 'report') {
    post({ ...base, ok: true, report: { ...buildReport(), ...(current.timings ? { timings: current.timings } : {}) } });
    return;
  }
  const svg = current.svg;
  const el = svg && msg.stepId ? svg.querySelector<SVGGElement>(`g.bf-step[data-step="${CSS.escape(msg.stepId)}"]`) : null;
  if (!el) {
    post({ ...base, ok: false });
    return;
  }
  const r = el.getBoundingClientRect();
  const init: MouseEventInit = { bubbles: true, cancelable: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, view: window };
  const target = el.querySelector('.label-container, rect, polygon, path') ?? el;
  if (msg.action === 'click') {
    target.dispatchEvent(new MouseEvent('click', init));
    post({ ...base, ok: true });
  } else {
    target.dispatchEvent(new MouseEvent('mouseover', init));
    await tooltipDone;
    post({ ...base, ok: true, tooltip: tooltip.text });
    // a synthetic hover never ends with a mouseout
    setTimeout(() => tooltip.hide(), 1500);
  }
}

// ---------------------------------------------------------------- messages --

let lastRender: RenderMessage | undefined;

window.addEventListener('message', (event: MessageEvent) => {
  const at = performance.now();
  const msg: unknown = event.data;
  if (!isToWebview(msg)) return;
  switch (msg.type) {
    case 'render':
      // drop what is older than what we have for this document
      if (lastRender && msg.uri === lastRender.uri && (msg.version < lastRender.version || msg.seq < lastRender.seq)) return;
      lastRender = msg;
      stampOf.set(msg.model, { uri: msg.uri, version: msg.version, seq: msg.seq });
      schedule({ msg, reason: 'update', at });
      break;
    case 'highlight':
      if (msg.uri !== current.uri) return;
      current.highlight = msg;
      applyHighlight();
      break;
    case 'lock':
      state = { ...state, locked: msg.locked };
      vscode.setState(state);
      toolbar.setLocked(msg.locked);
      break;
    case 'export':
      void onExport(msg);
      break;
    case 'view':
      if (msg.action === 'zoomIn') viewport.zoomIn();
      else if (msg.action === 'zoomOut') viewport.zoomOut();
      else if (msg.action === 'fit') viewport.fit();
      else viewport.actualSize();
      break;
    case 'probe':
      void onProbe(msg);
      break;
    case 'withoutLanes':
    case 'stepDetails':
      waiting.get(msg.requestId)?.(msg);
      break;
  }
});

post({ type: 'ready', uri: state.uri, version: -1 });

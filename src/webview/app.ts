/**
 * The preview's controller: takes render messages from the extension, puts
 * them through the render queue, and keeps the chrome (toolbar, banner,
 * legend), the drawing, its overlays and the view in step. The parts:
 * `MermaidRenderer` (Mermaid text → safe SVG), `Drawing` (the SVG on screen
 * and its model), `Decorations` (the overlay model applied), `Viewport`
 * (zoom and pan), `Interaction` (click, hover), `exporter` (SVG / PNG) and
 * `Inspection` (what tests ask for).
 */
import { overlaysOf } from '../shared/preview-overlays';
import type {
  HighlightMessage,
  RenderMessage,
  RenderModel,
  RenderOutcome,
  RenderRef,
  RenderTimings,
  ThemeKind,
  ToWebview,
  WebviewInit,
  WebviewStrings,
} from '../shared/protocol';
import { Decorations } from './decorations';
import { Drawing } from './drawing';
import { exportPng, exportSvg } from './exporter';
import type { Host } from './host';
import { Inspection } from './inspection';
import { Interaction } from './interaction';
import { RenderQueue } from './render-queue';
import { MermaidRenderer } from './renderer';
import { fontFamily, mermaidConfig, palette, themeKind } from './theme';
import { legendItems } from '../shared/preview-theme';
import { Banner, fmt, fmt as fmtMode, h, Legend, roleButtons, Toolbar, Tooltip } from './ui';
import { Viewport } from './viewport';

interface Job {
  msg: RenderMessage;
  /** performance.now() when the message arrived (or the theme changed). */
  at: number;
}

/** Timestamps of the job running (see RenderTimings). */
class JobClock {
  timings: RenderTimings | undefined;
  private at = 0;

  start(job: Job): void {
    this.at = job.at;
    this.timings = { receivedAt: performance.timeOrigin + job.at, started: performance.now() - job.at, reported: 0 };
  }

  mark(stage: 'renderStart' | 'renderEnd' | 'inserted' | 'viewed' | 'decorated' | 'reported'): void {
    if (this.timings) this.timings[stage] = performance.now() - this.at;
  }

  /** Notes when the browser has drawn the new diagram (its next frame after now), not delaying anything. */
  notePaint(): void {
    const t = this.timings;
    const at = this.at;
    if (t) requestAnimationFrame(() => setTimeout(() => (t.painted = performance.now() - at), 0));
  }
}

export class PreviewApp {
  private readonly S: WebviewStrings;
  private readonly toolbar: Toolbar;
  private readonly banner = new Banner();
  private readonly legend: Legend;
  private readonly tooltip = new Tooltip();
  private readonly canvas = h('div', { className: 'bf-canvas' });
  private readonly status = h('div', { className: 'bf-status' });
  private readonly viewport: Viewport;
  private readonly renderer = new MermaidRenderer();
  private readonly queue = new RenderQueue<Job>((job) => this.run(job));
  private readonly clock = new JobClock();

  /** The document shown, and the render message last handled. */
  private doc = { uri: '', version: -1, seq: 0 };
  /** The newest render message received. */
  private lastRender: RenderMessage | undefined;
  /** The render message each model came with (what the requests about it name). */
  private readonly refs = new WeakMap<RenderModel, RenderRef>();
  /** The drawing on screen (after another document was chosen, until its own drawing replaces it). */
  private drawing: Drawing | undefined;
  /** The document the drawing shows: only a drawing of the same document is kept or reused. */
  private drawnUri = '';
  private decorations: Decorations | undefined;
  private highlight: HighlightMessage | undefined;
  private outcome: RenderOutcome = { status: 'empty', seq: 0 };
  private renderMs = 0;
  private firstRender = true;
  private theme: ThemeKind = themeKind();
  private legendColours = '';
  /** The legend shows the changes' entries (after / diff view). */
  private legendChanges = false;
  /** The legend leaves out added / removed (today view). */
  private legendToday = false;
  /** The stage (drawing, status, legend): `bf-stale` while the drawing is the last good one. */
  private readonly stage: HTMLElement;
  private readonly staleTag: HTMLElement;
  private stale = false;

  constructor(
    private readonly host: Host,
    root: HTMLElement,
    init: WebviewInit,
  ) {
    const S = (this.S = init.strings);
    this.doc.uri = host.state.uri;
    this.toolbar = new Toolbar(S, {
      onRole: (role) => this.chooseRole(role),
      onOnlyConflicts: (value) => {
        host.setState({ onlyConflictLanes: value });
        this.showStatus(S.rendering);
        host.post({ type: 'setOnlyConflictLanes', ...this.stamp(), value });
      },
      onMode: (mode) => {
        host.setState({ mode });
        this.showStatus(S.rendering);
        host.post({ type: 'setMode', ...this.stamp(), mode });
      },
      onZoomIn: () => this.viewport.zoomIn(),
      onZoomOut: () => this.viewport.zoomOut(),
      onFit: () => this.viewport.fit(),
      onActualSize: () => this.viewport.actualSize(),
      onCommand: (command) => host.post({ type: 'runCommand', ...this.stamp(), command }),
    });
    this.banner.clear();
    this.legend = new Legend(S);
    this.tooltip.strings = S;
    this.status.hidden = true;
    const viewEl = h('main', { className: 'bf-viewport', attrs: { tabindex: '0' } }, this.canvas);
    this.staleTag = h('div', { className: 'bf-stale-tag', text: S.outOfDate, attrs: { role: 'status' } });
    this.staleTag.hidden = true;
    this.stage = h('div', { className: 'bf-stage' }, viewEl, this.status, this.staleTag, this.legend.element);
    root.append(this.toolbar.element, this.banner.element, this.stage, this.tooltip.element);
    this.toolbar.setLocked(host.state.locked);

    let saveTimer: ReturnType<typeof setTimeout> | undefined;
    this.viewport = new Viewport(
      viewEl,
      this.canvas,
      (v) => {
        this.toolbar.setZoom(v.scale);
        clearTimeout(saveTimer);
        saveTimer = setTimeout(() => host.setState({ view: { ...v } }), 200);
      },
      () => this.legend.element.offsetHeight + 10,
    );
    this.viewport.anchor = () => this.startAnchor();

    const interaction = new Interaction({
      host,
      strings: S,
      canvas: this.canvas,
      viewport: this.viewport,
      tooltip: this.tooltip,
      drawing: () => this.drawing,
      renderOf: (model) => this.refs.get(model),
      openStep: (stepId) => host.post({ type: 'openStep', ...this.stamp(), stepId }),
    });
    const inspection = new Inspection({
      host: root,
      tooltip: this.tooltip,
      outcome: () => this.outcome,
      drawing: () => this.drawing,
      renderMs: () => this.renderMs,
      timings: () => this.clock.timings,
      banner: () => this.banner.text,
      conflictBadge: () => this.toolbar.conflictText,
      roleSelected: () => this.toolbar.selectedRole,
      mode: () => this.toolbar.selectedMode,
      modeButtons: () => this.toolbar.modeButtonsShown,
      persisted: () => host.state,
      theme: () => themeKind(),
      view: () => this.viewport.view,
      lastHover: () => interaction.lastHover,
      stale: () => this.stale,
    });

    host.onMessage((msg, at) => this.onMessage(msg, at));
    host.serve({
      export: ({ format, scale, keepThemeColors }) => this.exportImage(format, scale, !!keepThemeColors),
      inspect: () => inspection.report(),
      simulate: (params) => inspection.simulate(params),
    });

    // theme changes: re-render with the matching Mermaid theme
    new MutationObserver(() => this.onThemeChange()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    this.renderLegend();
  }

  /** Tells the extension the webview listens. */
  start(): void {
    this.host.post({ type: 'ready', uri: this.host.state.uri, version: -1 });
  }

  private stamp(): { uri: string; version: number } {
    return { uri: this.doc.uri, version: this.doc.version };
  }

  private onMessage(msg: ToWebview, at: number): void {
    switch (msg.type) {
      case 'render': {
        // drop what is older than what we have for this document
        const last = this.lastRender;
        if (last && msg.uri === last.uri && (msg.version < last.version || msg.seq < last.seq)) return;
        this.lastRender = msg;
        this.refs.set(msg.model, { uri: msg.uri, version: msg.version, seq: msg.seq });
        this.queue.schedule({ msg, at });
        break;
      }
      case 'highlight':
        if (msg.uri !== this.doc.uri) return;
        this.highlight = msg;
        this.applyOverlays();
        break;
      case 'lock':
        this.host.setState({ locked: msg.locked });
        this.toolbar.setLocked(msg.locked);
        break;
      case 'view':
        if (msg.action === 'zoomIn') this.viewport.zoomIn();
        else if (msg.action === 'zoomOut') this.viewport.zoomOut();
        else if (msg.action === 'fit') this.viewport.fit();
        else this.viewport.actualSize();
        break;
    }
  }

  private onThemeChange(): void {
    const k = themeKind();
    if (k === this.theme) return;
    this.theme = k;
    this.renderLegend();
    // a pending render will use the new theme anyway
    if (this.lastRender && !this.queue.outdated) this.queue.schedule({ msg: { ...this.lastRender, fit: false }, at: performance.now() });
  }

  /** Is a finished render still wanted? (A newer render message or theme change makes it out of date.) */
  private stillWanted(job: Job, theme: ThemeKind): boolean {
    if (this.queue.outdated) return false;
    if (this.lastRender && job.msg.seq !== this.lastRender.seq) return false;
    return theme === themeKind();
  }

  private async run(job: Job): Promise<void> {
    const { msg } = job;
    const model = msg.model;
    this.clock.start(job);
    const uriChanged = msg.uri !== this.doc.uri;
    this.doc = { uri: msg.uri, version: msg.version, seq: msg.seq };
    if (uriChanged) this.highlight = undefined;
    const mode = model.mode ?? 'written';
    // kept across a reload: the view, and the diff's source (read again by the extension), not its text
    this.host.setState({ uri: msg.uri, locked: msg.locked, role: model.role, onlyConflictLanes: model.onlyConflictLanes, mode, diff: msg.diff });
    const { toolbar, banner, S } = this;
    toolbar.setLocked(msg.locked);
    toolbar.setTitle(model.title);
    toolbar.setRoles(model.roles, model.role);
    toolbar.setMode(mode, model.diffWith);
    toolbar.setOnlyConflicts(model.onlyConflictLanes, model.role === undefined);
    const hasSyntax = model.problems.length > 0;
    // while the YAML does not parse, the counts are not known: never "no conflicts"
    toolbar.setConflicts(model.conflictCounts.error, model.conflictCounts.warning, model.decidedCount ?? 0, hasSyntax);
    this.setStale(false);
    banner.clear();

    if (hasSyntax) {
      const p = model.problems[0];
      const more = model.problems.length > 1 ? ` (+${model.problems.length - 1})` : '';
      banner.add('error', fmt(S.syntaxError, p.line, p.column, p.message) + more);
    }
    for (const n of model.notices) banner.add('info', n);

    // a syntax error keeps the last good diagram of this file
    const kept = this.drawnUri === msg.uri ? this.drawing : undefined;
    if (hasSyntax && kept) {
      if (mermaidConfig(themeKind()).theme !== kept.theme) {
        // the theme changed meanwhile: redraw the kept diagram in the new colours
        if ((await this.draw(job, kept.model, false, false)) === 'outdated') return;
      }
      banner.add('warning', S.keptDiagram);
      this.setStale(true);
      this.outcome = { ...this.outcome, status: 'kept', seq: msg.seq };
      this.showStatus(undefined);
      this.report();
      return;
    }
    if (model.tooLarge) {
      const t = model.tooLarge;
      banner.add('warning', fmt(S.tooLarge, t.nodes, t.edges, t.textLength), roleButtons(S, model.roles, (r) => this.chooseRole(r)));
      this.clearDiagram('tooLarge');
      this.report();
      return;
    }
    if (model.steps.length === 0 && model.lanes.length === 0) {
      this.clearDiagram('empty');
      if (!hasSyntax) banner.add('info', S.empty);
      this.report();
      return;
    }
    if ((await this.draw(job, model, msg.fit, uriChanged)) === 'outdated') return;
    this.report();
  }

  /** Draws a model (or only refreshes the overlays when the drawing would not change). */
  private async draw(job: Job, model: RenderModel, fit: boolean, uriChanged: boolean): Promise<'ok' | 'outdated' | 'error'> {
    const kind = themeKind();
    const { config, theme } = mermaidConfig(kind);
    const old = this.drawnUri === this.doc.uri ? this.drawing : undefined;
    if (old && model.mermaid === old.text && theme === old.theme) {
      // same drawing: only the overlays (badges, hover data, highlight) change
      old.setModel(model);
      this.outcome = { status: 'ok', seq: this.doc.seq };
      this.applyOverlays();
      if (fit) this.viewport.fit(false);
      this.clock.mark('decorated');
      return 'ok';
    }

    this.showStatus(this.S.rendering);
    const t0 = performance.now();
    let out;
    try {
      out = await this.renderer.render({
        text: model.mermaid,
        config,
        cancelled: () => !this.stillWanted(job, kind),
        onStart: () => this.clock.mark('renderStart'),
        onEnd: () => this.clock.mark('renderEnd'),
      });
      if (!out) return 'outdated'; // dropped: a newer render is on its way
    } catch (e) {
      if (!this.stillWanted(job, kind)) return 'outdated';
      const message = e instanceof Error ? e.message : String(e);
      this.showStatus(undefined);
      this.banner.add('error', fmt(this.S.renderFailed, message.split('\n')[0].slice(0, 300)), roleButtons(this.S, model.roles, (r) => this.chooseRole(r)));
      this.clearDiagram('error', message);
      return 'error';
    }
    this.renderMs = performance.now() - t0;
    this.showStatus(undefined);

    const drawing = new Drawing(out.svg, model, theme, out.width, out.height);
    this.drawing = drawing;
    this.drawnUri = this.doc.uri;
    this.decorations = new Decorations(drawing);
    this.outcome = { status: 'ok', seq: this.doc.seq };
    // Everything that only writes, while the SVG is detached (no style or layout work yet) ...
    this.applyOverlays();
    this.tooltip.hide();
    this.canvas.replaceChildren(out.svg);
    this.clock.mark('inserted');
    // ... then the view: its reads (sizes, where the flow starts) lay the new SVG out, once ...
    const viewport = this.viewport;
    viewport.setContentSize(out.width, out.height);
    const saved = this.host.state.view;
    const restore = this.firstRender && saved && !fit ? saved : undefined;
    if (restore) {
      viewport.apply(restore, false);
      viewport.autoFit = false;
    } else if (fit || uriChanged || this.firstRender || viewport.autoFit) {
      viewport.fit(false);
    } else {
      viewport.apply(viewport.view, false);
    }
    this.firstRender = false;
    this.clock.mark('viewed');
    // ... and the badges, whose positions are read from that layout
    this.decorations.placeBadges();
    this.clock.mark('decorated');
    return 'ok';
  }

  /** The overlays of the drawing's model and the editor's highlight, shown. */
  private applyOverlays(): void {
    const drawing = this.drawing;
    if (!drawing || !this.decorations) return;
    const hl = this.highlight && this.highlight.uri === this.doc.uri ? this.highlight : undefined;
    const p = palette(themeKind());
    this.decorations.apply(overlaysOf(drawing.model, hl), p);
    this.renderLegend();
  }

  /** Marks the drawing on screen as the last good one, out of date (or not). */
  private setStale(stale: boolean): void {
    this.stale = stale;
    this.stage.classList.toggle('bf-stale', stale);
    this.staleTag.hidden = !stale;
  }

  /**
   * The drawing as an SVG or PNG file: the process name as a title, the
   * legend, on a light background (drawn again in the light colours when the
   * editor's theme is another), or in the theme's colours with `keepThemeColors`.
   */
  private async exportImage(format: 'svg' | 'png', scale: number, keepThemeColors: boolean): Promise<{ data: string }> {
    const shown = this.drawing;
    if (!shown) throw new Error('nothing is drawn');
    const model = shown.model;
    const kind = keepThemeColors ? themeKind() : 'light';
    const p = palette(kind, keepThemeColors);
    let drawing = shown;
    let scratch: HTMLElement | undefined;
    try {
      if (!keepThemeColors) {
        const { config, theme } = mermaidConfig('light', false);
        const out = await this.renderer.render({ text: model.mermaid, config, cancelled: () => false });
        if (!out) throw new Error('nothing is drawn');
        scratch = h('div', { className: 'bf-offscreen', attrs: { 'aria-hidden': 'true' } });
        scratch.append(out.svg);
        document.body.append(scratch);
        drawing = new Drawing(out.svg, model, theme, out.width, out.height);
        // the overlays of the model, without the editor's highlight
        new Decorations(drawing).apply(overlaysOf(model, undefined), p);
      }
      const role = model.role !== undefined ? model.roles.find((r) => r.id === model.role)?.label ?? model.role : undefined;
      const view = model.mode === 'after' ? this.S.modeAfter : model.mode === 'today' ? this.S.modeToday : model.mode === 'diff' ? fmtMode(this.S.modeDiff, model.diffWith ?? '') : undefined;
      const subtitle = [role !== undefined ? `${this.S.role}: ${role}` : undefined, view].filter((x): x is string => !!x).join(' · ');
      const changes = model.mode === 'after' || model.mode === 'diff';
      const frame = { title: model.title, ...(subtitle ? { subtitle } : {}), legend: legendItems(this.S, p, { changes, today: model.mode === 'today' }), palette: p, fontFamily: fontFamily() };
      return { data: format === 'svg' ? exportSvg(drawing, frame).text : await exportPng(drawing, frame, scale) };
    } finally {
      scratch?.remove();
    }
  }

  private clearDiagram(why: RenderOutcome['status'], error?: string): void {
    this.tooltip.hide();
    this.canvas.replaceChildren();
    this.drawing = undefined;
    this.drawnUri = '';
    this.decorations = undefined;
    this.outcome = { status: why, seq: this.doc.seq, ...(error !== undefined ? { error } : {}) };
    this.showStatus(undefined);
  }

  private chooseRole(role: string | undefined): void {
    this.host.setState({ role });
    this.showStatus(this.S.rendering);
    this.host.post({ type: 'setRole', ...this.stamp(), role });
  }

  private showStatus(text: string | undefined): void {
    this.status.textContent = text ?? '';
    this.status.hidden = !text;
  }

  /** The legend in the colours of the theme (rebuilt only when they change). */
  private renderLegend(): void {
    const p = palette(themeKind());
    const changes = this.drawing?.model.mode === 'after' || this.drawing?.model.mode === 'diff';
    const today = this.drawing?.model.mode === 'today';
    const key = JSON.stringify(p);
    if (key === this.legendColours && changes === this.legendChanges && today === this.legendToday) return;
    this.legendColours = key;
    this.legendChanges = changes;
    this.legendToday = today;
    this.legend.render(p, changes, today);
  }

  /** Where the flow starts, in diagram coordinates (the first view of a big diagram shows it). */
  private startAnchor(): { x: number; y: number } | undefined {
    const d = this.drawing;
    const steps = d?.model.steps ?? [];
    const start = steps.find((st) => st.kind === 'start') ?? steps[0];
    const el = start && d?.step(start.id)?.el;
    if (!d || !el) return undefined;
    const s = this.viewport.view.scale || 1;
    const box = d.svg.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return { x: (r.left - box.left) / s, y: (r.top + r.height / 2 - box.top) / s };
  }

  /** Tells the extension what was drawn (a short outcome; the details are for an `inspect` request). */
  private report(): void {
    const error = this.outcome.status === 'ok' || this.outcome.status === 'kept' ? undefined : (this.outcome.error ?? (this.banner.text || undefined));
    const outcome: RenderOutcome = { ...this.outcome, seq: this.doc.seq, ...(error !== undefined ? { error } : {}) };
    this.outcome = outcome;
    this.clock.mark('reported');
    this.host.post({ type: 'rendered', ...this.stamp(), outcome });
    this.clock.notePaint();
  }
}

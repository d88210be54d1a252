/** The preview's chrome: toolbar, banner, legend, tooltip. Built with DOM calls only (no HTML strings). */
import type { PreviewDiagnostic, PreviewMode, PreviewRole, PreviewStep, WebviewStrings } from '../shared/protocol';
import type { Palette } from './theme';
import { legendItems, swatchElements } from '../shared/preview-theme';

const SVG_NS = 'http://www.w3.org/2000/svg';

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; title?: string; attrs?: Record<string, string> } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.text !== undefined) el.textContent = props.text;
  if (props.title) el.title = props.title;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  for (const c of children) el.append(c);
  return el;
}

export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** `{0}` placeholders. */
export function fmt(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

export interface ToolbarHandlers {
  onRole(role: string | undefined): void;
  onOnlyConflicts(value: boolean): void;
  /** The view toggle: today, after the requirements, or the diff loaded. */
  onMode(mode: PreviewMode): void;
  onZoomIn(): void;
  onZoomOut(): void;
  onFit(): void;
  onActualSize(): void;
  onCommand(cmd: 'exportSvg' | 'exportPng' | 'copyMermaid' | 'toggleLock' | 'showProblems'): void;
}

export class Toolbar {
  readonly element: HTMLElement;
  private readonly title = h('span', { className: 'bf-title' });
  private readonly roleSelect = h('select', { className: 'bf-role', attrs: { 'aria-label': '' } });
  private readonly onlyConflicts = h('input', { attrs: { type: 'checkbox', id: 'bf-only-conflicts' } });
  private readonly zoomLabel = h('span', { className: 'bf-zoom-level' });
  private readonly conflictBadge = h('button', { className: 'bf-conflicts' });
  private readonly lock = h('button', { className: 'bf-lock' });
  private roleIds: string[] = [];
  /** The view toggle "As written | Today | After the requirements | Changes since …" (the last only while a diff is loaded). */
  private readonly modeButtons: Record<PreviewMode, HTMLButtonElement>;
  private mode: PreviewMode = 'written';

  constructor(
    private readonly s: WebviewStrings,
    handlers: ToolbarHandlers,
  ) {
    this.roleSelect.setAttribute('aria-label', s.role);
    this.roleSelect.title = s.role;
    this.roleSelect.addEventListener('change', () => {
      const v = this.roleSelect.value;
      handlers.onRole(v === '' ? undefined : v);
    });
    this.onlyConflicts.addEventListener('change', () => handlers.onOnlyConflicts(this.onlyConflicts.checked));
    const button = (text: string, title: string, fn: () => void, className = '') => {
      const b = h('button', { text, title, className: `bf-btn ${className}`.trim(), attrs: { 'aria-label': title } });
      b.addEventListener('click', fn);
      return b;
    };
    const modeButton = (mode: PreviewMode, text: string, title = text) => {
      const b = h('button', { text, title, className: `bf-btn bf-mode bf-mode-${mode}`, attrs: { 'aria-pressed': 'false', 'data-mode': mode } });
      b.addEventListener('click', () => {
        if (mode !== this.mode) handlers.onMode(mode);
      });
      return b;
    };
    this.modeButtons = {
      written: modeButton('written', s.modeWritten, s.modeWrittenTip),
      today: modeButton('today', s.modeToday, s.modeTodayTip),
      after: modeButton('after', s.modeAfter, s.modeAfterTip),
      diff: modeButton('diff', s.modeDiff),
    };
    this.modeButtons.diff.hidden = true;
    this.conflictBadge.addEventListener('click', () => handlers.onCommand('showProblems'));
    this.lock.textContent = '🔒';
    this.lock.title = s.locked;
    this.lock.addEventListener('click', () => handlers.onCommand('toggleLock'));
    this.element = h(
      'header',
      { className: 'bf-toolbar' },
      this.title,
      h('span', { className: 'bf-group' }, this.roleSelect),
      h(
        'span',
        { className: 'bf-group bf-modes', attrs: { role: 'group', 'aria-label': s.modeLabel } },
        this.modeButtons.written,
        this.modeButtons.today,
        this.modeButtons.after,
        this.modeButtons.diff,
      ),
      h(
        'label',
        { className: 'bf-group bf-check', attrs: { for: 'bf-only-conflicts' } },
        this.onlyConflicts,
        h('span', { text: s.onlyConflictLanes }),
      ),
      h(
        'span',
        { className: 'bf-group bf-zoom' },
        button('−', s.zoomOut, handlers.onZoomOut, 'bf-zoom-out'),
        this.zoomLabel,
        button('+', s.zoomIn, handlers.onZoomIn, 'bf-zoom-in'),
        button('⤢', s.fit, handlers.onFit, 'bf-fit'),
        button('1:1', s.resetZoom, handlers.onActualSize, 'bf-actual'),
      ),
      h('span', { className: 'bf-spacer' }),
      this.conflictBadge,
      h(
        'span',
        { className: 'bf-group' },
        button('SVG', s.exportSvg, () => handlers.onCommand('exportSvg')),
        button('PNG', s.exportPng, () => handlers.onCommand('exportPng')),
        button('Mermaid', s.copyMermaid, () => handlers.onCommand('copyMermaid')),
      ),
      this.lock,
    );
  }

  setTitle(t: string): void {
    this.title.textContent = t;
    this.title.title = t;
  }

  setRoles(roles: PreviewRole[], selected: string | undefined): void {
    const ids = roles.map((r) => r.id);
    if (ids.join('\u0000') !== this.roleIds.join('\u0000') || this.roleSelect.options.length !== roles.length + 1) {
      this.roleSelect.replaceChildren(h('option', { text: this.s.allRoles, attrs: { value: '' } }));
      for (const r of roles) {
        const o = h('option', { text: r.label === r.id ? r.id : `${r.label} (${r.id})`, attrs: { value: r.id } });
        this.roleSelect.append(o);
      }
      this.roleIds = ids;
    } else {
      // labels may have changed
      roles.forEach((r, i) => {
        const o = this.roleSelect.options[i + 1];
        const t = r.label === r.id ? r.id : `${r.label} (${r.id})`;
        if (o && o.textContent !== t) o.textContent = t;
      });
    }
    this.roleSelect.value = selected ?? '';
  }

  /** The view shown; `diffWith`: the other version's name while a diff is loaded (else the diff button is hidden). */
  setMode(mode: PreviewMode, diffWith: string | undefined): void {
    this.mode = mode;
    const d = this.modeButtons.diff;
    d.hidden = diffWith === undefined;
    d.textContent = fmt(this.s.modeDiff, diffWith ?? '');
    d.title = d.textContent;
    for (const [m, b] of Object.entries(this.modeButtons)) {
      b.setAttribute('aria-pressed', String(m === mode));
      b.classList.toggle('selected', m === mode);
    }
  }

  get selectedMode(): PreviewMode {
    return this.mode;
  }

  /** The view buttons shown (not hidden), as read: text, tooltip, pressed. */
  get modeButtonsShown(): Array<{ mode: PreviewMode; text: string; title: string; pressed: boolean }> {
    return (Object.entries(this.modeButtons) as Array<[PreviewMode, HTMLButtonElement]>)
      .filter(([, b]) => !b.hidden)
      .map(([mode, b]) => ({ mode, text: b.textContent ?? '', title: b.title, pressed: b.getAttribute('aria-pressed') === 'true' }));
  }

  get selectedRole(): string {
    return this.roleSelect.value;
  }

  setOnlyConflicts(value: boolean, enabled: boolean): void {
    this.onlyConflicts.checked = value;
    this.onlyConflicts.disabled = !enabled;
  }

  setZoom(scale: number): void {
    this.zoomLabel.textContent = `${Math.round(scale * 100)}%`;
  }

  /**
   * The conflict badge: open conflicts by level (src/core/conflict-count.ts),
   * decided ones; while the file does not parse (`stale`), that the counts are
   * out of date (never "no conflicts").
   */
  setConflicts(error: number, warning: number, decided = 0, stale = false): void {
    const b = this.conflictBadge;
    const s = this.s;
    b.replaceChildren();
    b.classList.toggle('none', !stale && error + warning === 0);
    b.classList.toggle('stale', stale);
    if (stale) {
      b.append(h('span', { className: 'bf-dot stale' }), h('span', { text: s.conflictsOutOfDate }));
    } else if (error + warning === 0) {
      b.append(h('span', { text: s.noConflicts }));
    } else {
      if (error) b.append(h('span', { className: 'bf-dot error' }), h('span', { text: error === 1 ? s.conflictError : fmt(s.conflictErrors, error) }));
      if (warning) b.append(h('span', { className: 'bf-dot warning' }), h('span', { text: warning === 1 ? s.conflictWarning : fmt(s.conflictWarnings, warning) }));
    }
    if (!stale && decided > 0) b.append(h('span', { className: 'bf-dot decided' }), h('span', { text: decided === 1 ? s.decidedConflict : fmt(s.decidedConflicts, decided) }));
    b.title = Array.from(b.children)
      .map((c) => c.textContent ?? '')
      .filter(Boolean)
      .join(' · ');
  }

  get conflictText(): string {
    return this.conflictBadge.title;
  }

  setLocked(locked: boolean): void {
    this.lock.hidden = !locked;
  }
}

export class Banner {
  readonly element = h('div', { className: 'bf-banner', attrs: { role: 'status', 'aria-live': 'polite' } });

  clear(): void {
    this.element.replaceChildren();
    this.element.hidden = true;
  }

  add(kind: 'error' | 'warning' | 'info', text: string, extra?: Node): void {
    const line = h('div', { className: `bf-banner-line ${kind}` }, h('span', { text }));
    if (extra) line.append(extra);
    this.element.append(line);
    this.element.hidden = false;
  }

  get text(): string {
    return this.element.hidden ? '' : (this.element.textContent ?? '');
  }
}

/** Buttons "Show the view of <role>" for when the whole diagram cannot be drawn. */
export function roleButtons(s: WebviewStrings, roles: PreviewRole[], onRole: (id: string) => void): HTMLElement {
  const box = h('div', { className: 'bf-role-buttons' });
  for (const r of roles) {
    const b = h('button', { className: 'bf-btn', text: r.label, title: `${s.showRoleView} ${r.label}` });
    b.addEventListener('click', () => onRole(r.id));
    box.append(b);
  }
  return box;
}

export class Legend {
  readonly element = h('div', { className: 'bf-legend' });
  private readonly body = h('div', { className: 'bf-legend-body' });

  constructor(private readonly s: WebviewStrings) {
    const head = h('button', { className: 'bf-legend-head', text: s.legend, attrs: { 'aria-expanded': 'true' } });
    head.addEventListener('click', () => {
      const open = this.body.hidden;
      this.body.hidden = !open;
      head.setAttribute('aria-expanded', String(open));
    });
    this.element.append(head, this.body);
  }

  /** The legend's entries (src/shared/preview-theme.ts: the same as an export's) in the colours of `p`. */
  render(p: Palette, changes = false, today = false): void {
    this.body.replaceChildren(
      ...legendItems(this.s, p, { changes, today }).map((it) => {
        const svg = svgEl('svg', { width: 30, height: 18, viewBox: '0 0 30 18', 'aria-hidden': 'true' });
        for (const e of swatchElements(it.swatch)) {
          const el = svgEl(e.tag, e.attrs);
          if (e.text !== undefined) el.textContent = e.text;
          svg.append(el);
        }
        return h('div', { className: 'bf-legend-item', attrs: { 'data-key': it.key } }, svg, h('span', { text: it.label }));
      }),
    );
  }
}

/** A changed step's line in its tooltip (after / diff view), '' when it does not change. */
export function changeLine(s: WebviewStrings, step: PreviewStep): string {
  const c = step.change;
  if (!c) return '';
  if (c.kind === 'added') return s.changeAdded;
  if (c.kind === 'removed') return s.changeRemoved;
  if (c.kind === 'contested') return s.changeContested + (c.fields?.length ? ` (${c.fields.join(', ')})` : '');
  return fmt(s.changeChanged, (c.fields ?? []).join(', '));
}

export class Tooltip {
  readonly element = h('div', { className: 'bf-tooltip', attrs: { role: 'tooltip' } });
  /** The preview's words (for a changed step's line). */
  strings: WebviewStrings | undefined;

  constructor() {
    this.element.hidden = true;
  }

  /** `diagnostics`: the step's (undefined while they are on their way). */
  show(step: PreviewStep, laneLabel: string | undefined, hint: string, x: number, y: number, diagnostics: PreviewDiagnostic[] | undefined): void {
    const el = this.element;
    el.replaceChildren(h('div', { className: 'bf-tt-title', text: step.label }));
    const meta = [step.id, laneLabel].filter(Boolean).join(' · ');
    el.append(h('div', { className: 'bf-tt-meta', text: meta }));
    const change = this.strings ? changeLine(this.strings, step) : '';
    if (change) el.append(h('div', { className: `bf-tt-change ${step.change?.kind ?? ''}`, text: change }));
    // decided conflicts: "REQ-002 overridden by REQ-001, decided by 总监"
    if (step.decisions?.length) el.append(h('ul', { className: 'bf-tt-list' }, ...step.decisions.map((text) => h('li', { className: 'bf-tt-decided', text }))));
    if (diagnostics?.length) {
      const list = h('ul', { className: 'bf-tt-list' });
      const seen = new Set<string>();
      for (const d of diagnostics) {
        const key = `${d.code}\u0000${d.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        list.append(
          h(
            'li',
            { className: `bf-tt-diag ${d.severity}` },
            h('span', { className: 'bf-tt-code', text: `${d.code} (${d.line}:${d.column})` }),
            h('span', { className: 'bf-tt-msg', text: d.message }),
          ),
        );
      }
      el.append(list);
    }
    el.append(h('div', { className: 'bf-tt-hint', text: hint }));
    el.hidden = false;
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const r = el.getBoundingClientRect();
    const left = Math.max(4, Math.min(x + 14, vw - r.width - 4));
    const top = y + 16 + r.height > vh ? Math.max(4, y - r.height - 10) : y + 16;
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
  }

  hide(): void {
    this.element.hidden = true;
  }

  get visible(): boolean {
    return !this.element.hidden;
  }

  get text(): string {
    return this.element.hidden ? '' : (this.element.textContent ?? '');
  }
}

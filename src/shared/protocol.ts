/**
 * Messages between the extension and the swimlane preview webview, both
 * directions. Every message names the document it is about (`uri`, as a
 * string) and the document `version` it was computed from, so either side can
 * drop what is out of date.
 *
 * Questions with an answer (the webview asking for a step's diagnostics, the
 * extension asking for an export) are requests of `./rpc`: the tables
 * `ExtensionRequests` and `WebviewRequests` list them with their parameters
 * and results; the rest are one-way messages.
 *
 * This module is shared by the extension (Node) and the webview (browser
 * bundle): types and pure functions only.
 */
import { isRequestMessage, isResponseMessage, type Guards, type RequestOf, type ResponseMessage } from './rpc';

export { PREVIEW_VIEW_TYPE } from './preview-view-type';

export type DiagSeverity = 'error' | 'warning' | 'info';
export type ConflictLevel = 'error' | 'warning';
export type StepKind = 'start' | 'task' | 'decision' | 'end';
export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
/**
 * What the picture shows: `written` the file as written, every step drawn
 * (what live requirements add and remove marked; the default); `today` the
 * flow before the requirements (core/review/today.ts: the steps they add left
 * out, the review pack's "today" picture); `after` the flow as the live
 * requirements would leave it (core/review/after.ts); `diff` the changes since
 * another version (the "BizFlow: Compare with…" command, core/review/diff-view.ts).
 */
export type PreviewMode = 'written' | 'today' | 'after' | 'diff';
/** The modes a panel may be in without a diff loaded (kept across a reload). */
export const isPlainMode = (m: unknown): m is 'written' | 'today' | 'after' => m === 'written' || m === 'today' || m === 'after';
/**
 * Where the older version of a diff comes from, to read it again after a
 * window reload: a git revision of a path (relative to the repository's root,
 * `/`-separated: `REV:PATH`), or a file's URI.
 */
export type DiffSource = { kind: 'git'; revision: string; path: string } | { kind: 'file'; uri: string };
/** A diff loaded in a preview, as kept across a reload: its source and its name (not the old text). */
export interface PersistedDiff {
  source: DiffSource;
  label: string;
}

/** How a step changes in the `after` / `diff` view (drawn as overlays: src/shared/preview-overlays.ts). */
export type StepChangeKind = 'added' | 'removed' | 'changed' | 'contested';

/** What every message carries. */
export interface DocStamp {
  /** The document URI (`vscode.Uri.toString()`). */
  uri: string;
  /** The document version the payload was computed from (-1 when unknown). */
  version: number;
}

/**
 * A diagnostic as the preview shows it when hovering a step. Not part of the
 * render message: the webview asks for a step's list when it is hovered
 * (the `getStepDetails` request), so each update carries only what the drawing needs.
 */
export interface PreviewDiagnostic {
  code: string;
  severity: DiagSeverity;
  message: string;
  /** 1-based line and column of the diagnostic's start. */
  line: number;
  column: number;
}

export interface PreviewStep {
  id: string;
  /** The label as drawn (name, or id when there is no name). */
  label: string;
  kind: StepKind;
  /** Role id of the step's lane (absent when it sits in no lane). */
  role?: string;
  /** The Mermaid node id of this step in `mermaid`. */
  nodeId: string;
  /** Highest level of the conflict diagnostics that touch this step. */
  conflict?: ConflictLevel;
  /** Number of distinct conflicts that touch this step (the badge). */
  conflictCount: number;
  /**
   * How many diagnostics are about this step (absent when none). Their texts
   * are fetched when the step is hovered (the `getStepDetails` request).
   */
  diagnosticCount?: number;
  /**
   * Problems drawn on this step (a step with an unknown role, a dead end, an
   * unreachable step, …: `PROBLEM_CODES` of src/shared/preview-overlays.ts):
   * the highest level and how many (absent when none).
   */
  problem?: { level: ConflictLevel; count: number };
  /**
   * Conflicts on this step that are decided (`overrides` + `decidedBy`):
   * drawn as decided, not as open conflicts (absent when none).
   */
  decided?: number;
  /**
   * In the `after` and `diff` views: how the step changes (absent when it
   * does not), and what changed (attribute names after the requirements; the
   * fields that differ between the versions).
   */
  change?: { kind: StepChangeKind; fields?: string[] };
  /**
   * The decided conflicts on this step in words, in the preview's language,
   * for its tooltip: "REQ-002 overridden by REQ-001, decided by 总监" (absent
   * when none).
   */
  decisions?: string[];
}

export interface PreviewLane {
  roleId: string;
  /** The Mermaid subgraph id of this lane in `mermaid`. */
  laneId: string;
  label: string;
  /** True when a step of this lane is in a conflict. */
  conflict: boolean;
  /** The band of the steps with no role or an unknown one (`roleId` is then ''). */
  unassigned?: boolean;
}

export interface PreviewRole {
  id: string;
  label: string;
}

/** A problem the preview shows in its banner (e.g. a YAML syntax error). */
export interface PreviewProblem {
  message: string;
  /** 1-based. */
  line: number;
  column: number;
}

/** Why the diagram is not drawn. */
export interface TooLarge {
  /** Length of the Mermaid text, and the limit it went over (if that was the reason). */
  textLength: number;
  maxTextLength: number;
  edges: number;
  maxEdges: number;
  nodes: number;
  maxNodes: number;
}

/** Everything the webview needs to draw one state of the diagram. */
export interface RenderModel {
  /** Process name (or file name), for the header. */
  title: string;
  /** Mermaid flowchart text (toMermaid: one band per role); empty when `tooLarge` is set. */
  mermaid: string;
  /** Steps drawn (only those in `mermaid`). */
  steps: PreviewStep[];
  /** Lanes drawn. */
  lanes: PreviewLane[];
  /** Every role of the file, for the role selector. */
  roles: PreviewRole[];
  /** The role view shown, if any (a role id). */
  role?: string;
  /** The "only lanes involved in conflicts" filter is on. */
  onlyConflictLanes: boolean;
  /** Distinct conflicts of the whole file by level (the toolbar badge; src/core/conflict-count.ts). */
  conflictCounts: { error: number; warning: number };
  /** Decided conflicts of the whole file (pairs of live requirements where one `overrides` the other). */
  decidedCount?: number;
  /** YAML syntax errors: when present the webview keeps its last good diagram and shows them. */
  problems: PreviewProblem[];
  /** Short notes for the banner (e.g. "no conflicts: showing all lanes"). */
  notices: string[];
  /** Set when the diagram is too large to draw. */
  tooLarge?: TooLarge;
  /** What the picture shows (absent: `written`). */
  mode?: PreviewMode;
  /** A diff is loaded (the toolbar offers the `diff` view): the other version's name. */
  diffWith?: string;
  /** In the `after` view with a role selected: what changes for that role, in words (one line each). */
  roleChanges?: string[];
}

/**
 * What the webview tells the extension after each render (`RenderedMessage`):
 * enough to wait for a drawing (export). What the SVG holds in detail is for the tests, which ask for it
 * (`InspectionReport`, the `inspect` request).
 */
export interface RenderOutcome {
  /** ok: diagram shown; kept: syntax error, previous diagram kept; tooLarge / error: nothing drawn; empty: no steps. */
  status: 'ok' | 'kept' | 'tooLarge' | 'error' | 'empty';
  /** The extension's render sequence number this answers. */
  seq: number;
  /** Why nothing is drawn (the Mermaid error, or the banner's text), for an export's error message. */
  error?: string;
}

/**
 * What the webview shows right now, read from its SVG and chrome: the answer
 * to an `inspect` request, which only tests and benchmarks send.
 */
export interface InspectionReport extends RenderOutcome {
  svgLaneCount: number;
  /** Step nodes in the SVG (placeholders of empty lanes are not counted). */
  nodeCount: number;
  edgeCount: number;
  laneLabels: string[];
  /** Step id → the label text as drawn in the SVG. */
  nodeLabels: Record<string, string>;
  /** Step ids whose SVG node carries the conflict classes. */
  conflictNodeIds: { error: string[]; warning: string[] };
  /** Step id → the number in its badge. */
  badges: Record<string, number>;
  /** Steps highlighted for the editor's cursor, the primary one, and highlighted lanes (role ids). */
  highlighted: { steps: string[]; primary?: string; lanes: string[] };
  /** Text of the banner, '' when none. */
  banner: string;
  /** The toolbar's conflict badge text. */
  conflictBadge: string;
  theme: ThemeKind;
  mermaidTheme: string;
  view: ViewTransform;
  /** Role currently selected in the role selector ('' = all roles). */
  roleSelected: string;
  /** The view the toolbar shows as selected (written, today, after, diff). */
  mode: PreviewMode;
  /** What the webview keeps for VS Code to restore the panel after a reload (`setState`). */
  persisted: PreviewState;
  /** The toolbar's view buttons as shown: their text, tooltip, pressed state; hidden ones left out. */
  modeButtons: Array<{ mode: PreviewMode; text: string; title: string; pressed: boolean }>;
  /** Step ids whose node's shape is drawn dashed (its computed `stroke-dasharray`). */
  dashedSteps: string[];
  /** Security probes: things that must stay zero / empty. */
  security: {
    scriptElements: number;
    eventHandlerAttributes: number;
    foreignObjects: number;
    cspViolations: string[];
    /** What was found, for the error message. */
    details: string[];
    /** A global the hostile test file tries to set. */
    pwned: boolean;
  };
  /** The webview's time from starting to draw to the SVG being ready (mermaid.render, every attempt, and SVG clean-up). */
  renderMs: number;
  /** Step id → the overlay classes on its node (conflict, decided, problem, highlight). */
  stepClasses: Record<string, string[]>;
  /** Step id → the problem badge's level ('error' | 'warning'). */
  problemBadges: Record<string, string>;
  /** The drawing is the last good one, shown out of date (the YAML does not parse). */
  stale: boolean;
  /** Where things are, in diagram units (SVG user space): the bands and the steps' boxes. */
  geometry: {
    lanes: Array<{ laneId: string; roleId?: string; label: string; x: number; y: number; width: number; height: number }>;
    steps: Array<{ id: string; role?: string; x: number; y: number; width: number; height: number }>;
  };
  /** The size on screen (CSS px) of the step labels' text at the current zoom. */
  labelPx: number;
  /** Where the time of the last update went in the webview (for the benchmarks). */
  timings?: RenderTimings;
}

/**
 * Milliseconds since the webview received the render message of its last
 * update (differences of the webview's `performance.now()`). Stages that did
 * not run (e.g. no new drawing) are absent.
 */
export interface RenderTimings {
  /** When the message was received, as `performance.timeOrigin + performance.now()` (wall clock, ms), to split the messaging time. */
  receivedAt: number;
  /** The render job started (after any render running before it). */
  started: number;
  /** mermaid.render called / returned (after the last attempt). */
  renderStart?: number;
  renderEnd?: number;
  /** The SVG was cleaned, decorated (classes, colours, highlight) while detached, and put in the page. */
  inserted?: number;
  /** The view (zoom / fit) was applied: its reads make the browser lay the new SVG out. */
  viewed?: number;
  /** The conflict badges were placed: the update is done. */
  decorated?: number;
  /** The outcome (`RenderedMessage`) was built, just before it is posted. */
  reported: number;
  /**
   * The first task after the browser's next frame following the outcome (its
   * style, layout and paint of the new drawing). Set after the outcome was
   * posted, so only a later inspection shows it.
   */
  painted?: number;
}

export interface ViewTransform {
  scale: number;
  x: number;
  y: number;
}

/** What the webview persists (`vscode.setState`) and the serializer restores. */
export interface PreviewState {
  uri: string;
  locked: boolean;
  role?: string;
  onlyConflictLanes?: boolean;
  view?: ViewTransform;
  /** The view shown (absent: `written`; `diff` needs `diff`). */
  mode?: PreviewMode;
  /** The diff loaded, if any: read again from its source when the panel is restored. */
  diff?: PersistedDiff;
}

/** Localised texts for the webview (filled by the extension in `bizflow.locale`, see src/extension/preview/strings.ts). */
export interface WebviewStrings {
  allRoles: string;
  role: string;
  onlyConflictLanes: string;
  zoomIn: string;
  zoomOut: string;
  fit: string;
  resetZoom: string;
  exportSvg: string;
  exportPng: string;
  copyMermaid: string;
  legend: string;
  legendStartEnd: string;
  legendTask: string;
  legendDecision: string;
  legendAdded: string;
  legendRemoved: string;
  legendConflictError: string;
  legendConflictWarning: string;
  legendDecided: string;
  legendProblemError: string;
  legendProblemWarning: string;
  legendChanged: string;
  legendContested: string;
  /** The view toggle: today, after the requirements, the diff with `{0}`, and the toggle's label. */
  modeWritten: string;
  modeWrittenTip: string;
  modeToday: string;
  modeTodayTip: string;
  modeAfterTip: string;
  modeAfter: string;
  modeDiff: string;
  modeLabel: string;
  /** Tooltip lines of a changed step. */
  changeAdded: string;
  changeRemoved: string;
  changeChanged: string;
  changeContested: string;
  conflictError: string;
  conflictErrors: string;
  conflictWarning: string;
  conflictWarnings: string;
  decidedConflict: string;
  decidedConflicts: string;
  noConflicts: string;
  conflictsOutOfDate: string;
  syntaxError: string;
  keptDiagram: string;
  outOfDate: string;
  tooLarge: string;
  renderFailed: string;
  showRoleView: string;
  rendering: string;
  empty: string;
  locked: string;
  clickToOpen: string;
}

/** Data the webview starts with (embedded in its HTML). */
export interface WebviewInit {
  state: PreviewState;
  strings: WebviewStrings;
}

// ---------------------------------------------------------------------------
// requests (see ./rpc)

/** Names one render message of the panel (`RenderMessage.seq`): what the webview's questions are about. */
export interface RenderRef extends DocStamp {
  seq: number;
}

/** What the webview asks the extension. */
export type ExtensionRequests = {
  /** A step of render `seq` is hovered: its diagnostics (empty when the render is no longer known). */
  getStepDetails: { params: RenderRef & { stepId: string }; result: { diagnostics: PreviewDiagnostic[] } };
};

/** What the extension asks the webview. */
export type WebviewRequests = {
  /**
   * The diagram as SVG text or PNG bytes (base64); `scale` is the PNG pixel
   * ratio. With the process name as a title and a legend, on a light
   * background unless `keepThemeColors` (`bizflow.export.keepThemeColors`).
   */
  export: { params: { format: 'svg' | 'png'; scale: number; keepThemeColors?: boolean }; result: { data: string } };
  /** Tests and benchmarks only: what the webview shows right now. */
  inspect: { params: Record<string, never>; result: InspectionReport };
  /** Tests only: a click or hover on a step's node, as a user would make it (`tooltip`: the hover's text). */
  simulate: { params: { gesture: 'click' | 'hover'; stepId: string }; result: { ok: boolean; tooltip?: string } };
};

export type ExtensionRequest = RequestOf<ExtensionRequests>;
export type WebviewRequest = RequestOf<WebviewRequests>;

// ---------------------------------------------------------------------------
// extension → webview

export interface RenderMessage extends DocStamp {
  type: 'render';
  /** Increases with every render request of this panel. */
  seq: number;
  model: RenderModel;
  /** Fit the diagram to the view (new file, new role view); otherwise zoom and pan are kept. */
  fit: boolean;
  locked: boolean;
  /** The diff loaded for this document (kept with the panel's state, read again after a reload). */
  diff?: PersistedDiff;
}

export interface HighlightMessage extends DocStamp {
  type: 'highlight';
  steps: string[];
  /** The step the cursor is on, drawn stronger than the others. */
  primary?: string;
  lanes: string[];
}

export interface LockMessage extends DocStamp {
  type: 'lock';
  locked: boolean;
}

export interface ViewCommand extends DocStamp {
  type: 'view';
  action: 'zoomIn' | 'zoomOut' | 'fit' | 'reset';
}

export type ToWebview = RenderMessage | HighlightMessage | LockMessage | ViewCommand | WebviewRequest | ResponseMessage;

// ---------------------------------------------------------------------------
// webview → extension

export interface ReadyMessage extends DocStamp {
  type: 'ready';
}

export interface RenderedMessage extends DocStamp {
  type: 'rendered';
  outcome: RenderOutcome;
}

export interface OpenStepMessage extends DocStamp {
  type: 'openStep';
  stepId: string;
}

export interface SetRoleMessage extends DocStamp {
  type: 'setRole';
  /** Role id, or undefined for all roles. */
  role?: string;
}

export interface SetModeMessage extends DocStamp {
  type: 'setMode';
  mode: PreviewMode;
}

export interface SetOnlyConflictLanesMessage extends DocStamp {
  type: 'setOnlyConflictLanes';
  value: boolean;
}

export interface RunCommandMessage extends DocStamp {
  type: 'runCommand';
  command: 'exportSvg' | 'exportPng' | 'copyMermaid' | 'toggleLock' | 'showProblems';
}

export type FromWebview =
  | ReadyMessage
  | RenderedMessage
  | OpenStepMessage
  | SetRoleMessage
  | SetModeMessage
  | SetOnlyConflictLanesMessage
  | RunCommandMessage
  | ExtensionRequest
  | ResponseMessage;

const RUN_COMMANDS: ReadonlySet<string> = new Set(['exportSvg', 'exportPng', 'copyMermaid', 'toggleLock', 'showProblems']);
const RENDER_STATUSES: ReadonlySet<string> = new Set(['ok', 'kept', 'tooLarge', 'error', 'empty']);

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function isStepId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length < 1000;
}

function isStamp(v: Record<string, unknown>): boolean {
  return typeof v.uri === 'string' && typeof v.version === 'number' && Number.isFinite(v.version);
}

function isRenderRef(v: unknown): v is RenderRef {
  return isObj(v) && isStamp(v) && isCount(v.seq);
}

/** The parameters the extension accepts with each request of the webview (anything else is rejected). */
export const EXTENSION_REQUEST_PARAMS: Required<Guards<ExtensionRequests, 'params'>> = {
  getStepDetails: (v): v is ExtensionRequests['getStepDetails']['params'] => isRenderRef(v) && isStepId((v as unknown as Record<string, unknown>).stepId),
};

/** The results the extension accepts from the webview. */
export const WEBVIEW_REQUEST_RESULTS: Required<Guards<WebviewRequests, 'result'>> = {
  export: (v): v is { data: string } => isObj(v) && typeof v.data === 'string',
  inspect: (v): v is InspectionReport => isObj(v) && isCount(v.seq) && typeof v.status === 'string',
  simulate: (v): v is { ok: boolean; tooltip?: string } => isObj(v) && typeof v.ok === 'boolean' && (v.tooltip === undefined || typeof v.tooltip === 'string'),
};

/** The parameters the webview accepts with each request of the extension. */
export const WEBVIEW_REQUEST_PARAMS: Required<Guards<WebviewRequests, 'params'>> = {
  export: (v): v is { format: 'svg' | 'png'; scale: number; keepThemeColors?: boolean } =>
    isObj(v) &&
    (v.format === 'svg' || v.format === 'png') &&
    typeof v.scale === 'number' &&
    Number.isFinite(v.scale) &&
    (v.keepThemeColors === undefined || typeof v.keepThemeColors === 'boolean'),
  inspect: (v): v is Record<string, never> => isObj(v),
  simulate: (v): v is { gesture: 'click' | 'hover'; stepId: string } => isObj(v) && (v.gesture === 'click' || v.gesture === 'hover') && isStepId(v.stepId),
};

function isKnownRequest(msg: unknown, guards: Record<string, (v: unknown) => boolean>): boolean {
  if (!isRequestMessage(msg)) return false;
  const guard = Object.prototype.hasOwnProperty.call(guards, msg.method) ? guards[msg.method] : undefined;
  return !!guard && guard(msg.params);
}

/**
 * Validates a message that claims to come from the webview. Anything that
 * does not have the exact shape the extension relies on is rejected.
 */
export function isFromWebview(msg: unknown): msg is FromWebview {
  if (!isObj(msg) || typeof msg.type !== 'string') return false;
  if (msg.type === 'request') return isKnownRequest(msg, EXTENSION_REQUEST_PARAMS);
  if (msg.type === 'response') return isResponseMessage(msg);
  if (!isStamp(msg)) return false;
  switch (msg.type) {
    case 'ready':
      return true;
    case 'rendered':
      return (
        isObj(msg.outcome) &&
        isCount(msg.outcome.seq) &&
        typeof msg.outcome.status === 'string' &&
        RENDER_STATUSES.has(msg.outcome.status) &&
        (msg.outcome.error === undefined || typeof msg.outcome.error === 'string')
      );
    case 'openStep':
      return isStepId(msg.stepId);
    case 'setRole':
      return msg.role === undefined || (typeof msg.role === 'string' && msg.role.length < 1000);
    case 'setOnlyConflictLanes':
      return typeof msg.value === 'boolean';
    case 'setMode':
      return isPlainMode(msg.mode) || msg.mode === 'diff';
    case 'runCommand':
      return typeof msg.command === 'string' && RUN_COMMANDS.has(msg.command);
    default:
      return false;
  }
}

/** Validates a message that claims to come from the extension (the webview's guard). */
export function isToWebview(msg: unknown): msg is ToWebview {
  if (!isObj(msg) || typeof msg.type !== 'string') return false;
  if (msg.type === 'request') return isKnownRequest(msg, WEBVIEW_REQUEST_PARAMS);
  if (msg.type === 'response') return isResponseMessage(msg);
  if (typeof msg.uri !== 'string' || typeof msg.version !== 'number') return false;
  switch (msg.type) {
    case 'render':
      return typeof msg.seq === 'number' && isObj(msg.model) && typeof msg.model.mermaid === 'string' && Array.isArray(msg.model.steps);
    case 'highlight':
      return Array.isArray(msg.steps) && Array.isArray(msg.lanes);
    case 'lock':
      return typeof msg.locked === 'boolean';
    case 'view':
      return msg.action === 'zoomIn' || msg.action === 'zoomOut' || msg.action === 'fit' || msg.action === 'reset';
    default:
      return false;
  }
}

/** A persisted diff: a git revision and path, or a file URI, and a label (bounded strings). */
export function isPersistedDiff(v: unknown): v is PersistedDiff {
  if (!isObj(v) || !isObj(v.source)) return false;
  const str = (x: unknown) => typeof x === 'string' && x.length > 0 && x.length < 4096;
  if (!str(v.label)) return false;
  const s = v.source;
  return s.kind === 'git' ? str(s.revision) && str(s.path) : s.kind === 'file' && str(s.uri);
}

/** Validates persisted state handed to the panel serializer. */
export function isPreviewState(v: unknown): v is PreviewState {
  if (!isObj(v)) return false;
  if (typeof v.uri !== 'string' || v.uri.length === 0) return false;
  if (typeof v.locked !== 'boolean') return false;
  if (v.role !== undefined && typeof v.role !== 'string') return false;
  if (v.onlyConflictLanes !== undefined && typeof v.onlyConflictLanes !== 'boolean') return false;
  if (v.mode !== undefined && !isPlainMode(v.mode) && v.mode !== 'diff') return false;
  if (v.diff !== undefined && !isPersistedDiff(v.diff)) return false;
  if (v.view !== undefined) {
    if (!isObj(v.view)) return false;
    for (const k of ['scale', 'x', 'y'] as const) {
      if (typeof v.view[k] !== 'number' || !Number.isFinite(v.view[k] as number)) return false;
    }
  }
  return true;
}

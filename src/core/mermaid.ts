/**
 * The swimlane diagram as Mermaid flowchart text (`bizflow render`, the
 * preview). Pure and linear; never throws.
 *
 * Layout of the text:
 *
 *     ---
 *     config:
 *       layout: swimlane                   Mermaid >= 11.16 draws each subgraph as a full-length
 *     ---                                  band; older Mermaid draws subgraph boxes
 *     flowchart LR
 *       subgraph lane0["<role name> · <department>"]   one per role that has steps, in declaration order
 *         n0(["<start name>"])             start/end: stadium; task: box; decision: diamond
 *       end
 *       subgraph unassigned["unassigned"]  steps with no role, or an unknown one (last band;
 *         n6(["<end name>"])               "未分配" in Chinese)
 *       end
 *       n0 --> n1
 *       n1 -->|"<branch label>"| n2         decision branches are labelled
 *       n2 -.-> n3                          edges touching a removed step are dotted
 *       classDef added …                    only the classes that are used
 *       class n3 added
 *
 * A role with no step gets no band, except in its own role view, where its
 * band holds an invisible placeholder (class `emptyLane`; Mermaid draws an
 * empty subgraph as a plain node).
 *
 * With `lanes: false` (deprecated: the old preview's fallback for diagrams
 * dagre could not draw; BizFlow's own swimlane layout draws every size) there
 * is no front matter and no `subgraph`: every step is written at the top level,
 * in document order, with the same node id, shape and classes, and a step in a
 * lane shows its role under its name: `n1["<step name><br>#40;<role name>#41;"]`.
 *
 * Safety. Nothing from the file is ever used as Mermaid syntax:
 * - node ids are generated from the step's index (`n0`, `n1`, …) and lane ids
 *   from the role's index (`lane0`, …, and `unassigned`), so ids such as `end`, `graph`,
 *   `subgraph`, `style`, `class`, `click` never reach the text;
 * - every label is written inside double quotes and every character that
 *   means something to Mermaid (or to its pre-processing, or to HTML) is
 *   replaced by a Mermaid entity code (`#quot;`, `#35;`, `#37;`, `#lt;`, …),
 *   which Mermaid turns into an HTML character reference after parsing, so
 *   it renders as plain text. See `escapeMermaidLabel`. The only markup ever
 *   written is the `<br>` between a step's name and its role without lanes
 *   (a label's own `<` is always an entity code). This needs Mermaid's
 *   HTML labels (`htmlLabels: true`, its default): with SVG text labels
 *   Mermaid would show the codes themselves.
 *
 * Rendering: Mermaid limits the text size (50,000) and edges (500) by default;
 * large processes need `maxTextSize` / `maxEdges` raised.
 */
import { pick } from './i18n';
import type { Model, Step } from './model';
import type { Diagnostic, Locale } from './types';

export interface MermaidOptions {
  /** Show one role's view: its lane in full and the directly neighbouring steps of other lanes. */
  role?: string;
  /** Flow direction; default `LR`. */
  direction?: 'LR' | 'TB';
  /** Language of the texts BizFlow adds (the "unassigned" band); default `en`. */
  locale?: Locale;
  /** Step ids to mark with the `highlight` class (e.g. the steps of the selected diagnostic). */
  highlight?: string[];
  /**
   * `false`: draw no lane (`subgraph`) at all. Every step keeps its node id,
   * shape, label and classes; a step in a lane gets its role's name as a
   * second label line, `(<role name>)`. This is the fallback for diagrams
   * Mermaid's layout cannot draw with lanes (see `renderWithLaneFallback` in
   * src/shared/preview-mermaid.ts). Default `true`.
   */
  lanes?: boolean;
  /**
   * The steps to draw as added (class `added`), removed (class `removed`,
   * its edges dotted) and changed (class `changed`), instead of what the live
   * requirements `adds` and `removes`: the "after the requirements" picture
   * (core/review/after.ts) and a diff between two versions (core/review/diff-view.ts).
   */
  changes?: { added: readonly string[]; removed: readonly string[]; changed?: readonly string[] };
}

export interface MermaidResult {
  text: string;
  /** Step id → Mermaid node id, for every step drawn. */
  nodeIds: Map<string, string>;
  /** Role id → Mermaid subgraph id, for every lane drawn. */
  laneIds: Map<string, string>;
  /** Id of the band of steps with no or an unknown role (`unassigned`), when drawn. */
  unassignedLane?: string;
  /** Problems worth telling the user (e.g. an unknown `role`). */
  warnings?: string[];
}

/** Classes the diagram may use, in the order their `classDef`s are written (later ones win in CSS). */
export const MERMAID_CLASSES = ['added', 'removed', 'changed', 'conflict', 'conflictWarning', 'conflictError', 'highlight'] as const;
export type MermaidClass = (typeof MERMAID_CLASSES)[number];

/** Styles of each class. Values must not contain `;` (Mermaid's entity pre-pass looks for `classDef…:…#…;`). */
export const MERMAID_CLASS_DEFS: Record<MermaidClass, string> = {
  added: 'fill:#e6f7ea,stroke:#1a7f37,stroke-width:2px',
  removed: 'fill:#f4f4f4,stroke:#6e7781,stroke-width:2px,stroke-dasharray:6 4,color:#6e7781',
  changed: 'fill:#ddf4ff,stroke:#0969da,stroke-width:2px',
  conflict: 'stroke-width:3px',
  conflictWarning: 'fill:#fff3cd,stroke:#bf8700',
  conflictError: 'fill:#ffe0e0,stroke:#cf222e',
  highlight: 'stroke:#0969da,stroke-width:4px',
};

/** Subgraph id of the band of steps with no role or an unknown one. */
export const UNASSIGNED_LANE = 'unassigned';

/** Front matter that asks Mermaid (>= 11.16) for its swimlane layout; older versions ignore it and draw subgraph boxes. */
export const SWIMLANE_FRONT_MATTER = '---\nconfig:\n  layout: swimlane\n---\n';

/** Class of the invisible placeholder node (`empty<k>`) that keeps an empty lane a lane. */
export const EMPTY_LANE_CLASS = 'emptyLane';
const EMPTY_LANE_DEF = 'fill:none,stroke:none,color:transparent';

const ENTITIES: Record<string, string | undefined> = {
  '"': '#quot;',
  "'": '#39;',
  '#': '#35;',
  '%': '#37;',
  '&': '#38;',
  '<': '#lt;',
  '>': '#gt;',
  '|': '#124;',
  '[': '#91;',
  ']': '#93;',
  '(': '#40;',
  ')': '#41;',
  '{': '#123;',
  '}': '#125;',
  ';': '#59;',
  ':': '#58;',
  $: '#36;',
  '`': '#96;',
  '\\': '#92;',
  // Words Mermaid looks for anywhere in the text, before or outside its string syntax:
  // the flowchart lexer takes any line containing `direction TB` (BT, RL, LR, TD) for a
  // direction statement, and the C4 detector claims any text containing `C4Container` etc.
  direction: '#100;irection',
  C4: 'C#52;',
};

// One pass: special characters, the words above, runs of control characters / line
// breaks, lone surrogates, and Mermaid's own entity placeholders (see escapeMatch).
const ESCAPE_RE =
  /["'#%&<>|[\](){};:$`\\]|direction|C4(?=Container|Component|Dynamic|Deployment)|[\u0000-\u001F\u007F-\u009F\u2028\u2029]+|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFB02(?=\u00B0)|\u00B6(?=\u00DF)/g;

function escapeMatch(m: string): string {
  const e = ENTITIES[m];
  if (e !== undefined) return e;
  const c = m.charCodeAt(0);
  // Mermaid stores entity codes as "ﬂ°…¶ß" while it works and turns those sequences
  // back into "&…;" in the finished SVG, even where they were the user's own text:
  // a word joiner (invisible) keeps the user's "ﬂ°" / "¶ß" apart.
  if (c === 0xfb02 || c === 0xb6) return m + '\u2060';
  if (c >= 0xd800 && c <= 0xdfff) return '\uFFFD';
  return ' '; // control characters and line breaks
}

/**
 * Escapes text for use inside a double-quoted Mermaid label. The result
 * contains no `"`, no bracket, brace, pipe, `;`, `:`, `%`, `#` (other than
 * the entity codes themselves), `<`, `>`, `&`, backtick, backslash or line
 * break, so it can neither end the string, nor form a directive, comment,
 * markdown string or HTML tag.
 */
export function escapeMermaidLabel(text: string): string {
  return text.replace(ESCAPE_RE, escapeMatch);
}

/**
 * The text a label shows once rendered, i.e. what `escapeMermaidLabel` encodes:
 * the same text, except that runs of line breaks / control characters become
 * one space, a lone surrogate becomes U+FFFD and a word joiner follows a "ﬂ"
 * before "°" or a "¶" before "ß".
 */
export function mermaidLabelText(text: string): string {
  return text.replace(ESCAPE_RE, (m) => (ENTITIES[m] !== undefined ? m : escapeMatch(m)));
}

/** The label of an item: its name, or its id when the name is missing or blank. */
function labelOf(name: string | undefined, id: string): string {
  return name !== undefined && name.trim() !== '' ? name : id;
}

function quoted(text: string): string {
  const t = escapeMermaidLabel(text);
  // Mermaid rejects an empty string ("") but accepts a blank one.
  return '"' + (t === '' ? ' ' : t) + '"';
}

/** A lane's label: the role's name (or id), then its department where set. */
function laneLabel(name: string | undefined, id: string, department: string | undefined): string {
  const label = labelOf(name, id);
  return department !== undefined && department.trim() !== '' ? label + ' · ' + department : label;
}

/** A two-line label: the step's name, then its lane's name in parentheses (both escaped; the `<br>` is ours). */
function quotedWithLane(text: string, lane: string): string {
  const t = escapeMermaidLabel(text);
  return '"' + (t.trim() === '' ? ' ' : t) + '<br>' + escapeMermaidLabel('(' + lane + ')') + '"';
}

function shape(step: Step, label: string): string {
  switch (step.type) {
    case 'start':
    case 'end':
      return '([' + label + '])';
    case 'decision':
      return '{' + label + '}';
    default:
      return '[' + label + ']';
  }
}

/** Builds the Mermaid flowchart of a model. Never throws. */
export function toMermaid(model: Model, diagnostics: readonly Diagnostic[] = [], options: MermaidOptions = {}): MermaidResult {
  try {
    return build(model, diagnostics ?? [], options ?? {});
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      text: `${options?.lanes === false ? '' : SWIMLANE_FRONT_MATTER}flowchart ${options?.direction === 'TB' ? 'TB' : 'LR'}\n`,
      nodeIds: new Map(),
      laneIds: new Map(),
      warnings: [`The diagram could not be drawn (${detail}).`],
    };
  }
}

function build(model: Model, diagnostics: readonly Diagnostic[], options: MermaidOptions): MermaidResult {
  const steps = model.steps.list;
  const roles = model.roles.list;
  const stepIndex = model.steps.byId;
  const warnings: string[] = [];
  const n = steps.length;

  // --- lane of each step (index into roles, -1 for none) ---
  const roleIndex = new Map<string, number>();
  for (let r = 0; r < roles.length; r++) roleIndex.set(roles[r].id, r);
  const laneOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const rid = steps[i].role?.id;
    const r = rid === undefined ? undefined : roleIndex.get(rid);
    laneOf[i] = r === undefined ? -1 : r;
  }

  // --- which steps and lanes are visible ---
  const visible = new Uint8Array(n);
  let focus = -1; // role index of the role view
  if (options.role !== undefined) {
    const r = roleIndex.get(options.role);
    if (r === undefined) {
      warnings.push(`Unknown role "${options.role}": showing the whole process.`);
    } else {
      focus = r;
    }
  }
  if (focus < 0) {
    visible.fill(1);
  } else {
    for (let i = 0; i < n; i++) {
      if (laneOf[i] !== focus) continue;
      visible[i] = 1;
      for (const e of steps[i].next) {
        const t = stepIndex.get(e.target.id);
        if (t) visible[t.index] = 1;
      }
    }
    for (let i = 0; i < n; i++) {
      if (laneOf[i] === focus) continue;
      for (const e of steps[i].next) {
        const t = stepIndex.get(e.target.id);
        if (t && laneOf[t.index] === focus) {
          visible[i] = 1;
          break;
        }
      }
    }
  }

  // --- classes ---
  const added = new Uint8Array(n);
  const removed = new Uint8Array(n);
  const changed = new Uint8Array(n);
  if (options.changes) {
    for (const id of options.changes.changed ?? []) {
      const s = stepIndex.get(id);
      if (s) changed[s.index] = 1;
    }
    for (const id of options.changes.added) {
      const s = stepIndex.get(id);
      if (s) added[s.index] = 1;
    }
    for (const id of options.changes.removed) {
      const s = stepIndex.get(id);
      if (s) removed[s.index] = 1;
    }
  }
  for (const req of options.changes ? [] : model.requirements.list) {
    if (!req.live) continue;
    for (const ref of req.adds) {
      const s = stepIndex.get(ref.id);
      if (s) added[s.index] = 1;
    }
    for (const ref of req.removes) {
      const s = stepIndex.get(ref.id);
      if (s) removed[s.index] = 1;
    }
  }
  // 0 none, 1 warning (or info), 2 error
  const conflict = new Uint8Array(n);
  for (const d of diagnostics) {
    if (!d || typeof d.code !== 'string' || !d.code.startsWith('conflict/')) continue;
    const ids = d.data?.steps;
    if (!Array.isArray(ids)) continue;
    const level = d.severity === 'error' ? 2 : 1;
    for (const id of ids) {
      if (typeof id !== 'string') continue;
      const s = stepIndex.get(id);
      if (s && conflict[s.index] < level) conflict[s.index] = level;
    }
  }
  const highlighted = new Uint8Array(n);
  if (Array.isArray(options.highlight)) {
    for (const id of options.highlight) {
      const s = typeof id === 'string' ? stepIndex.get(id) : undefined;
      if (s) highlighted[s.index] = 1;
    }
  }

  // --- text ---
  const lanes = options.lanes !== false;
  const out: string[] = [];
  if (lanes) out.push(SWIMLANE_FRONT_MATTER.slice(0, -1));
  out.push(`flowchart ${options.direction === 'TB' ? 'TB' : 'LR'}`);
  const nodeIds = new Map<string, string>();
  const laneIds = new Map<string, string>();
  const node = (i: number) => 'n' + i;
  for (let i = 0; i < n; i++) if (visible[i]) nodeIds.set(steps[i].id, node(i));
  const nodeLine = (i: number, indent: string) => {
    const s = steps[i];
    const name = labelOf(s.name, s.id);
    const label = !lanes && laneOf[i] >= 0 ? quotedWithLane(name, labelOf(roles[laneOf[i]].name, roles[laneOf[i]].id)) : quoted(name);
    out.push(indent + node(i) + shape(s, label));
  };

  // steps of each lane, in document order
  const members: number[][] = roles.map(() => []);
  const loose: number[] = [];
  const empties: string[] = [];
  for (let i = 0; i < n; i++) {
    if (!visible[i]) continue;
    if (laneOf[i] >= 0) members[laneOf[i]].push(i);
    else loose.push(i);
  }
  if (!lanes) {
    // no subgraph: every step at the top level, in document order
    for (let i = 0; i < n; i++) if (visible[i]) nodeLine(i, '  ');
  }
  for (let r = 0; r < (lanes ? roles.length : 0); r++) {
    // a band per role that has steps (and the viewed role's own band, even empty)
    if (r !== focus && members[r].length === 0) continue;
    const role = roles[r];
    const lane = 'lane' + r;
    laneIds.set(role.id, lane);
    out.push(`  subgraph ${lane}[${quoted(laneLabel(role.name, role.id, role.department))}]`);
    for (const i of members[r]) nodeLine(i, '    ');
    if (members[r].length === 0) {
      const placeholder = 'empty' + r;
      empties.push(placeholder);
      out.push(`    ${placeholder}[" "]`);
    }
    out.push('  end');
  }
  let unassignedLane: string | undefined;
  if (lanes && loose.length) {
    unassignedLane = UNASSIGNED_LANE;
    out.push(`  subgraph ${UNASSIGNED_LANE}[${quoted(pick(options.locale ?? 'en', 'unassigned', '未分配'))}]`);
    for (const i of loose) nodeLine(i, '    ');
    out.push('  end');
  }

  for (let i = 0; i < n; i++) {
    if (!visible[i]) continue;
    for (const e of steps[i].next) {
      const t = stepIndex.get(e.target.id);
      if (!t || !visible[t.index]) continue;
      const j = t.index;
      if (focus >= 0 && laneOf[i] !== focus && laneOf[j] !== focus) continue;
      const arrow = removed[i] || removed[j] ? '-.->' : '-->';
      const label = e.label !== undefined && e.label.trim() !== '' ? `|${quoted(e.label)}|` : '';
      out.push(`  ${node(i)} ${arrow}${label} ${node(j)}`);
    }
  }

  const classMembers: Record<MermaidClass, string[]> = {
    added: [],
    removed: [],
    changed: [],
    conflict: [],
    conflictWarning: [],
    conflictError: [],
    highlight: [],
  };
  for (let i = 0; i < n; i++) {
    if (!visible[i]) continue;
    const id = node(i);
    if (added[i]) classMembers.added.push(id);
    if (removed[i]) classMembers.removed.push(id);
    if (changed[i]) classMembers.changed.push(id);
    if (conflict[i]) {
      classMembers.conflict.push(id);
      (conflict[i] === 2 ? classMembers.conflictError : classMembers.conflictWarning).push(id);
    }
    if (highlighted[i]) classMembers.highlight.push(id);
  }
  for (const c of MERMAID_CLASSES) {
    if (classMembers[c].length) out.push(`  classDef ${c} ${MERMAID_CLASS_DEFS[c]}`);
  }
  if (empties.length) out.push(`  classDef ${EMPTY_LANE_CLASS} ${EMPTY_LANE_DEF}`);
  for (const c of MERMAID_CLASSES) {
    if (classMembers[c].length) out.push(`  class ${classMembers[c].join(',')} ${c}`);
  }
  if (empties.length) out.push(`  class ${empties.join(',')} ${EMPTY_LANE_CLASS}`);

  const result: MermaidResult = { text: out.join('\n') + '\n', nodeIds, laneIds };
  if (unassignedLane) result.unassignedLane = unassignedLane;
  if (warnings.length) result.warnings = warnings;
  return result;
}

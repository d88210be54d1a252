/**
 * The colours and the Mermaid configuration of BizFlow's swimlane pictures,
 * and what frames an exported picture (the process name as a title, a
 * legend, a background). Defined once: the preview (src/webview), its SVG /
 * PNG exports and `bizflow render --format svg` (src/node/mermaid-render.ts)
 * use the same, so an export looks like the preview.
 *
 * Pure (strings only: no DOM, no Node).
 */
import type { WebviewStrings } from './protocol';

/** Colours of the diagram and of its states (conflict, decided, added, removed, problems). */
export interface Palette {
  background: string;
  text: string;
  node: string;
  nodeBorder: string;
  line: string;
  lane: string;
  laneBorder: string;
  /** Band title stripe. */
  laneTitle: string;
  error: string;
  errorFill: string;
  warning: string;
  warningFill: string;
  decided: string;
  decidedFill: string;
  added: string;
  addedFill: string;
  removed: string;
  removedFill: string;
  /** A step changed (an attribute after the requirements, or a step changed between two versions). */
  changed: string;
  changedFill: string;
  badgeText: string;
}

export type PaletteKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/** The fixed palettes (the webview takes the editor's background for `light` / `dark` on screen). */
export const PALETTES: Readonly<Record<PaletteKind, Palette>> = {
  light: {
    background: '#ffffff',
    text: '#1f2328',
    node: '#eef3fb',
    nodeBorder: '#4f6f9f',
    line: '#57606a',
    lane: '#f6f8fa',
    laneBorder: '#c8d1da',
    laneTitle: '#e7ecf2',
    error: '#cf222e',
    errorFill: '#ffe0e0',
    warning: '#bf8700',
    warningFill: '#fff3cd',
    decided: '#8250df',
    decidedFill: '#f1eafe',
    added: '#1a7f37',
    addedFill: '#e6f7ea',
    removed: '#6e7781',
    removedFill: '#f4f4f4',
    changed: '#0969da',
    changedFill: '#ddf4ff',
    badgeText: '#ffffff',
  },
  dark: {
    background: '#1e1e1e',
    text: '#e6edf3',
    node: '#1f2d3d',
    nodeBorder: '#6ca0dc',
    line: '#a0a8b0',
    lane: '#252a31',
    laneBorder: '#4a525c',
    laneTitle: '#2f353d',
    error: '#f14c4c',
    errorFill: '#5a1d1d',
    warning: '#cca700',
    warningFill: '#4d3b00',
    decided: '#b392f0',
    decidedFill: '#33274d',
    added: '#3fb950',
    addedFill: '#173a24',
    removed: '#8b949e',
    removedFill: '#2d2d2d',
    changed: '#58a6ff',
    changedFill: '#0c2d4b',
    badgeText: '#ffffff',
  },
  'high-contrast': {
    background: '#000000',
    text: '#ffffff',
    node: '#000000',
    nodeBorder: '#ffffff',
    line: '#ffffff',
    lane: '#000000',
    laneBorder: '#6fc3df',
    laneTitle: '#0b2530',
    error: '#ff6b6b',
    errorFill: '#3b0000',
    warning: '#ffd700',
    warningFill: '#332b00',
    decided: '#d2a8ff',
    decidedFill: '#24143d',
    added: '#3fff6f',
    addedFill: '#002b0f',
    removed: '#c0c0c0',
    removedFill: '#000000',
    changed: '#6fc3df',
    changedFill: '#00202b',
    badgeText: '#000000',
  },
  'high-contrast-light': {
    background: '#ffffff',
    text: '#000000',
    node: '#ffffff',
    nodeBorder: '#000000',
    line: '#000000',
    lane: '#ffffff',
    laneBorder: '#0f4a85',
    laneTitle: '#e8eef5',
    error: '#b5200d',
    errorFill: '#ffe8e6',
    warning: '#7a5200',
    warningFill: '#fff4cc',
    decided: '#5a2ca0',
    decidedFill: '#efe6fb',
    added: '#006b2d',
    addedFill: '#e6f7ea',
    removed: '#444444',
    removedFill: '#f0f0f0',
    changed: '#0f4a85',
    changedFill: '#e6f1fb',
    badgeText: '#ffffff',
  },
};

/** Size of the step labels' text (px at 100 %): the preview's first zoom keeps it ≥ 10 px on screen. */
export const LABEL_FONT_PX = 14;

export const CJK_FONTS = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

/**
 * CSS added inside the SVG (Mermaid scopes it under the diagram's id, so it
 * travels with an exported SVG): band titles, badges.
 */
export function themeCss(p: Palette): string {
  return [
    `.node.removed text, .node.removed tspan{fill:${p.removed}!important}`,
    `.cluster-label text, .cluster-label tspan, .cluster-label span, .cluster-label p{font-weight:600}`,
    // badges sit inside the node's group: win over the node's class styles
    `.node .bf-badge circle{stroke:${p.background}!important;stroke-width:1.5px!important;stroke-dasharray:none!important}`,
    `.node .bf-badge.error circle{fill:${p.error}!important}`,
    `.node .bf-badge.warning circle{fill:${p.warning}!important}`,
    `.node .bf-badge text{fill:${p.badgeText}!important;stroke:none!important;font-size:11px;font-weight:700}`,
    // the "after the requirements" and diff views (overlay classes of src/shared/preview-overlays.ts)
    `.node.bf-removed text, .node.bf-removed tspan, .node.bf-removed span, .node.bf-removed p{color:${p.removed}!important;fill:${p.removed}!important}`,
    `.node .bf-badge.added circle{fill:${p.added}!important}`,
    `.node .bf-badge.removed circle{fill:${p.removed}!important}`,
    `.node .bf-badge.changed circle{fill:${p.changed}!important}`,
    `.node .bf-badge.contested circle{fill:${p.warning}!important}`,
  ].join('\n');
}

/** Mermaid's configuration for a palette (the same for the preview, its exports and the CLI). */
export function mermaidConfigFor(p: Palette, dark: boolean, fontFamily: string): Record<string, unknown> {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    // the 300-step / 20-lane process needs more than the defaults (50 000 characters, 500 edges)
    maxTextSize: 1_000_000,
    maxEdges: 5_000,
    suppressErrorRendering: true,
    // HTML labels: Mermaid decodes the entity codes toMermaid escapes names with, after sanitising (DOMPurify)
    htmlLabels: true,
    fontFamily,
    theme: 'base',
    darkMode: dark,
    themeVariables: {
      darkMode: dark,
      background: p.background,
      fontFamily,
      fontSize: `${LABEL_FONT_PX}px`,
      primaryColor: p.node,
      primaryBorderColor: p.nodeBorder,
      primaryTextColor: p.text,
      secondaryColor: p.lane,
      tertiaryColor: p.lane,
      lineColor: p.line,
      textColor: p.text,
      clusterBkg: p.lane,
      clusterBorder: p.laneBorder,
      titleColor: p.text,
      edgeLabelBackground: p.background,
      nodeTextColor: p.text,
    },
    themeCSS: themeCss(p),
    flowchart: {
      htmlLabels: true,
      useMaxWidth: false,
      curve: 'basis',
      nodeSpacing: 36,
      rankSpacing: 48,
      diagramPadding: 16,
      padding: 12,
      wrappingWidth: 180,
    },
  };
}

// ---------------------------------------------------------------------------
// legend and export frame

/** The words of the legend and the title: the legend's fields of the preview's `WebviewStrings`. */
export type LegendWords = Pick<
  WebviewStrings,
  | 'legendStartEnd'
  | 'legendTask'
  | 'legendDecision'
  | 'legendAdded'
  | 'legendRemoved'
  | 'legendConflictError'
  | 'legendConflictWarning'
  | 'legendDecided'
  | 'legendProblemError'
  | 'legendProblemWarning'
  | 'legendChanged'
  | 'legendContested'
>;

export const LEGEND_WORDS = {
  en: {
    legendStartEnd: 'Start / end',
    legendTask: 'Task',
    legendDecision: 'Decision',
    legendAdded: 'Added by a requirement',
    legendRemoved: 'Removed by a requirement',
    legendConflictError: 'Conflict (error)',
    legendConflictWarning: 'Conflict (warning)',
    legendDecided: 'Conflict decided',
    legendProblemError: 'Problem (error)',
    legendProblemWarning: 'Problem (warning)',
    legendChanged: 'Changed',
    legendContested: 'Contested (requirements disagree)',
  },
  'zh-CN': {
    legendStartEnd: '开始 / 结束',
    legendTask: '任务',
    legendDecision: '判断',
    legendAdded: '需求新增',
    legendRemoved: '需求删除',
    legendConflictError: '冲突（错误）',
    legendConflictWarning: '冲突（警告）',
    legendDecided: '冲突已决定',
    legendProblemError: '问题（错误）',
    legendProblemWarning: '问题（警告）',
    legendChanged: '改变',
    legendContested: '有争议（需求相互矛盾）',
  },
} satisfies Record<string, LegendWords>;

/** A legend entry's swatch: a shape in two colours, or a badge. */
export type Swatch =
  | { shape: 'stadium' | 'rect' | 'diamond'; fill: string; stroke: string; strokeWidth: number; dash?: string }
  | { shape: 'badge'; fill: string; text: string; textColor: string };

export interface LegendItem {
  key: string;
  label: string;
  swatch: Swatch;
}

/**
 * The legend's entries, in the colours of `p`; with `changes` (the "after the
 * requirements" view, a diff between versions) also "changed" and "contested".
 */
export function legendItems(w: LegendWords, p: Palette, options: { changes?: boolean; today?: boolean } = {}): LegendItem[] {
  const shape = (s: 'stadium' | 'rect' | 'diamond', fill: string, stroke: string, strokeWidth = 1.5, dash?: string): Swatch => ({
    shape: s,
    fill,
    stroke,
    strokeWidth,
    ...(dash ? { dash } : {}),
  });
  return [
    { key: 'startEnd', label: w.legendStartEnd, swatch: shape('stadium', p.node, p.nodeBorder) },
    { key: 'task', label: w.legendTask, swatch: shape('rect', p.node, p.nodeBorder) },
    { key: 'decision', label: w.legendDecision, swatch: shape('diamond', p.node, p.nodeBorder) },
    // today (core/review/today.ts) nothing is added or removed yet
    ...(options.today
      ? []
      : [
          { key: 'added', label: w.legendAdded, swatch: shape('rect', p.addedFill, p.added, 2) },
          { key: 'removed', label: w.legendRemoved, swatch: shape('rect', p.removedFill, p.removed, 2, '4 3') },
        ]),
    ...(options.changes
      ? [
          { key: 'changed', label: w.legendChanged, swatch: shape('rect', p.changedFill, p.changed, 2) },
          { key: 'contested', label: w.legendContested, swatch: shape('rect', p.warningFill, p.warning, 2, '2 2') },
        ]
      : []),
    { key: 'conflictError', label: w.legendConflictError, swatch: shape('rect', p.errorFill, p.error, 2.5) },
    { key: 'conflictWarning', label: w.legendConflictWarning, swatch: shape('rect', p.warningFill, p.warning, 2.5) },
    { key: 'decided', label: w.legendDecided, swatch: shape('rect', p.decidedFill, p.decided, 2.5) },
    { key: 'problemError', label: w.legendProblemError, swatch: { shape: 'badge', fill: p.error, text: '!', textColor: p.badgeText } },
    { key: 'problemWarning', label: w.legendProblemWarning, swatch: { shape: 'badge', fill: p.warning, text: '!', textColor: p.badgeText } },
  ];
}

/** A swatch as SVG elements (tag and attributes) in a 30 × 18 box at (0, 0). */
export function swatchElements(s: Swatch): Array<{ tag: 'rect' | 'polygon' | 'circle' | 'text'; attrs: Record<string, string | number>; text?: string }> {
  if (s.shape === 'badge') {
    return [
      { tag: 'circle', attrs: { cx: 15, cy: 9, r: 8, fill: s.fill } },
      { tag: 'text', attrs: { x: 15, y: 9, 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': 11, 'font-weight': 700, fill: s.textColor }, text: s.text },
    ];
  }
  const common = { fill: s.fill, stroke: s.stroke, 'stroke-width': s.strokeWidth, ...(s.dash ? { 'stroke-dasharray': s.dash } : {}) };
  if (s.shape === 'diamond') return [{ tag: 'polygon', attrs: { points: '15,1 28,9 15,17 2,9', ...common } }];
  return [{ tag: 'rect', attrs: { x: 2, y: 3, width: 26, height: 12, ...(s.shape === 'stadium' ? { rx: 6, ry: 6 } : {}), ...common } }];
}

/** Escapes text for XML content and attribute values. */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function attrs(a: Record<string, string | number>): string {
  return Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
}

/** Rough width of a text in px (CJK characters count as wide). */
export function textWidth(s: string, fontPx: number): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 1 : 0.58;
  return w * fontPx;
}

export interface FrameOptions {
  /** The process name (or file name). */
  title: string;
  /** Below the title, smaller (e.g. the role view). */
  subtitle?: string;
  legend: LegendItem[];
  palette: Palette;
  fontFamily?: string;
}

const PAD = 24;
const TITLE_PX = 22;
const SUB_PX = 13;
const LEGEND_PX = 12;

/**
 * An exported picture: `svg` (Mermaid's SVG text, one root `<svg>` with a
 * `viewBox`) inside a new SVG with a background, the title above and the
 * legend below. The diagram keeps its own root (as a nested `<svg>`), so
 * Mermaid's styles, which are scoped under its id, still apply. Returns the
 * new SVG text and its size; the input unchanged when it has no root `<svg>`.
 */
export function frameSvg(svg: string, o: FrameOptions): { svg: string; width: number; height: number } {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) return { svg, width: 0, height: 0 };
  const head = open[0];
  const vb = /\bviewBox="\s*([-\d.e]+)[\s,]+([-\d.e]+)[\s,]+([-\d.e]+)[\s,]+([-\d.e]+)\s*"/.exec(head);
  const wAttr = /\bwidth="([\d.]+)(?:px)?"/.exec(head);
  const hAttr = /\bheight="([\d.]+)(?:px)?"/.exec(head);
  const dw = vb ? Number(vb[3]) : Number(wAttr?.[1] ?? 0);
  const dh = vb ? Number(vb[4]) : Number(hAttr?.[1] ?? 0);
  const font = o.fontFamily ?? `"Segoe UI", Helvetica, Arial, ${CJK_FONTS}`;
  const p = o.palette;
  // legend rows: as many items per row as fit the diagram's width (at least 480 px)
  const itemW = (it: LegendItem) => 30 + 6 + textWidth(it.label, LEGEND_PX) + 18;
  const innerW = Math.max(dw, 480);
  const rows: LegendItem[][] = [[]];
  let x = 0;
  for (const it of o.legend) {
    const w = itemW(it);
    if (x + w > innerW && rows[rows.length - 1].length) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1].push(it);
    x += w;
  }
  const titleW = textWidth(o.title, TITLE_PX);
  const width = Math.ceil(Math.max(innerW, titleW) + 2 * PAD);
  const titleH = TITLE_PX + 10 + (o.subtitle ? SUB_PX + 6 : 0);
  const legendTop = PAD + titleH + 12 + dh + 16;
  const legendH = rows.length * 24;
  const height = Math.ceil(legendTop + legendH + PAD);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" class="bf-export">`,
    `<rect class="bf-background" x="0" y="0" width="${width}" height="${height}" fill="${xmlEscape(p.background)}"/>`,
    `<text class="bf-title" x="${PAD}" y="${PAD + TITLE_PX}" font-family="${xmlEscape(font)}" font-size="${TITLE_PX}" font-weight="700" fill="${xmlEscape(p.text)}">${xmlEscape(o.title)}</text>`,
  );
  if (o.subtitle) {
    out.push(`<text class="bf-subtitle" x="${PAD}" y="${PAD + TITLE_PX + 8 + SUB_PX}" font-family="${xmlEscape(font)}" font-size="${SUB_PX}" fill="${xmlEscape(p.line)}">${xmlEscape(o.subtitle)}</text>`);
  }
  // the diagram, its root made a nested <svg> placed below the title
  let nested = head
    .replace(/\s(?:x|y|width|height)="[^"]*"/g, '')
    .replace(/\sstyle="[^"]*"/, '')
    .replace(/^<svg\b/, `<svg x="${PAD}" y="${PAD + titleH + 12}" width="${dw}" height="${dh}"`);
  if (!vb) nested = nested.replace(/>$/, ` viewBox="0 0 ${dw} ${dh}">`);
  out.push(nested + svg.slice(open.index + head.length));
  out.push(`<g class="bf-legend" font-family="${xmlEscape(font)}" font-size="${LEGEND_PX}" fill="${xmlEscape(p.text)}">`);
  rows.forEach((row, r) => {
    let lx = PAD;
    const ly = legendTop + r * 24;
    for (const it of row) {
      out.push(`<g class="bf-legend-item" transform="translate(${lx.toFixed(1)},${ly})">`);
      for (const e of swatchElements(it.swatch)) out.push(`<${e.tag}${attrs(e.attrs)}>${e.text !== undefined ? xmlEscape(e.text) : ''}</${e.tag}>`);
      out.push(`<text x="36" y="9" dominant-baseline="central">${xmlEscape(it.label)}</text></g>`);
      lx += itemW(it);
    }
  });
  out.push('</g></svg>');
  return { svg: out.join('\n'), width, height };
}

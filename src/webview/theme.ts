/** Light / dark / high-contrast: read from VS Code's body classes and CSS variables; Mermaid configured to match. */
import type { MermaidConfig } from 'mermaid';
import type { ThemeKind } from '../shared/protocol';

export function themeKind(): ThemeKind {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-dark')) return 'dark';
  return 'light';
}

const COLOR_RE = /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\))$/i;

/** A `--vscode-*` colour when it is one Mermaid's colour library can read, else the fallback. */
function cssColor(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return COLOR_RE.test(v) ? v : fallback;
}

export function fontFamily(): string {
  const base = getComputedStyle(document.body).fontFamily || 'sans-serif';
  return `${base}, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif`;
}

/** Colours of the conflict / added / removed states per theme (also used by the legend and badges). */
export interface Palette {
  background: string;
  text: string;
  node: string;
  nodeBorder: string;
  line: string;
  lane: string;
  laneBorder: string;
  error: string;
  errorFill: string;
  warning: string;
  warningFill: string;
  added: string;
  addedFill: string;
  removed: string;
  removedFill: string;
  badgeText: string;
}

export function palette(kind: ThemeKind): Palette {
  switch (kind) {
    case 'dark':
      return {
        background: cssColor('--vscode-editor-background', '#1e1e1e'),
        text: '#e6edf3',
        node: '#1f2d3d',
        nodeBorder: '#6ca0dc',
        line: '#a0a8b0',
        lane: '#252a31',
        laneBorder: '#4a525c',
        error: '#f14c4c',
        errorFill: '#5a1d1d',
        warning: '#cca700',
        warningFill: '#4d3b00',
        added: '#3fb950',
        addedFill: '#173a24',
        removed: '#8b949e',
        removedFill: '#2d2d2d',
        badgeText: '#ffffff',
      };
    case 'high-contrast':
      return {
        background: '#000000',
        text: '#ffffff',
        node: '#000000',
        nodeBorder: '#ffffff',
        line: '#ffffff',
        lane: '#000000',
        laneBorder: cssColor('--vscode-contrastBorder', '#6fc3df'),
        error: '#ff6b6b',
        errorFill: '#3b0000',
        warning: '#ffd700',
        warningFill: '#332b00',
        added: '#3fff6f',
        addedFill: '#002b0f',
        removed: '#c0c0c0',
        removedFill: '#000000',
        badgeText: '#000000',
      };
    case 'high-contrast-light':
      return {
        background: '#ffffff',
        text: '#000000',
        node: '#ffffff',
        nodeBorder: '#000000',
        line: '#000000',
        lane: '#ffffff',
        laneBorder: cssColor('--vscode-contrastBorder', '#0f4a85'),
        error: '#b5200d',
        errorFill: '#ffe8e6',
        warning: '#7a5200',
        warningFill: '#fff4cc',
        added: '#006b2d',
        addedFill: '#e6f7ea',
        removed: '#444444',
        removedFill: '#f0f0f0',
        badgeText: '#ffffff',
      };
    default:
      return {
        background: cssColor('--vscode-editor-background', '#ffffff'),
        text: '#1f2328',
        node: '#eef3fb',
        nodeBorder: '#4f6f9f',
        line: '#57606a',
        lane: '#f6f8fa',
        laneBorder: '#c8d1da',
        error: '#cf222e',
        errorFill: '#ffe0e0',
        warning: '#bf8700',
        warningFill: '#fff3cd',
        added: '#1a7f37',
        addedFill: '#e6f7ea',
        removed: '#6e7781',
        removedFill: '#f4f4f4',
        badgeText: '#ffffff',
      };
  }
}

/** Node classes of `toMermaid` whose colours follow the theme, weakest first (later ones win, as in the diagram's CSS). */
export const STATE_CLASSES = ['added', 'removed', 'conflictWarning', 'conflictError'] as const;

export function stateColors(p: Palette, cls: (typeof STATE_CLASSES)[number]): { fill: string; stroke: string } {
  switch (cls) {
    case 'added':
      return { fill: p.addedFill, stroke: p.added };
    case 'removed':
      return { fill: p.removedFill, stroke: p.removed };
    case 'conflictWarning':
      return { fill: p.warningFill, stroke: p.warning };
    default:
      return { fill: p.errorFill, stroke: p.error };
  }
}

/**
 * CSS added inside the SVG (Mermaid scopes it under the diagram's id, so it
 * travels with an exported SVG). The state colours of the nodes are set on
 * the shapes themselves (see `decorate`), as Mermaid writes `classDef`s inline.
 */
function themeCss(p: Palette): string {
  return [
    `.node.removed text, .node.removed tspan{fill:${p.removed}!important}`,
    `.cluster-label text, .cluster-label tspan, .cluster-label span, .cluster-label p{font-weight:600}`,
    // conflict badges sit inside the node's group: win over the node's class styles
    `.node .bf-badge circle{stroke:${p.background}!important;stroke-width:1.5px!important;stroke-dasharray:none!important}`,
    `.node .bf-badge.error circle{fill:${p.error}!important}`,
    `.node .bf-badge.warning circle{fill:${p.warning}!important}`,
    `.node .bf-badge text{fill:${p.badgeText}!important;stroke:none!important;font-size:11px;font-weight:700}`,
  ].join('\n');
}

export function mermaidConfig(kind: ThemeKind): { config: MermaidConfig; theme: string } {
  const p = palette(kind);
  const dark = kind === 'dark' || kind === 'high-contrast';
  const font = fontFamily();
  const config: MermaidConfig = {
    startOnLoad: false,
    securityLevel: 'strict',
    // the 300-step / 20-lane process needs more than the defaults (50 000 characters, 500 edges)
    maxTextSize: 1_000_000,
    maxEdges: 5_000,
    suppressErrorRendering: true,
    // HTML labels: Mermaid decodes the entity codes toMermaid escapes names with, after sanitising (DOMPurify)
    htmlLabels: true,
    fontFamily: font,
    theme: 'base',
    darkMode: dark,
    themeVariables: {
      darkMode: dark,
      background: p.background,
      fontFamily: font,
      fontSize: '14px',
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
  return { config, theme: `base/${kind}` };
}

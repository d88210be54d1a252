/**
 * Light / dark / high-contrast: read from VS Code's body classes and CSS
 * variables; Mermaid configured to match. The palettes and the Mermaid
 * configuration are shared with the exports and the CLI (src/shared/preview-theme.ts).
 */
import type { MermaidConfig } from 'mermaid';
import type { ThemeKind } from '../shared/protocol';
import { CJK_FONTS, mermaidConfigFor, PALETTES, type Palette } from '../shared/preview-theme';

export type { Palette } from '../shared/preview-theme';

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
  return `${base}, ${CJK_FONTS}`;
}

/**
 * The colours of `kind`; on screen (`editor`, the default) the light and dark
 * backgrounds and the high-contrast borders are the editor's own, for an
 * export (`editor: false`) the fixed ones.
 */
export function palette(kind: ThemeKind, editor = true): Palette {
  const p = { ...PALETTES[kind] };
  if (!editor) return p;
  if (kind === 'light' || kind === 'dark') p.background = cssColor('--vscode-editor-background', p.background);
  else p.laneBorder = cssColor('--vscode-contrastBorder', p.laneBorder);
  return p;
}

/** Node classes whose colours follow the theme, weakest first (later ones win, as in the diagram's CSS). */
export const STATE_CLASSES = ['added', 'removed', 'changed', 'bf-changed', 'bf-added', 'bf-removed', 'bf-decided', 'conflictWarning', 'bf-contested', 'conflictError'] as const;

/** Node classes drawn with a dashed outline (a removed step; a contested one dotted). */
export const DASHED_CLASSES: Readonly<Record<string, string>> = { removed: '6 4', 'bf-removed': '6 4', 'bf-contested': '2 3' };

export function stateColors(p: Palette, cls: (typeof STATE_CLASSES)[number]): { fill: string; stroke: string } {
  switch (cls) {
    case 'added':
    case 'bf-added':
      return { fill: p.addedFill, stroke: p.added };
    case 'removed':
    case 'bf-removed':
      return { fill: p.removedFill, stroke: p.removed };
    case 'changed':
    case 'bf-changed':
      return { fill: p.changedFill, stroke: p.changed };
    case 'bf-decided':
      return { fill: p.decidedFill, stroke: p.decided };
    case 'bf-contested':
    case 'conflictWarning':
      return { fill: p.warningFill, stroke: p.warning };
    default:
      return { fill: p.errorFill, stroke: p.error };
  }
}

export function mermaidConfig(kind: ThemeKind, editor = true): { config: MermaidConfig; theme: string } {
  const p = palette(kind, editor);
  const dark = kind === 'dark' || kind === 'high-contrast';
  return { config: mermaidConfigFor(p, dark, fontFamily()) as MermaidConfig, theme: `base/${kind}${editor ? '' : '/fixed'}` };
}

/**
 * How a page that draws swimlanes with Mermaid's IIFE bundle and
 * dist/bizflow-swimlane.js sets Mermaid up, and what it does to the SVG it
 * gets: shared by headless Chromium (src/node/mermaid-render.ts: `bizflow
 * render --format svg`, the CLI's review pack) and the editor's review-pack
 * webview (src/webview-pack), so both draw the same pictures.
 */
import { CJK_FONTS, frameSvg, LEGEND_WORDS, legendItems, mermaidConfigFor, PALETTES } from '../preview-theme';

export const MAX_TEXT_SIZE = 50_000_000;
export const MAX_EDGES = 1_000_000;

/**
 * Mermaid's configuration for the page, from a base (a theme, or BizFlow's
 * light colours): strict security, large limits, and HTML labels (Mermaid's
 * default, made explicit): only they decode the entity codes toMermaid escapes
 * names with; SVG text labels would show "#quot;" as "&quot;".
 */
export function pageMermaidConfig(base: Record<string, unknown>): Record<string, unknown> {
  return {
    ...base,
    securityLevel: 'strict',
    maxTextSize: MAX_TEXT_SIZE,
    maxEdges: MAX_EDGES,
    htmlLabels: true,
    flowchart: { ...((base.flowchart as object | undefined) ?? {}), htmlLabels: true },
  };
}

/** The base configuration with one of Mermaid's themes (`default` when none). */
export function themeBase(theme?: string): Record<string, unknown> {
  return { startOnLoad: false, securityLevel: 'strict', theme: theme ?? 'default' };
}

/**
 * The browser serialises HTML labels as HTML: U+00A0 as &nbsp;, which is not
 * an XML entity, and line breaks as <br>, an unclosed tag. Makes the SVG a
 * well-formed XML file. (A label's own text cannot hold a tag: toMermaid
 * writes < as an entity code.)
 */
export function wellFormedSvg(svg: string): string {
  return svg.replace(/&nbsp;/g, '&#160;').replace(/<br>/g, '<br/>');
}

/** The font of the pictures drawn on such a page (the exports' font, with CJK fallbacks). */
export const PICTURE_FONT = `"Segoe UI", Helvetica, Arial, ${CJK_FONTS}`;

/** BizFlow's light colours, as the preview's exports: the base configuration of a framed picture. */
export function bizflowLightBase(): Record<string, unknown> {
  return mermaidConfigFor(PALETTES.light, false, PICTURE_FONT);
}

/** How a picture is framed (`frameSvg`, as the preview's exports): without `title`, Mermaid's SVG as it is. */
export interface PictureFraming {
  title?: string;
  /** A second title line (e.g. the role view). */
  subtitle?: string;
  /** Language of the legend; default `en`. */
  locale?: 'en' | 'zh-CN';
  /** The legend also explains "changed" and "contested" (an "after the requirements" picture). */
  changes?: boolean;
  /** A "today" picture (core/review/today.ts): the legend leaves out "added" and "removed" (nothing is, yet). */
  today?: boolean;
}

/** The SVG framed as the preview's exports are: the title above, the legend below, a light background. */
export function framePicture(svg: string, f: PictureFraming): string {
  if (f.title === undefined) return svg;
  const p = PALETTES.light;
  return frameSvg(svg, {
    title: f.title,
    ...(f.subtitle !== undefined ? { subtitle: f.subtitle } : {}),
    legend: legendItems(LEGEND_WORDS[f.locale ?? 'en'], p, { changes: !!f.changes, today: !!f.today }),
    palette: p,
    fontFamily: PICTURE_FONT,
  }).svg;
}

/**
 * How a page that draws swimlanes with Mermaid's IIFE bundle and
 * dist/bizflow-swimlane.js sets Mermaid up, and what it does to the SVG it
 * gets: shared by headless Chromium (src/node/mermaid-render.ts: `bizflow
 * render --format svg`, the CLI's review pack) and the editor's review-pack
 * webview (src/webview-pack), so both draw the same pictures.
 */

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

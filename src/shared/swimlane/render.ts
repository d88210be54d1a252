/**
 * The one rendering module for swimlane diagrams (browser code): the preview,
 * the exports and `bizflow render --format svg` (src/node/mermaid-render.ts,
 * through the bundle of ./browser.ts) all draw through `renderSwimlane`.
 *
 * It registers BizFlow's layout with the Mermaid it is given (once per
 * Mermaid object), points the diagram's front matter at it and renders.
 * toMermaid writes `config: { layout: swimlane }` (Mermaid's own swimlane
 * layout, for other Mermaid hosts); here that becomes `bizflow-swimlane`,
 * unless `engine: 'mermaid'` asks for Mermaid's own layout (the benchmarks
 * compare the two).
 */
import { BIZFLOW_LAYOUT, render as renderLayout } from './mermaid-layout';

export { BIZFLOW_LAYOUT } from './mermaid-layout';

/** What this module needs of the `mermaid` object (Mermaid's default export satisfies it; `R` is its RenderResult). */
export interface MermaidApi<R extends { svg: string } = { svg: string }> {
  registerLayoutLoaders(loaders: Array<{ name: string; loader: () => Promise<unknown> }>): void;
  render(id: string, text: string, container?: unknown): Promise<R>;
}

export interface SwimlaneRenderOptions {
  /** Id of the SVG element (unique in the page). */
  id: string;
  /** `bizflow` (default): BizFlow's layered swimlane layout; `mermaid`: the layout named in the text (Mermaid's `swimlane`). */
  engine?: 'bizflow' | 'mermaid';
  /** Element Mermaid renders in (Mermaid's own scratch element when absent). */
  container?: unknown;
}

const registered = new WeakSet<object>();

/** Registers the `bizflow-swimlane` layout with this Mermaid (idempotent). */
export function registerSwimlaneLayout(mermaid: MermaidApi<{ svg: string }>): void {
  if (registered.has(mermaid)) return;
  mermaid.registerLayoutLoaders([{ name: BIZFLOW_LAYOUT, loader: async () => ({ render: renderLayout }) }]);
  registered.add(mermaid);
}

const FRONT_MATTER_LAYOUT = /^(---\r?\n(?:[^\n]*\n)*?\s*layout:\s*)swimlane(\s*\r?\n)/;

/** The text with its front matter's `layout: swimlane` replaced by BizFlow's layout (unchanged when it has none). */
export function withBizflowLayout(text: string): string {
  return text.replace(FRONT_MATTER_LAYOUT, `$1${BIZFLOW_LAYOUT}$2`);
}

/** Renders a swimlane diagram (toMermaid's text) to SVG. Rejects with Mermaid's error. */
export async function renderSwimlane<R extends { svg: string }>(mermaid: MermaidApi<R>, text: string, options: SwimlaneRenderOptions): Promise<R> {
  registerSwimlaneLayout(mermaid);
  const source = options.engine === 'mermaid' ? text : withBizflowLayout(text);
  return mermaid.render(options.id, source, options.container);
}

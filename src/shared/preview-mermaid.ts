/**
 * Text-level helpers for the Mermaid source the preview draws (pure; used by
 * the webview, unit-tested).
 *
 * @deprecated The lane-less fallback and the reversed-lane retry are no longer
 * needed: BizFlow's own swimlane layout (src/shared/swimlane, `renderSwimlane`)
 * draws the lanes of every flow. The CLI and src/node no longer use them; only
 * src/webview/main.ts still does (`renderWithLaneFallback`, `LayoutMemo`,
 * `LaneLayout`), so this file goes when the preview draws with
 * `renderSwimlane` (then delete test/unit/preview-fallback.test.ts too).
 */

/**
 * The same flowchart with its top-level lanes (`subgraph … end` blocks, as
 * `toMermaid` writes them: two-space indent) declared in reverse order.
 * Nothing else changes, so the diagram means the same; only the layout
 * engine's input order differs. Mermaid's layout (dagre) fails on some
 * graphs with many lanes ("Cannot set properties of undefined (setting
 * 'order')") depending on that order, so this is the preview's second try.
 * Returns undefined when there are fewer than two lanes.
 */
export function withLanesReversed(text: string): string | undefined {
  const lines = text.split('\n');
  const blocks: string[][] = [];
  const out: string[] = [];
  let firstBlockAt = -1;
  let cur: string[] | undefined;
  for (const line of lines) {
    if (cur) {
      cur.push(line);
      if (line === '  end') {
        blocks.push(cur);
        cur = undefined;
      }
      continue;
    }
    if (line.startsWith('  subgraph ')) {
      if (firstBlockAt < 0) firstBlockAt = out.length;
      cur = [line];
      continue;
    }
    out.push(line);
  }
  if (cur) return undefined; // unbalanced: leave it alone
  if (blocks.length < 2) return undefined;
  out.splice(firstBlockAt, 0, ...blocks.reverse().flat());
  return out.join('\n');
}

/** True for errors in Mermaid's layout (worth another try), false for errors in the text itself. */
export function isLayoutError(message: string): boolean {
  return !/\b(Parse|Lexical|Syntax) error\b|Maximum text size|Edge limit exceeded|too many edges/i.test(message);
}

/**
 * How a diagram ended up drawn: with its lanes as written, with the lanes
 * declared in reverse order (same drawing, another layout input), or without
 * lanes (`toMermaid(…, { lanes: false })`: each step names its lane instead).
 */
export type LaneLayout = 'lanes' | 'reversedLanes' | 'noLanes';

/**
 * The layout-relevant part of a diagram's text: the text with every quoted
 * label emptied. Mermaid's layout error on lanes depends on the graph's
 * structure (nodes, edges, lanes, which edges carry a label), not on the
 * label texts, so a rename gives the same key and the same outcome.
 */
export function layoutKey(text: string): string {
  return text.replace(/"[^"\n]*"/g, '""');
}

/**
 * Remembers, for the last few diagram structures, which layout was needed,
 * so that an edit that only renames things does not pay for the failed
 * attempts again (they take about as long as a successful render).
 */
export class LayoutMemo {
  private readonly map = new Map<string, LaneLayout>();
  constructor(private readonly size = 8) {}

  get(text: string): LaneLayout | undefined {
    return this.map.get(layoutKey(text));
  }

  set(text: string, layout: LaneLayout): void {
    const key = layoutKey(text);
    this.map.delete(key);
    if (layout === 'lanes') return; // the normal case: nothing to skip next time
    this.map.set(key, layout);
    while (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
  }
}

export interface LaneFallbackResult<R> {
  result: R;
  layout: LaneLayout;
  /** The layouts tried before, and Mermaid's error for each. */
  failed: Array<{ layout: LaneLayout; error: string }>;
}

/**
 * Renders `text`; when Mermaid's layout fails (see `isLayoutError`), tries the
 * lanes in reverse order, then `withoutLanes` (the same flow drawn with no
 * lane). `withoutLanes` may be a function that fetches the text: it is called
 * at most once, on the first layout failure (so the text is on its way while
 * the reversed lanes are tried), and awaited only when the attempt without
 * lanes comes; when it gives nothing, that attempt is left out. `render`
 * throws on failure; `attempt` counts the calls from 0. `startWith` is a
 * layout known to be needed for this structure (see `LayoutMemo`): the
 * attempts before it are left out (all are made when it does not apply, or
 * when it is the lane-less one and there is no lane-less text after all).
 * `stop` is asked after each failure (e.g. "a newer diagram is waiting"):
 * true rethrows at once. Errors that are not layout errors (a parse error)
 * are rethrown as they are. `onLayoutFailed` is told, after each layout
 * failure, the layout to start with next time (for the memo: a render
 * stopped half-way need not repeat the failed attempts).
 */
/** @deprecated draw with `renderSwimlane` (src/shared/swimlane/render.ts): no fallback needed. */
export async function renderWithLaneFallback<R>(
  input: {
    text: string;
    withoutLanes?: string | (() => Promise<string | undefined>);
    startWith?: LaneLayout;
    onLayoutFailed?: (next: LaneLayout) => void;
  },
  render: (text: string, attempt: number) => Promise<R>,
  stop: () => boolean = () => false,
): Promise<LaneFallbackResult<R>> {
  const source = input.withoutLanes;
  let fetched: Promise<string | undefined> | undefined;
  const laneless = (): Promise<string | undefined> =>
    (fetched ??= typeof source === 'function' ? source().catch(() => undefined) : Promise.resolve(source));
  let attempts: Array<[LaneLayout, string | undefined]> = [['lanes', input.text]];
  const reversed = withLanesReversed(input.text);
  if (reversed !== undefined) attempts.push(['reversedLanes', reversed]);
  // the lane-less text, when it is to be fetched, is known only when its turn comes
  if (source !== undefined && source !== input.text) attempts.push(['noLanes', typeof source === 'string' ? source : undefined]);
  let skipped: typeof attempts = [];
  const from = attempts.findIndex(([layout]) => layout === input.startWith);
  if (from > 0) {
    skipped = attempts.slice(0, from);
    attempts = attempts.slice(from);
  }
  const failed: LaneFallbackResult<R>['failed'] = [];
  let lastError: unknown;
  let calls = 0;
  for (let k = 0; k < attempts.length; k++) {
    const [layout, given] = attempts[k];
    let text = given;
    if (text === undefined) {
      text = await laneless();
      if (text === undefined || text === input.text) {
        if (calls === 0 && skipped.length) {
          // the memo's layout does not apply after all: make the attempts it skipped
          attempts = skipped;
          skipped = [];
          k = -1;
          continue;
        }
        throw lastError;
      }
      if (calls > 0 && stop()) throw lastError;
    }
    try {
      return { result: await render(text, calls++), layout, failed };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      failed.push({ layout, error });
      lastError = e;
      if (k === attempts.length - 1 || !isLayoutError(error)) throw e;
      input.onLayoutFailed?.(attempts[k + 1][0]);
      if (stop()) throw e;
      // fetched while the next attempt renders
      if (typeof source === 'function') void laneless();
    }
  }
  throw lastError;
}

/**
 * Text-level helpers for the Mermaid source the preview draws (pure; used by
 * the webview, unit-tested).
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

/**
 * The review pack's picture hook, shared by the CLI (Mermaid in headless
 * Chromium, src/node/review-pack.ts) and the editor (Mermaid in a webview,
 * src/extension/commands/packPictures.ts): the same diagrams drawn in the same
 * order by one `draw` function of a Mermaid text, so both write the same HTML.
 */
import type { PackDiagrams } from './pack';
import type { PackPictures } from './pack-html';

/** Draws one swimlane text: its SVG, or why not. */
export type DrawOne = (text: string) => Promise<{ svg?: string; error?: string }>;

/** Today's and the after picture (their first error kept), then each role's view (one that fails is left out). */
export async function drawPackPictures(texts: PackDiagrams, draw: DrawOne): Promise<PackPictures> {
  const out: PackPictures = {};
  const errors: string[] = [];
  for (const k of ['today', 'after'] as const) {
    const r = await draw(texts[k]);
    if (r.svg) out[k] = r.svg;
    else errors.push(r.error ?? 'no output');
  }
  for (const r of texts.roles ?? []) {
    const res = await draw(r.text);
    if (res.svg) (out.roles ??= {})[r.role] = res.svg;
  }
  if (errors.length) out.error = errors[0];
  return out;
}

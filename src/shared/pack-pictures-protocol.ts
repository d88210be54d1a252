/**
 * Messages between "BizFlow: Export Review Pack" (the extension, which asks)
 * and the temporary webview that draws the pack's swimlane pictures
 * (src/webview-pack/main.ts, which answers), over the typed request helper
 * (./rpc.ts). The webview says `ready` once Mermaid and BizFlow's swimlane
 * renderer are loaded (or `failed`, with why), then answers `draw` requests.
 * Types and pure guards only (shared by Node and the browser bundle).
 */
import type { Guards } from './rpc';
import type { PictureFraming } from './swimlane/page';

export const PACK_PICTURES_VIEW_TYPE = 'bizflow.packPictures';

export type PackPictureRequests = {
  /** One swimlane Mermaid text (toMermaid's) drawn with BizFlow's layout, framed when `title` is given: the SVG, or Mermaid's error. */
  draw: { params: DrawParams; result: { svg?: string; error?: string } };
};

/** A picture to draw (as `DrawRequest` of core/review/pack-pictures.ts). */
export type DrawParams = PictureFraming & { text: string };

/** webview → extension, once: whether the page can draw. */
export type PackPicturesStatus = { type: 'ready' } | { type: 'failed'; error: string };

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const optString = (v: unknown) => v === undefined || typeof v === 'string';

export function isPackPicturesStatus(v: unknown): v is PackPicturesStatus {
  return isObj(v) && (v.type === 'ready' || (v.type === 'failed' && typeof v.error === 'string'));
}

export const PACK_PICTURE_PARAMS: Required<Guards<PackPictureRequests, 'params'>> = {
  draw: (v): v is DrawParams =>
    isObj(v) &&
    typeof v.text === 'string' &&
    optString(v.title) &&
    optString(v.subtitle) &&
    (v.locale === undefined || v.locale === 'en' || v.locale === 'zh-CN') &&
    (v.changes === undefined || typeof v.changes === 'boolean') &&
    (v.today === undefined || typeof v.today === 'boolean'),
};

export const PACK_PICTURE_RESULTS: Required<Guards<PackPictureRequests, 'result'>> = {
  draw: (v): v is { svg?: string; error?: string } => isObj(v) && optString(v.svg) && optString(v.error) && (v.svg !== undefined || v.error !== undefined),
};

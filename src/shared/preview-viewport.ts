/**
 * Zoom and pan arithmetic of the preview (pure; used by the webview).
 *
 * A view transform maps diagram coordinates to screen coordinates:
 * screen = diagram * scale + (x, y).
 */
import type { ViewTransform } from './protocol';

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 8;
export const ZOOM_STEP = 1.2;

export function clampScale(s: number): number {
  if (!Number.isFinite(s) || s <= 0) return 1;
  return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
}

/** Zooms by `factor` keeping the screen point (cx, cy) fixed. */
export function zoomAt(v: ViewTransform, factor: number, cx: number, cy: number): ViewTransform {
  const scale = clampScale(v.scale * factor);
  const k = scale / v.scale;
  return { scale, x: cx - (cx - v.x) * k, y: cy - (cy - v.y) * k };
}

export function panBy(v: ViewTransform, dx: number, dy: number): ViewTransform {
  return { scale: v.scale, x: v.x + dx, y: v.y + dy };
}

/**
 * The transform that shows a `w`×`h` diagram whole and centred in a
 * `vw`×`vh` view with `pad` pixels around it, never enlarging beyond `maxScale`.
 */
export function fitView(w: number, h: number, vw: number, vh: number, pad = 16, maxScale = 1.5): ViewTransform {
  if (!(w > 0) || !(h > 0) || !(vw > 0) || !(vh > 0)) return { scale: 1, x: pad, y: pad };
  const aw = Math.max(1, vw - 2 * pad);
  const ah = Math.max(1, vh - 2 * pad);
  const scale = clampScale(Math.min(aw / w, ah / h, maxScale));
  return { scale, x: (vw - w * scale) / 2, y: (vh - h * scale) / 2 };
}

/** The smallest zoom at which step labels stay legible (≥ 10 px on screen), for labels of `fontPx`. */
export function legibleScale(fontPx: number, minPx = 10): number {
  return fontPx > 0 ? minPx / fontPx : 1;
}

/**
 * The first view of a diagram: fit to width (never enlarging beyond
 * `maxScale`), centred, from the top when it is taller than the view, unless
 * that makes it smaller than `minScale` (labels would not be legible); then
 * `minScale`, from the top left corner (where the band titles are), or,
 * when the `anchor` (diagram coordinates of where the flow starts: the left
 * edge and vertical centre of the start step) would be out of sight from
 * there, around it.
 */
export function initialView(
  w: number,
  h: number,
  vw: number,
  vh: number,
  pad = 16,
  minScale = 0.3,
  anchor?: { x: number; y: number },
  maxScale = 1.5,
): ViewTransform {
  if (!(w > 0) || !(h > 0) || !(vw > 0) || !(vh > 0)) return { scale: 1, x: pad, y: pad };
  const aw = Math.max(1, vw - 2 * pad);
  const width = clampScale(Math.min(aw / w, maxScale));
  if (width >= minScale) {
    const y = h * width <= vh - 2 * pad ? (vh - h * width) / 2 : pad;
    return { scale: width, x: (vw - w * width) / 2, y };
  }
  const scale = minScale;
  const fitsX = w * scale <= vw - 2 * pad;
  const fitsY = h * scale <= vh - 2 * pad;
  // from the top left corner (the band titles), unless the start step would be out of sight: then around it
  const startX = anchor && anchor.x * scale + pad > vw - 4 * pad ? 2 * pad - anchor.x * scale : pad;
  const startY = anchor && anchor.y * scale + pad > vh - 4 * pad ? vh / 2 - anchor.y * scale : pad;
  const x = fitsX ? (vw - w * scale) / 2 : startX;
  const y = fitsY ? (vh - h * scale) / 2 : startY;
  return { scale, x, y };
}

/** Wheel delta in pixels (line and page modes converted). */
export function wheelPixels(delta: number, deltaMode: number, pageSize: number): number {
  if (deltaMode === 1) return delta * 16;
  if (deltaMode === 2) return delta * pageSize;
  return delta;
}

/** Zoom factor for a wheel/pinch gesture of `dy` pixels (ctrl/⌘ + wheel, or a trackpad pinch). */
export function wheelZoomFactor(dy: number): number {
  const d = Math.max(-300, Math.min(300, dy));
  return Math.exp(-d * 0.0025);
}

/** Keeps at least `margin` pixels of the diagram inside the view, so it cannot be panned out of sight. */
export function keepVisible(v: ViewTransform, w: number, h: number, vw: number, vh: number, margin = 40): ViewTransform {
  const sw = w * v.scale;
  const sh = h * v.scale;
  const m = Math.min(margin, sw, sh);
  const x = Math.min(vw - m, Math.max(m - sw, v.x));
  const y = Math.min(vh - m, Math.max(m - sh, v.y));
  return { scale: v.scale, x, y };
}

/** Canvas pixel ratio for a PNG of a `w`×`h` diagram: `wanted`, reduced to stay within browser canvas limits. */
export function pngScale(w: number, h: number, wanted: number, maxSide = 16384, maxArea = 16384 * 16384 / 2): number {
  let s = wanted > 0 && Number.isFinite(wanted) ? wanted : 1;
  if (w <= 0 || h <= 0) return s;
  s = Math.min(s, maxSide / w, maxSide / h, Math.sqrt(maxArea / (w * h)));
  return Math.max(0.01, s);
}

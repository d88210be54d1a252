/**
 * The drawing as a standalone SVG file or a PNG image, without the editor's
 * highlight, framed like every BizFlow export (`frameSvg` of
 * src/shared/preview-theme.ts, which `bizflow render --format svg` uses too):
 * the process name as a title, the legend, a background.
 */
import { HIGHLIGHT_CLASSES } from '../shared/preview-overlays';
import { frameSvg, type FrameOptions } from '../shared/preview-theme';
import { pngScale } from '../shared/preview-viewport';
import type { Drawing } from './drawing';

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n';
/** Classes that only make sense in the preview: the highlight and the clickable steps. */
const PREVIEW_ONLY = [...HIGHLIGHT_CLASSES, 'bf-step'];

export function exportSvg(drawing: Drawing, frame: FrameOptions): { text: string; w: number; h: number } {
  const svg = drawing.svg;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  for (const el of Array.from(clone.querySelectorAll(PREVIEW_ONLY.map((c) => `.${c}`).join(', ')))) {
    el.classList.remove(...PREVIEW_ONLY);
    el.removeAttribute('tabindex');
    el.removeAttribute('role');
  }
  clone.classList.remove(...PREVIEW_ONLY);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  clone.style.removeProperty('max-width');
  const framed = frameSvg(new XMLSerializer().serializeToString(clone), frame);
  return { text: XML_HEADER + framed.svg, w: framed.width, h: framed.height };
}

function base64Utf8(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** PNG bytes (base64) at `scale` pixels per diagram unit (less for huge diagrams, see `pngScale`). */
export async function exportPng(drawing: Drawing, frame: FrameOptions, scale: number): Promise<string> {
  const { text, w, h } = exportSvg(drawing, frame);
  const img = new Image();
  img.src = `data:image/svg+xml;base64,${base64Utf8(text)}`;
  await img.decode();
  const s = pngScale(w, h, scale);
  const c = document.createElement('canvas');
  c.width = Math.max(1, Math.round(w * s));
  c.height = Math.max(1, Math.round(h * s));
  const ctx = c.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.fillStyle = frame.palette.background;
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.drawImage(img, 0, 0, c.width, c.height);
  const url = c.toDataURL('image/png');
  return url.slice(url.indexOf(',') + 1);
}

/** The drawing on screen as a standalone SVG file or a PNG image, without the editor's highlight. */
import { HIGHLIGHT_CLASSES } from '../shared/preview-overlays';
import { pngScale } from '../shared/preview-viewport';
import type { Drawing } from './drawing';
import type { Palette } from './theme';
import { svgEl } from './ui';

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n';
/** Classes that only make sense in the preview: the highlight and the clickable steps. */
const PREVIEW_ONLY = [...HIGHLIGHT_CLASSES, 'bf-step'];

export function exportSvg(drawing: Drawing, p: Palette): { text: string; w: number; h: number } {
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
  const w = Number(svg.getAttribute('width')) || 0;
  const h = Number(svg.getAttribute('height')) || 0;
  const vb = svg.viewBox.baseVal;
  // a background, so the colours of the current theme stay readable anywhere
  const bg = svgEl('rect', {
    x: vb?.x ?? 0,
    y: vb?.y ?? 0,
    width: vb?.width || w,
    height: vb?.height || h,
    fill: p.background,
    class: 'bf-background',
  });
  const style = clone.querySelector('style');
  if (style && style.nextSibling) clone.insertBefore(bg, style.nextSibling);
  else clone.insertBefore(bg, clone.firstChild);
  clone.style.removeProperty('max-width');
  const text = XML_HEADER + new XMLSerializer().serializeToString(clone);
  return { text, w, h };
}

function base64Utf8(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** PNG bytes (base64) at `scale` pixels per diagram unit (less for huge diagrams, see `pngScale`). */
export async function exportPng(drawing: Drawing, p: Palette, scale: number): Promise<string> {
  const { text, w, h } = exportSvg(drawing, p);
  const img = new Image();
  img.src = `data:image/svg+xml;base64,${base64Utf8(text)}`;
  await img.decode();
  const s = pngScale(w, h, scale);
  const c = document.createElement('canvas');
  c.width = Math.max(1, Math.round(w * s));
  c.height = Math.max(1, Math.round(h * s));
  const ctx = c.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.fillStyle = p.background;
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.drawImage(img, 0, 0, c.width, c.height);
  const url = c.toDataURL('image/png');
  return url.slice(url.indexOf(',') + 1);
}

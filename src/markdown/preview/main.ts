/**
 * Script of VS Code's built-in Markdown preview (`markdown.previewScripts`,
 * bundled as dist/markdown-preview.js with Mermaid: no CDN, loaded by the
 * preview with its nonce, no inline script). Draws every diagram element the
 * markdown-it plugin (../plugin.ts) wrote, with BizFlow's swimlane renderer
 * (`renderSwimlane`) and the BizFlow preview's Mermaid configuration and
 * colours (`securityLevel: 'strict'`); the SVG is made inert before it goes
 * into the page.
 *
 * The preview replaces changed parts of the page on every edit and then fires
 * `vscode.markdown.updateContent`: diagrams are drawn again then, from a cache
 * of recent SVGs when their text and the theme did not change.
 */
import mermaid from 'mermaid';
import { renderSwimlane } from '../../shared/swimlane/render';
import { toSafeSvg } from '../../webview/svg-safety';
import { mermaidConfig, palette, stateColors, STATE_CLASSES, themeKind, type Palette } from '../../webview/theme';
import { FAILED_ATTRIBUTE, MD_CLASSES, MERMAID_ATTRIBUTE, STATE_ATTRIBUTE } from '../classes';

const CACHE_SIZE = 24;

/** SVG texts by theme and diagram text (most recent last). */
const svgCache = new Map<string, string>();
let configured = '';
let seq = 0;
let running = false;
let again = false;

/** The state colours of the theme on the nodes' shapes (toMermaid's `classDef`s are the light theme's). */
function recolour(svg: SVGSVGElement, p: Palette): void {
  for (const node of Array.from(svg.querySelectorAll<SVGGElement>('g.node'))) {
    let state: (typeof STATE_CLASSES)[number] | undefined;
    for (const cls of STATE_CLASSES) if (node.classList.contains(cls)) state = cls;
    if (!state) continue;
    const c = stateColors(p, state);
    for (const child of Array.from(node.children)) {
      if (child.classList.contains('label')) continue;
      const shapes = child.tagName === 'g' ? Array.from(child.querySelectorAll<SVGElement>('rect, polygon, path, ellipse, circle')) : [child as SVGElement];
      for (const s of shapes) {
        s.style.setProperty('fill', c.fill, 'important');
        s.style.setProperty('stroke', c.stroke, 'important');
      }
    }
  }
}

async function svgFor(text: string, key: string): Promise<string> {
  const cached = svgCache.get(key);
  if (cached !== undefined) {
    svgCache.delete(key);
    svgCache.set(key, cached);
    return cached;
  }
  const id = `bizflow-md-svg-${++seq}`;
  try {
    const { svg } = await renderSwimlane(mermaid, text, { id });
    svgCache.set(key, svg);
    if (svgCache.size > CACHE_SIZE) svgCache.delete(svgCache.keys().next().value!);
    return svg;
  } finally {
    // Mermaid leaves its scratch element behind on some errors
    document.getElementById(`d${id}`)?.remove();
  }
}

async function drawAll(): Promise<void> {
  const kind = themeKind();
  const { config, theme } = mermaidConfig(kind);
  const json = JSON.stringify(config);
  if (json !== configured) {
    mermaid.initialize(config);
    configured = json;
  }
  const p = palette(kind);
  for (const el of Array.from(document.querySelectorAll<HTMLElement>(`.${MD_CLASSES.diagram}[${MERMAID_ATTRIBUTE}]`))) {
    const text = el.getAttribute(MERMAID_ATTRIBUTE) ?? '';
    const key = `${theme}\u0000${text}`;
    if (el.dataset.bizflowKey === key && el.isConnected) continue;
    try {
      const svg = toSafeSvg(await svgFor(text, key));
      if (!el.isConnected || el.getAttribute(MERMAID_ATTRIBUTE) !== text) continue;
      recolour(svg, p);
      el.replaceChildren(svg);
      el.setAttribute(STATE_ATTRIBUTE, 'drawn');
    } catch (e) {
      if (!el.isConnected) continue;
      const msg = document.createElement('p');
      msg.className = `${MD_CLASSES.notice} ${MD_CLASSES.failed}`;
      const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300);
      msg.textContent = `${el.getAttribute(FAILED_ATTRIBUTE) ?? 'Cannot draw the swimlane:'} ${detail}`;
      el.replaceChildren(msg);
      el.setAttribute(STATE_ATTRIBUTE, 'failed');
    }
    el.dataset.bizflowKey = key;
  }
}

/** Draws what is in the page; one run at a time (Mermaid renders one diagram at a time), again if asked meanwhile. */
function schedule(): void {
  if (running) {
    again = true;
    return;
  }
  running = true;
  void drawAll()
    .catch((e: unknown) => console.error('BizFlow Markdown preview:', e))
    .finally(() => {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    });
}

window.addEventListener('vscode.markdown.updateContent', schedule);
// a theme change sets other classes on the body: draw in the new colours
new MutationObserver(schedule).observe(document.body, { attributes: true, attributeFilter: ['class'] });
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', schedule);
else schedule();

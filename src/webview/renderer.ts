/**
 * The one place in the webview that calls Mermaid: Mermaid text in, a safe
 * SVG element out. Every diagram is drawn by `renderSwimlane`
 * (src/shared/swimlane/render.ts), the module `bizflow render --format svg`
 * draws with too: toMermaid's text with BizFlow's own swimlane layout (one
 * full-length band per role, at every size).
 */
import mermaid, { type MermaidConfig } from 'mermaid';
import { renderSwimlane } from '../shared/swimlane/render';
import { toSafeSvg } from './svg-safety';

export interface RenderInput {
  /** toMermaid's text (flowchart + `layout: swimlane` front matter). */
  text: string;
  config: MermaidConfig;
  /** Asked once drawn: true drops the result (a newer diagram is waiting). */
  cancelled: () => boolean;
  /** Called just before `renderSwimlane` and after it (for the timings). */
  onStart?: () => void;
  onEnd?: () => void;
}

export interface RenderOutput {
  svg: SVGSVGElement;
  /** Its size in diagram units. */
  width: number;
  height: number;
}

export class MermaidRenderer {
  /** The configuration last passed to mermaid.initialize (as JSON): initialise again only when it changes. */
  private configured = '';
  private seq = 0;

  /** Draws `input.text`. Throws Mermaid's error; undefined when `cancelled` once drawn. */
  async render(input: RenderInput): Promise<RenderOutput | undefined> {
    const configJson = JSON.stringify(input.config);
    if (configJson !== this.configured) {
      // Mermaid keeps its configuration between renders (our texts carry no directives that change it)
      mermaid.initialize(input.config);
      this.configured = configJson;
    }
    const id = `bizflow-svg-${++this.seq}`;
    input.onStart?.();
    let result: { svg: string };
    try {
      result = await renderSwimlane(mermaid, input.text, { id });
    } catch (e) {
      // Mermaid leaves its scratch element behind on some errors
      document.getElementById(`d${id}`)?.remove();
      document.getElementById(id)?.remove();
      throw e;
    } finally {
      input.onEnd?.();
    }
    if (input.cancelled()) return undefined;
    const svg = toSafeSvg(result.svg);
    const vb = svg.viewBox.baseVal;
    const width = vb && vb.width ? vb.width : Number(svg.getAttribute('width')) || 0;
    const height = vb && vb.height ? vb.height : Number(svg.getAttribute('height')) || 0;
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    svg.style.removeProperty('max-width');
    return { svg, width, height };
  }
}

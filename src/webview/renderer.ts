/**
 * The one place that calls Mermaid: Mermaid text in, a safe SVG element out.
 * Everything else in the webview works on the returned SVG, so another
 * layout (e.g. BizFlow's own swimlane layout) is swapped in here.
 */
import mermaid, { type MermaidConfig } from 'mermaid';
import { LayoutMemo, renderWithLaneFallback, type LaneLayout } from '../shared/preview-mermaid';
import { toSafeSvg } from './svg-safety';

export interface RenderInput {
  /** The flowchart with lanes. */
  text: string;
  /** The same flowchart without lanes, or how to ask for it (on the first layout failure). */
  withoutLanes?: string | (() => Promise<string | undefined>);
  config: MermaidConfig;
  /** Asked after each failed layout: true gives up (a newer diagram is waiting). */
  cancelled: () => boolean;
  /** Called just before the first `mermaid.render` and after the last (for the timings). */
  onStart?: () => void;
  onEnd?: () => void;
}

export interface RenderOutput {
  svg: SVGSVGElement;
  /** Its size in diagram units. */
  width: number;
  height: number;
  layout: LaneLayout;
  /** mermaid.render calls made (1: the first layout worked). */
  attempts: number;
}

export class MermaidRenderer {
  /** The configuration last passed to mermaid.initialize (as JSON): initialise again only when it changes. */
  private configured = '';
  private seq = 0;
  /** Diagram structures that Mermaid could lay out only without (or with reversed) lanes. */
  private readonly memo = new LayoutMemo();

  /**
   * Draws `input.text`; when Mermaid's layout (dagre) fails on the lanes of a
   * big graph, with the lanes reversed, then without lanes. Throws Mermaid's
   * error when nothing could be drawn; undefined when `cancelled` once drawn.
   */
  async render(input: RenderInput): Promise<RenderOutput | undefined> {
    const configJson = JSON.stringify(input.config);
    if (configJson !== this.configured) {
      // Mermaid keeps its configuration between renders (our texts carry no directives that change it)
      mermaid.initialize(input.config);
      this.configured = configJson;
    }
    const seq = ++this.seq;
    const { text } = input;
    input.onStart?.();
    const out = await renderWithLaneFallback(
      {
        text,
        withoutLanes: input.withoutLanes,
        startWith: this.memo.get(text),
        onLayoutFailed: (next) => this.memo.set(text, next),
      },
      async (t, attempt) => {
        const id = `bizflow-svg-${seq}${attempt ? `-${attempt}` : ''}`;
        try {
          return await mermaid.render(id, t);
        } catch (e) {
          // Mermaid leaves its scratch element behind on some errors
          document.getElementById(`d${id}`)?.remove();
          document.getElementById(id)?.remove();
          throw e;
        }
      },
      input.cancelled,
    );
    input.onEnd?.();
    this.memo.set(text, out.layout);
    if (input.cancelled()) return undefined;
    const svg = toSafeSvg(out.result.svg);
    const vb = svg.viewBox.baseVal;
    const width = vb && vb.width ? vb.width : Number(svg.getAttribute('width')) || 0;
    const height = vb && vb.height ? vb.height : Number(svg.getAttribute('height')) || 0;
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    svg.style.removeProperty('max-width');
    return { svg, width, height, layout: out.layout, attempts: out.failed.length + 1 };
  }
}

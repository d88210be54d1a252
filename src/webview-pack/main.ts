/**
 * The review pack's picture webview (dist/webview-pack.js): a small program
 * of its own, loaded after Mermaid's bundle (dist/mermaid.min.js, global
 * `mermaid`) and BizFlow's swimlane renderer (dist/bizflow-swimlane.js, global
 * `BizflowSwimlane`) — the same two files `bizflow review` loads into headless
 * Chromium (src/node/mermaid-render.ts), set up the same way
 * (src/shared/swimlane/page.ts), so the editor's pack has the CLI's pictures.
 * It answers `draw` requests (src/shared/pack-pictures-protocol.ts) one at a
 * time and is closed by the extension when the pack is written.
 */
import { PACK_PICTURE_PARAMS, type PackPictureRequests, type PackPicturesStatus } from '../shared/pack-pictures-protocol';
import { serveRequests } from '../shared/rpc';
import { bizflowLightBase, framePicture, pageMermaidConfig, wellFormedSvg } from '../shared/swimlane/page';
import type { MermaidApi, SwimlaneRenderOptions } from '../shared/swimlane/render';

interface VsCodeApi {
  postMessage(msg: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Mermaid = MermaidApi & { initialize(config: unknown): void };
interface Swimlane {
  renderSwimlane(mermaid: MermaidApi, text: string, options: SwimlaneRenderOptions): Promise<{ svg: string }>;
}

const vscode = acquireVsCodeApi();
const g = globalThis as unknown as { mermaid?: Mermaid; BizflowSwimlane?: Swimlane };

function start(): void {
  const { mermaid, BizflowSwimlane } = g;
  if (!mermaid || !BizflowSwimlane) {
    vscode.postMessage({ type: 'failed', error: `${mermaid ? 'bizflow-swimlane.js' : 'mermaid.min.js'} did not load` } satisfies PackPicturesStatus);
    return;
  }
  // BizFlow's light colours, as `bizflow review` draws its pictures (src/node/review-pack.ts)
  mermaid.initialize(pageMermaidConfig(bizflowLightBase()));
  let counter = 0;
  // one drawing at a time: Mermaid renders in the page's DOM
  let queue: Promise<unknown> = Promise.resolve();
  serveRequests<PackPictureRequests>({
    post: (m) => vscode.postMessage(m),
    onMessage: (listener) => {
      const handler = (e: MessageEvent) => listener(e.data);
      window.addEventListener('message', handler);
      return { dispose: () => window.removeEventListener('message', handler) };
    },
    params: PACK_PICTURE_PARAMS,
    handlers: {
      draw: ({ text, ...framing }) => {
        // the ids `bizflow review` gives its pictures in Chromium (src/node/mermaid-render.ts): the same HTML
        const id = `bizflow-svg-${counter++}`;
        const run = queue.then(async () => {
          try {
            const { svg } = await BizflowSwimlane.renderSwimlane(mermaid, text, { id });
            return { svg: framePicture(wellFormedSvg(svg), framing) };
          } catch (e) {
            return { error: (e instanceof Error ? e.message : String(e)).split('\n')[0] };
          } finally {
            // Mermaid leaves its scratch element behind on some errors
            document.getElementById('d' + id)?.remove();
            document.getElementById(id)?.remove();
          }
        });
        queue = run;
        return run;
      },
    },
  });
  vscode.postMessage({ type: 'ready' } satisfies PackPicturesStatus);
}

start();

/**
 * The webview's side of the channel to the extension: VS Code's webview API
 * (messages and persisted state), incoming messages validated, and the typed
 * requests both ways (`../shared/rpc`).
 */
import {
  isPreviewState,
  isToWebview,
  WEBVIEW_REQUEST_PARAMS,
  type ExtensionRequests,
  type FromWebview,
  type PreviewState,
  type ToWebview,
  type WebviewRequests,
} from '../shared/protocol';
import { createRequester, serveRequests, type Handlers, type Requester } from '../shared/rpc';

interface VsCodeApi {
  postMessage(msg: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** A message from the extension, and when it arrived (`performance.now()`). */
export type Listener = (msg: ToWebview, at: number) => void;

export class Host {
  private readonly api = acquireVsCodeApi();
  private readonly listeners = new Set<Listener>();
  private persisted: PreviewState;
  /** Questions to the extension. */
  readonly requests: Requester<ExtensionRequests>;

  constructor(initial: PreviewState) {
    const saved = this.api.getState();
    // a restored webview keeps its zoom and pan
    this.persisted = isPreviewState(saved) && saved.uri === initial.uri ? { ...initial, view: saved.view ?? initial.view } : { ...initial };
    this.api.setState(this.persisted);
    window.addEventListener('message', (event: MessageEvent) => {
      const at = performance.now();
      const msg: unknown = event.data;
      if (!isToWebview(msg)) return;
      for (const l of [...this.listeners]) l(msg, at);
    });
    this.requests = createRequester<ExtensionRequests>({ post: (m) => this.post(m), onMessage: (l) => this.onMessage(l), timeoutMs: 10_000 });
  }

  post(msg: FromWebview): void {
    this.api.postMessage(msg);
  }

  onMessage(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Answers the extension's requests. */
  serve(handlers: Handlers<WebviewRequests>): void {
    serveRequests<WebviewRequests>({ post: (m) => this.post(m), onMessage: (l) => this.onMessage(l), handlers, params: WEBVIEW_REQUEST_PARAMS });
  }

  /** What VS Code keeps for this webview (restored after a reload). */
  get state(): PreviewState {
    return this.persisted;
  }

  setState(patch: Partial<PreviewState>): void {
    this.persisted = { ...this.persisted, ...patch };
    this.api.setState(this.persisted);
  }
}

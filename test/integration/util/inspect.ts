/**
 * What the integration tests and benchmarks read from the preview: built on
 * the preview's public API (its `inspect` and `simulate` requests and its
 * events), so the extension carries no test hooks. Create one per suite, in
 * `before`, before the previews it watches are opened.
 */
import * as vscode from 'vscode';
import type { PreviewManager } from '../../../src/extension/preview/manager';
import type { BizflowPreview, RenderSent } from '../../../src/extension/preview/panel';
import type { InspectionReport } from '../../../src/shared/protocol';

/** What one panel sent and received, as the tests look at it. */
export interface PanelLog {
  /** The type of each valid message from the webview (a request: its method). */
  received: string[];
  /** Messages from the webview that failed validation. */
  rejected: number;
  /** The last render message posted, and when its outcome came back (extension host `performance.now()`). */
  sent?: RenderSent & { renderedAt?: number };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class PreviewInspector implements vscode.Disposable {
  private readonly logs = new WeakMap<BizflowPreview, PanelLog>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly manager: PreviewManager) {
    for (const p of manager.all) this.watch(p);
    this.disposables.push(manager.onDidCreatePreview((p) => this.watch(p)));
  }

  private watch(p: BizflowPreview): void {
    if (this.logs.has(p)) return;
    const log: PanelLog = { received: [], rejected: 0 };
    this.logs.set(p, log);
    this.disposables.push(
      p.onDidReceiveMessage((m) => {
        if (!m.valid) {
          log.rejected++;
          return;
        }
        const msg = m.message;
        log.received.push(msg.type === 'request' ? msg.method : msg.type);
        if (log.received.length > 500) log.received.splice(0, log.received.length - 500);
        if (msg.type === 'rendered' && log.sent && msg.outcome.seq === log.sent.seq) log.sent.renderedAt = performance.now();
      }),
      p.onDidSendRender((s) => (log.sent = { ...s })),
    );
  }

  /** What `p` sent and received since this inspector watches it. */
  log(p: BizflowPreview): PanelLog {
    this.watch(p);
    return this.logs.get(p)!;
  }

  private previewOf(uri: vscode.Uri): BizflowPreview {
    const p = this.manager.previewFor(uri);
    if (!p) throw new Error(`no preview of ${uri.toString()}`);
    return p;
  }

  /** What the preview of `uri` shows right now. */
  reportNow(uri: vscode.Uri, timeoutMs = 10_000): Promise<InspectionReport> {
    return this.previewOf(uri).requests.request('inspect', {}, timeoutMs);
  }

  /**
   * Resolves with what the preview of `uri` shows once its latest render is
   * done and `accept` (when given) holds; renders requested meanwhile are
   * waited for too. `version`: only a render of that version of the document
   * (after an edit: not one of the text before it).
   */
  async waitForRender(
    uri: vscode.Uri,
    opts: { timeoutMs?: number; accept?: (r: InspectionReport) => boolean; version?: number } = {},
  ): Promise<InspectionReport> {
    const { timeoutMs = 30_000, accept = () => true, version } = opts;
    const ofVersion = (p: BizflowPreview, r: InspectionReport) =>
      version === undefined || (p.rendered?.seq === r.seq && p.rendered.uri === uri.toString() && p.rendered.version === version);
    const deadline = Date.now() + timeoutMs;
    let last: InspectionReport | undefined;
    for (;;) {
      const p = this.manager.previewFor(uri);
      const left = deadline - Date.now();
      if (p && left > 0) {
        try {
          const outcome = await p.waitForRender({ timeoutMs: left });
          last = await p.requests.request('inspect', {}, Math.max(1000, deadline - Date.now()));
          if (last.seq >= outcome.seq && last.seq >= p.renderSeq && ofVersion(p, last) && accept(last)) return last;
        } catch (e) {
          if (Date.now() >= deadline) throw e;
        }
      }
      if (Date.now() >= deadline) {
        const rendered = this.manager.previewFor(uri)?.rendered;
        const of = rendered ? `, last render of version ${rendered.version}${version !== undefined ? ` (waiting for ${version})` : ''}` : '';
        const have = last ? `${last.status} seq ${last.seq}, banner ${JSON.stringify(last.banner)}${of}` : 'no report';
        throw new Error(`the preview of ${uri.path} did not render as expected within ${timeoutMs} ms (${have})`);
      }
      await sleep(100);
    }
  }

  /** Clicks a step's node in the preview of `uri`, as a user would. */
  clickStep(uri: vscode.Uri, stepId: string): Promise<{ ok: boolean }> {
    return this.previewOf(uri).requests.request('simulate', { gesture: 'click', stepId });
  }

  /** Hovers a step's node; the result holds the tooltip's text once its diagnostics arrived. */
  hoverStep(uri: vscode.Uri, stepId: string): Promise<{ ok: boolean; tooltip?: string }> {
    return this.previewOf(uri).requests.request('simulate', { gesture: 'hover', stepId });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

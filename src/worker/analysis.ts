/**
 * The analysis worker: answers `AnalyzeRequest`s with the core's findings,
 * one at a time, off the extension host's thread. Environment-neutral: the
 * Node entry (`./node.ts`, bundled as dist/worker.js) and a Web Worker entry
 * give it their message port.
 */
import { analyze } from '../core/engine';
import { buildOutline, lineOutline } from '../core/outline';
import { diagnosticLineRanges } from '../core/positions';
import { buildTree } from '../core/tree';
import { isHostToWorker, type HostToWorker, type WorkerToHost } from '../shared/worker-protocol';

/** Answers one request (never throws). */
export function answer(req: HostToWorker): WorkerToHost {
  const t0 = Date.now();
  try {
    const { diagnostics, model } = analyze(req.text, { locale: req.locale, config: req.config });
    const ranges = diagnosticLineRanges(req.text, diagnostics);
    const outline = req.outline ? lineOutline(req.text, buildOutline(model)) : undefined;
    const tree = req.tree ? { grouping: req.tree, data: buildTree(model, diagnostics, req.tree) } : undefined;
    return { type: 'analyzed', id: req.id, diagnostics, ranges, ...(outline ? { outline } : {}), ...(tree ? { tree } : {}), ms: Date.now() - t0 };
  } catch (e) {
    return { type: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) };
  }
}

/** Serves requests arriving through `on` with answers through `post`. */
export function serveAnalysis(on: (listener: (m: unknown) => void) => void, post: (m: WorkerToHost) => void): void {
  on((m) => {
    if (isHostToWorker(m)) post(answer(m));
  });
}

/** In a Web Worker (VS Code for the Web): serve `self`. */
interface WebWorkerScope {
  postMessage(m: unknown): void;
  addEventListener(type: 'message', l: (e: { data: unknown }) => void): void;
}
const scope = globalThis as unknown as { WorkerGlobalScope?: unknown; self?: WebWorkerScope };
if (scope.WorkerGlobalScope !== undefined && scope.self) {
  const self = scope.self;
  serveAnalysis(
    (l) => self.addEventListener('message', (e) => l(e.data)),
    (m) => self.postMessage(m),
  );
}

/**
 * The analysis worker as a Web Worker (VS Code for the Web): dist/web/worker.js,
 * which serves requests as soon as it is loaded (src/worker/analysis.ts).
 *
 * The worker's script URL may only be known asynchronously (it is read
 * through `workspace.fs` when the extension is served from a remote host,
 * see `extension.web.ts`), so an endpoint queues messages until its Web
 * Worker exists. Typed structurally: the extension's tsconfig has no DOM lib.
 */
import { isWorkerToHost, type HostToWorker, type WorkerEndpoint, type WorkerFactory } from '../../shared/worker-protocol';

/** The part of a Web Worker this file uses. */
export interface WebWorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (e: { message?: string }) => void): void;
}
export type WebWorkerConstructor = new (url: string, options?: { name?: string }) => WebWorkerLike;

/** The global `Worker` of a browser (or of a Web Worker extension host), if any. */
export function globalWorkerConstructor(): WebWorkerConstructor | undefined {
  const g = globalThis as { Worker?: WebWorkerConstructor };
  return typeof g.Worker === 'function' ? g.Worker : undefined;
}

/**
 * Web Workers running the script at `scriptUrl` (resolved once, shared by
 * every restart). A URL that cannot be obtained, or a worker that fails to
 * load, ends that endpoint with a message (the request it was given fails;
 * the next request tries again).
 */
export function browserWorkerFactory(
  scriptUrl: () => Promise<string>,
  Ctor: WebWorkerConstructor | undefined = globalWorkerConstructor(),
): WorkerFactory {
  let url: Promise<string> | undefined;
  return (): WorkerEndpoint => {
    const messageListeners: ((m: Parameters<Parameters<WorkerEndpoint['onMessage']>[0]>[0]) => void)[] = [];
    const exitListeners: ((reason: string) => void)[] = [];
    const queue: HostToWorker[] = [];
    let worker: WebWorkerLike | undefined;
    let ended = false;
    const exit = (reason: string) => {
      if (ended) return;
      ended = true;
      worker?.terminate();
      for (const l of exitListeners) l(reason);
    };
    if (!Ctor) {
      queueMicrotask(() => exit('this host cannot start a Web Worker'));
    } else {
      const attempt = (url ??= scriptUrl());
      attempt.then(
        (u) => {
          if (ended) return;
          try {
            const w = new Ctor(u, { name: 'bizflow-analysis' });
            worker = w;
            w.addEventListener('message', (e) => {
              if (!ended && isWorkerToHost(e.data)) for (const l of messageListeners) l(e.data);
            });
            w.addEventListener('error', (e) => exit(`the analysis worker failed: ${e.message ?? 'could not be loaded'}`));
            for (const m of queue.splice(0)) w.postMessage(m);
          } catch (e) {
            exit(`the analysis worker could not start: ${e instanceof Error ? e.message : String(e)}`);
          }
        },
        (e: unknown) => {
          if (url === attempt) url = undefined; // try again with the next worker
          exit(`the analysis worker's script could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
        },
      );
    }
    return {
      postMessage: (m) => {
        if (ended) return;
        if (worker) worker.postMessage(m);
        else queue.push(m);
      },
      onMessage: (l) => messageListeners.push(l),
      onExit: (l) => exitListeners.push(l),
      terminate: () => {
        ended = true;
        worker?.terminate();
      },
    };
  };
}

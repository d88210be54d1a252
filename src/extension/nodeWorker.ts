/** The analysis worker on Node's `worker_threads` (desktop VS Code): dist/worker.js. */
import { Worker } from 'node:worker_threads';
import { isWorkerToHost, type WorkerEndpoint, type WorkerFactory } from '../shared/worker-protocol';

/**
 * Workers running `file`, each with a heap limit: an analysis that runs out
 * of memory ends its worker, not the extension host.
 */
export function nodeWorkerFactory(file: string, maxHeapMb = 2048): WorkerFactory {
  return (): WorkerEndpoint => {
    const w = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    w.unref(); // never keeps the host process alive
    let exited = false;
    const exitListeners: ((reason: string) => void)[] = [];
    const exit = (reason: string) => {
      if (exited) return;
      exited = true;
      for (const l of exitListeners) l(reason);
    };
    w.on('error', (e) => exit(e instanceof Error ? e.message : String(e)));
    w.on('exit', (code) => exit(`the analysis worker stopped (exit code ${code})`));
    return {
      postMessage: (m) => w.postMessage(m),
      onMessage: (l) => w.on('message', (m: unknown) => {
        if (isWorkerToHost(m)) l(m);
      }),
      onExit: (l) => exitListeners.push(l),
      terminate: () => {
        exited = true;
        void w.terminate();
      },
    };
  };
}

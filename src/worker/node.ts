/** dist/worker.js: the analysis worker on Node's `worker_threads` (desktop VS Code). */
import { parentPort } from 'node:worker_threads';
import { serveAnalysis } from './analysis';

if (parentPort) {
  const port = parentPort;
  serveAnalysis(
    (l) => port.on('message', l),
    (m) => port.postMessage(m),
  );
}

/**
 * dist/worker.js: the analysis worker on Node's `worker_threads` (desktop VS Code). It makes the review pack's xlsx
 * (`packWorkbook`), with exceljs loaded from dist/exceljs.js beside it the first time (kept out of this bundle:
 * esbuild.config.mjs), and transfers the workbook's bytes to the host.
 */
import { parentPort } from 'node:worker_threads';
import { packWorkbook } from '../node/review-xlsx';
import { serveAnalysis } from './analysis';

if (parentPort) {
  const port = parentPort;
  serveAnalysis(
    (l) => port.on('message', l),
    (m, transfer) => port.postMessage(m, transfer),
    { workbook: packWorkbook },
  );
}

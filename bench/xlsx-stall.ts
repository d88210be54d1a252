/**
 * The extension host's longest stall during "BizFlow: Export Review Pack" as Excel (bench/notes.md, finding 13),
 * the two ways, with the real analysis worker (dist/worker.js; `npm run build` first):
 *   host    as before: the worker sends the pack's model (the `reviewPack` query), exceljs writes the workbook on
 *           this thread (src/node/review-xlsx.ts `packWorkbook`);
 *   worker  now: the worker writes the workbook (`reviewPackXlsx`, exceljs from dist/exceljs.js) and sends its bytes.
 * A 1 ms timer on this thread (the extension host's) records the longest gap between its ticks from the request
 * until 300 ms after the bytes are there. exceljs is loaded on this thread before measuring (the first export
 * loaded it too: not counted here). Rounds alternate the two ways.
 *
 *   npx tsx bench/xlsx-stall.ts [--steps 1000,10000] [--rounds 2] [--json]
 */
import * as path from 'node:path';
import { AnalysisWorker } from '../src/extension/analysisWorker';
import { nodeWorkerFactory } from '../src/extension/nodeWorker';
import { packWorkbook } from '../src/node/review-xlsx';
import { buildPack } from '../src/core/review/pack';
import { analyze } from '../src/core/engine';
import { generateFlow } from './generate';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const STEPS = opt('steps', '1000,10000').split(',').map(Number);
const ROUNDS = Number(opt('rounds', '2'));
const JSON_OUT = argv.includes('--json');
const WORKER = path.join(__dirname, '..', 'dist', 'worker.js');
const FILE = 'flows/generated.bizflow.yaml';

/** Runs `work` with a 1 ms timer on this thread: the longest gap between ticks until 300 ms after it ended. */
async function probed<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number; totalMs: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const t = performance.now();
    longest = Math.max(longest, t - last);
    last = t;
  }, 1);
  const t0 = performance.now();
  const value = await work();
  const totalMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 300));
  clearInterval(timer);
  return { value, stallMs: longest, totalMs };
}

async function main() {
  // exceljs loaded on this thread before measuring (a tiny workbook)
  await packWorkbook(buildPack(analyze('bizflow: 1\nprocess: { id: p, name: P }\nroles: { a: { name: A } }\nsteps: { s: { name: S, role: a } }\n'), { locale: 'en' }));
  const rows: { steps: number; way: 'host' | 'worker'; round: number; stallMs: number; totalMs: number; bytes: number }[] = [];
  for (const steps of STEPS) {
    const text = generateFlow(steps).text;
    const w = new AnalysisWorker(nodeWorkerFactory(WORKER), { timeoutMs: 0 });
    const analysed = await w.analyze('doc', text, 'en', [], { version: 1 });
    if (analysed.status !== 'done') throw new Error(`analysis: ${JSON.stringify(analysed)}`);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const way of ['host', 'worker'] as const) {
        global.gc?.();
        const r = await probed(async () => {
          if (way === 'host') {
            const o = await w.query('doc', 1, text, 'en', [], { kind: 'reviewPack' });
            if (o.status !== 'done') throw new Error(`reviewPack: ${JSON.stringify(o)}`);
            return packWorkbook(o.answer.pack, { file: FILE });
          }
          const o = await w.query('doc', 1, text, 'en', [], { kind: 'reviewPackXlsx', file: FILE });
          if (o.status !== 'done') throw new Error(`reviewPackXlsx: ${JSON.stringify(o)}`);
          return o.answer.xlsx;
        });
        rows.push({ steps, way, round, stallMs: +r.stallMs.toFixed(1), totalMs: Math.round(r.totalMs), bytes: r.value.byteLength });
        if (!JSON_OUT) console.error(`${steps} steps, ${way}, round ${round}: longest stall ${r.stallMs.toFixed(1)} ms, ${Math.round(r.totalMs)} ms in all, ${r.value.byteLength} bytes`);
      }
    }
    w.dispose();
  }
  if (JSON_OUT) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  console.log('| steps | way | longest stall of the host (ms) | export (ms) | xlsx bytes |');
  console.log('|---:|---|---|---|---:|');
  for (const steps of STEPS) {
    for (const way of ['host', 'worker'] as const) {
      const rs = rows.filter((r) => r.steps === steps && r.way === way);
      console.log(`| ${steps} | ${way} | ${rs.map((r) => r.stallMs).join(', ')} | ${rs.map((r) => r.totalMs).join(', ')} | ${rs[0].bytes} |`);
    }
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

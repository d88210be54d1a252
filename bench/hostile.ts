/**
 * Hostile families (issue 12 item 1): analysis time, heap growth and findings
 * of each generated family (test/support/hostile-families.ts) at doubling
 * sizes, so bench/results.md shows the curve: time and memory grow at most
 * linearly with the file's size. Best of `--reps` runs per size.
 *
 *   node bench/.out/hostile.js --out FILE [--reps N] [--quick]
 */
import * as fs from 'node:fs';
import { analyze } from '../src/core/engine';
import { FAMILIES } from '../test/support/hostile-families';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const out = arg('--out');
const reps = Number(arg('--reps') ?? 3);
const quick = argv.includes('--quick');

interface Point {
  n: number;
  bytes: number;
  ms: number;
  heapMB: number;
  findings: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
const result: Record<string, Point[]> = {};
for (const [name, make] of Object.entries(FAMILIES)) {
  const base = name === 'nested aliases' ? 100 : 250;
  const sizes = quick ? [base, 2 * base] : [base, 2 * base, 4 * base, 8 * base];
  result[name] = [];
  analyze(make(base)); // warm up
  for (const n of sizes) {
    const text = make(n);
    let best = Infinity;
    let heap = 0;
    let findings = 0;
    for (let i = 0; i < reps; i++) {
      gc?.();
      const before = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      const r = analyze(text);
      best = Math.min(best, performance.now() - t0);
      heap = Math.max(heap, process.memoryUsage().heapUsed - before);
      findings = r.diagnostics.length;
    }
    result[name].push({ n, bytes: text.length, ms: best, heapMB: heap / 1048576, findings });
  }
}
const json = JSON.stringify(result, null, 2);
if (out) fs.writeFileSync(out, json);
else process.stdout.write(json + '\n');

#!/usr/bin/env node
// `npm run mutation:part -- <part> [stryker options]`: one part of the full mutation run (test/mutation/parts.mjs),
// incremental from the part's kept results (test/mutation/results.mjs), which it updates when the run ends.
//
//   npm run mutation:part -- schema --concurrency 2
//
// Stryker writes its incremental file only when a run ends: a stopped run keeps nothing, and its kept results
// stay as they were.
import path from 'node:path';
import { PARTS } from '../test/mutation/parts.mjs';
import { ROOT, keep, restore, keptFile, runStryker } from '../test/mutation/results.mjs';

const [part, ...options] = process.argv.slice(2);
if (!part || !(part in PARTS)) {
  console.error(`usage: npm run mutation:part -- <part> [stryker options]\nparts: ${Object.keys(PARTS).join(', ')}`);
  process.exit(2);
}
if (restore(part)) console.log(`${part}: starting from the kept results (${path.relative(ROOT, keptFile(part))})`);
const status = runStryker('stryker.part.config.mjs', options, { BIZFLOW_MUTATION_PART: part });
if (status !== 0) {
  console.error(`${part}: Stryker ended with ${status}; the kept results are unchanged`);
  process.exit(typeof status === 'number' ? status : 1);
}
keep(part);
console.log(`${part}: results kept in ${path.relative(ROOT, keptFile(part))} (commit it with test/mutation/results/index.json)`);

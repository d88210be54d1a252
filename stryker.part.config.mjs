// The full mutation run in parts (`npm run mutation:part -- cli`, scripts/mutation-part.mjs): the whole of
// src/core and src/cli is ~21,000 mutants, 6–20 hours on a 2-core machine, and Stryker writes its
// incremental file only when a run ends (a stopped run loses everything). So it runs a part at a time,
// each small enough to end within an hour on a shared machine, each incremental (a later run re-tests only
// what changed) with its own report in reports/mutation-<part>/. scripts/mutation-part.mjs keeps the incremental
// file in the repository when a run ends (test/mutation/results/), and starts a run from it on a machine that
// has none. `npm run mutation:summary` merges the parts' reports into one table (docs/mutation.md).
import base from './stryker.config.mjs';
import { PARTS } from './test/mutation/parts.mjs';

const part = process.env.BIZFLOW_MUTATION_PART ?? '';
if (!(part in PARTS)) throw new Error(`BIZFLOW_MUTATION_PART must be one of: ${Object.keys(PARTS).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: PARTS[part],
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${part}.json`,
  // A timeout counts as killed. The parts run for hours on a machine shared with other work, where a test run
  // can take several times its initial duration: Stryker's default factor (1.5) turned such slow runs of
  // surviving mutants into "killed" (the rules part of 7 Dec). Real endless loops still end, 4 times later.
  timeoutFactor: 4,
  htmlReporter: { fileName: `reports/mutation-${part}/index.html` },
  jsonReporter: { fileName: `reports/mutation-${part}/mutation.json` },
};

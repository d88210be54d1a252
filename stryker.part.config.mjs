// The full mutation run in parts (`BIZFLOW_MUTATION_PART=cli npm run mutation:part`): the whole of
// src/core and src/cli is 21,238 mutants, an estimated 6–20 hours on a 2-core machine, so it runs a
// part at a time, each part incremental (a stopped run continues where it stopped) with its own report
// in reports/mutation-<part>/. Parts: see PARTS; docs/mutation.md collects their scores.
import base from './stryker.config.mjs';

const PARTS = {
  cli: ['src/cli/**/*.ts', '!src/cli/main.ts', '!src/cli/index.ts'],
  rules: ['src/core/rules/**/*.ts', '!src/core/rules/index.ts'],
  review: ['src/core/review/**/*.ts', '!src/core/review/index.ts'],
  schema: ['src/core/schema/**/*.ts', '!src/core/schema/index.ts'],
  // the rest of src/core: the engine, model, graph, parse, fixes, language features
  core: ['src/core/*.ts', '!src/core/index.ts', '!src/core/**/*.d.ts'],
};
const part = process.env.BIZFLOW_MUTATION_PART ?? '';
if (!(part in PARTS)) throw new Error(`BIZFLOW_MUTATION_PART must be one of: ${Object.keys(PARTS).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: PARTS[part],
  incremental: true,
  // A timeout counts as killed. The parts run for hours on a machine shared with other work, where a test run
  // can take several times its initial duration: Stryker's default factor (1.5) turned such slow runs of
  // surviving mutants into "killed" (the rules part of 7 Dec). Real endless loops still end, 4 times later.
  timeoutFactor: 4,
  incrementalFile: `reports/stryker-incremental-${part}.json`,
  htmlReporter: { fileName: `reports/mutation-${part}/index.html` },
  jsonReporter: { fileName: `reports/mutation-${part}/mutation.json` },
};

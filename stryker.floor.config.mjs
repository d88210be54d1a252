// A narrowed ("floor") run of one part of the full mutation run (`npm run mutation:floor -- <part> <test files>`,
// scripts/mutation-floor.mjs): the part's files against the named unit test files only. A floor, since the full
// run (every unit test) can only kill more, and minutes instead of an hour: its list of survivors
// (test/mutation/floor/<part>.txt) is for writing tests before the part's full run. Not incremental, and its
// report is not the part's (reports/floor-<part>/).
import base from './stryker.config.mjs';
import { PARTS } from './test/mutation/parts.mjs';

const part = process.env.BIZFLOW_MUTATION_PART ?? '';
if (!(part in PARTS)) throw new Error(`BIZFLOW_MUTATION_PART must be one of: ${Object.keys(PARTS).join(', ')}`);
const spec = (process.env.BIZFLOW_MUTATION_SPEC ?? '').split(/\s+/).filter(Boolean);
if (!spec.length) throw new Error('BIZFLOW_MUTATION_SPEC: the unit test files to run, separated by spaces');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mochaOptions: { ...base.mochaOptions, spec },
  mutate: PARTS[part],
  timeoutFactor: 4,
  // its own sandbox folder, so that it can run beside a part's run
  tempDirName: '.stryker-tmp-floor',
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp'],
  reporters: ['json', 'progress'],
  jsonReporter: { fileName: `reports/floor-${part}/mutation.json` },
};

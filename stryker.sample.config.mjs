// A sample mutation run (`npm run mutation:sample`): the full run
// (stryker.config.mjs, `npm run mutation`) mutates all of src/core and
// src/cli, 21,238 mutants, an estimated 6–20 hours on a busy machine. This one mutates a
// representative part (the CLI's argument parser and SARIF/JSON output, the
// requirement helpers and six rules of three families) and runs the rule, CLI
// and fix tests. Score and survivors: docs/mutation.md.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mochaOptions: {
    ...base.mochaOptions,
    spec: ['test/unit/rules/**/*.test.ts', 'test/unit/cli/**/*.test.ts', 'test/unit/fixes.test.ts', 'test/unit/conflict-count.test.ts'],
    // the wording of every message over a corpus: slow, and messages are static (not mutated)
    ignore: [...base.mochaOptions.ignore, 'test/unit/rules/messages.test.ts'],
  },
  mutate: [
    'src/cli/args.ts',
    'src/cli/format-sarif.ts',
    'src/cli/format-json.ts',
    'src/cli/results.ts',
    'src/core/conflicts.ts',
    'src/core/rules/req-depends-cycle.ts',
    'src/core/rules/req-no-acceptance.ts',
    'src/core/rules/req-untraced.ts',
    'src/core/rules/flow-unreachable.ts',
    'src/core/rules/flow-no-start.ts',
    'src/core/rules/handoff-no-data.ts',
  ],
  // a mutant that loops forever is cut off after (normal time × 1.5 + 10 s)
  timeoutMS: 10000,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental-sample.json',
  htmlReporter: { fileName: 'reports/mutation-sample/index.html' },
  jsonReporter: { fileName: 'reports/mutation-sample/mutation.json' },
};

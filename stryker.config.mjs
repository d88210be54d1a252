// Mutation testing (`npm run mutation`, not in CI: it takes long). Stryker
// changes src/core and src/cli one mutant at a time and runs the unit tests
// that cover the changed code; a mutant no test notices ("survived") is
// behaviour no test guards. The report: reports/mutation/ (HTML, JSON), and
// the score and survivors summarised in docs/mutation.md.
//
// Narrow a run: `npm run mutation -- --mutate "src/core/rules/**/*.ts"`.
import { readdirSync } from 'node:fs';

// The test files that take a second or more (corpus, property, large-input, transcript and validator tests),
// quickest first; measured with `BIZFLOW_MUTATION=1 npx mocha --reporter json` (docs/mutation.md). They run
// after all the others: a mutant is killed by its first failing test, and Stryker runs the tests covering a
// mutant in the order of the files, so the quick, targeted tests (a rule's own) get to fail first. Before,
// in alphabetical order, bounded-work.test.ts and the CLI's corpus tests ran first for most mutants of src/core.
const SLOW_LAST = [
  'test/unit/cli/formats-ci.test.ts',
  'test/unit/review/fingerprint.test.ts',
  'test/unit/core-state.test.ts',
  'test/unit/mistakes/mutation.test.ts',
  'test/unit/swimlane-layout.test.ts',
  'test/unit/cli/render.test.ts',
  'test/unit/fuzz.test.ts',
  'test/unit/edit-safety.property.test.ts',
  'test/unit/cli/fix.test.ts',
  'test/unit/rules/messages.test.ts',
  'test/unit/robustness.test.ts',
  'test/unit/cli/render-markdown.test.ts',
  'test/unit/cli/transcripts.test.ts',
  'test/unit/worker-packing.test.ts',
  'test/unit/bounded-work.test.ts',
];
const unitTests = readdirSync('test/unit', { recursive: true })
  .map((f) => `test/unit/${String(f).split('\\').join('/')}`)
  .filter((f) => f.endsWith('.test.ts'))
  .sort();
for (const f of SLOW_LAST) if (!unitTests.includes(f)) throw new Error(`stryker.config.mjs: ${f} is not a unit test file (SLOW_LAST)`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'mocha',
  mochaOptions: {
    spec: [...unitTests.filter((f) => !SLOW_LAST.includes(f)), ...SLOW_LAST],
    // setup.cjs sets BIZFLOW_MUTATION=1: the timing and scaling tests (itTiming, test/unit/timing.ts)
    // skip themselves, since instrumented code is several times slower and they would time out.
    require: ['tsx/cjs', './test/mutation/setup.cjs'],
    // Chromium- and LibreOffice-driven tests test src/node; the spawn tests run the built dist/cli.js (not mutated).
    // guards.test.ts reads the sources, which Stryker's sandbox marks with @ts-nocheck.
    // extension-package.test.ts lists what `vsce` would pack, and the sandbox holds more than the repository.
    ignore: [
      'test/unit/mermaid-chromium.test.ts',
      'test/unit/swimlane-chromium.test.ts',
      'test/unit/review/pack-chromium.test.ts',
      'test/unit/review/xlsx-libreoffice.test.ts',
      // the Open XML SDK validator (a .NET program) on src/node's workbook: 4 s per run, nothing of it mutated
      'test/unit/review/xlsx-ooxml-validator.test.ts',
      'test/unit/cli/spawn.test.ts',
      'test/unit/cli/package.test.ts',
      'test/unit/guards.test.ts',
      // reads the test files' sources (test files call the mutated code inside their tests)
      'test/unit/load-time-calls.test.ts',
      'test/unit/extension-package.test.ts',
    ],
  },
  mutate: ['src/core/**/*.ts', 'src/cli/**/*.ts', '!src/**/index.ts', '!src/cli/main.ts', '!src/**/*.d.ts'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 20000,
  // the initial run (every unit test, with per-test coverage of ~21,000 mutants) took over Stryker's
  // default 5 minutes on the shared 2-core machine
  dryRunTimeoutMinutes: 30,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  // Not copied into the sandbox: the VS Code download (a symbolic link to a folder), build leftovers and earlier
  // reports, and a narrowed run's sandbox. The parts' kept results (test/mutation/results/) are copied: mutation-parts.test.ts reads them.
  ignorePatterns: ['.vscode-test', 'out', 'test/artifacts', '*.vsix', 'reports', '.stryker-tmp-floor'],
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
};

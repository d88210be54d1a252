// The parts of the full mutation run (stryker.part.config.mjs), each small enough to end within an hour on
// a shared 2-core machine; scripts/mutation-summary.mjs merges their reports.
const rules = (...globs) => globs.map((g) => `src/core/rules/${g}.ts`);
const core = (...names) => names.map((n) => `src/core/${n}.ts`);
/** Part name → Stryker `mutate` patterns (test/unit/mutation-parts.test.ts: every mutated file in exactly one part). */
export const PARTS = {
  cli: ['src/cli/**/*.ts', '!src/cli/main.ts', '!src/cli/index.ts'],
  'rules-conflict-data': rules('conflict-*', 'data-*'),
  'rules-flow-ref': rules('flow-*', 'handoff-*', 'ref-*'),
  'rules-other': rules('req-*', 'review-*', 'role-*', 'schema-*', 'yaml-*'),
  'review-pack': ['src/core/review/pack*.ts'],
  'review-other': ['src/core/review/*.ts', '!src/core/review/pack*.ts', '!src/core/review/index.ts'],
  schema: ['src/core/schema/**/*.ts', '!src/core/schema/index.ts'],
  // the files directly in src/core
  'core-model': core('model', 'parse', 'graph', 'engine', 'facts', 'rule', 'positions', 'config', 'i18n', 'collections', 'sizes', 'types'),
  'core-cursor': core('cursor', 'completion', 'hover', 'suggest', 'typing-triggers'),
  'core-cards': core('cards', 'symbols', 'rename', 'escape', 'edits'),
  'core-fixes': core('fixes', 'mistakes', 'typing', 'autofix', 'templates', 'rcfile'),
  'core-views': core('tree', 'tree-pack', 'tree-groupings', 'outline', 'slices', 'mermaid', 'conflicts', 'conflict-count', 'decisions'),
};

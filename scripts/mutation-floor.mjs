#!/usr/bin/env node
// `npm run mutation:floor -- <part> <test file>... [-- stryker options]`: a narrowed run of one part of the full
// mutation run (stryker.floor.config.mjs) against the named unit test files only, and its survivors written to
// test/mutation/floor/<part>.txt (with the test files, the time and a line per file) to write tests from.
//
//   npm run mutation:floor -- core-cursor test/unit/cursor.test.ts test/unit/completion.test.ts -- --concurrency 1
import fs from 'node:fs';
import path from 'node:path';
import { PARTS } from '../test/mutation/parts.mjs';
import { ROOT, leftLine, runStryker, utcMinute } from '../test/mutation/results.mjs';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const [part, ...spec] = dash < 0 ? argv : argv.slice(0, dash);
const options = dash < 0 ? [] : argv.slice(dash + 1);
if (!part || !(part in PARTS) || !spec.length) {
  console.error(`usage: npm run mutation:floor -- <part> <test file>... [-- stryker options]\nparts: ${Object.keys(PARTS).join(', ')}`);
  process.exit(2);
}
for (const f of spec) if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f}: no such test file`);
const started = new Date();
const status = runStryker('stryker.floor.config.mjs', options, { BIZFLOW_MUTATION_PART: part, BIZFLOW_MUTATION_SPEC: spec.join(' ') });
if (status !== 0) process.exit(typeof status === 'number' ? status : 1);

const report = JSON.parse(fs.readFileSync(path.join(ROOT, 'reports', `floor-${part}`, 'mutation.json'), 'utf8'));
const head = [
  `# Narrowed ("floor") mutation run of the part ${part}, ${utcMinute(started)} – ${utcMinute(new Date())}: its files against these unit tests only:`,
  `# ${spec.join(' ')}`,
  '# A floor: the full run (every unit test) can only kill more. Its survivors and no-coverage mutants follow, one per line',
  "# (file:line:column status mutator: replacement), to write tests from before the part's full run (docs/mutation.md).",
];
const left = [];
for (const [file, f] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const c = {};
  for (const m of f.mutants) {
    c[m.status] = (c[m.status] ?? 0) + 1;
    if (m.status === 'Survived' || m.status === 'NoCoverage') left.push(leftLine(file, m));
  }
  const detected = (c.Killed ?? 0) + (c.Timeout ?? 0);
  const valid = detected + (c.Survived ?? 0) + (c.NoCoverage ?? 0);
  head.push(`# ${file}: ${valid ? `${((100 * detected) / valid).toFixed(1)} %` : '–'} ${JSON.stringify(c)}`);
}
const out = path.join(ROOT, 'test', 'mutation', 'floor', `${part}.txt`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${[...head, ...left].join('\n')}\n`);
console.log(`${part}: ${left.length} mutants left, listed in ${path.relative(ROOT, out)}`);

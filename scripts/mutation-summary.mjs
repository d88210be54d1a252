#!/usr/bin/env node
// `npm run mutation:summary`: the full mutation run's score from its parts' reports
// (reports/mutation-<part>/mutation.json, written by `npm run mutation:part -- <part>`, or else the part's
// results kept in the repository, test/mutation/results.mjs), as a Markdown table per part and file for
// docs/mutation.md. Parts without a report here or a kept one are listed as such.
//
//   node scripts/mutation-summary.mjs [--files] [--survivors PART] [--forget-errors PART]
//
// Score as Stryker computes it: detected (killed + timeout) / (detected + survived + no coverage); "of
// covered" leaves out the mutants no test runs. Ignored, compile and runtime errors count in neither, so the
// errors are shown in a column of their own: a run whose sandbox went away under it (a stopped run, a removed
// .stryker-tmp) records its remaining mutants as runtime errors ("Cannot find module", "ENOENT"), and an
// incremental run reuses them. `--forget-errors PART` removes the errored mutants from the part's incremental file
// (reports/stryker-incremental-PART.json, restored from the kept results first), so the next run of the part
// tests them again.
import fs from 'node:fs';
import path from 'node:path';
import { PARTS } from '../test/mutation/parts.mjs';
import { ROOT, incrementalFile, leftLine, readIndex, readKept, restore, utcMinute } from '../test/mutation/results.mjs';

const argv = process.argv.slice(2);
const perFile = argv.includes('--files');
const survivorsOf = argv.includes('--survivors') ? argv[argv.indexOf('--survivors') + 1] : undefined;
const forgetErrorsOf = argv.includes('--forget-errors') ? argv[argv.indexOf('--forget-errors') + 1] : undefined;
const ERRORS = new Set(['RuntimeError', 'CompileError']);

if (forgetErrorsOf !== undefined) {
  if (!(forgetErrorsOf in PARTS)) throw new Error(`--forget-errors: no part ${forgetErrorsOf} (${Object.keys(PARTS).join(', ')})`);
  restore(forgetErrorsOf);
  const file = incrementalFile(forgetErrorsOf);
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  let forgotten = 0;
  for (const f of Object.values(report.files)) {
    const kept = f.mutants.filter((m) => !ERRORS.has(m.status));
    forgotten += f.mutants.length - kept.length;
    f.mutants = kept;
  }
  fs.writeFileSync(file, JSON.stringify(report));
  console.log(`${path.relative(ROOT, file)}: ${forgotten} errored mutants forgotten (the next run of ${forgetErrorsOf} tests them again)`);
  process.exit(0);
}

const empty = () => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0 });
const KEY = { Killed: 'killed', Timeout: 'timeout', Survived: 'survived', NoCoverage: 'noCoverage', RuntimeError: 'errors', CompileError: 'errors' };
const add = (a, b) => {
  for (const k of Object.keys(a)) a[k] += b[k];
  return a;
};
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)} %` : '–');
const row = (name, c, when = '') => {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  return `| ${name} | ${pct(detected, valid)} | ${pct(detected, detected + c.survived)} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.errors} |${when ? ` ${when} |` : ''}`;
};

const total = empty();
const lines = ['| part | score | of covered | killed | timeout | survived | no coverage | errors | report written |', '|---|---|---|---|---|---|---|---|---|'];
const fileLines = ['| file | score | of covered | killed | timeout | survived | no coverage | errors |', '|---|---|---|---|---|---|---|---|'];
const notRun = [];
const index = readIndex();
for (const part of Object.keys(PARTS)) {
  // this machine's report of the part, or else the one kept in the repository
  const file = path.join(ROOT, 'reports', `mutation-${part}`, 'mutation.json');
  const local = fs.existsSync(file);
  const report = local ? JSON.parse(fs.readFileSync(file, 'utf8')) : readKept(part);
  if (!report) {
    notRun.push(part);
    lines.push(`| ${part} | no report | | | | | | | |`);
    continue;
  }
  const sum = empty();
  for (const [name, f] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const c = empty();
    for (const m of f.mutants) {
      const k = KEY[m.status];
      if (k) c[k]++;
      if (survivorsOf === part && (m.status === 'Survived' || m.status === 'NoCoverage')) {
        console.log(leftLine(name, m));
      }
    }
    add(sum, c);
    fileLines.push(row(name.replace(/^src\//, ''), c));
  }
  add(total, sum);
  const written = local ? utcMinute(fs.statSync(file).mtime) : `${index[part]?.written ?? '?'} (kept)`;
  lines.push(row(part, sum, written));
}
lines.push(row(`**all parts run** (${Object.keys(PARTS).length - notRun.length} of ${Object.keys(PARTS).length})`, total, ''));
if (!survivorsOf) {
  console.log(lines.join('\n'));
  if (perFile) console.log(`\n${fileLines.join('\n')}`);
  if (notRun.length) console.log(`\nNo report in reports/ and none kept in test/mutation/results/: ${notRun.join(', ')} (never run, or run before results were kept: docs/mutation.md has those numbers).`);
}

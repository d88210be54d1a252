// The full mutation run's results, kept in the repository: a part's Stryker incremental file (the whole
// mutation-testing report: every mutant's status and the tests that cover it) gzipped in
// test/mutation/results/<part>.json.gz, and index.json with when each was written and its counts. reports/ is
// not committed, and a machine (or a clone) without it would otherwise run every part again from nothing
// (hours each); with these files a part's next run re-tests only the mutants whose code or tests changed, and
// `npm run mutation:summary` shows every part measured so far.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS = path.join(ROOT, 'test', 'mutation', 'results');
const INDEX = path.join(RESULTS, 'index.json');

/** Where Stryker reads and writes a part's incremental file (stryker.part.config.mjs). */
export const incrementalFile = (part) => path.join(ROOT, 'reports', `stryker-incremental-${part}.json`);
/** The kept copy of a part's incremental file. */
export const keptFile = (part) => path.join(RESULTS, `${part}.json.gz`);

/** A time to the minute, as the reports and index.json show it: `2026-12-08 00:57 UTC`. */
export const utcMinute = (date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** A mutant left (survived or not covered) as one line: `file:line:column status mutator: "replacement"`. */
export const leftLine = (file, m) =>
  `${file}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName}: ${JSON.stringify(m.replacement ?? '')}`;

/** Runs Stryker with a config file of the repository, Stryker's options and extra environment; its exit status. */
export function runStryker(config, options, env) {
  const stryker = path.join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
  const run = spawnSync(process.execPath, [stryker, 'run', config, ...options], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return run.status ?? run.signal;
}

/** index.json: part → { written (ISO time of the run's end), counts by status }. */
export function readIndex() {
  return fs.existsSync(INDEX) ? JSON.parse(fs.readFileSync(INDEX, 'utf8')) : {};
}

/** The part's kept report (parsed), or undefined when the part was never kept. */
export function readKept(part) {
  const file = keptFile(part);
  return fs.existsSync(file) ? JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) : undefined;
}

/** Counts of a report's mutants by status. */
export function countStatuses(report) {
  const counts = {};
  for (const f of Object.values(report.files)) for (const m of f.mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** Puts the kept report where Stryker reads it, unless a report of the part is already there. Returns whether it did. */
export function restore(part) {
  const target = incrementalFile(part);
  if (fs.existsSync(target) || !fs.existsSync(keptFile(part))) return false;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(readKept(part)));
  return true;
}

/** Keeps the part's incremental file (after a run that ended): gzipped, with its time and counts in index.json. */
export function keep(part, written = fs.statSync(incrementalFile(part)).mtime) {
  const text = fs.readFileSync(incrementalFile(part), 'utf8');
  fs.mkdirSync(RESULTS, { recursive: true });
  // no file name or time in the gzip header: the same report gives the same bytes
  fs.writeFileSync(keptFile(part), zlib.gzipSync(text, { level: 9 }));
  const index = readIndex();
  index[part] = { written: utcMinute(written), statuses: countStatuses(JSON.parse(text)) };
  const sorted = Object.fromEntries(Object.entries(index).sort(([a], [b]) => a.localeCompare(b)));
  fs.writeFileSync(INDEX, `${JSON.stringify(sorted, null, 2)}\n`);
}

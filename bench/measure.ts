/**
 * One size of the core benchmark, in a process of its own (bench/run.mjs
 * bundles this file with esbuild, like dist/, and runs it):
 *
 *   node bench/.out/measure.js --file F --out OUT.json [--batch K --min-reps N --max-reps N --budget-ms MS --warmup N] [--rules [--rule-runs N]]
 *
 * Every round runs each measured operation K times back to back (its
 * amortised cost), one operation after the other (interleaved, so a noisy
 * neighbour slows all of them alike); rounds repeat until at least
 * min-reps were done and the time budget is spent (or max-reps is reached),
 * after `warmup` untimed rounds. No GC is forced between operations (see
 * `settle`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { analyze, analyzeModel } from '../src/core/engine';
import { buildGraph } from '../src/core/graph';
import { toMermaid } from '../src/core/mermaid';
import { buildModel } from '../src/core/model';
import { parseText } from '../src/core/parse';
import { LineIndex } from '../src/core/positions';
import { RULES } from '../src/core/rules/index';
import { buildSymbolIndex } from '../src/core/symbols';
import type { QueryMemo, RenderQueryOptions } from '../src/shared/language-query-protocol';
import { answerPreviewQuery } from '../src/shared/preview-queries';
import { createPeer } from './peer';
import { now, stats, type Stats } from './stats';

const args = process.argv.slice(2);
const opt = (name: string, fallback?: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const FILE = opt('file')!;
const OUT = opt('out')!;
const MIN_REPS = Number(opt('min-reps', '10'));
const MAX_REPS = Number(opt('max-reps', '50'));
const BUDGET_MS = Number(opt('budget-ms', '15000'));
const WARMUP = Number(opt('warmup', '2'));
const PER_RULE = args.includes('--rules');
const BATCH = Math.max(1, Number(opt('batch', '1')));
const ROOT = path.resolve(opt('root', process.cwd())!);

/** The diff view's render options (what the preview sends, its texts left to their defaults). */
const DIFF_OPTIONS: RenderQueryOptions = { fileName: 'bench.bizflow.yaml', mode: 'diff' };

/** Exactly what parse.ts hands to yaml (the floor no YAML-based linter can go below). */
function parseFloor(text: string) {
  return parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: false, keepSourceTokens: false, version: '1.2' });
}

async function main() {
  const text = fs.readFileSync(FILE, 'utf8');
  const peer = createPeer(ROOT);
  const samples: Record<string, number[]> = {
    parseFloor: [],
    parseText: [],
    analyze: [],
    buildModel: [],
    analyzeModel: [],
    afterParse: [],
    symbols: [],
    mermaid: [],
    diffRender: [],
    diffRenderKept: [],
    peer: [],
  };
  let diagnosticsCount = 0;
  let conflictCount = 0;
  let peerDiagnostics = 0;
  let mermaidBytes = 0;

  // Each operation runs BATCH times back to back and counts total / BATCH: its amortised cost,
  // including the collection of its own garbage. (One run at a time is bimodal: V8's periodic
  // major GC lands on whichever operation crosses the heap limit, so single-run medians and
  // means disagree by 2× at 1,000 steps.)
  // No forced GC: a `gc()` shrinks V8's young generation, and the next operation then runs up to
  // 2× slower (parse floor of 1,000 steps: 85 ms in a loop, 150 ms right after gc()), which is
  // not how the editor or the CLI run.
  const settle = () => new Promise<void>((r) => setImmediate(r));
  const batch = async <T>(key: string, timed: boolean, fn: (j: number) => T | Promise<T>): Promise<T> => {
    await settle();
    let last: T | undefined;
    const t0 = now();
    for (let j = 0; j < BATCH; j++) last = await fn(j);
    if (timed) samples[key].push((now() - t0) / BATCH);
    return last as T;
  };
  /**
   * About 100 MB of short-lived garbage: two or more scavenges move everything still alive (fresh
   * documents or models) to V8's old generation now, so the timed code that follows does not pay
   * for promoting data that it did not allocate.
   */
  const promoteSurvivors = () => {
    let keep: unknown;
    for (let i = 0; i < 3_000_000; i++) keep = { i, a: [i] };
    return keep;
  };
  // An untimed parse soaks up what the previous operations leave to V8 (a heap to re-size, old
  // garbage to collect): the first allocating operation after yaml-language-server runs up to 20 %
  // slower at 10,000 steps, and would otherwise make analysis / parse floor look better than it is.
  const absorb = () => void parseText(text);
  const round = async (timed: boolean) => {
    // A. whole-file operations, interleaved: the parse floor, parseText, analyze, the peer
    absorb();
    const doc = await batch('parseFloor', timed, () => parseFloor(text));
    if (doc.errors.length) throw new Error(`the generated file does not parse: ${doc.errors[0].message}`);
    await batch('parseText', timed, () => parseText(text));
    const full = await batch('analyze', timed, () => analyze(text));
    diagnosticsCount = full.diagnostics.length;
    conflictCount = full.diagnostics.filter((d) => d.code.startsWith('conflict/')).length;
    peerDiagnostics = await batch('peer', timed, () => peer.validate(text));

    // B. after parsing: buildModel, then analyzeModel, then the symbol index and the Mermaid text,
    // on documents parsed beforehand; one untimed analysis first pays for moving those fresh
    // documents to V8's old generation (part of parsing, not of the analysis)
    const parsed = Array.from({ length: BATCH + 1 }, () => parseText(text));
    analyzeModel(buildModel(parsed[BATCH]));
    promoteSurvivors();
    const models: ReturnType<typeof buildModel>[] = [];
    await batch('buildModel', timed, (j) => (models[j] = buildModel(parsed[j])));
    const diags: ReturnType<typeof analyzeModel>[] = [];
    await batch('analyzeModel', timed, (j) => (diags[j] = analyzeModel(models[j])));
    if (timed) samples.afterParse.push(samples.buildModel[samples.buildModel.length - 1] + samples.analyzeModel[samples.analyzeModel.length - 1]);
    await batch('symbols', timed, (j) => buildSymbolIndex(models[j]));
    const m = await batch('mermaid', timed, (j) => toMermaid(models[j], diags[j]));
    mermaidBytes = Buffer.byteLength(m.text);

    // C. the diff view's render (the `render` query with the older version's text; the older version is the file
    // itself: its parse is what differs): parsed for each render (no memo: the host without a worker, and the
    // worker before 7 Dec 2026), and kept from an earlier render (the worker's kept analysis hands it on)
    const subject = { result: { parsed: parsed[0], model: models[0], diagnostics: diags[0] }, lines: new LineIndex(text) };
    const diff = { kind: 'render' as const, options: DIFF_OPTIONS, diff: { text, label: 'older' } };
    await batch('diffRender', timed, () => answerPreviewQuery(subject, diff));
    const memo: QueryMemo = {};
    answerPreviewQuery({ ...subject, memo }, diff);
    await batch('diffRenderKept', timed, () => answerPreviewQuery({ ...subject, memo }, diff));
  };

  for (let i = 0; i < WARMUP; i++) await round(false);
  const start = now();
  let reps = 0;
  while (reps < MAX_REPS && (reps < MIN_REPS || now() - start < BUDGET_MS)) {
    await round(true);
    reps++;
  }

  // where the analysis time goes: the graph and each rule on its own (median of a few runs)
  const perRule: Record<string, number> = {};
  if (PER_RULE) {
    // each rule alone, amortised over RUNS fresh models (rules share lazily computed, per-model
    // caches, so every call needs its own model); the models are built first (untimed)
    const runs = Number(opt('rule-runs', '3'));
    const parsedOnce = parseText(text);
    const freshModels = () => Array.from({ length: runs }, () => buildModel(parsedOnce));
    const amortised = async (fn: (m: ReturnType<typeof buildModel>) => unknown) => {
      const models = freshModels();
      promoteSurvivors();
      await settle();
      const t0 = now();
      for (const m of models) fn(m);
      return (now() - t0) / runs;
    };
    perRule['(buildGraph)'] = await amortised((m) => buildGraph(m));
    perRule['(no rule: engine overhead)'] = await amortised((m) => analyzeModel(m, { rules: [] }));
    for (const rule of RULES) perRule[rule.code] = await amortised((m) => analyzeModel(m, { rules: [rule] }));
  }

  const result: {
    file: string;
    bytes: number;
    reps: number;
    batch: number;
    diagnostics: number;
    conflicts: number;
    peerDiagnostics: number;
    peerVersion: string;
    mermaidBytes: number;
    stats: Record<string, Stats>;
    /** Raw samples in round order (round i of every operation ran back to back: ratios can be paired). */
    samples: Record<string, number[]>;
    perRule?: Record<string, number>;
  } = {
    file: FILE,
    bytes: Buffer.byteLength(text),
    reps,
    batch: BATCH,
    diagnostics: diagnosticsCount,
    conflicts: conflictCount,
    peerDiagnostics,
    peerVersion: peer.version,
    mermaidBytes,
    stats: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)])),
    samples: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map((x) => Math.round(x * 1000) / 1000)])),
  };
  if (PER_RULE) result.perRule = perRule;
  fs.writeFileSync(OUT, JSON.stringify(result, null, 2));
}

main().catch((e) => {
  process.stderr.write(`measure: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

/**
 * The extension host's longest stall while typing in a 10,000-step file,
 * with the analysis on the host (as before the worker) and in the analysis
 * worker (dist/worker.js, `npm run build` first), plus how often a newer
 * edit cancelled an outdated analysis.
 *
 *   npx tsx bench/worker-stall.ts [--steps 10000] [--keys 30] [--interval 40] [--worker-only] [--no-cancel] [--host-ranges] [--outline] [--tree] [--model] [--queries worker|host] [--preview worker|host] [--json]
 *
 * `--preview worker|host`: a preview is open: each analysis shown is also rendered, as the preview does on
 * its publish (src/extension/preview/panel.ts), then the cursor's highlight asked: `worker` asks the `render`
 * and `highlight` queries of the analysis worker (what the preview does now); `host` builds the parse and model
 * on the host (reading the analysis' `result`), then `prepareRender` and `highlightAt` (what it did before).
 * Either way the render model is then serialised as the webview's postMessage does (JSON).
 * `maxStallAfterTypingMs`: the longest stall after the last keystroke (receiving the last findings, render
 * and highlight), apart from the posts of the text while typing.
 *
 * `--outline`: each answer also carries the file's outline (as when an outline view or breadcrumbs show it),
 * which the host unpacks and turns into one symbol object per entry, in slices across tasks as the outline
 * provider does (`hostTasks.outlineMaxMs`: the longest slice), then VS Code converts and serialises the answer
 * in one task (`hostTasks.outlineReplyMs`);
 * `--tree`: and the roles & requirements trees (as the tree views, which follow the active document, ask), which
 * the host unpacks as far as the views show them on a refresh (`hostTasks.treeMaxMs`).
 *
 * `--no-cancel`: a superseded running analysis finishes (result dropped) instead of its worker being terminated.
 *
 * `--queries worker|host`: after every keystroke the editor also asks, like one with quick suggestions on, for
 * completion at the cursor, a hover on a step id and the quick fixes of a line with a finding (code actions):
 * `worker` answers them in the analysis worker from the analysis it keeps (what the providers do now,
 * `AnalysisService.query`), `host` on the host from an analysis, symbol index and line index built there once
 * per version (what the providers did before: `forDocument`, asked before the worker's findings of the version
 * arrived, analysed on the host). Each provider call also takes the document's text
 * as VS Code's `getText()` does (joining its lines), which the real providers do.
 *
 * On the host the editor's default debounce (250 ms) applies, so one
 * analysis runs after the last key; in the worker the debounce is 0, so every
 * keystroke starts an analysis and each newer one cancels the one before
 * (the worst case for cancellation).
 *
 * What runs on the "host" is what DiagnosticsController does per keystroke
 * and per answer: the debounce timer, posting the text, and making the
 * findings' ranges from the line/character numbers the worker computed
 * (before the worker did that, the host indexed the 2.7 MB text per answer;
 * `--host-ranges` does that again for comparison). A 1 ms probe timer
 * measures the event loop's longest gap (the stall: typing, completion and
 * other extensions wait that long); `hostTasks` gives the longest of each of
 * the host's own synchronous tasks, to tell them from garbage collection and
 * the load. Not measured here: the tree, the preview and the language
 * features, which build the model on the host (parse + model, ~60 % of an
 * analysis) when they read it; `--model` measures that once per run.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { analyze } from '../src/core/engine';
import { buildModel, parseText } from '../src/core';
import { LineIndex, lineRangeAt } from '../src/core/positions';
import { buildSymbolIndex } from '../src/core/symbols';
import { OUTLINE_MAX_ITEMS, unpackOutlineInSlices, type LinedOutlineNode } from '../src/core/outline';
import { NODES_PER_SLICE, type Slices } from '../src/core/slices';
import { runInSlices } from '../src/shared/slices';
import type { TreeData } from '../src/core/tree';
import { unpackTree } from '../src/core/tree-pack';
import { AnalysisWorker } from '../src/extension/analysisWorker';
import { answerQuery, type LanguageQuery, type RenderQueryOptions, type ShownDiagnostic } from '../src/shared/language-queries';
import { highlightAt, prepareRender, type RenderParts } from '../src/shared/preview-render';
import { nodeWorkerFactory } from '../src/extension/nodeWorker';
import type { Diagnostic } from '../src/core/types';
import { generateFlow } from './generate';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const STEPS = opt('steps', 10000);
const KEYS = opt('keys', 30);
const INTERVAL = opt('interval', 40);
const HOST_DEBOUNCE = 250;
const WORKER_DEBOUNCE = 0;

/** How long the probe runs on after `body` settles: the stall that delivers the last answer ends after it. */
const TAIL_MS = 300;

/**
 * Longest event-loop gap beyond the probe's 1 ms period while `body` runs and for TAIL_MS after. (Before the
 * tail, a stall that ended with the last answer went unmeasured: receiving the message is the stall, and the
 * body settled in its handler before the probe ran again. The 21–23 ms of 7 December were so.)
 */
/**
 * A full garbage collection before a measured phase: what the bench itself allocated just before (the
 * 2.7 MB text, the document's ~100,000 line strings, the warm-up analysis' answer) would otherwise still be in
 * the young generation and be copied by the first collections of the measured phase, a stall at the first
 * keystrokes that an extension host, whose document lines are long-lived, does not have.
 */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

async function measureStall(body: () => Promise<void>): Promise<{ maxStallMs: number; p99StallMs: number; maxStallAtMs: number; maxStallAfterTypingMs: number }> {
  collectGarbage();
  await new Promise((r) => setTimeout(r, 50));
  const gaps: number[] = [];
  const t0 = performance.now();
  let last = t0;
  let max = 0;
  let maxAt = 0;
  // after the last keystroke was posted (`typingEnded`): receiving the last answers (findings, render, highlight)
  const starts: number[] = [];
  typingEnded = Infinity;
  const probe = setInterval(() => {
    const now = performance.now();
    const gap = Math.max(0, now - last - 1);
    gaps.push(gap);
    if (gap > max) [max, maxAt] = [gap, last - t0];
    starts.push(last);
    last = now;
  }, 1);
  await body();
  await new Promise((r) => setTimeout(r, TAIL_MS));
  clearInterval(probe);
  let afterTyping = 0;
  gaps.forEach((g, i) => {
    if (starts[i] >= typingEnded) afterTyping = Math.max(afterTyping, g);
  });
  gaps.sort((a, b) => a - b);
  return { maxStallMs: gaps[gaps.length - 1] ?? 0, p99StallMs: gaps[Math.floor(gaps.length * 0.99)] ?? 0, maxStallAtMs: Math.round(maxAt), maxStallAfterTypingMs: afterTyping };
}

/** What the host did with an answer before the worker computed the ranges: index the text, then a range per span. */
function toRanges(text: string, diagnostics: Diagnostic[]): number {
  const idx = new LineIndex(text);
  let n = 0;
  for (const d of diagnostics) n += idx.position(d.span.start).line + idx.position(d.span.end).character;
  return n;
}

/** What the host does now (toVscodeDiagnostics): a range object per span from the worker's numbers. */
function fromWorkerRanges(ranges: Uint32Array): number {
  let n = 0;
  for (let k = 0; k < ranges.length / 4; k++) {
    const r = lineRangeAt(ranges, k);
    n += r.start.line + r.end.character;
  }
  return n;
}

/** The longest run of each of the host's own synchronous tasks (ms). */
const countNodes = (ns: readonly { children: readonly unknown[] }[]): number =>
  ns.reduce((n, x) => n + 1 + countNodes(x.children as { children: readonly unknown[] }[]), 0);

/** What the outline provider makes of each node (a vscode.DocumentSymbol with two ranges of two positions), in slices as it does. */
type OutlineSymbol = { name: string; detail: string; kind: string; range: ReturnType<typeof pair>; selectionRange: ReturnType<typeof pair>; children: OutlineSymbol[] };
function* symbolsInSlices(ns: readonly LinedOutlineNode[]): Slices<OutlineSymbol[]> {
  let made = 0;
  const out: OutlineSymbol[] = [];
  for (const n of ns) {
    out.push({ name: n.name, detail: n.detail, kind: n.kind, range: pair(n.range), selectionRange: pair(n.selectionRange), children: yield* symbolsInSlices(n.children) });
    if (++made % NODES_PER_SLICE === 0) yield;
  }
  return out;
}
const pair = (r: readonly number[]) => ({ start: { line: r[0], character: r[1] }, end: { line: r[2], character: r[3] } });

/**
 * What VS Code's extension host does with a document symbol provider's answer, in one task no provider can
 * slice: each symbol converted to its wire form (typeConvert.DocumentSymbol.from), then the reply serialised
 * for the renderer (rpcProtocol: JSON.stringify with a replacer that looks at every value; read from
 * code-server's extensionHostProcess.js).
 */
function vsCodeReply(symbols: readonly OutlineSymbol[]): number {
  const r = (x: ReturnType<typeof pair>) => ({ startLineNumber: x.start.line + 1, startColumn: x.start.character + 1, endLineNumber: x.end.line + 1, endColumn: x.end.character + 1 });
  const from = (s: OutlineSymbol): unknown => ({ name: s.name || '!!MISSING: name!!', detail: s.detail, kind: s.kind.length, tags: [], range: r(s.range), selectionRange: r(s.selectionRange), children: s.children.map(from) });
  const wire = symbols.map(from);
  const uri = (_: string, v: unknown) => (v && (v as { $mid?: number }).$mid === 1 ? { ...v } : v);
  return JSON.stringify(wire, (k, v) => (typeof v === 'undefined' ? null : typeof v === 'object' ? (v instanceof Uint8Array ? null : uri(k, v)) : v)).length;
}

/** The nodes the trees show when they refresh: every role (collapsed), every requirement group and its requirements. */
const shownTreeNodes = (t: TreeData): number => t.roles.length + t.requirements.reduce((n, g) => n + 1 + g.children.length, 0);

const hostTasks = { postMaxMs: 0, answerMaxMs: 0, queryMaxMs: 0, outlineMaxMs: 0, outlineReplyMs: 0, treeMaxMs: 0, previewMaxMs: 0 };
const timed = <T>(key: keyof typeof hostTasks, f: () => T): T => {
  const t = performance.now();
  try {
    return f();
  } finally {
    hostTasks[key] = Math.max(hostTasks[key], performance.now() - t);
  }
};

/** When the last keystroke's work on the host was done (`performance.now()`). */
let typingEnded = Infinity;

/** Types KEYS characters, one every INTERVAL ms, into a comment at the end; `lint` is called DEBOUNCE ms after the last key. */
async function typing(base: string, debounce: number, lint: (text: string, version: number) => Promise<void>): Promise<void> {
  let text = base;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const running: Promise<void>[] = [];
  for (let k = 1; k <= KEYS; k++) {
    text += String.fromCharCode(97 + (k % 26));
    const snapshot = text;
    clearTimeout(timer);
    timer = setTimeout(() => running.push(lint(snapshot, k)), debounce);
    await new Promise((r) => setTimeout(r, INTERVAL));
  }
  await new Promise((r) => setTimeout(r, debounce + 5));
  typingEnded = performance.now();
  await Promise.all(running);
}

async function main() {
  const base = generateFlow(STEPS).text + '\n# typing here: ';
  const file = path.resolve(__dirname, '../dist/worker.js');

  process.stderr.write(`[worker-stall] ${STEPS} steps, ${base.length} chars; typing on the host…\n`);
  // on the host: every lint that fires runs the whole analysis on the event loop
  let hostRuns = 0;
  const onHost = argv.includes('--worker-only') ? { maxStallMs: NaN, p99StallMs: NaN, maxStallAtMs: NaN, maxStallAfterTypingMs: NaN } : await measureStall(() =>
    typing(base, HOST_DEBOUNCE, async (text) => {
      hostRuns++;
      toRanges(text, analyze(text, { locale: 'en' }).diagnostics);
    }),
  );

  process.stderr.write(`[worker-stall] host: ${JSON.stringify(onHost)}; typing with the worker…\n`);
  // in the worker: the host posts the text and converts the answer; newer edits cancel older analyses
  const worker = new AnalysisWorker(nodeWorkerFactory(file), { cancelRunning: !argv.includes('--no-cancel') });
  await worker.analyze('warm-up', 'bizflow: 1\n', 'en', []);
  let shown = 0;
  let lastShown = 0;
  const t0 = performance.now();
  let firstAfterLastKey = 0;
  let typedAt = 0;
  const hostRanges = argv.includes('--host-ranges');
  // `--outline`: the worker also answers the outline (an outline view or breadcrumbs show the document)
  const withOutline = argv.includes('--outline');
  // `--tree`: and the roles & requirements trees (the tree views follow the active document and keep the badge)
  const withTree = argv.includes('--tree');
  let outlineNodes = 0;
  let treeNodes = 0;
  // `--queries worker|host`: completion, hover and quick fixes after every keystroke (quick suggestions on)
  const qi = argv.indexOf('--queries');
  const queries = qi >= 0 ? (argv[qi + 1] === 'host' ? 'host' : 'worker') : undefined;
  const asked = { sent: 0, answered: 0, stale: 0, failed: 0, completionEntries: 0, fixes: 0 };
  // `--preview worker|host`: a preview is open (render on each analysis shown, then the cursor's highlight)
  const pi = argv.indexOf('--preview');
  const preview = pi >= 0 ? (argv[pi + 1] === 'host' ? 'host' : 'worker') : undefined;
  const previewStats = { renders: 0, stale: 0, failed: 0, tooLarge: false, steps: 0, messageBytes: 0, highlights: 0 };
  const renderOptions: RenderQueryOptions = {
    fileName: 'big.bizflow.yaml',
    onlyConflictLanes: false,
    direction: 'LR',
    locale: 'en',
    mode: 'written',
    texts: { noConflicts: 'No step is in a conflict.', unknownRole: 'Role {0}?', roleChanges: '{0}:', roleChangeCounts: '{0} {1} {2} {3}', roleNoChange: '{0}', diffShown: '{0}', todayLeftOut: '{0}' },
  };
  /** What the panel does with a render's parts: post the model to the webview (serialised as JSON). */
  const post = (parts: RenderParts) => {
    previewStats.renders++;
    previewStats.tooLarge = !!parts.model.tooLarge;
    previewStats.steps = parts.model.steps.length;
    previewStats.messageBytes = JSON.stringify({ type: 'render', model: parts.model }).length;
  };
  const renderPreview = async (text: string, version: number, lines: string[], diagnostics: Diagnostic[]) => {
    const cursor = { line: lines.length - 1, character: lines[lines.length - 1].length };
    if (preview === 'host') {
      timed('previewMaxMs', () => {
        // the analysis' `result` read: the parse and model built on the host (the findings came from the worker)
        const result = analyzeModelOnly(text, diagnostics);
        const index = new LineIndex(text);
        post(prepareRender(result, index, renderOptions));
        highlightAt(result.model, index.offset(cursor.line, cursor.character));
        previewStats.highlights++;
      });
      return;
    }
    const r = await worker.query('doc', version, text, 'en', [], { kind: 'render', options: renderOptions });
    if (r.status !== 'done') {
      previewStats[r.status]++;
      return;
    }
    timed('previewMaxMs', () => post(r.answer.parts));
    const h = await worker.query('doc', version, text, 'en', [], { kind: 'highlight', ...cursor });
    if (h.status === 'done') previewStats.highlights++;
  };
  const hoverAt = new LineIndex(base).position(base.indexOf('role: ', base.indexOf('steps:')) + 'role: '.length + 1);
  // the finding the cursor moves onto (code actions): shown before the typing started, near the top of the file
  let shownDiagnostic: ShownDiagnostic | undefined;
  if (queries || argv.includes('--warm-doc')) {
    const first = await worker.analyze('doc', base, 'en', [], { version: 0 });
    if (first.status === 'done' && first.diagnostics.length) {
      const r = lineRangeAt(first.ranges, 0);
      shownDiagnostic = { code: first.diagnostics[0].code, message: first.diagnostics[0].message, range: [r.start.line, r.start.character, r.end.line, r.end.character] };
    }
  }
  // the document's lines, as VS Code keeps them (typing changes the last one)
  const docLines = base.split('\n');
  /** What the providers did before: the model, symbol index and line index built on the host once per version. */
  let hostModel: { version: number; subject: Parameters<typeof answerQuery>[0] } | undefined;
  const ask = async (text: string, version: number, lines: string[]) => {
    const getText = () => lines.join('\n'); // what VS Code's TextDocument.getText() does (the providers before: forDocument)
    const cursor = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const qs: LanguageQuery[] = [
      { kind: 'complete', ...cursor },
      { kind: 'hover', ...hoverAt },
      ...(shownDiagnostic ? [{ kind: 'fixes' as const, diagnostics: [shownDiagnostic] }] : []),
    ];
    await Promise.all(
      qs.map(async (q) => {
        asked.sent++;
        if (queries === 'host') {
          const a = timed('queryMaxMs', () => {
            const t = getText();
            if (hostModel?.version !== version) {
              // asked right after the keystroke, before the worker's findings of this version: forDocument analysed on the host
              const result = analyze(t, { locale: 'en' });
              hostModel = { version, subject: { result, index: buildSymbolIndex(result.model), locale: 'en', lines: new LineIndex(t) } };
            }
            return answerQuery(hostModel.subject, q);
          });
          asked.answered++;
          if (a.kind === 'complete') asked.completionEntries += a.entries.length;
          if (a.kind === 'fixes') asked.fixes += a.fixes.length;
          return;
        }
        // AnalysisService.query: the text of the analysis of this version (running), not getText()
        const o = await timed('queryMaxMs', () => worker.query('doc', version, text, 'en', [], q));
        if (o.status === 'done') {
          asked.answered++;
          if (o.answer.kind === 'complete') asked.completionEntries += o.answer.entries.length;
          if (o.answer.kind === 'fixes') asked.fixes += o.answer.fixes.length;
        } else asked[o.status]++;
      }),
    );
  };
  const inWorker = await measureStall(() =>
    typing(base, WORKER_DEBOUNCE, async (text, version) => {
      docLines[docLines.length - 1] = text.slice(text.lastIndexOf('\n') + 1);
      const lines = docLines;
      const analysed = timed('postMaxMs', () => worker.analyze('doc', text, 'en', [], { version, outline: withOutline, ...(withTree ? { tree: 'status' as const } : {}) }));
      // the editor asks right after the keystroke, while the analysis of that version runs
      const answered = queries ? ask(text, version, lines) : Promise.resolve();
      const o = await analysed;
      if (o.status === 'done') firstAfterLastKey = performance.now() - t0; // the findings shown (queries may still run)
      await answered;
      if (o.status !== 'done') return;

      timed('answerMaxMs', () => (hostRanges ? toRanges(text, o.diagnostics) : fromWorkerRanges(o.ranges)));
      // when the editor asks for the outline (breadcrumbs, the outline view): the entries it shows unpacked, a
      // symbol with two ranges each, in the task after the answer's (AnalysisService.outlineAnalysis, then Outlines in the language chunk)
      // (src/extension/language/symbols.ts: runInSlices), then VS Code's conversion and reply in one task
      if (o.outline) {
        await new Promise((r) => setTimeout(r, 0));
        const slices = { clock: () => performance.now(), onSlice: (ms: number) => (hostTasks.outlineMaxMs = Math.max(hostTasks.outlineMaxMs, ms)) };
        const nodes = (await runInSlices(unpackOutlineInSlices(o.outline, OUTLINE_MAX_ITEMS), slices))!;
        const symbols = (await runInSlices(symbolsInSlices(nodes), slices))!;
        outlineNodes = countNodes(symbols);
        timed('outlineReplyMs', () => vsCodeReply(symbols));
      }
      // the trees shown: the roles (collapsed) and the requirement groups with their requirements (expanded)
      if (o.tree) timed('treeMaxMs', () => (treeNodes = shownTreeNodes(unpackTree(o.tree!.data))));
      if (preview) await renderPreview(text, version, lines, o.diagnostics);
      shown++;
      lastShown = version;
    }),
  );
  typedAt = KEYS * INTERVAL; // approximately: the keys are timers of INTERVAL ms
  const stats = { ...worker.stats };
  worker.dispose();

  // what a consumer of the model (tree, preview, outline, completion…) costs on the host, once
  let modelMs = NaN;
  if (argv.includes('--model')) {
    const t = performance.now();
    buildModel(parseText(base));
    modelMs = Math.round(performance.now() - t);
  }

  const result = {
    steps: STEPS,
    bytes: Buffer.byteLength(base),
    keys: KEYS,
    intervalMs: INTERVAL,
    host: { ...round(onHost), debounceMs: HOST_DEBOUNCE, analyses: hostRuns },
    worker: {
      ...round(inWorker),
      debounceMs: WORKER_DEBOUNCE,
      cancelRunning: !argv.includes('--no-cancel'),
      shown,
      lastShownVersion: lastShown,
      superseded: stats.superseded,
      workersTerminated: stats.terminated,
      workersStarted: stats.started,
      typingEndToLastResultMs: Math.round(firstAfterLastKey - typedAt),
      rangesOnHost: hostRanges,
      outlineNodes: withOutline ? outlineNodes : undefined,
      treeNodesShown: withTree ? treeNodes : undefined,
      queries: queries ? { answeredOn: queries, ...asked, textOmitted: stats.textOmitted, answeredFromKept: stats.cachedQueries } : undefined,
      preview: preview ? { preparedOn: preview, ...previewStats } : undefined,
      hostTasks: {
        postMaxMs: Math.round(hostTasks.postMaxMs * 10) / 10,
        answerMaxMs: Math.round(hostTasks.answerMaxMs * 10) / 10,
        ...(queries ? { queryMaxMs: Math.round(hostTasks.queryMaxMs * 10) / 10 } : {}),
        ...(withOutline ? { outlineMaxMs: Math.round(hostTasks.outlineMaxMs * 10) / 10, outlineReplyMs: Math.round(hostTasks.outlineReplyMs * 10) / 10 } : {}),
        ...(withTree ? { treeMaxMs: Math.round(hostTasks.treeMaxMs * 10) / 10 } : {}),
        ...(preview ? { previewMaxMs: Math.round(hostTasks.previewMaxMs * 10) / 10 } : {}),
      },
    },
    hostModelBuildMs: modelMs,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    goalMaxStallMs: 50,
  };
  if (argv.includes('--json')) process.stdout.write(JSON.stringify(result) + '\n');
  else console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}

/** What `AnalysisService` builds on the host when a consumer reads `result` of the worker's analysis: the parse and model (the findings are the worker's). */
function analyzeModelOnly(text: string, diagnostics: Diagnostic[]) {
  const parsed = parseText(text);
  return { parsed, model: buildModel(parsed), diagnostics };
}

function round(x: { maxStallMs: number; p99StallMs: number; maxStallAtMs?: number; maxStallAfterTypingMs?: number }) {
  return {
    maxStallMs: Math.round(x.maxStallMs * 10) / 10,
    p99StallMs: Math.round(x.p99StallMs * 10) / 10,
    ...(x.maxStallAtMs !== undefined ? { maxStallAtMs: x.maxStallAtMs } : {}),
    ...(x.maxStallAfterTypingMs !== undefined ? { maxStallAfterTypingMs: Math.round(x.maxStallAfterTypingMs * 10) / 10 } : {}),
  };
}

void main();

/**
 * The analysis worker: answers `AnalyzeRequest`s with the core's findings and
 * `QueryRequest`s (completion, hover, quick fixes, rename, definition,
 * references; the preview's render and highlight) from the analyses it keeps per open document, one at a time,
 * off the extension host's thread. Environment-neutral: the
 * Node entry (`./node.ts`, bundled as dist/worker.js) and a Web Worker entry
 * give it their message port. One query is answered through a promise, the review pack's xlsx (exceljs writes
 * through promises), by the workbook maker the entry gives (the Node entry's loads dist/exceljs.js the first time;
 * the Web Worker has none and fails it: the host then makes it itself); the messages that arrive meanwhile wait
 * and are answered after it, in the order they came.
 */
import { analyze, type AnalysisResult } from '../core/engine';
import { buildOutline, packOutline } from '../core/outline';
import { diagnosticLineRanges, LineIndex } from '../core/positions';
import { buildSymbolIndex, type SymbolIndex } from '../core/symbols';
import { buildTree } from '../core/tree';
import { packTree } from '../core/tree-pack';
import type { Locale } from '../core/types';
import { answerQuery } from '../shared/language-queries';
import { isAsyncQuery, type QueryMemo } from '../shared/language-query-protocol';
import { answerReviewPackXlsx, type MakeWorkbook } from '../shared/review-queries';
import { isHostToWorker, type AnalyzeRequest, type HostToWorker, type QueryRequest, type WorkerToHost } from '../shared/worker-protocol';

/** How many documents' analyses the worker keeps (the most recently used ones). */
export const KEPT_ANALYSES = 8;

/** One kept analysis: the text and settings it is of, the parse, model and findings, the rest built on first use. */
interface Kept {
  text: string;
  /** The document version last analysed or asked about with this text. */
  version?: number;
  locale: Locale;
  config: string;
  result: AnalysisResult;
  symbols?: SymbolIndex;
  lines?: LineIndex;
  /** What answers keep of this analysis for later questions (the last review pack built of it, the diff's older version). */
  memo: QueryMemo;
}

/**
 * The worker's state: the last analysis of each open document (a bounded, most-recently-used set), so the
 * language features' queries after an edit reuse the analysis the diagnostics just made.
 */
export class AnalysisServer {
  private readonly kept = new Map<string, Kept>();
  /** Counters for tests: analyses made, and answers served from a kept analysis. */
  readonly stats = { analysed: 0, reused: 0 };

  constructor(
    private readonly capacity = KEPT_ANALYSES,
    /** Writes the review pack's xlsx (the `reviewPackXlsx` query); none: that query fails (the host makes it). */
    private readonly workbook?: MakeWorkbook,
  ) {}

  /** The keys kept, least recently used first. */
  keys(): string[] {
    return [...this.kept.keys()];
  }

  /**
   * Answers one message at once (never throws); `undefined` for a message that wants no answer (`forget`). A query
   * answered asynchronously (`isAsyncQuery`: the xlsx) fails here: `serve` answers it.
   */
  handle(req: HostToWorker): WorkerToHost | undefined {
    return this.respond(req, false) as WorkerToHost | undefined;
  }

  /**
   * Answers one message: at once, or through a promise for a query answered asynchronously (the xlsx); never
   * throws, the promise never rejects. `undefined` for a message that wants no answer (`forget`).
   */
  serve(req: HostToWorker): WorkerToHost | Promise<WorkerToHost> | undefined {
    return this.respond(req, true);
  }

  private respond(req: HostToWorker, async: boolean): WorkerToHost | Promise<WorkerToHost> | undefined {
    if (req.type === 'forget') {
      this.kept.delete(req.key);
      return undefined;
    }
    const t0 = Date.now();
    try {
      if (req.type === 'query') {
        const found = this.analysis(req.key, req);
        if (!found) return { type: 'missing', id: req.id };
        const { kept, cached } = found;
        // the symbol index built when a query first reads it (the preview's do not)
        const subject = { result: kept.result, get index() { return (kept.symbols ??= buildSymbolIndex(kept.result.model)); }, locale: kept.locale, lines: (kept.lines ??= new LineIndex(kept.text)), memo: kept.memo };
        const q = req.query;
        if (isAsyncQuery(q)) {
          const id = req.id;
          const workbook = this.workbook;
          if (!async) return { type: 'failed', id, message: `the ${q.kind} query is answered asynchronously (serve)` };
          if (!workbook) return { type: 'failed', id, message: 'this worker cannot make an xlsx (no exceljs here)' };
          return answerReviewPackXlsx(subject, q, workbook).then(
            (answer): WorkerToHost => ({ type: 'answered', id, answer, cached, ms: Date.now() - t0 }),
            (e: unknown): WorkerToHost => ({ type: 'failed', id, message: e instanceof Error ? e.message : String(e) }),
          );
        }
        const answer = answerQuery(subject, q);
        return { type: 'answered', id: req.id, answer, cached, ms: Date.now() - t0 };
      }
      // one line index per text: a kept analysis keeps it for the queries that follow
      const kept = req.key !== undefined ? this.analysis(req.key, req)!.kept : undefined;
      const { diagnostics, model } = kept ? kept.result : analyze(req.text, { locale: req.locale, config: req.config });
      const lines = kept ? (kept.lines ??= new LineIndex(kept.text)) : req.text;
      const ranges = diagnosticLineRanges(lines, diagnostics);
      // packed: the host's thread rebuilds every object of a message when it arrives, it only copies strings and arrays
      const outline = req.outline ? packOutline(lines, buildOutline(model)) : undefined;
      const tree = req.tree ? { grouping: req.tree, data: packTree(buildTree(model, diagnostics, req.tree)) } : undefined;
      return { type: 'analyzed', id: req.id, diagnostics, ranges, ...(outline ? { outline } : {}), ...(tree ? { tree } : {}), ms: Date.now() - t0 };
    } catch (e) {
      return { type: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) };
    }
  }

  /**
   * The kept analysis of `key` if it is of this text (or, for a query without its text, of this version) and
   * settings, else a new one (kept, evicting the least recently used); `undefined` for a query without its
   * text about a version not kept.
   */
  private analysis(key: string, req: AnalyzeRequest | QueryRequest): { kept: Kept; cached: boolean } | undefined {
    const config = JSON.stringify(req.config);
    const hit = this.kept.get(key);
    const same = hit && hit.locale === req.locale && hit.config === config && (req.text === undefined ? hit.version === req.version : hit.text === req.text);
    if (hit && same) {
      this.kept.delete(key);
      this.kept.set(key, hit); // most recently used
      if (req.version !== undefined) hit.version = req.version;
      this.stats.reused++;
      return { kept: hit, cached: true };
    }
    if (req.text === undefined) return undefined;
    this.kept.delete(key);
    // the diff view's older version, parsed for the analysis before, stays the same while the document is typed
    const memo: QueryMemo = hit?.memo.diffBefore ? { diffBefore: hit.memo.diffBefore } : {};
    const kept: Kept = { text: req.text, version: req.version, locale: req.locale, config, result: analyze(req.text, { locale: req.locale, config: req.config }), memo };
    this.stats.analysed++;
    this.kept.set(key, kept);
    while (this.kept.size > this.capacity) this.kept.delete(this.kept.keys().next().value as string);
    return { kept, cached: false };
  }
}

/** Answers one request without keeping anything (never throws). */
export function answer(req: AnalyzeRequest | QueryRequest): WorkerToHost;
export function answer(req: HostToWorker): WorkerToHost | undefined;
export function answer(req: HostToWorker): WorkerToHost | undefined {
  return new AnalysisServer().handle(req);
}

/** What an environment gives the worker: how it makes the review pack's xlsx (the desktop's: ./node.ts). */
export interface ServeOptions {
  workbook?: MakeWorkbook;
}

/**
 * Serves requests arriving through `on` with answers through `post` (`transfer`: the buffers that move to the
 * host with the message instead of being copied: an xlsx's bytes), in the order they arrive: while an answer is
 * made through a promise (the xlsx), the messages that arrive meanwhile wait for it.
 */
export function serveAnalysis(on: (listener: (m: unknown) => void) => void, post: (m: WorkerToHost, transfer?: ArrayBuffer[]) => void, options: ServeOptions = {}): void {
  const server = new AnalysisServer(KEPT_ANALYSES, options.workbook);
  const queue: unknown[] = [];
  let waiting = false;
  const send = (a: WorkerToHost) => {
    if (a.type === 'answered' && a.answer.kind === 'reviewPackXlsx') post(a, [a.answer.xlsx.buffer as ArrayBuffer]);
    else post(a);
  };
  const next = () => {
    while (!waiting && queue.length > 0) {
      const m = queue.shift();
      if (!isHostToWorker(m)) {
        // a malformed request with an id is failed (its sender would wait for an answer); anything else is dropped
        const id = typeof m === 'object' && m !== null ? (m as { id?: unknown }).id : undefined;
        if (typeof id === 'number') post({ type: 'failed', id, message: 'malformed request' });
        continue;
      }
      const a = server.serve(m);
      if (a instanceof Promise) {
        waiting = true;
        void a.then((answer) => {
          send(answer);
          waiting = false;
          next();
        });
      } else if (a) send(a);
    }
  };
  on((m) => {
    queue.push(m);
    next();
  });
}

/** In a Web Worker (VS Code for the Web): serve `self`. */
interface WebWorkerScope {
  postMessage(m: unknown): void;
  addEventListener(type: 'message', l: (e: { data: unknown }) => void): void;
}
const scope = globalThis as unknown as { WorkerGlobalScope?: unknown; self?: WebWorkerScope };
if (scope.WorkerGlobalScope !== undefined && scope.self) {
  const self = scope.self;
  // no workbook maker: exceljs is not part of the web build (the review commands are the desktop extension's)
  serveAnalysis(
    (l) => self.addEventListener('message', (e) => l(e.data)),
    (m) => self.postMessage(m),
  );
}

/**
 * The extension host's side of the analysis worker: requests are queued, one
 * runs at a time, and per document only the newest text matters. Language
 * queries (completion, hover, …) are queued too, ahead of analyses; the worker
 * answers them from the analysis it keeps of the document (see
 * src/worker/analysis.ts), so after an edit the diagnostics' analysis serves them.
 *
 * Cancellation: a newer request for the same key supersedes an older one.
 * A queued older request is answered `superseded` at once; a running one is
 * either terminated with its worker (`cancelRunning: true`, the default: a
 * 10,000-step file takes ~1 s to analyse, a new worker starts in ~30 ms off
 * the host's thread, see bench/notes.md) or left to finish with its result
 * dropped. A worker that dies (out of memory on an alias bomb, a crash) fails
 * only the request it was running; the next request starts a new one.
 *
 * No `vscode` and no Node built-ins here: the worker itself comes from a
 * `WorkerFactory` (`nodeWorker.ts` on the desktop, a Web Worker later).
 */
import type { SeverityConfig } from '../core/config';
import type { PackedOutline } from '../core/outline';
import type { PackedTree } from '../core/tree-pack';
import type { RequirementGrouping } from '../core/tree-groupings';
import type { Diagnostic, Locale } from '../core/types';
import type { AnswerOf, LanguageQuery, QueryKind } from '../shared/language-query-protocol';
import type { WorkerEndpoint, WorkerFactory, WorkerToHost } from '../shared/worker-protocol';

export type WorkerOutcome =
  /** `ranges`: the findings' line/character ranges, see `AnalyzeAnswer.ranges`. */
  | {
      status: 'done';
      diagnostics: Diagnostic[];
      ranges: Uint32Array;
      outline?: PackedOutline;
      tree?: { grouping: RequirementGrouping; data: PackedTree };
      ms: number;
    }
  /** A newer request for the same key replaced this one; nothing to show. */
  | { status: 'superseded' }
  /** The analysis threw, the worker died or took longer than `timeoutMs`. */
  | { status: 'failed'; message: string };

/** What a language query comes back with. */
export type QueryOutcome<K extends QueryKind = QueryKind> =
  | { status: 'done'; answer: AnswerOf<K>; cached: boolean; ms: number }
  /** A newer version of the document was asked about before this query ran, or the caller cancelled it: VS Code asks again. */
  | { status: 'stale' }
  /** The query threw, the worker died or took longer than `timeoutMs`. */
  | { status: 'failed'; message: string };

/** The part of a VS Code `CancellationToken` the client uses (no `vscode` here). */
export interface CancelSignal {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

export interface AnalysisWorkerOptions {
  /** Terminate the worker when its running request is superseded (default true). */
  cancelRunning?: boolean;
  /** A request running longer than this fails and its worker is terminated (default 60 s; 0: never). */
  timeoutMs?: number;
}

interface AnalyzeJob {
  type: 'analyze';
  id: number;
  key: string;
  text: string;
  locale: Locale;
  config: SeverityConfig[];
  outline: boolean;
  tree?: RequirementGrouping;
  /** Keep the analysis in the worker for the language queries (open documents). */
  keep: boolean;
  version?: number;
  resolve(o: WorkerOutcome): void;
  superseded: boolean;
}

interface QueryJob {
  type: 'query';
  id: number;
  key: string;
  /** The document version asked about (a query about an older version than a later request is stale). */
  version: number;
  text: string;
  locale: Locale;
  config: SeverityConfig[];
  query: LanguageQuery;
  resolve(o: QueryOutcome): void;
  /** Answered already (stale or cancelled): its answer, if it comes, is dropped. */
  superseded: boolean;
  cancel?: { dispose(): void };
}

type Job = AnalyzeJob | QueryJob;

export class AnalysisWorker {
  private worker: WorkerEndpoint | undefined;
  /** Queued jobs in arrival order: at most one analysis per key; queries run before analyses. */
  private readonly pending: Job[] = [];
  private running: Job | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;
  private disposed = false;
  /** The newest document version asked about per key (queries about older versions are stale). */
  private readonly newest = new Map<string, number>();
  /**
   * What the current worker was sent to keep per key: a query about the same version, text and settings
   * omits the text (posting a 10,000-step file's 2.7 MB is the host's costliest task); cleared with the worker.
   */
  private readonly sent = new Map<string, { version: number; text: string; locale: Locale; config: string }>();
  /** Counters for tests and the bench. */
  readonly stats = { started: 0, terminated: 0, superseded: 0, done: 0, failed: 0, queries: 0, stale: 0, cachedQueries: 0, textOmitted: 0, missing: 0 };

  constructor(
    private readonly factory: WorkerFactory,
    private readonly options: AnalysisWorkerOptions = {},
  ) {}

  /**
   * Analyses `text` for `key` (a document URI); a later call with the same key supersedes this one.
   * `options.outline`: also answer the file's outline; `options.tree`: also its trees, requirements grouped so;
   * `options.version`: the document's version (queries about older versions become stale), given for open
   * documents only: the worker then keeps this analysis for the language queries.
   */
  analyze(
    key: string,
    text: string,
    locale: Locale,
    config: readonly SeverityConfig[],
    options: { outline?: boolean; tree?: RequirementGrouping; version?: number } = {},
  ): Promise<WorkerOutcome> {
    if (this.disposed) return Promise.resolve({ status: 'failed', message: 'disposed' });
    return new Promise<WorkerOutcome>((resolve) => {
      const i = this.pending.findIndex((j) => j.type === 'analyze' && j.key === key);
      if (i >= 0) this.supersede(this.pending.splice(i, 1)[0] as AnalyzeJob);
      if (options.version !== undefined) this.saw(key, options.version);
      const job: AnalyzeJob = {
        type: 'analyze',
        id: this.nextId++,
        key,
        text,
        locale,
        config: [...config],
        outline: !!options.outline,
        tree: options.tree,
        keep: options.version !== undefined && options.version >= 0,
        version: options.version,
        resolve,
        superseded: false,
      };
      this.pending.push(job);
      const run = this.running;
      if (run && run.type === 'analyze' && run.key === key && !run.superseded) {
        this.supersede(run);
        if (this.options.cancelRunning ?? true) this.kill();
      }
      this.pump();
    });
  }

  /**
   * A language feature's question about version `version` of `key`'s `text`, answered in the worker from
   * its kept analysis of that text (or after analysing it). Never superseded by an analysis of the same
   * version, and never terminates a running one; `stale` when a newer version of the document was asked about
   * before it was answered (a running query is then cancelled like an analysis), or when `cancel` fired
   * before it ran (a running query finishes, its answer dropped).
   */
  query<Q extends LanguageQuery>(
    key: string,
    version: number,
    text: string,
    locale: Locale,
    config: readonly SeverityConfig[],
    query: Q,
    cancel?: CancelSignal,
  ): Promise<QueryOutcome<Q['kind']>> {
    if (this.disposed) return Promise.resolve({ status: 'failed', message: 'disposed' });
    const newest = this.newest.get(key);
    if (cancel?.isCancellationRequested || (version >= 0 && newest !== undefined && newest > version)) {
      this.stats.stale++;
      return Promise.resolve({ status: 'stale' });
    }
    return new Promise<QueryOutcome<Q['kind']>>((resolve) => {
      this.stats.queries++;
      this.saw(key, version);
      const job: QueryJob = {
        type: 'query',
        id: this.nextId++,
        key,
        version,
        text,
        locale,
        config: [...config],
        query,
        resolve: resolve as (o: QueryOutcome) => void,
        superseded: false,
      };
      if (cancel) {
        job.cancel = cancel.onCancellationRequested(() => {
          if (job.superseded) return;
          const i = this.pending.indexOf(job);
          if (i >= 0) this.pending.splice(i, 1);
          this.stale(job);
        });
      }
      this.pending.push(job);
      this.pump();
    });
  }

  /** A document was closed: the worker drops its kept analysis (queued requests still run). */
  forget(key: string): void {
    this.newest.delete(key);
    this.sent.delete(key);
    this.worker?.postMessage({ type: 'forget', key });
  }

  /** Whether an analysis for `key` is queued or running. */
  busy(key: string): boolean {
    return this.pending.some((j) => j.type === 'analyze' && j.key === key) || (this.running?.type === 'analyze' && this.running.key === key && !this.running.superseded);
  }

  dispose(): void {
    this.disposed = true;
    for (const j of this.pending) this.drop(j);
    this.pending.length = 0;
    if (this.running) this.drop(this.running);
    this.running = undefined;
    this.kill();
  }

  /**
   * Records that version `version` of `key` was asked about; queries about older versions become stale: queued
   * ones at once, a running one too, its worker terminated like a superseded analysis (VS Code has cancelled
   * it already; with `cancelRunning: false` it finishes, its answer dropped).
   */
  private saw(key: string, version: number): void {
    if (version < 0) return; // a file read from disk: no versions
    const before = this.newest.get(key);
    if (before !== undefined && before >= version) return;
    this.newest.set(key, version);
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const j = this.pending[i];
      if (j.type === 'query' && j.key === key && j.version >= 0 && j.version < version) {
        this.pending.splice(i, 1);
        this.stale(j);
      }
    }
    const run = this.running;
    if (run?.type === 'query' && run.key === key && run.version >= 0 && run.version < version && !run.superseded) {
      this.stale(run);
      if (this.options.cancelRunning ?? true) this.kill();
    }
  }

  private drop(job: Job): void {
    if (job.type === 'analyze') job.resolve({ status: 'superseded' });
    else if (!job.superseded) this.stale(job);
  }

  private stale(job: QueryJob): void {
    job.superseded = true;
    job.cancel?.dispose();
    this.stats.stale++;
    job.resolve({ status: 'stale' });
  }

  private supersede(job: AnalyzeJob): void {
    job.superseded = true;
    this.stats.superseded++;
    job.resolve({ status: 'superseded' });
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    // queries first: someone is waiting for them (and their analysis, kept, serves a queued analysis of the same text)
    let i = this.pending.findIndex((j) => j.type === 'query');
    if (i < 0) i = 0;
    const job = this.pending[i];
    if (!job) return;
    this.pending.splice(i, 1);
    this.running = job;
    const w = this.ensureWorker();
    const timeout = this.options.timeoutMs ?? 60_000;
    if (timeout > 0) {
      this.timer = setTimeout(() => {
        if (this.running !== job) return;
        this.finish(job, { status: 'failed', message: `the ${job.type === 'query' ? 'query' : 'analysis'} took longer than ${Math.round(timeout / 1000)} s` });
        this.kill();
        this.pump();
      }, timeout);
    }
    if (job.type === 'query') this.postQuery(w, job);
    else {
      if (job.keep) this.sent.set(job.key, { version: job.version ?? -1, text: job.text, locale: job.locale, config: JSON.stringify(job.config) });
      w.postMessage({
        type: 'analyze',
        id: job.id,
        text: job.text,
        locale: job.locale,
        config: job.config,
        ...(job.outline ? { outline: true } : {}),
        ...(job.tree ? { tree: job.tree } : {}),
        ...(job.keep ? { key: job.key, version: job.version } : {}),
      });
    }
  }

  /** Posts a query, without its text when this worker was sent that version of the document already. */
  private postQuery(w: WorkerEndpoint, job: QueryJob, withText = false): void {
    const config = JSON.stringify(job.config);
    const s = this.sent.get(job.key);
    const known = !withText && s !== undefined && s.version === job.version && s.locale === job.locale && s.config === config && s.text === job.text;
    if (known) this.stats.textOmitted++;
    else this.sent.set(job.key, { version: job.version, text: job.text, locale: job.locale, config });
    w.postMessage({ type: 'query', id: job.id, key: job.key, version: job.version, ...(known ? {} : { text: job.text }), locale: job.locale, config: job.config, query: job.query });
  }

  private ensureWorker(): WorkerEndpoint {
    if (this.worker) return this.worker;
    const w = this.factory();
    this.stats.started++;
    this.worker = w;
    w.onMessage((m) => {
      if (this.worker === w) this.onAnswer(m);
    });
    w.onExit((reason) => {
      if (this.worker !== w) return; // terminated on purpose
      this.worker = undefined;
      this.sent.clear();
      const job = this.running;
      if (job) {
        this.finish(job, { status: 'failed', message: reason });
        this.pump();
      }
    });
    return w;
  }

  private onAnswer(m: WorkerToHost): void {
    const job = this.running;
    if (!job || job.id !== m.id) return; // an answer to a request that was cancelled
    if (m.type === 'missing' && job.type === 'query' && this.worker) {
      // the worker no longer keeps that version (evicted, or its analysis failed): ask again with the text
      this.stats.missing++;
      this.postQuery(this.worker, job, true);
      return;
    }
    if (m.type === 'failed') this.finish(job, { status: 'failed', message: m.message });
    else if (job.type === 'analyze' && m.type === 'analyzed') {
      this.finish(job, { status: 'done', diagnostics: m.diagnostics, ranges: m.ranges, ...(m.outline ? { outline: m.outline } : {}), ...(m.tree ? { tree: m.tree } : {}), ms: m.ms });
    } else if (job.type === 'query' && m.type === 'answered' && m.answer.kind === job.query.kind) {
      if (m.cached) this.stats.cachedQueries++;
      this.finish(job, { status: 'done', answer: m.answer, cached: m.cached, ms: m.ms });
    } else this.finish(job, { status: 'failed', message: `the worker answered a ${job.type} with ${m.type === 'answered' ? `a ${m.answer.kind} answer` : m.type}` });
    this.pump();
  }

  /** Ends the running job (its outcome is dropped if it was superseded meanwhile). */
  private finish(job: Job, outcome: WorkerOutcome | QueryOutcome): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running === job) this.running = undefined;
    if (job.superseded) return;
    if (outcome.status === 'done') this.stats.done++;
    else if (outcome.status === 'failed') this.stats.failed++;
    if (job.type === 'query') {
      job.cancel?.dispose();
      job.resolve(outcome as QueryOutcome);
    } else job.resolve(outcome as WorkerOutcome);
  }

  /** Terminates the worker; its running job (already answered) is forgotten, queued ones go to a new worker. */
  private kill(): void {
    const w = this.worker;
    this.worker = undefined;
    this.sent.clear();
    if (this.running) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.running = undefined;
      // the job was superseded, timed out, or the service is disposed: already resolved
    }
    if (w) {
      this.stats.terminated++;
      w.terminate();
    }
    if (!this.disposed) this.pump();
  }
}

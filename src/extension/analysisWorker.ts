/**
 * The extension host's side of the analysis worker: requests are queued, one
 * runs at a time, and per document only the newest text matters.
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
import type { LinedOutlineNode } from '../core/outline';
import type { TreeData } from '../core/tree';
import type { RequirementGrouping } from '../core/tree-groupings';
import type { Diagnostic, Locale } from '../core/types';
import type { WorkerEndpoint, WorkerFactory, WorkerToHost } from '../shared/worker-protocol';

export type WorkerOutcome =
  /** `ranges`: the findings' line/character ranges, see `AnalyzeAnswer.ranges`. */
  | {
      status: 'done';
      diagnostics: Diagnostic[];
      ranges: Uint32Array;
      outline?: LinedOutlineNode[];
      tree?: { grouping: RequirementGrouping; data: TreeData };
      ms: number;
    }
  /** A newer request for the same key replaced this one; nothing to show. */
  | { status: 'superseded' }
  /** The analysis threw, the worker died or took longer than `timeoutMs`. */
  | { status: 'failed'; message: string };

export interface AnalysisWorkerOptions {
  /** Terminate the worker when its running request is superseded (default true). */
  cancelRunning?: boolean;
  /** A request running longer than this fails and its worker is terminated (default 60 s; 0: never). */
  timeoutMs?: number;
}

interface Job {
  id: number;
  key: string;
  text: string;
  locale: Locale;
  config: SeverityConfig[];
  outline: boolean;
  tree?: RequirementGrouping;
  resolve(o: WorkerOutcome): void;
  superseded: boolean;
}

export class AnalysisWorker {
  private worker: WorkerEndpoint | undefined;
  private readonly pending = new Map<string, Job>();
  private running: Job | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;
  private disposed = false;
  /** Counters for tests and the bench. */
  readonly stats = { started: 0, terminated: 0, superseded: 0, done: 0, failed: 0 };

  constructor(
    private readonly factory: WorkerFactory,
    private readonly options: AnalysisWorkerOptions = {},
  ) {}

  /**
   * Analyses `text` for `key` (a document URI); a later call with the same key supersedes this one.
   * `options.outline`: also answer the file's outline; `options.tree`: also its trees, requirements grouped so.
   */
  analyze(
    key: string,
    text: string,
    locale: Locale,
    config: readonly SeverityConfig[],
    options: { outline?: boolean; tree?: RequirementGrouping } = {},
  ): Promise<WorkerOutcome> {
    if (this.disposed) return Promise.resolve({ status: 'failed', message: 'disposed' });
    return new Promise<WorkerOutcome>((resolve) => {
      const older = this.pending.get(key);
      if (older) {
        this.pending.delete(key);
        this.supersede(older);
      }
      const job: Job = { id: this.nextId++, key, text, locale, config: [...config], outline: !!options.outline, tree: options.tree, resolve, superseded: false };
      this.pending.set(key, job);
      const run = this.running;
      if (run && run.key === key && !run.superseded) {
        this.supersede(run);
        if (this.options.cancelRunning ?? true) this.kill();
      }
      this.pump();
    });
  }

  /** Whether a request for `key` is queued or running. */
  busy(key: string): boolean {
    return this.pending.has(key) || (this.running?.key === key && !this.running.superseded);
  }

  dispose(): void {
    this.disposed = true;
    for (const j of this.pending.values()) j.resolve({ status: 'superseded' });
    this.pending.clear();
    if (this.running) this.running.resolve({ status: 'superseded' });
    this.running = undefined;
    this.kill();
  }

  private supersede(job: Job): void {
    job.superseded = true;
    this.stats.superseded++;
    job.resolve({ status: 'superseded' });
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const next = this.pending.values().next();
    if (next.done) return;
    const job = next.value;
    this.pending.delete(job.key);
    this.running = job;
    const w = this.ensureWorker();
    const timeout = this.options.timeoutMs ?? 60_000;
    if (timeout > 0) {
      this.timer = setTimeout(() => {
        if (this.running !== job) return;
        this.finish(job, { status: 'failed', message: `the analysis took longer than ${Math.round(timeout / 1000)} s` });
        this.kill();
        this.pump();
      }, timeout);
    }
    w.postMessage({ type: 'analyze', id: job.id, text: job.text, locale: job.locale, config: job.config, ...(job.outline ? { outline: true } : {}), ...(job.tree ? { tree: job.tree } : {}) });
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
    this.finish(
      job,
      m.type === 'analyzed'
        ? { status: 'done', diagnostics: m.diagnostics, ranges: m.ranges, ...(m.outline ? { outline: m.outline } : {}), ...(m.tree ? { tree: m.tree } : {}), ms: m.ms }
        : { status: 'failed', message: m.message },
    );
    this.pump();
  }

  /** Ends the running job (its outcome is dropped if it was superseded meanwhile). */
  private finish(job: Job, outcome: WorkerOutcome): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running === job) this.running = undefined;
    if (job.superseded) return;
    if (outcome.status === 'done') this.stats.done++;
    else if (outcome.status === 'failed') this.stats.failed++;
    job.resolve(outcome);
  }

  /** Terminates the worker; its running job (already answered) is forgotten. */
  private kill(): void {
    const w = this.worker;
    this.worker = undefined;
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

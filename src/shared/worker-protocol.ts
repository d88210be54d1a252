/**
 * The analysis worker's messages, shared by the extension host
 * (`src/extension/analysisWorker.ts`) and the worker (`src/worker/analysis.ts`).
 * Plain data only (structured clone): the same protocol runs over Node's
 * `worker_threads` today and a Web Worker in VS Code for the Web.
 */
import type { SeverityConfig as ConfigLayer } from '../core/config';
import type { PackedOutline } from '../core/outline';
import type { PackedTree } from '../core/tree-pack';
import { REQUIREMENT_GROUPINGS, type RequirementGrouping } from '../core/tree-groupings';
import type { Diagnostic, Locale } from '../core/types';
import { isLanguageQuery, type LanguageAnswer, type LanguageQuery } from './language-query-protocol';

/** Host → worker: analyse a text. */
export interface AnalyzeRequest {
  type: 'analyze';
  /** Request id, echoed in the answer. */
  id: number;
  text: string;
  locale: Locale;
  /** Severity layers below the file's own `rules:` (workspace rc, then settings). */
  config: ConfigLayer[];
  /** Also answer the outline (an outline or breadcrumbs show this document). */
  outline?: boolean;
  /** Also answer the roles & requirements trees, requirements grouped so (the trees and their badge follow this document). */
  tree?: RequirementGrouping;
  /**
   * Keep this analysis (parse, model, findings) in the worker under this key (a document URI), so the
   * language queries about the same text are answered without analysing it again. Open documents only.
   */
  key?: string;
  /** The document's version (with `key`): a later query about this version may then omit the text. */
  version?: number;
}

/**
 * Host → worker: a language feature's question about a text (completion, hover, quick fixes, rename,
 * definition, references), answered from the worker's kept analysis of `key` when it is of the same text
 * and settings, else after analysing (and keeping) it.
 */
export interface QueryRequest {
  type: 'query';
  id: number;
  key: string;
  /** The document version asked about. */
  version: number;
  /**
   * The text; omitted when the host sent this version of `key` to this worker already (it then answers
   * `missing` if it no longer keeps it, and the host asks again with the text).
   */
  text?: string;
  locale: Locale;
  config: ConfigLayer[];
  query: LanguageQuery;
}

/** Host → worker: a document was closed, drop what the worker keeps for it (no answer). */
export interface ForgetRequest {
  type: 'forget';
  key: string;
}

/** Worker → host: the findings of a request. */
export interface AnalyzeAnswer {
  type: 'analyzed';
  id: number;
  diagnostics: Diagnostic[];
  /**
   * The findings' line/character ranges, computed in the worker (it has the text), so the host never indexes
   * the text to show them: `diagnosticLineRanges` of src/core/positions.ts (4 numbers per span: each
   * diagnostic's span, then its related spans), read with `lineRangeAt`.
   */
  ranges: Uint32Array;
  /**
   * The outline with line/character ranges, when the request asked for it: `packOutline` (flat, cheap to
   * receive on the host's thread; `unpackOutline` when the editor asks for it).
   */
  outline?: PackedOutline;
  /** The trees (`buildTree`), when the request asked for them: `packTree` (each role's sections as JSON, read when shown). */
  tree?: { grouping: RequirementGrouping; data: PackedTree };
  /** Time spent in the worker (ms). */
  ms: number;
}

/** Worker → host: the answer to a `QueryRequest`. */
export interface QueryAnswer {
  type: 'answered';
  id: number;
  answer: LanguageAnswer;
  /** Whether the worker's kept analysis answered it (false: the text was analysed first). */
  cached: boolean;
  ms: number;
}

/** Worker → host: a query without its text about a version the worker does not keep (any more): send the text. */
export interface MissingAnswer {
  type: 'missing';
  id: number;
}

/** Worker → host: the analysis threw (a bug); the worker is still usable. */
export interface FailedAnswer {
  type: 'failed';
  id: number;
  message: string;
}

export type HostToWorker = AnalyzeRequest | QueryRequest | ForgetRequest;
export type WorkerToHost = AnalyzeAnswer | QueryAnswer | MissingAnswer | FailedAnswer;

/**
 * One end of a worker, whatever runs it: `worker_threads.Worker` on the
 * desktop, `Worker` in the browser, an in-process fake in tests.
 */
export interface WorkerEndpoint {
  postMessage(message: HostToWorker): void;
  onMessage(listener: (message: WorkerToHost) => void): void;
  /** The worker died (an exception outside a request, out of memory, terminated by its runtime). */
  onExit(listener: (reason: string) => void): void;
  terminate(): void;
}

/** Starts a worker (called again after a cancelled or crashed one is terminated). */
export type WorkerFactory = () => WorkerEndpoint;

/** Whether a message from the other side is a well-formed answer (a worker is code we run, but check anyway). */
export function isWorkerToHost(m: unknown): m is WorkerToHost {
  if (typeof m !== 'object' || m === null) return false;
  const x = m as Record<string, unknown>;
  if (typeof x.id !== 'number') return false;
  switch (x.type) {
    case 'analyzed':
      return Array.isArray(x.diagnostics) && x.ranges instanceof Uint32Array;
    case 'answered':
      // the answer's kind is checked against the query by the host (AnalysisWorker); its fields are not, to keep
      // the answers' validators (./language-query-protocol.ts) out of the extension's main bundle (300 KB budget)
      return typeof x.answer === 'object' && x.answer !== null && typeof (x.answer as { kind?: unknown }).kind === 'string' && typeof x.cached === 'boolean';
    case 'missing':
      return true;
    case 'failed':
      return typeof x.message === 'string';
    default:
      return false;
  }
}

export function isHostToWorker(m: unknown): m is HostToWorker {
  if (typeof m !== 'object' || m === null) return false;
  const x = m as Record<string, unknown>;
  switch (x.type) {
    case 'analyze':
      return (
        typeof x.id === 'number' &&
        typeof x.text === 'string' &&
        Array.isArray(x.config) &&
        (x.outline === undefined || typeof x.outline === 'boolean') &&
        (x.tree === undefined || REQUIREMENT_GROUPINGS.includes(x.tree as RequirementGrouping)) &&
        (x.key === undefined || typeof x.key === 'string') &&
        (x.version === undefined || typeof x.version === 'number')
      );
    case 'query':
      return (
        typeof x.id === 'number' &&
        typeof x.key === 'string' &&
        typeof x.version === 'number' &&
        (x.text === undefined || typeof x.text === 'string') &&
        (x.locale === 'en' || x.locale === 'zh-CN') &&
        Array.isArray(x.config) &&
        isLanguageQuery(x.query)
      );
    case 'forget':
      return typeof x.key === 'string';
    default:
      return false;
  }
}

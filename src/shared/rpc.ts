/**
 * Typed request / answer over a message channel (`postMessage` both ways
 * between the extension and the preview webview). One side asks with
 * `createRequester`, the other answers with `serveRequests`; answers are
 * matched to their request by id, each request has a timeout.
 *
 * A request table maps each method to its parameters and result:
 *
 *     interface Requests { getStepDetails: { params: { stepId: string }; result: { diagnostics: … } } }
 *
 * Shared by the extension (Node) and the webview (browser bundle): no
 * imports, no platform API besides timers.
 */

/** Method name → parameters and result. */
export type RequestTable = { [method: string]: { params: unknown; result: unknown } };

export type Method<R extends RequestTable> = keyof R & string;
export type ParamsOf<R extends RequestTable, M extends Method<R>> = R[M]['params'];
export type ResultOf<R extends RequestTable, M extends Method<R>> = R[M]['result'];

/** A request on the wire. */
export interface RequestMessage<M extends string = string, P = unknown> {
  type: 'request';
  /** Unique per requester; the answer carries it back. */
  id: number;
  method: M;
  params: P;
}

/** The answer to request `id`: its result, or why there is none. */
export interface ResponseMessage<T = unknown> {
  type: 'response';
  id: number;
  result?: T;
  error?: string;
}

/** The requests a table allows, as a union of typed messages. */
export type RequestOf<R extends RequestTable> = { [M in Method<R>]: RequestMessage<M, ParamsOf<R, M>> }[Method<R>];

/** Registers a listener for incoming messages; returns how to unregister it. */
export type Subscribe = (listener: (msg: unknown) => void) => { dispose(): void };

/** Why a request gave no result: the other side's error, a timeout, or the channel was closed. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly reason: 'error' | 'timeout' | 'closed' | 'invalid',
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** The envelope of a request, whatever its method (the parameters are checked by the server's guards). */
export function isRequestMessage(msg: unknown): msg is RequestMessage {
  return isObj(msg) && msg.type === 'request' && isId(msg.id) && typeof msg.method === 'string' && 'params' in msg;
}

export function isResponseMessage(msg: unknown): msg is ResponseMessage {
  return isObj(msg) && msg.type === 'response' && isId(msg.id) && (msg.error === undefined || typeof msg.error === 'string');
}

/** Guards for what arrives from the other side, per method (a method without one is taken as it comes). */
export type Guards<R extends RequestTable, Part extends 'params' | 'result'> = { [M in Method<R>]?: (v: unknown) => v is R[M][Part] };

export interface Requester<R extends RequestTable> {
  /** Sends a request; resolves with its result, rejects with a `RequestError`. */
  request<M extends Method<R>>(method: M, params: ParamsOf<R, M>, timeoutMs?: number): Promise<ResultOf<R, M>>;
  /** Requests waiting for their answer. */
  readonly pending: number;
  /** Rejects every waiting request and stops listening. */
  dispose(): void;
}

export interface RequesterOptions<R extends RequestTable> {
  /** Sends a message to the other side. */
  post: (msg: RequestOf<R>) => void;
  /** Incoming messages (the answers are picked out of them). */
  onMessage: Subscribe;
  /** Default time to wait for an answer (ms). */
  timeoutMs?: number;
  /** The error message of a timeout (e.g. localised). */
  timeoutMessage?: (method: string) => string;
  /** Checks each result before it is handed out: a result that fails rejects the request. */
  results?: Guards<R, 'result'>;
}

/** The asking side of a channel. */
export function createRequester<R extends RequestTable>(opts: RequesterOptions<R>): Requester<R> {
  const waiting = new Map<number, { method: string; resolve: (v: unknown) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  let nextId = 1;
  let closed = false;
  const settle = (id: number) => {
    const w = waiting.get(id);
    if (w) {
      clearTimeout(w.timer);
      waiting.delete(id);
    }
    return w;
  };
  const subscription = opts.onMessage((msg) => {
    if (!isResponseMessage(msg)) return;
    const w = settle(msg.id);
    if (!w) return; // timed out already, or not ours
    if (msg.error !== undefined) return w.reject(new RequestError(msg.error, 'error'));
    const guard = opts.results?.[w.method as Method<R>];
    if (guard && !guard(msg.result)) return w.reject(new RequestError(`invalid answer to ${w.method}`, 'invalid'));
    w.resolve(msg.result);
  });
  return {
    request<M extends Method<R>>(method: M, params: ParamsOf<R, M>, timeoutMs = opts.timeoutMs ?? 10_000): Promise<ResultOf<R, M>> {
      if (closed) return Promise.reject(new RequestError('the channel is closed', 'closed'));
      const id = nextId++;
      return new Promise<ResultOf<R, M>>((resolve, reject) => {
        const timer = setTimeout(() => {
          settle(id);
          reject(new RequestError(opts.timeoutMessage?.(method) ?? `no answer to ${method} within ${timeoutMs} ms`, 'timeout'));
        }, timeoutMs);
        waiting.set(id, { method, resolve: resolve as (v: unknown) => void, reject, timer });
        opts.post({ type: 'request', id, method, params } as RequestOf<R>);
      });
    },
    get pending() {
      return waiting.size;
    },
    dispose() {
      closed = true;
      subscription.dispose();
      for (const id of [...waiting.keys()]) settle(id)?.reject(new RequestError('the channel is closed', 'closed'));
    },
  };
}

/** How each method is answered (may be async; a throw becomes the answer's error). */
export type Handlers<R extends RequestTable> = { [M in Method<R>]: (params: ParamsOf<R, M>) => ResultOf<R, M> | Promise<ResultOf<R, M>> };

export interface ServerOptions<R extends RequestTable> {
  post: (msg: ResponseMessage) => void;
  onMessage: Subscribe;
  handlers: Handlers<R>;
  /** Checks the parameters of each request: a request that fails is answered with an error, its handler not called. */
  params?: Guards<R, 'params'>;
}

/** The answering side of a channel. Returns how to stop answering. */
export function serveRequests<R extends RequestTable>(opts: ServerOptions<R>): { dispose(): void } {
  const handlers = opts.handlers as Record<string, ((p: unknown) => unknown) | undefined>;
  return opts.onMessage((msg) => {
    if (!isRequestMessage(msg)) return;
    const { id, method } = msg;
    const handler = Object.prototype.hasOwnProperty.call(handlers, method) ? handlers[method] : undefined;
    if (!handler) return opts.post({ type: 'response', id, error: `unknown request ${method.slice(0, 100)}` });
    const guard = opts.params?.[method as Method<R>];
    if (guard && !guard(msg.params)) return opts.post({ type: 'response', id, error: `invalid parameters for ${method}` });
    let answer: Promise<unknown>;
    try {
      answer = Promise.resolve(handler(msg.params));
    } catch (e) {
      answer = Promise.reject(e);
    }
    answer.then(
      (result) => opts.post({ type: 'response', id, result }),
      (e: unknown) => opts.post({ type: 'response', id, error: e instanceof Error ? e.message : String(e) }),
    );
  });
}

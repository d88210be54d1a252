import { strict as assert } from 'assert';
import fc from 'fast-check';
import { createRequester, RequestError, serveRequests, type RequestMessage, type ResponseMessage, type Subscribe } from '../../src/shared/rpc';

type Table = {
  double: { params: { n: number }; result: { n: number } };
  fail: { params: Record<string, never>; result: never };
  slow: { params: { ms: number }; result: string };
};

/** One side of an in-memory channel: what is posted arrives at the other side (asynchronously, as postMessage does). */
class Side {
  private readonly listeners = new Set<(m: unknown) => void>();
  other!: Side;
  readonly sent: unknown[] = [];
  post = (m: unknown): void => {
    this.sent.push(m);
    queueMicrotask(() => this.other.deliver(m));
  };
  deliver(m: unknown): void {
    for (const l of [...this.listeners]) l(m);
  }
  onMessage: Subscribe = (l) => {
    this.listeners.add(l);
    return { dispose: () => this.listeners.delete(l) };
  };
  get listening(): number {
    return this.listeners.size;
  }
}

function channel(): [Side, Side] {
  const a = new Side();
  const b = new Side();
  a.other = b;
  b.other = a;
  return [a, b];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('preview rpc (typed requests over postMessage)', () => {
  it('answers each request with its own result, whatever the order the answers come in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 20 }), async (calls) => {
        const [client, server] = channel();
        const requester = createRequester<Table>({ post: client.post, onMessage: client.onMessage, timeoutMs: 1000 });
        serveRequests<Table>({
          post: server.post,
          onMessage: server.onMessage,
          handlers: {
            double: async ({ n }) => {
              await sleep(calls.find(([x]) => x === n)![1]);
              return { n: 2 * n };
            },
            fail: () => {
              throw new Error('no');
            },
            slow: async ({ ms }) => {
              await sleep(ms);
              return 'late';
            },
          },
        });
        const answers = await Promise.all(calls.map(([n]) => requester.request('double', { n })));
        assert.deepStrictEqual(
          answers.map((a) => a.n),
          calls.map(([n]) => 2 * n),
        );
        assert.strictEqual(requester.pending, 0);
        const ids = client.sent.map((m) => (m as RequestMessage).id);
        assert.strictEqual(new Set(ids).size, ids.length, 'ids are unique');
      }),
      { numRuns: 30 },
    );
  });

  it('rejects with the other side\'s error, on a timeout, on an unknown method, and when closed', async () => {
    const [client, server] = channel();
    const requester = createRequester<Table>({ post: client.post, onMessage: client.onMessage, timeoutMs: 50, timeoutMessage: (m) => `timeout ${m}` });
    serveRequests<Table>({
      post: server.post,
      onMessage: server.onMessage,
      handlers: {
        double: ({ n }) => ({ n: 2 * n }),
        fail: () => {
          throw new Error('no');
        },
        slow: async ({ ms }) => {
          await sleep(ms);
          return 'late';
        },
      },
      params: { double: (v): v is { n: number } => typeof (v as { n?: unknown }).n === 'number' },
    });
    await assert.rejects(requester.request('fail', {}), (e: unknown) => e instanceof RequestError && e.reason === 'error' && e.message === 'no');
    await assert.rejects(requester.request('slow', { ms: 200 }), (e: unknown) => e instanceof RequestError && e.reason === 'timeout' && e.message === 'timeout slow');
    assert.strictEqual(requester.pending, 0, 'forgotten after the timeout');
    // the late answer arrives and is dropped
    await sleep(250);
    assert.strictEqual(requester.pending, 0);
    await assert.rejects(requester.request('double', { n: 'x' } as unknown as { n: number }), /invalid parameters for double/);
    await assert.rejects(requester.request('nope' as 'double', { n: 1 }), /unknown request nope/);
    await assert.rejects(requester.request('toString' as 'double', { n: 1 }), /unknown request toString/);
    const waiting = requester.request('slow', { ms: 30 }, 1000);
    requester.dispose();
    await assert.rejects(waiting, (e: unknown) => e instanceof RequestError && e.reason === 'closed');
    await assert.rejects(requester.request('double', { n: 1 }), (e: unknown) => e instanceof RequestError && e.reason === 'closed');
    assert.strictEqual(client.listening, 0, 'stopped listening');
  });

  it('checks results with the guards and ignores answers that are not its own', async () => {
    const [client, server] = channel();
    const requester = createRequester<Table>({
      post: client.post,
      onMessage: client.onMessage,
      timeoutMs: 100,
      results: { double: (v): v is { n: number } => typeof (v as { n?: unknown })?.n === 'number' && (v as { n: number }).n < 100 },
    });
    serveRequests<Table>({
      post: server.post,
      onMessage: server.onMessage,
      handlers: { double: ({ n }) => ({ n: 2 * n }), fail: () => Promise.reject(new Error('x')), slow: () => 'now' },
    });
    assert.deepStrictEqual(await requester.request('double', { n: 3 }), { n: 6 });
    await assert.rejects(requester.request('double', { n: 60 }), (e: unknown) => e instanceof RequestError && e.reason === 'invalid');
    // a stray answer (unknown id, bad shape) changes nothing
    client.deliver({ type: 'response', id: 999, result: 1 } satisfies ResponseMessage);
    client.deliver({ type: 'response', id: 'x' });
    assert.strictEqual(await requester.request('slow', { ms: 0 }), 'now');
  });
});

/** The analysis worker as a Web Worker (VS Code for the Web): src/extension/web/browserWorker.ts with a fake `Worker`. */
import { strict as assert } from 'assert';
import { AnalysisWorker } from '../../src/extension/analysisWorker';
import { browserWorkerFactory, type WebWorkerLike } from '../../src/extension/web/browserWorker';
import { isHostToWorker, type HostToWorker } from '../../src/shared/worker-protocol';
import { AnalysisServer } from '../../src/worker/analysis';

const TEXT = 'bizflow: 1\nprocess:\n  id: p\n  name: P\nroles:\n  a: { name: A }\nsteps:\n  s: { name: S, role: nobody, type: start, next: [e] }\n  e: { name: E, role: a, type: end }\n';

/** A fake Web Worker running src/worker/analysis.ts in-process, answering asynchronously like a real one. */
class FakeWebWorker implements WebWorkerLike {
  static created: FakeWebWorker[] = [];
  readonly received: HostToWorker[] = [];
  private readonly server = new AnalysisServer();
  terminated = false;
  private readonly listeners = new Map<string, ((e: { data: unknown; message?: string }) => void)[]>();
  constructor(
    readonly url: string,
    readonly options?: { name?: string },
  ) {
    FakeWebWorker.created.push(this);
  }
  postMessage(m: unknown): void {
    assert.ok(isHostToWorker(m));
    this.received.push(structuredClone(m));
    setTimeout(() => {
      const a = this.server.handle(m);
      if (!this.terminated && a) this.emit('message', { data: structuredClone(a) });
    }, 1);
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: string, l: (e: { data: unknown; message?: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), l]);
  }
  emit(type: string, e: { data: unknown; message?: string }): void {
    for (const l of this.listeners.get(type) ?? []) l(e);
  }
}

const request = (id: number): HostToWorker => ({ type: 'analyze', id, text: TEXT, locale: 'en', config: [] });
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('browserWorkerFactory (Web Worker analysis)', () => {
  beforeEach(() => {
    FakeWebWorker.created = [];
  });

  it('queues messages until the script URL is known, then starts one named Web Worker from it', async () => {
    let release!: (u: string) => void;
    const url = new Promise<string>((r) => (release = r));
    const endpoint = browserWorkerFactory(() => url, FakeWebWorker)();
    const answers: unknown[] = [];
    endpoint.onMessage((m) => answers.push(m));
    endpoint.postMessage(request(1));
    await tick();
    assert.equal(FakeWebWorker.created.length, 0, 'no worker before the URL');
    release('blob:worker');
    await tick(20);
    assert.equal(FakeWebWorker.created.length, 1);
    assert.equal(FakeWebWorker.created[0].url, 'blob:worker');
    assert.equal(FakeWebWorker.created[0].options?.name, 'bizflow-analysis');
    assert.deepEqual(FakeWebWorker.created[0].received.map((m) => (m.type === 'forget' ? m.key : m.id)), [1]);
    assert.equal(answers.length, 1);
    assert.equal((answers[0] as { type: string }).type, 'analyzed');
  });

  it('resolves the script URL once for every worker it starts', async () => {
    let calls = 0;
    const factory = browserWorkerFactory(async () => `blob:${++calls}`, FakeWebWorker);
    factory();
    factory();
    await tick();
    assert.equal(calls, 1);
    assert.deepEqual(FakeWebWorker.created.map((w) => w.url), ['blob:1', 'blob:1']);
  });

  it('drops malformed answers from the worker', async () => {
    const endpoint = browserWorkerFactory(async () => 'blob:w', FakeWebWorker)();
    const answers: unknown[] = [];
    endpoint.onMessage((m) => answers.push(m));
    await tick();
    FakeWebWorker.created[0].emit('message', { data: { type: 'analyzed' } });
    FakeWebWorker.created[0].emit('message', { data: 'hello' });
    assert.deepEqual(answers, []);
  });

  it('a worker error ends the endpoint with the message, once, and terminates the worker', async () => {
    const endpoint = browserWorkerFactory(async () => 'blob:w', FakeWebWorker)();
    const exits: string[] = [];
    endpoint.onExit((r) => exits.push(r));
    await tick();
    FakeWebWorker.created[0].emit('error', { data: undefined, message: 'boom' });
    FakeWebWorker.created[0].emit('error', { data: undefined, message: 'again' });
    assert.deepEqual(exits, ['the analysis worker failed: boom']);
    assert.equal(FakeWebWorker.created[0].terminated, true);
  });

  it('a script URL that cannot be obtained ends the endpoint, and the next worker asks again', async () => {
    let calls = 0;
    const factory = browserWorkerFactory(async () => {
      calls++;
      if (calls === 1) throw new Error('not readable');
      return 'blob:ok';
    }, FakeWebWorker);
    const first = factory();
    const exits: string[] = [];
    first.onExit((r) => exits.push(r));
    await tick();
    assert.deepEqual(exits, ["the analysis worker's script could not be loaded: not readable"]);
    assert.equal(FakeWebWorker.created.length, 0);
    factory();
    await tick();
    assert.equal(calls, 2);
    assert.deepEqual(FakeWebWorker.created.map((w) => w.url), ['blob:ok']);
  });

  it('without a Worker constructor, the endpoint ends with a clear message', async () => {
    const endpoint = browserWorkerFactory(async () => 'blob:w', undefined)();
    const exits: string[] = [];
    endpoint.onExit((r) => exits.push(r));
    await tick();
    assert.deepEqual(exits, ['this host cannot start a Web Worker']);
  });

  it('terminate before the URL arrives starts no worker', async () => {
    let release!: (u: string) => void;
    const endpoint = browserWorkerFactory(() => new Promise<string>((r) => (release = r)), FakeWebWorker)();
    endpoint.postMessage(request(1));
    endpoint.terminate();
    release('blob:w');
    await tick();
    assert.equal(FakeWebWorker.created.length, 0);
  });

  it('behind AnalysisWorker: findings with exact spans, a newer edit supersedes an older one, a failed load fails only its request', async () => {
    let fail = true;
    const w = new AnalysisWorker(
      browserWorkerFactory(async () => {
        if (fail) {
          fail = false;
          throw new Error('offline');
        }
        return 'blob:w';
      }, FakeWebWorker),
    );
    try {
      const failed = await w.analyze('a', TEXT, 'en', []);
      assert.deepEqual(failed, { status: 'failed', message: "the analysis worker's script could not be loaded: offline" });
      const older = w.analyze('a', TEXT, 'en', []);
      const newer = w.analyze('a', TEXT, 'en', []);
      assert.deepEqual(await older, { status: 'superseded' });
      const done = await newer;
      assert.equal(done.status, 'done');
      if (done.status !== 'done') return;
      assert.deepEqual(done.diagnostics.map((d) => [d.code, TEXT.slice(d.span.start, d.span.end)]), [['ref/unknown-role', 'nobody']]);
    } finally {
      w.dispose();
    }
  });
});

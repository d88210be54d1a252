/** The analysis worker abstraction: queueing, cancellation by newer edits, crashes, and the real dist/worker.js. */
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/engine';
import { buildOutline, lineOutline } from '../../src/core/outline';
import { diagnosticLineRanges } from '../../src/core/positions';
import { buildTree } from '../../src/core/tree';
import { AnalysisWorker } from '../../src/extension/analysisWorker';
import { nodeWorkerFactory } from '../../src/extension/nodeWorker';
import type { AnalyzeRequest, HostToWorker, QueryRequest, WorkerEndpoint, WorkerToHost } from '../../src/shared/worker-protocol';
import { AnalysisServer } from '../../src/worker/analysis';

const repoRoot = path.resolve(__dirname, '../..');
const ORDER = fs.readFileSync(path.join(repoRoot, 'examples/order-fulfilment.bizflow.yaml'), 'utf8');

/** An in-process worker whose answers the test releases by hand. */
class FakeWorkers {
  readonly started: FakeWorker[] = [];
  factory = (): WorkerEndpoint => {
    const w = new FakeWorker();
    this.started.push(w);
    return w;
  };
  get current(): FakeWorker {
    return this.started[this.started.length - 1];
  }
}

class FakeWorker implements WorkerEndpoint {
  /** The requests that want an answer, in order (`forget`s go to `forgotten`). */
  readonly received: (AnalyzeRequest | QueryRequest)[] = [];
  readonly forgotten: string[] = [];
  /** The real worker's state: its kept analyses. */
  readonly server = new AnalysisServer();
  terminated = false;
  private onMsg: (m: WorkerToHost) => void = () => {};
  private onEx: (r: string) => void = () => {};
  postMessage(m: HostToWorker) {
    if (m.type === 'forget') {
      this.forgotten.push(m.key);
      this.server.handle(m);
    } else this.received.push(structuredClone(m));
  }
  onMessage(l: (m: WorkerToHost) => void) {
    this.onMsg = l;
  }
  onExit(l: (r: string) => void) {
    this.onEx = l;
  }
  terminate() {
    this.terminated = true;
  }
  /** Answers the i-th request it received, with the real core. */
  reply(i = this.received.length - 1) {
    this.onMsg(structuredClone(this.server.handle(this.received[i])!));
  }
  crash(reason: string) {
    this.onEx(reason);
  }
}

const tick = () => new Promise((r) => setImmediate(r));

describe('analysis worker (host side)', () => {
  it('answers with the same findings as analyze(), through a structured clone', async () => {
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory);
    const p = w.analyze('a', ORDER, 'en', []);
    fw.current.reply();
    const o = await p;
    assert.equal(o.status, 'done');
    assert.deepEqual(o.status === 'done' && o.diagnostics, analyze(ORDER, { locale: 'en' }).diagnostics);
    w.dispose();
  });

  it('answers with the line/character ranges of every finding and related span, computed in the worker (CRLF too)', async () => {
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory);
    for (const text of [ORDER, ORDER.replace(/\r?\n/g, '\r\n')]) {
      const p = w.analyze('a', text, 'en', []);
      fw.current.reply();
      const o = await p;
      assert.equal(o.status, 'done');
      if (o.status !== 'done') return;
      assert.ok(o.ranges instanceof Uint32Array, 'a typed array survives the structured clone');
      assert.ok(o.diagnostics.some((d) => d.related?.length), 'the example has related spans');
      assert.deepEqual(Array.from(o.ranges), Array.from(diagnosticLineRanges(text, analyze(text, { locale: 'en' }).diagnostics)));
    }
    w.dispose();
  });

  it('answers the outline with line/character ranges only when asked (an outline or breadcrumbs show the document)', async () => {
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory);
    const crlf = ORDER.replace(/\r?\n/g, '\r\n');
    const plain = w.analyze('a', crlf, 'en', []);
    fw.current.reply();
    const o1 = await plain;
    assert.ok(o1.status === 'done' && o1.outline === undefined, 'not asked: no outline');
    assert.equal((fw.current.received[0] as AnalyzeRequest).outline, undefined);
    const asked = w.analyze('a', crlf, 'en', [], { outline: true });
    fw.current.reply();
    const o2 = await asked;
    assert.equal((fw.current.received[1] as AnalyzeRequest).outline, true);
    assert.ok(o2.status === 'done' && o2.outline, 'asked: the outline');
    if (o2.status !== 'done' || !o2.outline) return;
    assert.deepEqual(o2.outline, lineOutline(crlf, buildOutline(analyze(crlf).model)));
    const steps = o2.outline.find((n) => n.section === 'steps')!;
    const pick = steps.children.find((n) => n.name === 'pick')!;
    const line = crlf.split('\r\n').findIndex((l) => l === '  pick:');
    assert.deepEqual(pick.selectionRange, [line, 2, line, 6]);
    w.dispose();
  });

  it('answers the roles & requirements trees, grouped as asked, only when asked', async () => {
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory);
    const plain = w.analyze('a', ORDER, 'en', []);
    fw.current.reply();
    const o1 = await plain;
    assert.ok(o1.status === 'done' && o1.tree === undefined);
    for (const grouping of ['status', 'priority', 'role'] as const) {
      const p = w.analyze('a', ORDER, 'en', [], { tree: grouping });
      fw.current.reply();
      const o = await p;
      assert.ok(o.status === 'done' && o.tree, grouping);
      if (o.status !== 'done' || !o.tree) return;
      const r = analyze(ORDER, { locale: 'en' });
      assert.equal(o.tree.grouping, grouping);
      // the same trees as the host builds, through a structured clone (Maps and Sets included)
      assert.deepEqual(o.tree.data, buildTree(r.model, r.diagnostics, grouping));
      assert.ok(o.tree.data.conflicts.byRequirement instanceof Map);
    }
    w.dispose();
  });

  it('a newer edit supersedes a queued older one: only the newest text is analysed', async () => {
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory);
    const first = w.analyze('other', ORDER, 'en', []); // keeps the worker busy
    const v1 = w.analyze('doc', 'bizflow: 1\n', 'en', []);
    const v2 = w.analyze('doc', ORDER, 'en', []);
    assert.deepEqual(await v1, { status: 'superseded' });
    fw.current.reply(0);
    assert.equal((await first).status, 'done');
    await tick();
    assert.equal(fw.current.received.length, 2, 'v1 was never sent');
    assert.equal(fw.current.received[1].text, ORDER);
    fw.current.reply(1);
    assert.equal((await v2).status, 'done');
    w.dispose();
  });

  it('a newer edit cancels a running analysis of the same document: the worker is terminated, its answer never used', async () => {
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory);
    const v1 = w.analyze('doc', 'bizflow: 1\n', 'en', []);
    const old = fw.current;
    const v2 = w.analyze('doc', ORDER, 'en', []);
    assert.deepEqual(await v1, { status: 'superseded' });
    assert.equal(old.terminated, true);
    assert.equal(fw.started.length, 2, 'a new worker runs the newer text');
    assert.equal(fw.current.received[0].text, ORDER);
    old.reply(0); // a late answer of the terminated worker is ignored
    fw.current.reply(0);
    const o = await v2;
    assert.equal(o.status, 'done');
    assert.equal(o.status === 'done' && o.diagnostics.length, analyze(ORDER).diagnostics.length);
    assert.deepEqual(w.stats, { started: 2, terminated: 1, superseded: 1, done: 1, failed: 0, queries: 0, stale: 0, cachedQueries: 0 });
    w.dispose();
  });

  it('with cancelRunning: false, the running analysis finishes but its result is dropped', async () => {
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory, { cancelRunning: false });
    const v1 = w.analyze('doc', 'bizflow: 1\n', 'en', []);
    const v2 = w.analyze('doc', ORDER, 'en', []);
    assert.deepEqual(await v1, { status: 'superseded' });
    assert.equal(fw.current.terminated, false);
    fw.current.reply(0);
    await tick();
    assert.equal(fw.current.received.length, 2);
    fw.current.reply(1);
    assert.equal((await v2).status, 'done');
    assert.equal(fw.started.length, 1);
    w.dispose();
  });

  it('other documents are not cancelled by an edit', async () => {
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory);
    const a = w.analyze('a', ORDER, 'en', []);
    const b1 = w.analyze('b', 'x: 1\n', 'en', []);
    const b2 = w.analyze('b', ORDER, 'en', []);
    assert.deepEqual(await b1, { status: 'superseded' });
    assert.equal(fw.current.terminated, false);
    fw.current.reply(0);
    assert.equal((await a).status, 'done');
    await tick();
    fw.current.reply(1);
    assert.equal((await b2).status, 'done');
    w.dispose();
  });

  it('a worker that dies fails only its request; the next one gets a new worker', async () => {
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory);
    const a = w.analyze('a', ORDER, 'en', []);
    const b = w.analyze('b', ORDER, 'en', []);
    fw.current.crash('Worker terminated due to reaching memory limit: JS heap out of memory');
    assert.deepEqual(await a, { status: 'failed', message: 'Worker terminated due to reaching memory limit: JS heap out of memory' });
    await tick();
    assert.equal(fw.started.length, 2);
    fw.current.reply(0);
    assert.equal((await b).status, 'done');
    w.dispose();
  });

  it('a request running past timeoutMs fails and its worker is terminated', async () => {
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory, { timeoutMs: 20 });
    const o = await w.analyze('a', ORDER, 'en', []);
    assert.equal(o.status, 'failed');
    assert.equal(fw.started[0].terminated, true);
    w.dispose();
  });

  describe('with the real dist/worker.js (worker_threads)', function () {
    this.timeout(60000);
    const file = path.join(repoRoot, 'dist/worker.js');
    before(function () {
      if (!fs.existsSync(file)) this.skip(); // npm run build first
    });

    it('analyses like analyze(), and a newer edit during a long analysis cancels it', async () => {
      const w = new AnalysisWorker(nodeWorkerFactory(file));
      const o = await w.analyze('doc', ORDER, 'zh-CN', [{ rules: { 'role/unused': 'off' } }]);
      assert.equal(o.status, 'done');
      const expected = analyze(ORDER, { locale: 'zh-CN', config: [{ rules: { 'role/unused': 'off' } }] }).diagnostics;
      assert.deepEqual(o.status === 'done' && o.diagnostics, expected);
      assert.deepEqual(o.status === 'done' && Array.from(o.ranges), Array.from(diagnosticLineRanges(ORDER, expected)));
      // a big text keeps the worker busy; the edit right after it wins
      const big = ORDER + '\n# ' + 'x'.repeat(10) + '\n' + Array.from({ length: 3000 }, (_, i) => `# filler ${i}`).join('\n');
      const slow = w.analyze('doc', big, 'en', []);
      const t0 = Date.now();
      const fresh = w.analyze('doc', ORDER, 'en', []);
      assert.deepEqual(await slow, { status: 'superseded' });
      assert.equal((await fresh).status, 'done');
      assert.ok(Date.now() - t0 < 10000);
      assert.equal(w.stats.terminated, 1);
      w.dispose();
    });
  });
});

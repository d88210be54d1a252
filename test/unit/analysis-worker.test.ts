/** The analysis worker abstraction: queueing, cancellation by newer edits, crashes, and the real dist/worker.js. */
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/engine';
import { buildOutline, lineOutline, unpackOutline } from '../../src/core/outline';
import { diagnosticLineRanges, LineIndex } from '../../src/core/positions';
import { buildSymbolIndex } from '../../src/core/symbols';
import { buildTree } from '../../src/core/tree';
import { unpackTree } from '../../src/core/tree-pack';
import { AnalysisWorker } from '../../src/extension/analysisWorker';
import { nodeWorkerFactory } from '../../src/extension/nodeWorker';
import { answerQuery, isLanguageAnswer, isLanguageQuery, type LanguageAnswer, type LanguageQuery } from '../../src/shared/language-queries';
import { isHostToWorker, isWorkerToHost, type AnalyzeRequest, type HostToWorker, type QueryRequest, type WorkerEndpoint, type WorkerToHost } from '../../src/shared/worker-protocol';
import { AnalysisServer, KEPT_ANALYSES, serveAnalysis } from '../../src/worker/analysis';

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
    // packed for the trip (strings and one typed array), the same nodes once unpacked
    assert.ok(o2.outline.numbers instanceof Uint32Array);
    const outline = unpackOutline(o2.outline);
    assert.deepEqual(outline, lineOutline(crlf, buildOutline(analyze(crlf).model)));
    const steps = outline.find((n) => n.section === 'steps')!;
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
      // the same trees as the host builds, through a structured clone (Maps and Sets included), each role's
      // sections packed as JSON
      assert.ok(o.tree.data.roles.every((role) => role.children.length === 0));
      assert.equal(o.tree.data.roleSections.length, o.tree.data.roles.length);
      assert.deepEqual(unpackTree(o.tree.data), buildTree(r.model, r.diagnostics, grouping));
      assert.ok(o.tree.data.conflicts.byRequirement instanceof Map);
    }
    w.dispose();
  });

  it('answers the trees as a query from the kept analysis (an editor switch, a new grouping): the packed trees an analysis answers, the host fallback alike', () => {
    const server = new AnalysisServer();
    const r = analyze(ORDER, { locale: 'en' });
    const lines = new LineIndex(ORDER);
    let id = 1;
    for (const grouping of ['status', 'priority', 'role'] as const) {
      const q: LanguageQuery = { kind: 'tree', grouping };
      assert.ok(isLanguageQuery(q));
      const a = server.handle({ type: 'query', id: id++, key: 'doc', version: 1, text: ORDER, locale: 'en', config: [], query: q });
      assert.ok(a && a.type === 'answered', grouping);
      const cloned = structuredClone(a.answer);
      assert.ok(isLanguageAnswer(cloned) && cloned.kind === 'tree');
      assert.equal(cloned.grouping, grouping);
      // what the analysis packs while typing, byte for byte, and the same trees as the host builds
      const packed = new AnalysisServer().handle({ type: 'analyze', id: 1, text: ORDER, locale: 'en', config: [], tree: grouping });
      assert.ok(packed && packed.type === 'analyzed' && packed.tree);
      assert.deepEqual(cloned.data, structuredClone(packed.tree.data));
      assert.deepEqual(unpackTree(cloned.data), buildTree(r.model, r.diagnostics, grouping));
      assert.ok(cloned.data.conflicts.byRequirement instanceof Map);
      // the host without a worker answers alike
      assert.deepEqual(answerQuery({ result: r, index: buildSymbolIndex(r.model), locale: 'en', lines }, q), a.answer);
    }
    assert.deepEqual(server.stats, { analysed: 1, reused: 2 }, 'one analysis answers every grouping');
    for (const bad of [{ kind: 'tree' }, { kind: 'tree', grouping: 'size' }, { kind: 'tree', grouping: 'toString' }]) assert.equal(isLanguageQuery(bad), false, JSON.stringify(bad));
    for (const bad of [{ kind: 'tree' }, { kind: 'tree', grouping: 'status', data: { roles: [] } }, { kind: 'tree', grouping: 'status', data: { roles: [], roleSections: [], requirements: [] } }]) {
      assert.equal(isLanguageAnswer(bad), false, JSON.stringify(bad));
    }
  });

  it('answers the outline as a query from the kept analysis (one made before the outline was shown): what the analysis packs, the host fallback alike', () => {
    for (const text of [ORDER, ORDER.replace(/\r?\n/g, '\r\n'), 'steps: [\n', '']) {
      const server = new AnalysisServer();
      server.handle({ type: 'analyze', id: 1, text, locale: 'en', config: [], key: 'doc', version: 1 });
      const q: LanguageQuery = { kind: 'outline' };
      assert.ok(isLanguageQuery(q));
      const a = server.handle({ type: 'query', id: 2, key: 'doc', version: 1, locale: 'en', config: [], query: q });
      assert.ok(a && a.type === 'answered' && a.cached, 'from the kept analysis, without the text');
      const cloned = structuredClone(a.answer);
      assert.ok(isLanguageAnswer(cloned) && cloned.kind === 'outline');
      const packed = new AnalysisServer().handle({ type: 'analyze', id: 1, text, locale: 'en', config: [], outline: true });
      assert.ok(packed && packed.type === 'analyzed' && packed.outline);
      assert.deepEqual(cloned.data, structuredClone(packed.outline));
      assert.deepEqual(unpackOutline(cloned.data), lineOutline(text, buildOutline(analyze(text).model)));
      const r = analyze(text);
      assert.deepEqual(answerQuery({ result: r, index: buildSymbolIndex(r.model), locale: 'en', lines: new LineIndex(text) }, q), a.answer);
    }
    for (const bad of [{ kind: 'outline' }, { kind: 'outline', data: [] }, { kind: 'outline', data: null }]) assert.equal(isLanguageAnswer(bad), false, JSON.stringify(bad));
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
    assert.deepEqual(w.stats, { started: 2, terminated: 1, superseded: 1, done: 1, failed: 0, queries: 0, stale: 0, cachedQueries: 0, textOmitted: 0, missing: 0 });
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
      const fresh = w.analyze('doc', ORDER, 'en', []);
      // the long analysis is not waited for: it is superseded and its worker ended (no time measured here)
      assert.deepEqual(await slow, { status: 'superseded' });
      assert.equal((await fresh).status, 'done');
      assert.equal(w.stats.terminated, 1);
      w.dispose();
    });
  });
});

/** The position (line, character) of the `nth` occurrence of `needle` in `text`, plus `delta` characters. */
function positionOf(text: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} is in the text`);
  const idx = new LineIndex(text);
  return idx.position(at + delta);
}

/** The same query answered on the host, from a fresh synchronous analysis (what the editor does without a worker). */
function onHost(text: string, q: LanguageQuery, locale: 'en' | 'zh-CN' = 'en'): LanguageAnswer {
  const result = analyze(text, { locale });
  return answerQuery({ result, index: buildSymbolIndex(result.model), locale, lines: new LineIndex(text) }, q);
}

const query = (id: number, key: string, text: string, q: LanguageQuery, locale: 'en' | 'zh-CN' = 'en', version = 1): QueryRequest => ({ type: 'query', id, key, version, text, locale, config: [], query: q });

describe('language queries in the analysis worker', () => {
  it('answers every kind of query exactly as the host does without a worker (through a structured clone)', () => {
    const sales = positionOf(ORDER, 'role: sales', 'role: '.length + 2);
    const queries: LanguageQuery[] = [
      { kind: 'complete', ...positionOf(ORDER, 'role: sales', 'role: '.length) },
      { kind: 'complete', ...positionOf(ORDER, '    type: start', '    type: '.length) },
      { kind: 'hover', ...sales },
      { kind: 'hover', ...positionOf(ORDER, '    type: start', 5) },
      { kind: 'prepareRename', ...sales },
      { kind: 'prepareRename', ...positionOf(ORDER, '订单履约流程', 1, 1) },
      { kind: 'rename', ...sales, newName: 'seller' },
      { kind: 'rename', ...sales, newName: 'not an id' },
      { kind: 'definition', ...sales },
      { kind: 'definition', ...positionOf(ORDER, '订单履约流程', 1, 1) },
      { kind: 'references', ...sales, includeDeclaration: true },
      { kind: 'references', ...sales, includeDeclaration: false },
      { kind: 'references', line: 0, character: 0, includeDeclaration: true },
    ];
    const server = new AnalysisServer();
    server.handle({ type: 'analyze', id: 1, text: ORDER, locale: 'en', config: [], key: 'doc' });
    queries.forEach((q, i) => {
      const a = server.handle(query(10 + i, 'doc', ORDER, q));
      assert.ok(a && a.type === 'answered', `${q.kind} answered`);
      assert.equal(a.cached, true, 'from the kept analysis');
      assert.deepEqual(structuredClone(a.answer), onHost(ORDER, q), `${q.kind} #${i}`);
    });
    assert.deepEqual(server.stats, { analysed: 1, reused: queries.length + 0 });
  });

  it('answers are the core\'s, with exact line ranges: completion, hover, definition, references, rename', () => {
    const server = new AnalysisServer();
    const ask = (q: LanguageQuery) => {
      const a = server.handle(query(1, 'doc', ORDER, q));
      assert.ok(a?.type === 'answered');
      return a.answer;
    };
    const idx = new LineIndex(ORDER);
    const range = (start: number, end: number) => {
      const a = idx.position(start);
      const b = idx.position(end);
      return [a.line, a.character, b.line, b.character];
    };
    const salesDef = ORDER.indexOf('  sales:\n') + 2;
    const salesRef = ORDER.indexOf('role: sales') + 'role: '.length;
    // completion after `role: ` offers the roles, replacing the word `sales`
    const c = ask({ kind: 'complete', ...idx.position(salesRef) });
    assert.ok(c.kind === 'complete');
    const entry = c.entries.find((e) => e.label === 'warehouse');
    assert.ok(entry, 'the roles are offered');
    assert.deepEqual(entry.replaceRange, range(salesRef, salesRef + 'sales'.length));
    // hover on a role reference: its card, over the id
    const h = ask({ kind: 'hover', ...idx.position(salesRef + 1) });
    assert.ok(h.kind === 'hover' && h.hover);
    assert.deepEqual(h.hover.range, range(salesRef, salesRef + 5));
    assert.match(h.hover.markdown, /业务员/);
    // definition: the role's key
    const d = ask({ kind: 'definition', ...idx.position(salesRef + 1) });
    assert.ok(d.kind === 'definition');
    assert.deepEqual(d.origin, range(salesRef, salesRef + 5));
    assert.equal(d.targets.length, 1);
    assert.deepEqual(d.targets[0].selection, range(salesDef, salesDef + 5));
    // references with the declaration: the definition first, marked
    const r = ask({ kind: 'references', ...idx.position(salesRef + 1), includeDeclaration: true });
    assert.ok(r.kind === 'references' && r.references);
    assert.deepEqual(r.references[0], { range: range(salesDef, salesDef + 5), isDefinition: true });
    assert.ok(r.references.slice(1).every((o) => !o.isDefinition));
    // rename: every occurrence, and a refusal with a message for a bad name
    const ok = ask({ kind: 'rename', ...idx.position(salesRef + 1), newName: 'seller' });
    assert.ok(ok.kind === 'rename' && 'edits' in ok.result);
    assert.equal(ok.result.edits.length, r.references.length);
    assert.ok(ok.result.edits.every((e) => e.newText === 'seller'));
    const bad = ask({ kind: 'rename', ...idx.position(salesRef + 1), newName: 'not an id' });
    assert.ok(bad.kind === 'rename' && 'error' in bad.result && bad.result.error.length > 0);
    // no symbol under the cursor: no definition, no references
    const none = ask({ kind: 'references', line: 0, character: 0, includeDeclaration: true });
    assert.deepEqual(none, { kind: 'references' });
  });

  it('quick fixes: matched to the shown diagnostics by code and range, titles once, stale diagnostics ignored', () => {
    const text = ORDER.replace('role: sales', 'role: salse');
    const result = analyze(text);
    const idx = new LineIndex(text);
    const shown = result.diagnostics.map((d) => {
      const a = idx.position(d.span.start);
      const b = idx.position(d.span.end);
      return { code: d.code, message: d.message, range: [a.line, a.character, b.line, b.character] as [number, number, number, number] };
    });
    const typo = shown.findIndex((d) => d.code === 'bizflow/unknown-role' || /salse/.test(d.message));
    assert.ok(typo >= 0, 'the typo is reported');
    const stale = { code: shown[typo].code, message: shown[typo].message, range: [0, 0, 0, 1] as [number, number, number, number] };
    const q: LanguageQuery = { kind: 'fixes', diagnostics: [stale, ...shown] };
    const a = new AnalysisServer().handle(query(1, 'doc', text, q));
    assert.ok(a?.type === 'answered' && a.answer.kind === 'fixes');
    assert.deepEqual(a.answer, onHost(text, q));
    const fixes = a.answer.fixes;
    assert.ok(!fixes.some((f) => f.diagnostic === 0), 'a diagnostic of an older text gets no fix');
    const forTypo = fixes.filter((f) => f.diagnostic === typo + 1);
    assert.ok(forTypo.some((f) => f.isPreferred && f.edits.some((e) => e.newText === 'sales')), 'the typo fix replaces salse by sales');
    assert.equal(new Set(fixes.map((f) => f.title)).size, fixes.length, 'each title once');
  });

  it('re-analyses only when the text, locale or settings differ from the kept analysis', () => {
    const server = new AnalysisServer();
    const q: LanguageQuery = { kind: 'hover', ...positionOf(ORDER, 'role: sales', 8) };
    const cachedOf = (m: HostToWorker) => {
      const a = server.handle(m);
      assert.ok(a?.type === 'answered');
      return a.cached;
    };
    assert.equal(cachedOf(query(1, 'doc', ORDER, q)), false, 'first: analysed');
    assert.equal(cachedOf(query(2, 'doc', ORDER, q)), true);
    assert.equal(cachedOf(query(3, 'doc', ORDER + '\n', q)), false, 'an edit');
    assert.equal(cachedOf(query(4, 'doc', ORDER + '\n', q, 'zh-CN')), false, 'another locale');
    const zh = server.handle(query(5, 'doc', ORDER + '\n', q, 'zh-CN'));
    assert.ok(zh?.type === 'answered');
    assert.deepEqual(zh.answer, onHost(ORDER + '\n', q, 'zh-CN'));
    const rules: QueryRequest = { type: 'query', id: 6, key: 'doc', version: 1, text: ORDER + '\n', locale: 'zh-CN' as const, config: [{ rules: { 'flow/dead-end': 'off' } }], query: q };
    assert.equal(cachedOf(rules), false, 'other severity settings');
    // an analysis of a file on disk (no key) is not kept, and does not evict
    server.handle({ type: 'analyze', id: 7, text: 'bizflow: 1\n', locale: 'en', config: [] });
    assert.deepEqual(server.keys(), ['doc']);
  });

  it('a query without its text is answered from the kept analysis of that version, else "missing"', () => {
    const server = new AnalysisServer();
    const q: LanguageQuery = { kind: 'hover', ...positionOf(ORDER, 'role: sales', 8) };
    server.handle({ type: 'analyze', id: 1, text: ORDER, locale: 'en', config: [], key: 'doc', version: 4 });
    const { text: _omitted, ...bare } = query(2, 'doc', ORDER, q, 'en', 4);
    const a = server.handle(bare);
    assert.ok(a?.type === 'answered' && a.cached);
    assert.deepEqual(a.answer, onHost(ORDER, q));
    assert.deepEqual(server.handle({ ...bare, id: 3, version: 5 }), { type: 'missing', id: 3 }, 'another version');
    assert.deepEqual(server.handle({ ...bare, id: 4, locale: 'zh-CN' }), { type: 'missing', id: 4 }, 'other settings');
    assert.deepEqual(server.handle({ ...bare, id: 5, key: 'other' }), { type: 'missing', id: 5 }, 'another document');
    // the same text under a new version (an undo) is reused, and the version then known
    assert.ok(server.handle(query(6, 'doc', ORDER, q, 'en', 6))?.type === 'answered');
    const again = server.handle({ ...bare, id: 7, version: 6 });
    assert.ok(again?.type === 'answered' && again.cached);
    assert.deepEqual(server.stats, { analysed: 1, reused: 3 });
  });

  it('keeps the most recently used documents only (LRU), and forgets a closed one', () => {
    const server = new AnalysisServer(2);
    const q = (key: string, id: number) => server.handle(query(id, key, ORDER, { kind: 'hover', line: 0, character: 0 }));
    const cached = (key: string, id: number) => {
      const a = q(key, id);
      assert.ok(a?.type === 'answered');
      return a.cached;
    };
    cached('a', 1);
    cached('b', 2);
    assert.equal(cached('a', 3), true, 'a is used again: most recent');
    cached('c', 4); // evicts b, the least recently used
    assert.deepEqual(server.keys(), ['a', 'c']);
    assert.equal(cached('a', 5), true);
    assert.equal(cached('b', 6), false, 'b was evicted: analysed again');
    assert.deepEqual(server.keys(), ['a', 'b']);
    assert.equal(server.handle({ type: 'forget', key: 'a' }), undefined, 'forget has no answer');
    assert.deepEqual(server.keys(), ['b']);
    assert.equal(cached('a', 7), false, 'a forgotten: analysed again');
    assert.equal(KEPT_ANALYSES, 8);
  });

  it('validates messages both ways: malformed queries and answers are refused, a malformed request with an id is failed', () => {
    const good = query(1, 'k', 'x: 1\n', { kind: 'hover', line: 0, character: 0 });
    assert.ok(isHostToWorker(good));
    assert.ok(isHostToWorker({ type: 'forget', key: 'k' }));
    const bad: unknown[] = [
      { type: 'forget' },
      { type: 'forget', key: 3 },
      { ...good, key: undefined },
      { ...good, locale: 'fr' },
      { ...good, text: 1 },
      { ...good, config: undefined },
      { ...good, query: { kind: 'hover', line: -1, character: 0 } },
      { ...good, query: { kind: 'hover', line: 0.5, character: 0 } },
      { ...good, query: { kind: 'hover', line: 0 } },
      { ...good, query: { kind: 'explode', line: 0, character: 0 } },
      { ...good, query: { kind: 'rename', line: 0, character: 0 } },
      { ...good, query: { kind: 'references', line: 0, character: 0 } },
      { ...good, query: { kind: 'fixes', diagnostics: [{ message: 'm', range: [0, 0, 0] }] } },
      { ...good, query: { kind: 'fixes', diagnostics: [{ code: 1, message: 'm', range: [0, 0, 0, 1] }] } },
      { ...good, query: { kind: 'fixes' } },
      { ...good, query: null },
      { type: 'analyze', id: 1, text: 'x', locale: 'en', config: [], key: 5 },
    ];
    for (const m of bad) assert.equal(isHostToWorker(m), false, JSON.stringify(m));
    // the answers' own validator (not used by the host's bundle, see isWorkerToHost)
    assert.ok(isLanguageAnswer({ kind: 'hover' }));
    for (const a of [{ kind: 'complete' }, { kind: 'definition', targets: [], origin: [1] }, { kind: 'fixes', fixes: 1 }, { kind: 'x' }]) assert.equal(isLanguageAnswer(a), false, JSON.stringify(a));
    const answered = { type: 'answered', id: 1, answer: { kind: 'hover' }, cached: true, ms: 0 };
    assert.ok(isWorkerToHost(answered));
    for (const m of [
      { ...answered, answer: undefined },
      { ...answered, answer: { kind: 7 } },
      { ...answered, answer: 'hover' },
      { ...answered, cached: 'yes' },
      { ...answered, id: '1' },
      { type: 'analyzed', id: 1, diagnostics: [], ranges: [] },
      { type: 'failed', id: 1 },
    ]) {
      assert.equal(isWorkerToHost(m), false, JSON.stringify(m));
    }
    // the worker's loop: a malformed request with an id is failed (its sender would wait), others are dropped
    const posted: WorkerToHost[] = [];
    let deliver: (m: unknown) => void = () => {};
    serveAnalysis((l) => (deliver = l), (m) => posted.push(m));
    deliver({ type: 'query', id: 9, key: 'k' });
    deliver('hello');
    deliver({ type: 'forget' });
    deliver(good);
    assert.deepEqual(posted[0], { type: 'failed', id: 9, message: 'malformed request' });
    assert.equal(posted.length, 2);
    assert.equal(posted[1].type, 'answered');
  });
});

describe('language queries through the host client (AnalysisWorker)', () => {
  /** A hover on `role: sales`, made in each test (the position comes from src/core: not at load time). */
  const salesHover = (): LanguageQuery => ({ kind: 'hover', ...positionOf(ORDER, 'role: sales', 8) });

  it('a query after the analysis of the same version is answered from the kept analysis', async () => {
    const hover = salesHover();
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory);
    const a = w.analyze('doc', ORDER, 'en', [], { version: 1 });
    assert.equal(fw.current.received[0].type === 'analyze' && fw.current.received[0].key, 'doc', 'an open document is kept');
    fw.current.reply(0);
    assert.equal((await a).status, 'done');
    const q = w.query('doc', 1, ORDER, 'en', [], hover);
    await tick();
    fw.current.reply(1);
    const o = await q;
    assert.ok(o.status === 'done' && o.cached);
    assert.deepEqual(o.answer, onHost(ORDER, hover));
    assert.equal(w.stats.cachedQueries, 1);
    assert.equal(fw.current.received[1].text, undefined, 'the worker has this version: the text is not posted again');
    assert.equal(w.stats.textOmitted, 1);
    // a file read from disk (no version) is not kept
    const disk = w.analyze('disk', ORDER, 'en', []);
    await tick();
    assert.equal((fw.current.received[2] as AnalyzeRequest).key, undefined);
    fw.current.reply(2);
    await disk;
    w.dispose();
  });

  it('a query is not superseded by an analysis of the same document, and runs before queued analyses', async () => {
    const hover = salesHover();
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory);
    const other = w.analyze('other', ORDER, 'en', [], { version: 1 }); // keeps the worker busy
    const a1 = w.analyze('doc', ORDER, 'en', [], { version: 1 });
    const q1 = w.query('doc', 1, ORDER, 'en', [], hover);
    fw.current.reply(0);
    await other;
    await tick();
    assert.equal(fw.current.received[1].type, 'query', 'the query went first');
    fw.current.reply(1);
    const o = await q1;
    assert.ok(o.status === 'done' && !o.cached, 'the query analysed the text');
    await tick();
    fw.current.reply(2);
    assert.equal((await a1).status, 'done');
    assert.equal(fw.current.server.stats.reused, 1, 'the analysis reused what the query analysed');
    // a query running while an analysis of the same version arrives (settings changed): neither is dropped, no worker killed
    const q2 = w.query('doc', 1, ORDER, 'en', [], hover);
    const a2 = w.analyze('doc', ORDER, 'en', [{ rules: { 'flow/dead-end': 'off' } }], { version: 1 });
    assert.equal(fw.current.terminated, false);
    fw.current.reply(3);
    assert.equal((await q2).status, 'done', 'the running query still answers');
    await tick();
    fw.current.reply(4);
    assert.equal((await a2).status, 'done');
    assert.equal(fw.started.length, 1);
    // a running query about a version older than a new edit is stale, its worker terminated like an analysis's
    const q3 = w.query('doc', 1, ORDER, 'en', [], hover);
    const a3 = w.analyze('doc', ORDER + '\n', 'en', [], { version: 2 });
    assert.deepEqual(await q3, { status: 'stale' });
    assert.equal(fw.started[0].terminated, true);
    assert.equal(fw.started.length, 2);
    fw.current.reply(0);
    assert.equal((await a3).status, 'done');
    w.dispose();
  });

  it('after a superseding edit: a queued query about the old version is stale, one about the new version is answered by the new worker', async () => {
    const hover = salesHover();
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory);
    const v2 = ORDER.replace('role: sales', 'role: warehouse');
    const a1 = w.analyze('doc', ORDER, 'en', [], { version: 1 });
    const old = fw.current;
    const q1 = w.query('doc', 1, ORDER, 'en', [], hover);
    const a2 = w.analyze('doc', v2, 'en', [], { version: 2 });
    assert.deepEqual(await a1, { status: 'superseded' });
    assert.deepEqual(await q1, { status: 'stale' }, 'the query about version 1 is stale: VS Code asks again');
    assert.equal(old.terminated, true, 'the running analysis was cancelled with its worker');
    // the editor asks again about version 2 while the new worker analyses it
    const q2 = w.query('doc', 2, v2, 'en', [], hover);
    // a query about an older version than one already asked about is stale at once
    assert.deepEqual(await w.query('doc', 1, ORDER, 'en', [], hover), { status: 'stale' });
    assert.equal(fw.started.length, 2);
    const fresh = fw.current;
    assert.equal(fresh.received[0].type, 'analyze');
    fresh.reply(0);
    assert.equal((await a2).status, 'done');
    await tick();
    fresh.reply(1);
    const o = await q2;
    assert.ok(o.status === 'done' && o.cached, 'answered from the new worker\'s analysis of version 2');
    assert.deepEqual(o.answer, onHost(v2, hover));
    assert.equal(old.received.filter((m) => m.type === 'query').length, 0, 'the old worker never got the stale query');
    w.dispose();
  });

  it('a query queued while the worker is killed is sent to the new worker, which analyses the text first', async () => {
    const hover = salesHover();
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory);
    const v2 = ORDER + '\n# typing';
    const a1 = w.analyze('doc', ORDER, 'en', [], { version: 1 });
    const q2 = w.query('doc', 2, v2, 'en', [], hover); // queued behind the running analysis of version 1
    const a2 = w.analyze('doc', v2, 'en', [], { version: 2 }); // kills the worker running version 1
    assert.deepEqual(await a1, { status: 'superseded' });
    assert.equal(fw.started[0].terminated, true);
    const fresh = fw.current;
    assert.equal(fresh.received[0].type, 'query', 'the query runs first in the new worker');
    assert.equal(fresh.received[0].text, v2, 'with its text: the new worker keeps nothing');
    fresh.reply(0);
    const o = await q2;
    assert.ok(o.status === 'done' && !o.cached, 'the new worker had nothing kept: it analysed version 2');
    assert.deepEqual(o.answer, onHost(v2, hover));
    await tick();
    fresh.reply(1);
    assert.equal((await a2).status, 'done');
    assert.deepEqual(fresh.server.stats, { analysed: 1, reused: 1 });
    w.dispose();
  });

  it('a worker dying or timing out during a query fails that query only; cancelled and disposed queries are stale', async () => {
    const hover = salesHover();
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory);
    const q = w.query('doc', 1, ORDER, 'en', [], hover);
    const next = w.query('doc', 1, ORDER, 'en', [], hover);
    fw.current.crash('out of memory');
    assert.deepEqual(await q, { status: 'failed', message: 'out of memory' });
    await tick();
    fw.current.reply(0);
    assert.equal((await next).status, 'done');
    // cancellation: a queued query is never sent
    let cancel: () => void = () => {};
    const token = { isCancellationRequested: false, onCancellationRequested: (l: () => void) => ((cancel = l), { dispose() {} }) };
    const busy = w.analyze('other', ORDER, 'en', []);
    const cancelled = w.query('doc', 1, ORDER, 'en', [], hover, token);
    cancel();
    assert.deepEqual(await cancelled, { status: 'stale' });
    fw.current.reply(fw.current.received.length - 1);
    await busy;
    await tick();
    assert.equal(fw.current.received.filter((m) => m.type === 'query').length, 1, 'the cancelled query was not sent');
    assert.deepEqual(await w.query('doc', 1, ORDER, 'en', [], hover, { ...token, isCancellationRequested: true }), { status: 'stale' });
    // a query left waiting at dispose
    const left = w.query('doc', 1, ORDER, 'en', [], hover);
    w.dispose();
    assert.deepEqual(await left, { status: 'stale' });
    assert.deepEqual(await w.query('doc', 1, ORDER, 'en', [], hover), { status: 'failed', message: 'disposed' });
    const slow = new AnalysisWorker(new FakeWorkers().factory, { timeoutMs: 20 });
    const o = await slow.query('doc', 1, ORDER, 'en', [], hover);
    assert.ok(o.status === 'failed' && /query took longer/.test(o.message));
    slow.dispose();
  });

  it('a query without its text that the worker no longer keeps is asked again with the text', async () => {
    const hover = salesHover();
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory);
    const a = w.analyze('doc', ORDER, 'en', [], { version: 1 });
    fw.current.reply(0);
    await a;
    fw.current.server.handle({ type: 'forget', key: 'doc' }); // evicted behind the host's back
    const q = w.query('doc', 1, ORDER, 'en', [], hover);
    assert.equal(fw.current.received[1].text, undefined);
    fw.current.reply(1);
    await tick();
    assert.equal(fw.current.received.length, 3, 'asked again');
    assert.equal(fw.current.received[2].text, ORDER);
    assert.equal(fw.current.received[2].id, fw.current.received[1].id);
    fw.current.reply(2);
    const o = await q;
    assert.ok(o.status === 'done' && !o.cached);
    assert.deepEqual(o.answer, onHost(ORDER, hover));
    assert.equal(w.stats.missing, 1);
    // other settings than the kept analysis's: the text is sent
    const zh = w.query('doc', 1, ORDER, 'zh-CN', [], hover);
    assert.equal(fw.current.received[3].text, ORDER);
    fw.current.reply(3);
    assert.equal((await zh).status, 'done');
    w.dispose();
  });

  it('forget tells the worker to drop the document (only a running worker: a new one keeps nothing)', async () => {
    const hover = salesHover();
    const fw = new FakeWorkers();
    const w = new AnalysisWorker(fw.factory);
    w.forget('doc');
    assert.equal(fw.started.length, 0, 'no worker started to forget');
    const a = w.analyze('doc', ORDER, 'en', [], { version: 1 });
    fw.current.reply(0);
    await a;
    assert.deepEqual(fw.current.server.keys(), ['doc']);
    w.forget('doc');
    assert.deepEqual(fw.current.forgotten, ['doc']);
    assert.deepEqual(fw.current.server.keys(), []);
    // after forget, versions start again (a reopened untitled document counts from 1)
    const q = w.query('doc', 1, ORDER, 'en', [], hover);
    fw.current.reply(1);
    assert.ok((await q).status === 'done');
    w.dispose();
  });

  it('with the real dist/worker.js: a query is answered from the analysis of the same version', async function () {
    this.timeout(60000);
    const file = path.join(repoRoot, 'dist/worker.js');
    if (!fs.existsSync(file)) this.skip();
    const w = new AnalysisWorker(nodeWorkerFactory(file));
    assert.equal((await w.analyze('doc', ORDER, 'en', [], { version: 3 })).status, 'done');
    const o = await w.query('doc', 3, ORDER, 'en', [], { kind: 'complete', ...positionOf(ORDER, 'role: sales', 6) });
    assert.ok(o.status === 'done' && o.cached);
    assert.deepEqual(o.answer, onHost(ORDER, { kind: 'complete', ...positionOf(ORDER, 'role: sales', 6) }));
    w.dispose();
  });
});

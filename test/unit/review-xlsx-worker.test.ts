/**
 * "BizFlow: Export Review Pack" as Excel, made in the analysis worker (the `reviewPackXlsx` query, answered through
 * a promise): the workbook the host made before (src/node/review-xlsx.ts `packWorkbook` of the pack's model), read
 * back by exceljs (sheet names and cell values: the bytes differ by the zip's timestamps); the worker's loop answers
 * the messages that arrive while a workbook is written after it, in the order they came; the bytes are transferred.
 */
import { strict as assert } from 'assert';
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyze } from '../../src/core/engine';
import { LineIndex } from '../../src/core/positions';
import { buildPack, type ReviewPack } from '../../src/core/review/pack';
import { buildSymbolIndex } from '../../src/core/symbols';
import type { Locale } from '../../src/core/types';
import { AnalysisWorker } from '../../src/extension/analysisWorker';
import { nodeWorkerFactory } from '../../src/extension/nodeWorker';
import { packWorkbook } from '../../src/node/review-xlsx';
import { answerQuery, isLanguageAnswer, isLanguageQuery, QUERY_KINDS, type LanguageQuery } from '../../src/shared/language-queries';
import { answerReviewPackXlsx } from '../../src/shared/review-queries';
import { isWorkerToHost, type HostToWorker, type QueryRequest, type WorkerToHost } from '../../src/shared/worker-protocol';
import { AnalysisServer, serveAnalysis } from '../../src/worker/analysis';

const repoRoot = path.resolve(__dirname, '../..');
const ORDER = fs.readFileSync(path.join(repoRoot, 'examples/order-fulfilment.bizflow.yaml'), 'utf8');
// on a role id in a step (a card for the role); made in each test, as Stryker runs the tests again for every mutant
const hoverQuery = (): LanguageQuery => ({ kind: 'hover', ...new LineIndex(ORDER).position(ORDER.indexOf('role: sales') + 7) });

/** The cell values of every worksheet, by name, in order. */
async function sheets(bytes: Uint8Array): Promise<[string, unknown[][]][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => rows.push(JSON.parse(JSON.stringify(row.values)) as unknown[]));
    return [ws.name, rows];
  });
}

/** What the host made before: the pack of a fresh analysis, written by `packWorkbook` on this thread. */
async function onHost(text: string, locale: Locale, role: string | undefined, file?: string): Promise<Uint8Array> {
  return packWorkbook(buildPack(analyze(text, { locale, config: [] }), { role, locale }), { file });
}

/** A query about version 1 of `key`: with `text`, or without (`null`: the kept analysis of that version). */
const xlsxQuery = (id: number, query: LanguageQuery, locale: Locale = 'en', text: string | null = ORDER, key = 'doc'): QueryRequest => ({
  type: 'query',
  id,
  key,
  version: 1,
  ...(text !== null ? { text } : {}),
  locale,
  config: [],
  query,
});

/** A promise with its resolve and reject at hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('review pack xlsx in the analysis worker (reviewPackXlsx)', function () {
  this.timeout(120_000);

  it('the query and its answer are checked at the thread boundary; answerQuery leaves it to answerReviewPackXlsx', () => {
    assert.ok(QUERY_KINDS.includes('reviewPackXlsx'));
    for (const good of [{ kind: 'reviewPackXlsx' }, { kind: 'reviewPackXlsx', role: 'sales', file: 'a/b.bizflow.yaml', generatedOn: '2026-12-07' }]) {
      assert.ok(isLanguageQuery(good), JSON.stringify(good));
    }
    for (const bad of [{ kind: 'reviewPackXlsx', role: 1 }, { kind: 'reviewPackXlsx', file: null }, { kind: 'reviewPackXlsx', generatedOn: 20261207 }]) {
      assert.equal(isLanguageQuery(bad), false, JSON.stringify(bad));
    }
    assert.ok(isLanguageAnswer({ kind: 'reviewPackXlsx', xlsx: new Uint8Array([80, 75]) }));
    for (const bad of [{ kind: 'reviewPackXlsx' }, { kind: 'reviewPackXlsx', xlsx: [80, 75] }, { kind: 'reviewPackXlsx', xlsx: new ArrayBuffer(2) }, { kind: 'reviewPackXlsx', xlsx: 'PK' }]) {
      assert.equal(isLanguageAnswer(bad), false, JSON.stringify(bad));
    }
    const r = analyze(ORDER, { locale: 'en' });
    assert.throws(() => answerQuery({ result: r, index: buildSymbolIndex(r.model), locale: 'en', lines: new LineIndex(ORDER) }, { kind: 'reviewPackXlsx' }), /answered asynchronously/);
    // the synchronous `handle` fails it (the worker's loop uses `serve`)
    const a = new AnalysisServer(8, async () => new Uint8Array(1)).handle(xlsxQuery(1, { kind: 'reviewPackXlsx' }));
    assert.equal(a?.type, 'failed');
  });

  it('answerReviewPackXlsx: the pack kept in the memo for that role, written by the maker; bytes owning their whole buffer', async () => {
    const result = analyze(ORDER, { locale: 'zh-CN' });
    const memo = {};
    const got: { pack: ReviewPack; file?: string }[] = [];
    const plain = new Uint8Array([1, 2, 3]);
    const subject = { result, locale: 'zh-CN' as Locale, memo };
    const a = await answerReviewPackXlsx(subject, { kind: 'reviewPackXlsx', role: 'sales', file: 'x.bizflow.yaml' }, async (pack, o) => {
      got.push({ pack, file: o.file });
      return plain;
    });
    assert.equal(a.xlsx, plain, 'a plain Uint8Array owning its buffer is sent as it is');
    assert.deepEqual(got[0].pack, buildPack(result, { role: 'sales', locale: 'zh-CN' }));
    assert.equal(got[0].file, 'x.bizflow.yaml');
    // a Node Buffer from the shared pool (a slice of a larger ArrayBuffer) is copied: transferring its buffer would
    // take the pool away
    const pooled = Buffer.from('PK\u0003\u0004');
    assert.ok(pooled.byteLength < pooled.buffer.byteLength, 'a pooled Buffer');
    const b = await answerReviewPackXlsx(subject, { kind: 'reviewPackXlsx', role: 'sales' }, async (pack) => {
      got.push({ pack });
      return pooled;
    });
    assert.equal(Object.getPrototypeOf(b.xlsx), Uint8Array.prototype);
    assert.equal(b.xlsx.byteOffset, 0);
    assert.equal(b.xlsx.byteLength, b.xlsx.buffer.byteLength);
    assert.deepEqual([...b.xlsx], [...pooled]);
    assert.equal(got[1].pack, got[0].pack, 'the same role: the pack kept in the memo');
    await answerReviewPackXlsx(subject, { kind: 'reviewPackXlsx' }, async (pack) => {
      got.push({ pack });
      return plain;
    });
    assert.notEqual(got[2].pack, got[0].pack, 'all roles: another pack');
    assert.deepEqual(got[2].pack, buildPack(result, { locale: 'zh-CN' }));
  });

  it('the worker loop: messages arriving while a workbook is written wait and are answered after it, in order; the bytes are transferred', async () => {
    const made = [deferred<Uint8Array>(), deferred<Uint8Array>()];
    let calls = 0;
    const posted: { m: WorkerToHost; transfer?: ArrayBuffer[] }[] = [];
    let deliver: (m: unknown) => void = () => {};
    serveAnalysis(
      (l) => (deliver = l),
      (m, transfer) => posted.push({ m, ...(transfer ? { transfer } : {}) }),
      { workbook: () => made[calls++].promise },
    );
    const ids = () => posted.map((p) => p.m.id);
    deliver({ type: 'analyze', id: 1, text: ORDER, locale: 'en', config: [], key: 'doc', version: 1 } satisfies HostToWorker);
    assert.deepEqual(ids(), [1], 'answered at once');
    deliver(xlsxQuery(2, { kind: 'reviewPackXlsx', role: 'sales' }, 'en', null));
    deliver(xlsxQuery(3, hoverQuery(), 'en', null));
    deliver({ type: 'forget', key: 'doc' } satisfies HostToWorker);
    deliver(xlsxQuery(4, hoverQuery(), 'en', null)); // forgotten by then: `missing`
    deliver({ type: 'query', id: 5 }); // malformed: failed, in its turn
    deliver(xlsxQuery(6, { kind: 'reviewPackXlsx' }, 'en'));
    deliver({ type: 'analyze', id: 7, text: 'steps: {}\n', locale: 'en', config: [] } satisfies HostToWorker);
    await settle();
    assert.deepEqual(ids(), [1], 'nothing answered while the workbook is written');
    const bytes = new Uint8Array([80, 75, 3, 4]);
    made[0].resolve(bytes);
    await settle();
    assert.deepEqual(ids(), [1, 2, 3, 4, 5], 'answered in order up to the next workbook');
    const xlsx = posted[1];
    assert.ok(xlsx.m.type === 'answered' && xlsx.m.answer.kind === 'reviewPackXlsx' && xlsx.m.answer.xlsx === bytes);
    assert.ok(xlsx.m.cached, 'from the kept analysis');
    assert.deepEqual(xlsx.transfer, [bytes.buffer], 'the bytes move to the host');
    assert.equal(posted[2].m.type, 'answered');
    assert.equal(posted[2].transfer, undefined, 'nothing else is transferred');
    assert.deepEqual(posted[3].m, { type: 'missing', id: 4 });
    assert.deepEqual(posted[4].m, { type: 'failed', id: 5, message: 'malformed request' });
    // a workbook that fails fails its query only
    made[1].reject(new Error('exceljs is missing'));
    await settle();
    assert.deepEqual(ids(), [1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(posted[5].m, { type: 'failed', id: 6, message: 'exceljs is missing' });
    assert.equal(posted[6].m.type, 'analyzed');
    assert.equal(calls, 2);
  });

  it('a worker without a workbook maker (the web worker) fails the query at once; the host then makes it', () => {
    const posted: WorkerToHost[] = [];
    let deliver: (m: unknown) => void = () => {};
    serveAnalysis(
      (l) => (deliver = l),
      (m) => posted.push(m),
    );
    deliver(xlsxQuery(1, { kind: 'reviewPackXlsx' }));
    deliver(xlsxQuery(2, hoverQuery()));
    assert.deepEqual(posted[0], { type: 'failed', id: 1, message: 'this worker cannot make an xlsx (no exceljs here)' });
    assert.equal(posted[1].type, 'answered');
  });

  describe('with the real dist/worker.js (worker_threads, exceljs from dist/exceljs.js)', function () {
    const file = path.join(repoRoot, 'dist/worker.js');
    before(function () {
      if (!fs.existsSync(file) || !fs.existsSync(path.join(repoRoot, 'dist/exceljs.js'))) this.skip(); // npm run build first
    });

    it('answers the workbook the host made before; requests sent meanwhile are answered after it, in order', async () => {
      const w = new Worker(file);
      try {
        const answers: WorkerToHost[] = [];
        const all = new Promise<void>((resolve, reject) => {
          w.on('error', reject);
          w.on('message', (m: unknown) => {
            assert.ok(isWorkerToHost(m), JSON.stringify(m).slice(0, 200));
            answers.push(m);
            if (answers.length === 6) resolve();
          });
        });
        const post = (m: HostToWorker) => w.postMessage(m);
        post({ type: 'analyze', id: 1, text: ORDER, locale: 'zh-CN', config: [], key: 'doc', version: 1 });
        post(xlsxQuery(2, { kind: 'reviewPackXlsx', role: 'warehouse', file: 'examples/order.bizflow.yaml', generatedOn: '2026-12-07' }, 'zh-CN', null));
        post(xlsxQuery(3, hoverQuery(), 'zh-CN', null));
        post({ type: 'analyze', id: 4, text: ORDER + '\n', locale: 'en', config: [], key: 'other', version: 1 });
        post(xlsxQuery(5, { kind: 'reviewPackXlsx' }, 'en', null, 'other'));
        post(xlsxQuery(6, hoverQuery(), 'en', null, 'other'));
        await all;
        assert.deepEqual(
          answers.map((a) => [a.id, a.type]),
          [
            [1, 'analyzed'],
            [2, 'answered'],
            [3, 'answered'],
            [4, 'analyzed'],
            [5, 'answered'],
            [6, 'answered'],
          ],
        );
        const bytes = (a: WorkerToHost) => {
          assert.ok(a.type === 'answered' && a.answer.kind === 'reviewPackXlsx', JSON.stringify(a).slice(0, 200));
          assert.ok(a.answer.xlsx instanceof Uint8Array);
          return a.answer.xlsx;
        };
        const warehouse = await sheets(bytes(answers[1]));
        assert.deepEqual(warehouse, await sheets(await onHost(ORDER, 'zh-CN', 'warehouse', 'examples/order.bizflow.yaml')));
        assert.ok(warehouse.length >= 3 && warehouse.some(([name]) => name === '签字确认'), warehouse.map(([n]) => n).join(', '));
        const every = await sheets(bytes(answers[4]));
        assert.deepEqual(every, await sheets(await onHost(ORDER + '\n', 'en', undefined)));
        assert.notDeepEqual(every, warehouse);
        assert.ok(every.some(([name]) => name === 'Sign-off'));
        // the hovers answered as the host answers them
        const hover = (text: string, locale: Locale) => {
          const r = analyze(text, { locale });
          return answerQuery({ result: r, index: buildSymbolIndex(r.model), locale, lines: new LineIndex(text) }, hoverQuery());
        };
        assert.ok(hover(ORDER, 'zh-CN').kind === 'hover' && (hover(ORDER, 'zh-CN') as { hover?: unknown }).hover, 'a hover to compare');
        assert.deepEqual((answers[2] as { answer: unknown }).answer, hover(ORDER, 'zh-CN'));
        assert.deepEqual((answers[5] as { answer: unknown }).answer, hover(ORDER + '\n', 'en'));
      } finally {
        await w.terminate();
      }
    });

    it('exceljs stays out of the worker bundle (loaded from dist/exceljs.js, 1.2 MB, only when a workbook is made)', () => {
      const worker = fs.statSync(file).size;
      const excel = fs.statSync(path.join(repoRoot, 'dist/exceljs.js')).size;
      assert.ok(excel > 1_000_000, `dist/exceljs.js is ${excel} bytes`);
      assert.ok(worker < excel, `dist/worker.js is ${worker} bytes`);
      assert.match(fs.readFileSync(file, 'utf8'), /"exceljs\.js"/, 'the worker names the file it loads');
    });

    it('through the host client (AnalysisWorker): the xlsx query and a query queued behind it are both answered', async () => {
      const w = new AnalysisWorker(nodeWorkerFactory(file));
      try {
        assert.equal((await w.analyze('doc', ORDER, 'en', [], { version: 2 })).status, 'done');
        const xlsx = w.query('doc', 2, ORDER, 'en', [], { kind: 'reviewPackXlsx', role: 'sales' });
        const hover = w.query('doc', 2, ORDER, 'en', [], hoverQuery());
        const [x, h] = await Promise.all([xlsx, hover]);
        assert.ok(x.status === 'done' && x.cached, JSON.stringify(x).slice(0, 200));
        assert.ok(x.answer.xlsx instanceof Uint8Array);
        assert.deepEqual(await sheets(x.answer.xlsx), await sheets(await onHost(ORDER, 'en', 'sales')));
        assert.equal(h.status, 'done');
        assert.equal(w.stats.failed, 0);
      } finally {
        w.dispose();
      }
    });
  });
});

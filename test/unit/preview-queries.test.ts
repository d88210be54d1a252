/**
 * The preview's queries (`render`, `highlight`, `stepKey`, `mermaid`; the diff view's render with the older
 * version's text): answered in the analysis worker from the analysis it keeps, exactly as the extension
 * host's `prepareRender` / `highlightAt` / step key / `toMermaid` (what the preview did before, and does
 * without a worker), through a structured clone; their validators; and a render about an older version is
 * stale, not answered.
 */
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/engine';
import { toMermaid } from '../../src/core/mermaid';
import { LineIndex } from '../../src/core/positions';
import { buildSymbolIndex } from '../../src/core/symbols';
import { AnalysisWorker } from '../../src/extension/analysisWorker';
import {
  answerQuery,
  isLanguageAnswer,
  isLanguageQuery,
  isRenderQueryOptions,
  type LanguageQuery,
  type RenderQueryOptions,
} from '../../src/shared/language-queries';
import type { QueryMemo } from '../../src/shared/language-query-protocol';
import { answerPreviewQuery, diffBeforeResult } from '../../src/shared/preview-queries';
import { diagnosticsOfStep, fillTemplate, highlightAt, prepareRender } from '../../src/shared/preview-render';
import { isHostToWorker, type QueryRequest, type WorkerEndpoint, type WorkerToHost } from '../../src/shared/worker-protocol';
import { AnalysisServer } from '../../src/worker/analysis';

const ROOT = path.resolve(__dirname, '../..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const ORDER = read('examples/order-fulfilment.bizflow.yaml');
const FILES: Record<string, string> = {
  order: ORDER,
  'procure-to-pay': read('examples/procure-to-pay.bizflow.yaml'),
  'order, CRLF': ORDER.replace(/\n/g, '\r\n'),
  'syntax error': ORDER.replace('steps:', 'steps: [\n'),
  empty: '',
};

const query = (id: number, text: string, q: LanguageQuery, version = 1): QueryRequest => ({ type: 'query', id, key: 'doc', version, text, locale: 'en', config: [], query: q });

/** The render options the preview sends (the host's templates stand in for the localised ones). */
function optionsFor(text: string): RenderQueryOptions[] {
  const firstRole = analyze(text).model.roles.list[0]?.id ?? 'nobody';
  const texts = {
    noConflicts: '没有冲突',
    unknownRole: '角色 {0} 未定义',
    roleChanges: '{0} 的变化：',
    roleChangeCounts: '+{0} -{1} Δ{2} ?{3}',
    roleNoChange: '{0} 没有变化',
    diffShown: 'since {0}',
    todayLeftOut: '今日未画：{0}',
  };
  return [
    { fileName: 'x.bizflow.yaml' },
    { fileName: 'x.bizflow.yaml', mode: 'after', locale: 'zh-CN', direction: 'TB', texts },
    { fileName: 'x.bizflow.yaml', mode: 'after', role: firstRole, texts },
    { fileName: 'x.bizflow.yaml', mode: 'today', texts },
    { fileName: 'x.bizflow.yaml', onlyConflictLanes: true, texts },
    { fileName: 'x.bizflow.yaml', role: 'nobody', texts },
    // too large to draw: the numbers, no text
    { fileName: 'x.bizflow.yaml', limits: { maxTextLength: 10, maxEdges: Infinity, maxNodes: Infinity } },
    // the Mermaid source command: no limit
    { fileName: 'x.bizflow.yaml', limits: { maxTextLength: Infinity, maxEdges: Infinity, maxNodes: Infinity } },
  ];
}

describe('preview queries in the analysis worker', () => {
  for (const [name, text] of Object.entries(FILES)) {
    it(`render: the same parts as the host's prepareRender, through a structured clone (${name})`, () => {
      const server = new AnalysisServer();
      server.handle({ type: 'analyze', id: 1, text, locale: 'en', config: [], key: 'doc', version: 1 });
      const result = analyze(text);
      optionsFor(text).forEach((options, i) => {
        assert.ok(isRenderQueryOptions(options), `options #${i} are valid`);
        const q: LanguageQuery = { kind: 'render', options };
        assert.ok(isLanguageQuery(q));
        const a = server.handle(query(10 + i, text, q));
        assert.ok(a && a.type === 'answered', `#${i} answered`);
        assert.equal(a.cached, true, 'from the kept analysis');
        const cloned = structuredClone(a.answer);
        assert.ok(isLanguageAnswer(cloned));
        assert.ok(cloned.kind === 'render');
        const expected = prepareRender(result, new LineIndex(text), options);
        assert.deepEqual(cloned.parts, expected, `options #${i}`);
        // what the webview asks on hover: the same for every drawn step, and nothing for others
        for (const s of expected.model.steps) assert.deepEqual(diagnosticsOfStep(cloned.parts, s.id), diagnosticsOfStep(expected, s.id), s.id);
        assert.equal(diagnosticsOfStep(cloned.parts, 'no such step'), undefined);
      });
      assert.deepEqual(server.stats, { analysed: 1, reused: optionsFor(text).length }, 'one analysis, every render from it');
    });

    it(`highlight: the same target as the host's highlightAt, at every position (${name})`, () => {
      const server = new AnalysisServer();
      const result = analyze(text);
      const lines = new LineIndex(text);
      const step = Math.max(1, Math.floor(text.length / 400));
      for (let offset = 0; offset <= text.length; offset += step) {
        const pos = lines.position(offset);
        const a = server.handle(query(offset + 1, text, { kind: 'highlight', ...pos }));
        assert.ok(a && a.type === 'answered');
        const cloned = structuredClone(a.answer);
        assert.ok(isLanguageAnswer(cloned) && cloned.kind === 'highlight');
        assert.deepEqual(cloned.target, highlightAt(result.model, lines.offset(pos.line, pos.character)), `at ${offset}`);
      }
    });
  }

  it('the host fallback (answerQuery) and the worker answer alike; the highlight names what the cursor is on', () => {
    const result = analyze(ORDER);
    const lines = new LineIndex(ORDER);
    const subject = {
      result,
      get index(): ReturnType<typeof buildSymbolIndex> {
        throw new Error('the preview queries do not read the symbol index');
      },
      locale: 'en' as const,
      lines,
    };
    const options: RenderQueryOptions = { fileName: 'order.bizflow.yaml', mode: 'after' };
    assert.deepEqual(answerQuery(subject, { kind: 'render', options }), answerPreviewQuery(subject, { kind: 'render', options }));
    const at = ORDER.indexOf('next: ', ORDER.indexOf('\n  pick:')) + 'next: '.length;
    const target = ORDER.slice(at).match(/^[\w-]+/)![0];
    const h = answerQuery(subject, { kind: 'highlight', ...lines.position(at + 1) });
    assert.deepEqual(h, { kind: 'highlight', target: { steps: [target], primary: target, lanes: [] } });
  });

  it('validates the preview queries and answers', () => {
    const good: RenderQueryOptions = { fileName: 'f', role: 'r', onlyConflictLanes: true, direction: 'TB', locale: 'zh-CN', mode: 'today', texts: { unknownRole: '{0}' }, limits: { maxTextLength: 1, maxEdges: 2, maxNodes: Infinity } };
    assert.ok(isLanguageQuery({ kind: 'render', options: good }));
    assert.ok(isLanguageQuery({ kind: 'highlight', line: 3, character: 0 }));
    const bad: unknown[] = [
      { kind: 'render' },
      { kind: 'render', options: {} },
      { kind: 'render', options: { ...good, fileName: 1 } },
      { kind: 'render', options: { ...good, role: 5 } },
      { kind: 'render', options: { ...good, direction: 'RL' } },
      { kind: 'render', options: { ...good, locale: 'fr' } },
      { kind: 'render', options: { ...good, mode: 'later' } },
      { kind: 'render', options: { ...good, diff: { before: {}, label: 'x' } } },
      { kind: 'render', options: { ...good, texts: { unknownRole: 3 } } },
      { kind: 'render', options: { ...good, texts: { somethingElse: 'x' } } },
      { kind: 'render', options: { ...good, texts: [] } },
      { kind: 'render', options: { ...good, limits: { maxTextLength: NaN, maxEdges: 1, maxNodes: 1 } } },
      { kind: 'render', options: { ...good, limits: { maxTextLength: 1, maxEdges: 1 } } },
      { kind: 'highlight', line: -1, character: 0 },
      { kind: 'highlight', line: 0 },
    ];
    for (const q of bad) assert.equal(isLanguageQuery(q), false, JSON.stringify(q));
    assert.ok(isLanguageAnswer({ kind: 'highlight', target: { steps: [], lanes: [] } }));
    assert.ok(isLanguageAnswer({ kind: 'render', parts: { model: {}, stepDiagnostics: new Map() } }));
    for (const a of [{ kind: 'highlight' }, { kind: 'highlight', target: { steps: [] } }, { kind: 'render', parts: { model: {} } }, { kind: 'render', parts: { model: {}, stepDiagnostics: {} } }]) {
      assert.equal(isLanguageAnswer(a), false, JSON.stringify(a));
    }
    // the worker's loop fails a malformed request (its sender waits for an answer)
    assert.ok(isHostToWorker(query(1, ORDER, { kind: 'render', options: good })));
    for (const q of bad) assert.equal(isHostToWorker({ ...query(1, ORDER, { kind: 'highlight', line: 0, character: 0 }), query: q }), false);
  });

  it('fillTemplate fills each placeholder once, leaves unknown ones, and never re-reads an argument', () => {
    assert.equal(fillTemplate('{0} and {1}, {0} again, {2}', 'a{1}', 'b'), 'a{1} and b, a{1} again, {2}');
    assert.equal(fillTemplate('no placeholder'), 'no placeholder');
    assert.equal(fillTemplate('{0}/{1}', 0, 12), '0/12');
  });

  it('a render about an older version than a newer edit is stale, not answered', async () => {
    const sent: QueryRequest[] = [];
    let reply: (m: WorkerToHost) => void = () => {};
    const server = new AnalysisServer();
    const endpoint: WorkerEndpoint = {
      postMessage: (m) => {
        if (m.type === 'query') sent.push(structuredClone(m));
      },
      onMessage: (l) => (reply = l),
      onExit: () => {},
      terminate: () => {},
    };
    const w = new AnalysisWorker(() => endpoint);
    const render: LanguageQuery = { kind: 'render', options: { fileName: 'f' } };
    const old = w.query('doc', 1, ORDER, 'en', [], render);
    // a newer version is asked about before the answer: the older render is stale (the preview drops it)
    const newer = w.query('doc', 2, ORDER + '\n', 'en', [], render);
    assert.deepEqual(await old, { status: 'stale' });
    // after that, asking about the old version again is stale at once
    assert.deepEqual(await w.query('doc', 1, ORDER, 'en', [], { kind: 'highlight', line: 0, character: 0 }), { status: 'stale' });
    await new Promise((r) => setImmediate(r));
    const last = sent[sent.length - 1];
    assert.equal(last.version, 2);
    reply(structuredClone(server.handle(last)!));
    const o = await newer;
    assert.ok(o.status === 'done' && o.answer.kind === 'render');
    assert.deepEqual(o.answer.parts, prepareRender(analyze(ORDER + '\n'), new LineIndex(ORDER + '\n'), { fileName: 'f' }));
    w.dispose();
  });
});

/** Older versions to compare with: the file edited (a step removed, one renamed, one added), another process, one that does not read, none. */
function oldersOf(text: string): Record<string, string> {
  const lines = text.split(/\r?\n/);
  const stepAt = lines.findIndex((l) => /^ {2}[\w-]+:\s*$/.test(l) && lines.slice(0, lines.indexOf(l)).some((x) => x.startsWith('steps:')));
  const edited = stepAt >= 0 ? [...lines.slice(0, stepAt), '  extra-step:', '    name: Extra', ...lines.slice(stepAt)].join('\n').replace(/name: [^\n]*/, 'name: Renamed') : text + '\n';
  return { edited, other: read('examples/procure-to-pay.bizflow.yaml'), broken: 'steps: [\n  a: {', empty: '' };
}

describe('preview queries: the step a node stands for, the Mermaid source, the diff view (in the worker)', () => {
  for (const [name, text] of Object.entries(FILES)) {
    it(`stepKey: every step's key range as the host's positions gave it; an unknown id, none (${name})`, () => {
      const server = new AnalysisServer();
      const result = analyze(text);
      const lines = new LineIndex(text);
      let id = 1;
      const ask = (stepId: string) => {
        const q: LanguageQuery = { kind: 'stepKey', stepId };
        assert.ok(isLanguageQuery(q));
        const a = server.handle(query(id++, text, q));
        assert.ok(a && a.type === 'answered');
        const cloned = structuredClone(a.answer);
        assert.ok(isLanguageAnswer(cloned) && cloned.kind === 'stepKey');
        assert.deepEqual(answerQuery({ result, index: buildSymbolIndex(result.model), locale: 'en', lines }, q), a.answer, 'the host fallback answers alike');
        return cloned.range;
      };
      for (const step of result.model.steps.list) {
        const r = ask(step.id);
        const s = lines.position(step.keySpan.start);
        const e = lines.position(step.keySpan.end);
        assert.deepEqual(r, [s.line, s.character, e.line, e.character], step.id);
        assert.equal(text.slice(lines.offset(r![0], r![1]), lines.offset(r![2], r![3])).replace(/^["']|["']$/g, ''), step.id, 'the range is the key');
      }
      for (const unknown of ['no-such-step', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) assert.equal(ask(unknown), undefined, unknown);
      assert.deepEqual(server.stats, { analysed: 1, reused: id - 2 }, 'one analysis, every answer from it');
    });

    it(`mermaid: without options, toMermaid of the file; with the view's options, the render's text with no limit (${name})`, () => {
      const server = new AnalysisServer();
      const result = analyze(text);
      const lines = new LineIndex(text);
      let id = 1;
      const ask = (q: LanguageQuery) => {
        assert.ok(isLanguageQuery(q));
        const a = server.handle(query(id++, text, q));
        assert.ok(a && a.type === 'answered');
        const cloned = structuredClone(a.answer);
        assert.ok(isLanguageAnswer(cloned) && cloned.kind === 'mermaid');
        return cloned.text;
      };
      assert.equal(ask({ kind: 'mermaid' }), toMermaid(result.model, result.diagnostics).text);
      const unlimited = { maxTextLength: Infinity, maxEdges: Infinity, maxNodes: Infinity };
      for (const options of optionsFor(text)) {
        // the preview's copy before: prepareRender with no limit (whatever limits the options carry)
        const expected = prepareRender(result, lines, { ...options, limits: unlimited }).model.mermaid;
        assert.equal(ask({ kind: 'mermaid', options }), expected, JSON.stringify(options));
        if (text) assert.ok(expected.startsWith('---') || expected.includes('flowchart'), 'a diagram, never empty for a file with steps');
      }
      for (const [olderName, older] of Object.entries(oldersOf(text))) {
        const options: RenderQueryOptions = { fileName: 'x.bizflow.yaml', mode: 'diff', texts: { diffShown: 'since {0}' } };
        const expected = prepareRender(result, lines, { ...options, limits: unlimited, diff: { before: analyze(older, { locale: 'en' }), label: 'v1' } }).model.mermaid;
        assert.equal(ask({ kind: 'mermaid', options, diff: { text: older, label: 'v1' } }), expected, olderName);
      }
    });

    it(`render of the diff view: the older version sent as text gives the parts the host made from its analysis (${name})`, () => {
      const server = new AnalysisServer();
      const result = analyze(text);
      const lines = new LineIndex(text);
      let id = 1;
      for (const [olderName, older] of Object.entries(oldersOf(text))) {
        for (const locale of ['en', 'zh-CN'] as const) {
          const options: RenderQueryOptions = { fileName: 'x.bizflow.yaml', mode: 'diff', locale, texts: { diffShown: '自 {0} 以来的变化' } };
          const q: LanguageQuery = { kind: 'render', options, diff: { text: older, label: `old/${olderName}` } };
          assert.ok(isLanguageQuery(q));
          const a = server.handle(query(id++, text, q));
          assert.ok(a && a.type === 'answered');
          const cloned = structuredClone(a.answer);
          assert.ok(isLanguageAnswer(cloned) && cloned.kind === 'render');
          // what the preview rendered on the host before: the older version analysed (with its findings)
          const expected = prepareRender(result, lines, { ...options, diff: { before: analyze(older, { locale }), label: `old/${olderName}` } });
          assert.deepEqual(cloned.parts, expected, `${olderName}, ${locale}`);
          assert.equal(cloned.parts.model.mode, 'diff');
          assert.equal(cloned.parts.model.diffWith, `old/${olderName}`);
        }
      }
      assert.equal(server.stats.analysed, 1, 'the file analysed once; the older versions only parsed per render');
    });
  }

  it('the older version of a diff is parsed, not analysed: its model as analyze() makes it, no findings', () => {
    for (const older of [ORDER, 'steps: [\n', '']) {
      const r = diffBeforeResult(older);
      // (two parses' YAML documents differ in their caches: the model's own fields are compared)
      const { parsed, ...model } = r.model;
      const { parsed: expectedParsed, ...expected } = analyze(older).model;
      assert.deepEqual(model, expected);
      assert.equal(parsed.text, expectedParsed.text);
      assert.deepEqual(r.diagnostics, []);
    }
  });

  it('the diff\'s older version is parsed once while it stays the same: kept in the memo, parsed again when it changes; none kept without a memo', () => {
    const newer = ORDER.replace('name: 接收客户订单', 'name: 接单下单');
    assert.notEqual(newer, ORDER);
    const result = analyze(newer);
    const lines = new LineIndex(newer);
    const options: RenderQueryOptions = { fileName: 'x.bizflow.yaml', mode: 'diff' };
    const render = (older: string, memo: QueryMemo | undefined) => {
      const a = answerPreviewQuery({ result, lines, memo }, { kind: 'render', options, diff: { text: older, label: 'v1' } });
      assert.ok(a.kind === 'render');
      return a.parts;
    };
    const expected = (older: string) => prepareRender(result, lines, { ...options, diff: { before: diffBeforeResult(older), label: 'v1' } });
    const memo: QueryMemo = {};
    assert.deepEqual(render(ORDER, memo), expected(ORDER));
    const kept = memo.diffBefore;
    assert.ok(kept && kept.text === ORDER, 'the parsed older version kept');
    assert.deepEqual(render(ORDER, memo), expected(ORDER));
    assert.strictEqual(memo.diffBefore, kept, 'the same older text: not parsed again');
    // the mermaid copy of the diff reads the same
    const copied = answerPreviewQuery({ result, lines, memo }, { kind: 'mermaid', options, diff: { text: ORDER, label: 'v1' } });
    assert.ok(copied.kind === 'mermaid');
    assert.strictEqual(memo.diffBefore, kept);
    // another older version: parsed, and kept instead
    const other = ORDER.replace('name: 信用审核', 'name: 信用审批');
    assert.deepEqual(render(other, memo), expected(other));
    assert.ok(memo.diffBefore && memo.diffBefore !== kept && memo.diffBefore.text === other);
    assert.notDeepEqual(expected(other).model.mermaid, expected(ORDER).model.mermaid, 'the two older versions draw differently');
    // no memo (the host without a worker): parsed each time, the same parts
    assert.deepEqual(render(ORDER, undefined), expected(ORDER));
  });

  it('the worker hands the diff\'s parsed older version on to the next version of the document, not to another document', () => {
    const server = new AnalysisServer();
    const kept = (key: string) => (server as unknown as { kept: Map<string, { memo: QueryMemo }> }).kept.get(key)?.memo;
    const options: RenderQueryOptions = { fileName: 'x.bizflow.yaml', mode: 'diff' };
    const diffRender = (id: number, key: string, text: string, version: number) => {
      const a = server.handle({ ...query(id, text, { kind: 'render', options, diff: { text: ORDER, label: 'v1' } }, version), key });
      assert.ok(a && a.type === 'answered' && a.answer.kind === 'render');
      return a.answer.parts;
    };
    const v2 = ORDER.replace('name: 接收客户订单', 'name: 接单下单');
    assert.notEqual(v2, ORDER);
    const v3 = v2.replace('name: 接单下单', 'name: 接单并下单');
    diffRender(1, 'doc', v2, 2);
    const parsed = kept('doc')?.diffBefore;
    assert.ok(parsed && parsed.text === ORDER);
    const parts = diffRender(2, 'doc', v3, 3);
    assert.equal(server.stats.analysed, 2, 'the new version analysed');
    assert.strictEqual(kept('doc')?.diffBefore, parsed, 'the older version not parsed again');
    const r3 = analyze(v3);
    assert.deepEqual(parts, prepareRender(r3, new LineIndex(v3), { ...options, diff: { before: diffBeforeResult(ORDER), label: 'v1' } }), 'the parts as if parsed anew');
    // a plain analysis of the next version keeps handing it on; another document has its own
    server.handle({ type: 'analyze', id: 3, key: 'doc', version: 4, text: v3 + '\n', locale: 'en', config: [] });
    assert.strictEqual(kept('doc')?.diffBefore, parsed);
    diffRender(4, 'other', v2, 1);
    assert.ok(kept('other')?.diffBefore && kept('other')?.diffBefore !== parsed);
    // a document without a diff view keeps nothing of it
    server.handle({ type: 'analyze', id: 5, key: 'plain', version: 1, text: v2, locale: 'en', config: [] });
    assert.deepEqual(kept('plain'), {});
  });

  it('validates the stepKey and mermaid queries, the diff sent with a render, and their answers', () => {
    const options: RenderQueryOptions = { fileName: 'f', mode: 'diff' };
    const good: unknown[] = [
      { kind: 'stepKey', stepId: 'pick' },
      { kind: 'stepKey', stepId: '' },
      { kind: 'mermaid' },
      { kind: 'mermaid', options },
      { kind: 'mermaid', options, diff: { text: '', label: 'HEAD:x' } },
      { kind: 'render', options, diff: { text: 'steps: {}', label: 'x' } },
    ];
    for (const q of good) assert.ok(isLanguageQuery(q), JSON.stringify(q));
    const bad: unknown[] = [
      { kind: 'stepKey' },
      { kind: 'stepKey', stepId: 3 },
      { kind: 'mermaid', options: {} },
      { kind: 'mermaid', options, diff: { text: 1, label: 'x' } },
      { kind: 'mermaid', options, diff: { text: '' } },
      { kind: 'render', options, diff: 'steps: {}' },
      { kind: 'render', options, diff: { text: 'x', label: null } },
      { kind: 'render', options, diff: { before: {}, label: 'x' } },
    ];
    for (const q of bad) assert.equal(isLanguageQuery(q), false, JSON.stringify(q));
    for (const q of bad) assert.equal(isHostToWorker({ ...query(1, ORDER, { kind: 'stepKey', stepId: 'x' }), query: q }), false);
    for (const a of [{ kind: 'stepKey' }, { kind: 'stepKey', range: [0, 1, 2, 3] }, { kind: 'mermaid', text: '' }]) assert.ok(isLanguageAnswer(a), JSON.stringify(a));
    for (const a of [{ kind: 'stepKey', range: [0, 1, 2] }, { kind: 'stepKey', range: [0, 1, 2, -3] }, { kind: 'mermaid' }, { kind: 'mermaid', text: 5 }]) {
      assert.equal(isLanguageAnswer(a), false, JSON.stringify(a));
    }
  });
});

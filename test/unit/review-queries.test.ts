/**
 * The review commands' worker queries (src/shared/review-queries.ts): `compare` ("BizFlow: Compare with…"),
 * `roles` and `reviewPack` ("BizFlow: Export Review Pack"), answered by the real analysis worker's server and
 * sent across a thread boundary (structuredClone), give what the extension host computed before from its own
 * analyses (the diff's Markdown as `bizflow diff -f markdown` writes it; the pack as `buildReviewPack` renders
 * it), on the examples and the CLI's review fixtures, in both languages, for all roles and one.
 */
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/engine';
import { LineIndex } from '../../src/core/positions';
import { diffAnalyses } from '../../src/core/review/diff';
import { formatDiff } from '../../src/core/review/format';
import { buildPack, type PackDiagrams, type ReviewPack } from '../../src/core/review/pack';
import type { PackPictures } from '../../src/core/review/pack-html';
import { pictureFrame, type PictureFrame } from '../../src/core/review/pack-pictures';
import type { QueryMemo } from '../../src/shared/language-query-protocol';
import { renderPackMarkdown } from '../../src/core/review/pack-md';
import { buildSymbolIndex } from '../../src/core/symbols';
import type { Locale } from '../../src/core/types';
import { buildReviewPack, renderReviewPack } from '../../src/node/review-pack';
import { answerQuery, isLanguageAnswer, isLanguageQuery, QUERY_KINDS, type LanguageAnswer, type LanguageQuery } from '../../src/shared/language-queries';
import { answerReviewQuery } from '../../src/shared/review-queries';
import { AnalysisServer } from '../../src/worker/analysis';
import { removeTree, run, tempTree } from '../fixtures/cli/harness';

const root = path.resolve(__dirname, '../..');
const FILES = [
  ...['order-fulfilment', 'procure-to-pay'].map((n) => path.join(root, 'examples', `${n}.bizflow.yaml`)),
  ...fs
    .readdirSync(path.join(root, 'test/fixtures/cli/review'))
    .filter((f) => f.endsWith('.bizflow.yaml'))
    .sort()
    .map((f) => path.join(root, 'test/fixtures/cli/review', f)),
];
const texts = new Map(FILES.map((f) => [path.basename(f), fs.readFileSync(f, 'utf8')]));
const LOCALES: Locale[] = ['en', 'zh-CN'];

let nextId = 1;
/** The query answered by the worker's server about `text` (its kept analysis), as the host receives it. */
function inWorker(server: AnalysisServer, text: string, locale: Locale, query: LanguageQuery): LanguageAnswer {
  assert.ok(isLanguageQuery(structuredClone(query)), JSON.stringify(query).slice(0, 200));
  const a = server.handle({ type: 'query', id: nextId++, key: 'doc', version: 1, text, locale, config: [], query: structuredClone(query) });
  assert.ok(a && a.type === 'answered', JSON.stringify(a).slice(0, 300));
  const cloned = structuredClone(a.answer);
  assert.ok(isLanguageAnswer(cloned));
  // the host without a worker answers alike
  const r = analyze(text, { locale });
  assert.deepEqual(structuredClone(answerQuery({ result: r, index: buildSymbolIndex(r.model), locale, lines: new LineIndex(text) }, query)), cloned);
  return cloned;
}

describe('review queries: Compare with… and the review pack answered in the analysis worker', function () {
  this.timeout(120_000);

  it('the query kinds are known and checked at the thread boundary', () => {
    for (const k of ['compare', 'roles', 'reviewPack', 'reviewPackMarkdown', 'reviewPackDiagrams', 'reviewPackHtml'] as const) assert.ok(QUERY_KINDS.includes(k), k);
    for (const good of [
      { kind: 'compare', before: { text: '', label: 'HEAD:a' }, label: 'a' },
      { kind: 'compare', before: { text: 'x', label: 'b' }, label: 'a', role: 'sales' },
      { kind: 'roles' },
      { kind: 'reviewPack' },
      { kind: 'reviewPack', role: 'sales' },
      { kind: 'reviewPackMarkdown' },
      { kind: 'reviewPackMarkdown', role: 'sales', file: 'a/b.bizflow.yaml', generatedOn: '2026-12-07' },
      { kind: 'reviewPackDiagrams' },
      { kind: 'reviewPackDiagrams', role: 'sales' },
      { kind: 'reviewPackHtml', pictures: {} },
      { kind: 'reviewPackHtml', pictures: { error: 'no Chromium' }, file: 'a', generatedOn: '2026-12-07' },
      { kind: 'reviewPackHtml', role: 'sales', pictures: { today: '<svg/>', after: '<svg/>', roles: { sales: '<svg/>' } } },
    ]) {
      assert.ok(isLanguageQuery(good), JSON.stringify(good));
    }
    for (const bad of [
      { kind: 'compare', before: { text: '' }, label: 'a' },
      { kind: 'compare', before: { text: 1, label: 'b' }, label: 'a' },
      { kind: 'compare', before: { text: '', label: 'b' } },
      { kind: 'compare', before: { text: '', label: 'b' }, label: 'a', role: 3 },
      { kind: 'compare', label: 'a' },
      { kind: 'reviewPack', role: null },
      { kind: 'reviewPack', role: ['a'] },
      { kind: 'reviewPackMarkdown', role: 1 },
      { kind: 'reviewPackMarkdown', file: null },
      { kind: 'reviewPackMarkdown', generatedOn: 20261207 },
      { kind: 'reviewPackDiagrams', role: {} },
      { kind: 'reviewPackHtml' },
      { kind: 'reviewPackHtml', pictures: null },
      { kind: 'reviewPackHtml', pictures: [] },
      { kind: 'reviewPackHtml', pictures: { today: 1 } },
      { kind: 'reviewPackHtml', pictures: { after: ['<svg/>'] } },
      { kind: 'reviewPackHtml', pictures: { roles: { sales: 2 } } },
      { kind: 'reviewPackHtml', pictures: { roles: ['<svg/>'] } },
      { kind: 'reviewPackHtml', pictures: { error: false } },
      { kind: 'reviewPackHtml', pictures: {}, file: 3 },
      { kind: 'reviewPackHtml', pictures: {}, role: null },
    ]) {
      assert.equal(isLanguageQuery(bad), false, JSON.stringify(bad));
    }
    for (const good of [
      { kind: 'compare', markdown: '' },
      { kind: 'roles', roles: [] },
      { kind: 'roles', roles: [{ id: 'a' }, { id: 'b', name: 'B' }] },
      { kind: 'reviewPack', pack: { process: {}, roles: [] } },
      { kind: 'reviewPackMarkdown', markdown: '' },
      { kind: 'reviewPackDiagrams', diagrams: { today: '', after: '', roles: [] }, frame: { title: '', locale: 'en', today: 'Today', after: 'After', roles: {} } },
      {
        kind: 'reviewPackDiagrams',
        diagrams: { today: 'flowchart LR', after: 'flowchart LR', roles: [{ role: 'sales', text: 'flowchart LR' }] },
        frame: { title: '下单', locale: 'zh-CN', today: '现状', after: '需求之后', roles: { sales: '业务员 · 需求之后' } },
      },
      { kind: 'reviewPackHtml', html: '<!DOCTYPE html>' },
    ]) {
      assert.ok(isLanguageAnswer(good), JSON.stringify(good));
    }
    for (const bad of [
      { kind: 'compare' },
      { kind: 'compare', markdown: 1 },
      { kind: 'roles' },
      { kind: 'roles', roles: [{ name: 'x' }] },
      { kind: 'roles', roles: [{ id: 'a', name: 2 }] },
      { kind: 'reviewPack' },
      { kind: 'reviewPack', pack: { roles: [] } },
      { kind: 'reviewPack', pack: { process: {}, roles: {} } },
      { kind: 'reviewPackMarkdown' },
      { kind: 'reviewPackMarkdown', markdown: ['#'] },
      { kind: 'reviewPackMarkdown', md: '#' },
      { kind: 'reviewPackDiagrams', diagrams: { today: '', after: '', roles: [] } },
      { kind: 'reviewPackDiagrams', frame: { title: '', locale: 'en', today: '', after: '', roles: {} } },
      { kind: 'reviewPackDiagrams', diagrams: { today: '', roles: [] }, frame: { title: '', locale: 'en', today: '', after: '', roles: {} } },
      { kind: 'reviewPackDiagrams', diagrams: { today: '', after: '', roles: {} }, frame: { title: '', locale: 'en', today: '', after: '', roles: {} } },
      { kind: 'reviewPackDiagrams', diagrams: { today: '', after: '', roles: [{ role: 'a' }] }, frame: { title: '', locale: 'en', today: '', after: '', roles: {} } },
      { kind: 'reviewPackDiagrams', diagrams: { today: '', after: '', roles: [] }, frame: { title: '', locale: 'fr', today: '', after: '', roles: {} } },
      { kind: 'reviewPackDiagrams', diagrams: { today: '', after: '', roles: [] }, frame: { title: 1, locale: 'en', today: '', after: '', roles: {} } },
      { kind: 'reviewPackDiagrams', diagrams: { today: '', after: '', roles: [] }, frame: { title: '', locale: 'en', today: '', after: '', roles: { a: 1 } } },
      { kind: 'reviewPackHtml' },
      { kind: 'reviewPackHtml', html: null },
    ]) {
      assert.equal(isLanguageAnswer(bad), false, JSON.stringify(bad));
    }
  });

  it('compare: the Markdown `bizflow diff -f markdown OLD NEW` writes, for every pair of files, in both languages', async () => {
    const dir = tempTree(Object.fromEntries(texts));
    try {
      for (const locale of LOCALES) {
        for (const [newName, newText] of texts) {
          const server = new AnalysisServer();
          for (const [oldName, oldText] of texts) {
            const a = inWorker(server, newText, locale, { kind: 'compare', before: { text: oldText, label: oldName }, label: newName });
            assert.ok(a.kind === 'compare');
            const cli = await run(['diff', '-f', 'markdown', '--locale', locale, oldName, newName], { cwd: dir });
            assert.equal(cli.code, 0, cli.err);
            assert.equal(a.markdown, cli.out, `${oldName} → ${newName} (${locale})`);
          }
          // one analysis of the document answers every comparison
          assert.deepEqual(server.stats, { analysed: 1, reused: texts.size - 1 });
        }
      }
    } finally {
      removeTree(dir);
    }
  });

  it('compare: one role, a git revision\'s label, a broken or empty older version: as the host wrote it before', () => {
    const cases: [string, string, string, string | undefined][] = [
      [texts.get('old.bizflow.yaml')!, texts.get('new.bizflow.yaml')!, 'HEAD:flows/new.bizflow.yaml', 'a'],
      [texts.get('new.bizflow.yaml')!, texts.get('old.bizflow.yaml')!, 'abc12345:old.bizflow.yaml', 'c'],
      ['steps: [\n', texts.get('order-fulfilment.bizflow.yaml')!, 'broken.bizflow.yaml', undefined],
      ['', texts.get('procure-to-pay.bizflow.yaml')!, 'empty.bizflow.yaml', undefined],
      [texts.get('rich.bizflow.yaml')!, '', 'rich.bizflow.yaml', undefined],
      [texts.get('lanes.bizflow.yaml')!, texts.get('rich.bizflow.yaml')!, 'lanes.bizflow.yaml', 'no-such-role'],
    ];
    for (const locale of LOCALES) {
      for (const [oldText, newText, oldName, role] of cases) {
        const a = inWorker(new AnalysisServer(), newText, locale, { kind: 'compare', before: { text: oldText, label: oldName }, label: 'flows/这个.bizflow.yaml', ...(role ? { role } : {}) });
        assert.ok(a.kind === 'compare');
        // what compareWith computed on the host before
        const before = analyze(oldText, { locale });
        const after = analyze(newText, { locale });
        const expected = formatDiff(
          'markdown',
          locale,
          { shown: oldName, text: oldText, result: before },
          { shown: 'flows/这个.bizflow.yaml', text: newText, result: after },
          diffAnalyses(before, after, { role }).roles,
        );
        assert.equal(a.markdown, expected, `${oldName} ${role ?? ''} ${locale}`);
        assert.ok(a.markdown.startsWith(locale === 'en' ? `# Changes by role: ${oldName} → flows/这个.bizflow.yaml\n` : '# 按角色列出的变化：'), a.markdown.slice(0, 100));
      }
    }
  });

  it('roles: each role\'s id and name as written, in order', () => {
    for (const [name, text] of [...texts, ['empty', ''], ['broken', 'roles: [\n']] as const) {
      const a = inWorker(new AnalysisServer(), text, 'en', { kind: 'roles' });
      assert.ok(a.kind === 'roles');
      const model = analyze(text).model;
      assert.deepEqual(
        a.roles,
        model.roles.list.map((r) => (r.name === undefined ? { id: r.id } : { id: r.id, name: r.name })),
        name,
      );
    }
    const a = inWorker(new AnalysisServer(), 'roles:\n  sales: { name: 业务员 }\n  ops: {}\n', 'en', { kind: 'roles' });
    assert.deepEqual(a, { kind: 'roles', roles: [{ id: 'sales', name: '业务员' }, { id: 'ops' }] });
  });

  it('reviewPack: the pack the host built before, which renders the same Markdown and HTML as `buildReviewPack`', async () => {
    const header = { file: 'flows/order.bizflow.yaml', generatedOn: '2026-12-07' };
    for (const locale of LOCALES) {
      for (const [name, text] of texts) {
        const server = new AnalysisServer();
        const roles = analyze(text).model.roles.list.map((r) => r.id);
        for (const role of [undefined, roles[0], roles[roles.length - 1]]) {
          const a = inWorker(server, text, locale, { kind: 'reviewPack', ...(role ? { role } : {}) });
          assert.ok(a.kind === 'reviewPack');
          const pack: ReviewPack = a.pack;
          assert.deepEqual(pack, buildPack(analyze(text, { locale }), { role, locale }), `${name} ${role} ${locale}`);
          assert.equal(pack.locale, locale);
          const md = await buildReviewPack(text, { format: 'md', locale, role, ...header });
          assert.equal((await renderReviewPack(pack, { format: 'md', ...header })).md, md.md);
          assert.equal(renderPackMarkdown(pack, header), md.md);
          const html = await buildReviewPack(text, { format: 'html', locale, role, pictures: false, ...header });
          const rendered = await renderReviewPack(pack, { format: 'html', pictures: false, ...header });
          assert.equal(rendered.html, html.html);
          assert.equal(rendered.pictureError, html.pictureError);
          // pictures drawn by the caller's hook from the pack's diagrams, as the editor's webview draws them
          const drawn = await renderReviewPack(pack, { format: 'html', ...header, draw: async (d) => ({ today: `<svg>${d.today.length}</svg>` }) });
          const drawnBefore = await buildReviewPack(text, { format: 'html', locale, role, ...header, draw: async (d) => ({ today: `<svg>${d.today.length}</svg>` }) });
          assert.equal(drawn.html, drawnBefore.html);
        }
        assert.deepEqual(server.stats, { analysed: 1, reused: 2 }, 'one analysis answers every pack');
      }
    }
  });
  it('reviewPackMarkdown, reviewPackDiagrams, reviewPackHtml: the strings the host rendered before from the pack, as `buildReviewPack` renders them', async () => {
    const header = { file: 'flows/订单.bizflow.yaml', generatedOn: '2026-12-07' };
    for (const locale of LOCALES) {
      for (const [name, text] of texts) {
        const server = new AnalysisServer();
        const roles = analyze(text).model.roles.list.map((r) => r.id);
        for (const role of [undefined, roles[0], roles[roles.length - 1]]) {
          const at = `${name} ${role} ${locale}`;
          const which = role ? { role } : {};
          const pack = buildPack(analyze(text, { locale }), { role, locale });
          // Markdown: the string the host rendered from the pack (and the CLI writes)
          const md = inWorker(server, text, locale, { kind: 'reviewPackMarkdown', ...which, ...header });
          assert.ok(md.kind === 'reviewPackMarkdown');
          assert.equal(md.markdown, (await renderReviewPack(pack, { format: 'md', ...header })).md, at);
          assert.equal(md.markdown, (await buildReviewPack(text, { format: 'md', locale, role, ...header })).md, at);
          // without a header: none in the Markdown either
          const bare = inWorker(server, text, locale, { kind: 'reviewPackMarkdown', ...which });
          assert.ok(bare.kind === 'reviewPackMarkdown');
          assert.equal(bare.markdown, renderPackMarkdown(pack, {}), at);
          assert.ok(!bare.markdown.includes(header.file) && md.markdown.includes(header.file), at);
          // HTML: the diagrams and frame the host's webview drew from before (not the pack)
          const d = inWorker(server, text, locale, { kind: 'reviewPackDiagrams', ...which });
          assert.ok(d.kind === 'reviewPackDiagrams');
          assert.deepEqual(d, { kind: 'reviewPackDiagrams', diagrams: pack.diagrams, frame: pictureFrame(pack) }, at);
          // ... then the HTML with the pictures drawn from them, as renderReviewPack wrote it with the same hook
          const draw = async (g: PackDiagrams, f: PictureFrame): Promise<PackPictures> => ({
            today: `<svg>${f.today} ${g.today.length}</svg>`,
            after: `<svg>${f.after} ${g.after.length} &amp;</svg>`,
            roles: Object.fromEntries(g.roles.map((r) => [r.role, `<svg>${f.roles[r.role]} ${r.text.length}</svg>`])),
          });
          const pictures = await draw(d.diagrams, d.frame);
          const html = inWorker(server, text, locale, { kind: 'reviewPackHtml', ...which, ...header, pictures });
          assert.ok(html.kind === 'reviewPackHtml');
          const before = await renderReviewPack(pack, { format: 'html', ...header, draw });
          assert.equal(html.html, before.html, at);
          assert.equal(html.html, (await buildReviewPack(text, { format: 'html', locale, role, ...header, draw })).html, at);
          assert.ok(html.html.includes(pictures.today!), at);
          // pictures that failed: the note and the Mermaid text, as before
          const failed = inWorker(server, text, locale, { kind: 'reviewPackHtml', ...which, ...header, pictures: { error: 'the picture page was closed' } });
          assert.ok(failed.kind === 'reviewPackHtml');
          const failedBefore = await renderReviewPack(pack, { format: 'html', ...header, draw: async () => ({ error: 'the picture page was closed' }) });
          assert.equal(failed.html, failedBefore.html, at);
          assert.equal(failedBefore.pictureError, 'the picture page was closed');
          assert.notEqual(failed.html, html.html, at);
        }
        assert.deepEqual(server.stats, { analysed: 1, reused: 14 }, 'one analysis answers every query');
      }
    }
  });
  it('the HTML export\'s two queries render one pack: the last pack built of an analysis is kept in its memo', () => {
    const text = texts.get('order-fulfilment.bizflow.yaml')!;
    const roles = analyze(text).model.roles.list.map((r) => r.id);
    const en = analyze(text, { locale: 'en' });
    // each analysis with its own memo, as the worker keeps one per kept analysis
    const memos = new Map<typeof en, QueryMemo>();
    const memoOf = (result: typeof en): QueryMemo => memos.get(result) ?? memos.set(result, {}).get(result)!;
    const diagramsOf = (result: typeof en, locale: Locale, role?: string, kept = true) => {
      const a = answerReviewQuery({ result, locale, ...(kept ? { memo: memoOf(result) } : {}) }, { kind: 'reviewPackDiagrams', ...(role ? { role } : {}) });
      assert.ok(a.kind === 'reviewPackDiagrams');
      return a.diagrams;
    };
    const all = diagramsOf(en, 'en');
    assert.strictEqual(diagramsOf(en, 'en'), all, 'the same pack again');
    const one = diagramsOf(en, 'en', roles[0]);
    assert.notStrictEqual(one, all, 'another role: another pack');
    assert.deepEqual(one, buildPack(en, { role: roles[0], locale: 'en' }).diagrams);
    assert.notStrictEqual(diagramsOf(en, 'en'), one, 'all roles again: built again');
    const zh = diagramsOf(en, 'zh-CN');
    assert.deepEqual(zh, buildPack(en, { locale: 'zh-CN' }).diagrams, 'another language: built in it');
    const other = analyze(text, { locale: 'en' });
    const own = diagramsOf(other, 'en');
    const back = diagramsOf(en, 'en');
    assert.notStrictEqual(own, back, 'another analysis: its own pack');
    assert.deepEqual(own, back);
    assert.deepEqual(own, all);
    assert.strictEqual(diagramsOf(other, 'en'), own, 'each analysis keeps its own');
    assert.strictEqual(diagramsOf(en, 'en'), back);
    // without a memo (the host without a worker), nothing is kept: built each time, the same
    const unkept = diagramsOf(en, 'en', undefined, false);
    assert.notStrictEqual(unkept, back);
    assert.deepEqual(unkept, back);
  });
});

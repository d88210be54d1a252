/**
 * The review pack end to end: the HTML with real Mermaid pictures opened in
 * headless Chromium (no request, scripts off, every role and requirement,
 * the SVG lanes), its A4 PDF (a page per role at least, body text >= 9 pt),
 * a screenshot under test/artifacts/ (not committed), the xlsx read back with
 * exceljs, and the sign-off round trip through `bizflow review --import`.
 * Chromium is required (as in mermaid-chromium.test.ts): without it this fails.
 */
import { strict as assert } from 'assert';
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../../../src/core/engine';
import { fingerprintOf } from '../../../src/core/review/fingerprint';
import type { PackDiagrams } from '../../../src/core/review/pack';
import { readReviews } from '../../../src/core/review/read';
import { CHROMIUM_ARGS, findChromium } from '../../../src/node/chromium';
import { MermaidRenderer } from '../../../src/node/mermaid-render';
import { PALETTES } from '../../../src/shared/preview-theme';
import { drawPackPictures, pictureFrame } from '../../../src/core/review/pack-pictures';
import { buildReviewPack, type ReviewPackResult } from '../../../src/node/review-pack';
import { buildPack } from '../../../src/core/review/pack';
import { SIGN_OFF_COLUMNS } from '../../../src/node/review-xlsx';
import { examples, orderExample, p2pExample, removeTree, repoRoot, run, tempTree } from '../../fixtures/cli/harness';

const ARTIFACTS = path.join(repoRoot, 'test/artifacts');
const ORDER = fs.readFileSync(orderExample, 'utf8');
const P2P = fs.readFileSync(p2pExample, 'utf8');

/** What a reader of the page sees (plain JavaScript source: the tests are compiled without the DOM library). */
const FACTS = `({
  text: document.body.innerText,
  svgs: Array.from(document.querySelectorAll('#diagrams figure > svg')).map((s) => s.textContent || ''),
  roleViews: Array.from(document.querySelectorAll('section.role-section')).map((s) => [s.id, Array.from(s.querySelectorAll('figure.role-view > svg')).map((v) => v.textContent || '')]),
  scripts: document.querySelectorAll('script').length,
  external: Array.from(document.querySelectorAll('[src], link[href], [href]:not(a[href^="#"])')).map((e) => e.outerHTML.slice(0, 80)),
  roleSections: Array.from(document.querySelectorAll('section.role-section')).map((s) => s.id),
})`;

/** Font sizes (px) and page breaks under print media. */
const PRINT_STYLE = `({
  body: parseFloat(getComputedStyle(document.body).fontSize),
  smallest: Math.min(...Array.from(document.querySelectorAll('p, li, td, th, dd, dt'))
    .filter((e) => (e.textContent || '').trim() !== '')
    .map((e) => parseFloat(getComputedStyle(e).fontSize))),
  breaks: Array.from(document.querySelectorAll('section.role-section')).map((s) => getComputedStyle(s).breakBefore),
})`;

/** Counts the pages of a PDF (its /Type /Page objects). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

describe('review pack in Chromium', function () {
  this.timeout(180_000);
  let renderer: MermaidRenderer;
  let browser: Browser;
  const packs = new Map<string, ReviewPackResult>();

  before(async () => {
    // drawn as buildReviewPack draws them (one browser for all the packs here)
    renderer = await MermaidRenderer.launch({ theme: 'bizflow' });
    for (const [name, text, locale] of [
      ['order-fulfilment', ORDER, 'zh-CN'],
      ['procure-to-pay', P2P, 'en'],
    ] as const) {
      const frame = pictureFrame(buildPack(analyze(text, { locale }), { locale }));
      const draw = (texts: PackDiagrams) => drawPackPictures(texts, (request) => renderer.renderFlow(request), frame);
      packs.set(name, await buildReviewPack(text, { format: 'html', locale, file: `examples/${name}.bizflow.yaml`, generatedOn: '2026-12-07', draw }));
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  });

  after(async () => {
    await renderer?.close();
    await browser?.close();
  });

  async function open(html: string, requests: string[]): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    page.on('request', (r) => {
      if (!/^(about:blank|data:)/.test(r.url())) requests.push(r.url());
    });
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent(html, { waitUntil: 'load' });
    return page;
  }

  it('the request listener sees what a page asks for (control)', async () => {
    const requests: string[] = [];
    const page = await open('<!DOCTYPE html><html><body><img src="http://example.invalid/x.png"><link rel="stylesheet" href="https://example.invalid/a.css"></body></html>', requests);
    await page.context().close();
    assert.deepEqual([...new Set(requests)].sort(), ['http://example.invalid/x.png', 'https://example.invalid/a.css']);
  });

  for (const name of ['order-fulfilment', 'procure-to-pay']) {
    it(`${name}: no request, scripts off, every role and requirement, both pictures with every lane`, async () => {
      const result = packs.get(name)!;
      assert.equal(result.pictureError, undefined);
      // the markup itself makes no request: checked without the pack's Content-Security-Policy too
      const requests: string[] = [];
      const noCsp = result.html!.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '');
      assert.notEqual(noCsp, result.html);
      await (await open(noCsp, requests)).context().close();
      const page = await open(result.html!, requests);
      const facts = (await page.evaluate(FACTS)) as { text: string; svgs: string[]; roleViews: [string, string[]][]; scripts: number; external: string[]; roleSections: string[] };
      assert.deepEqual(requests, []);
      assert.equal(facts.scripts, 0);
      assert.deepEqual(facts.external, []);
      const { model } = analyze(name === 'order-fulfilment' ? ORDER : P2P);
      assert.deepEqual(facts.roleSections, model.roles.list.map((r) => `role-${r.id}`));
      for (const r of model.roles.list) {
        assert.ok(facts.text.includes(r.name!), r.name);
        assert.ok(facts.text.includes(r.id), r.id);
      }
      for (const q of model.requirements.list) {
        assert.ok(facts.text.includes(q.id), q.id);
        assert.ok(facts.text.includes(q.title!), q.title);
        for (const a of q.acceptance) assert.ok(facts.text.includes(a), a);
      }
      assert.equal(facts.svgs.length, 2, 'today and after');
      const laned = model.roles.list.filter((r) => model.steps.list.some((s) => s.role?.id === r.id));
      for (const svg of facts.svgs) for (const r of laned) assert.ok(svg.includes(r.name!), `lane ${r.name} drawn`);
      // each role with steps has its view of the after picture, its own lane drawn
      assert.deepEqual(
        facts.roleViews.map(([id, v]) => [id, v.length]),
        model.roles.list.map((r) => [`role-${r.id}`, laned.includes(r) ? 1 : 0]),
      );
      for (const [id, v] of facts.roleViews) if (v.length) assert.ok(v[0].includes(model.roles.byId.get(id.slice(5))!.name!), id);
      if (name === 'order-fulfilment') {
        assert.ok(!facts.svgs[0].includes('出库复核'), 'today: no added step');
        assert.ok(facts.svgs[1].includes('出库复核'), 'after: the added step');
      }
      await page.context().close();
    });

    it(`${name}: A4 PDF with a page per role at least, body text >= 9 pt; a screenshot`, async () => {
      const result = packs.get(name)!;
      const page = await open(result.html!, []);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, `review-pack-${name}.png`), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      const style = (await page.evaluate(PRINT_STYLE)) as { body: number; smallest: number; breaks: string[] };
      assert.ok(style.body >= 12, `body ${style.body}px`);
      assert.ok(style.smallest >= 12, `smallest text ${style.smallest}px (9 pt = 12 px)`);
      assert.ok(style.breaks.every((b) => b === 'page'), style.breaks.join());
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      fs.writeFileSync(path.join(ARTIFACTS, `review-pack-${name}.pdf`), pdf);
      const pages = pdfPages(pdf);
      const roles = result.pack.roles.length;
      assert.ok(pages >= roles + 2, `${pages} pages for ${roles} roles (+ summary and sign-off)`);
      await page.context().close();
    });
  }

  it('the default drawing is in BizFlow\'s light colours, framed as the exports (title, legend), in the pack\'s language', async () => {
    const zh = await buildReviewPack(ORDER, { format: 'html', locale: 'zh-CN' });
    assert.equal(zh.pictureError, undefined);
    const svgs = [...zh.html!.matchAll(/<figure[^>]*><figcaption>[^<]*<\/figcaption>(<svg[\s\S]*?<\/svg>)\s*<\/figure>/g)].map((m) => m[1]);
    assert.equal(svgs.length, 2 + 3, 'today, after and the views of sales, warehouse and finance');
    svgs.forEach((svg, i) => {
      assert.match(svg, /^<svg [^>]*class="bf-export"/, 'framed as an export');
      assert.match(svg, /<rect class="bf-background"[^>]*fill="#ffffff"/, 'a light background');
      assert.match(svg, /<text class="bf-title"[^>]*>订单履约流程<\/text>/, 'the process name as a title');
      assert.ok(svg.includes('冲突（警告）'), 'the legend in Chinese');
      // today (core/review/today.ts) nothing is added or removed yet: its legend says nothing of either
      assert.equal(svg.includes('需求新增'), i !== 0, `picture ${i}: "added" in its legend only after the requirements`);
      assert.ok(svg.includes(PALETTES.light.node), 'BizFlow\'s node colour, not Mermaid\'s default theme');
      assert.ok(!svg.includes('#ECECFF') && !svg.includes('#ececff'), 'not Mermaid\'s default node colour');
    });
    // the end step has no role: its band is labelled in Chinese, today and after
    for (const svg of svgs.slice(0, 2)) {
      assert.ok(svg.includes('未分配'), 'the unassigned band in Chinese');
      assert.ok(!/>unassigned</.test(svg));
    }
    assert.ok(svgs[1].includes('有争议（需求相互矛盾）'), 'the after picture explains "contested"');
    assert.ok(!svgs[0].includes('有争议（需求相互矛盾）'), 'today has nothing contested to explain');
    fs.writeFileSync(path.join(ARTIFACTS, 'review-pack-after-zh.svg'), svgs[1]);
  });

  it('the default drawing (buildReviewPack launches its own Chromium); a missing Chromium leaves a note, not a failure', async () => {
    const ok = await buildReviewPack(P2P, { format: 'html' });
    assert.equal(ok.pictureError, undefined);
    assert.equal((ok.html!.match(/<figure><figcaption>[^<]*<\/figcaption><svg/g) ?? []).length, 2);
    assert.equal((ok.html!.match(/<figure class="role-view"><figcaption>[^<]*<\/figcaption><svg/g) ?? []).length, 4, 'requester, buyer, approver, ap (cfo has no step)');
    const missing = await buildReviewPack(P2P, { format: 'html', executablePath: '/nonexistent/chromium' });
    assert.match(missing.pictureError!, /^Chromium was not found \(no executable at \/nonexistent\/chromium\)/);
    assert.equal((missing.html!.match(/class="nopic"/g) ?? []).length, 2);
    assert.match(missing.html!, /The picture could not be drawn here \(Chromium was not found/);
  });
});

describe('review pack: xlsx and the sign-off round trip', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = tempTree({ 'order.bizflow.yaml': ORDER, 'p2p.bizflow.yaml': P2P });
  });
  afterEach(() => removeTree(dir));

  async function workbook(file: string): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb;
  }

  it('bizflow review -f xlsx: read me, requirements, a sheet per role, the sign-off sheet with its verdict list', async () => {
    const r = await run(['review', '-f', 'xlsx', 'order.bizflow.yaml'], { cwd: dir });
    assert.equal(r.err, '');
    assert.equal(r.code, 0);
    assert.equal(r.out, 'order.review.xlsx: review pack of order.bizflow.yaml (4 role section(s), 4 requirement(s), 5 sign-off row(s)).\n');
    const wb = await workbook(path.join(dir, 'order.review.xlsx'));
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['Read me', 'Requirements', 'Role 业务员', 'Role 仓库主管', 'Role 财务专员', 'Role 运营总监', 'Sign-off'],
    );
    const reqs = wb.getWorksheet('Requirements')!;
    assert.deepEqual((reqs.getRow(1).values as unknown[]).slice(1), [
      'ID',
      'Title',
      'From',
      'Priority',
      'Status',
      'Steps',
      'Affected roles',
      'Agreed / pending',
      'Conflicts',
      'Acceptance criteria',
      'Source',
      'Fingerprint',
    ]);
    assert.equal(reqs.rowCount, 5);
    const row3 = (reqs.getRow(4).values as unknown[]).slice(1);
    assert.deepEqual(row3.slice(0, 5), ['REQ-003', '每个环节写入追溯日志，三端数据拉通', '运营总监 (director)', 'must', 'proposed']);
    assert.equal(row3[6], '业务员 (sales)\n仓库主管 (warehouse)\n财务专员 (finance)');
    assert.equal(row3[7], 'pending: 业务员 (sales), 仓库主管 (warehouse), 财务专员 (finance)');
    assert.equal(row3[9], 'none — nobody can tell when it is done');
    assert.equal(row3[11], '190217e7');
    const so = wb.getWorksheet('Sign-off')!;
    assert.deepEqual((so.getRow(1).values as unknown[]).slice(1), [
      'Role ID',
      'Role',
      'Requirement ID',
      'Title',
      'Fingerprint',
      'On record',
      'Verdict (agree / object / question)',
      'Note',
      'Date',
    ]);
    assert.equal(so.rowCount, 6);
    const rows = [2, 3, 4, 5, 6].map((i) => (so.getRow(i).values as unknown[]).slice(1, 7));
    assert.deepEqual(rows, [
      ['warehouse', '仓库主管 (warehouse)', 'REQ-001', '订单一键下推仓库，自动拣货', 'bc2461ce', 'not given'],
      ['sales', '业务员 (sales)', 'REQ-003', '每个环节写入追溯日志，三端数据拉通', '190217e7', 'not given'],
      ['warehouse', '仓库主管 (warehouse)', 'REQ-003', '每个环节写入追溯日志，三端数据拉通', '190217e7', 'not given'],
      ['finance', '财务专员 (finance)', 'REQ-003', '每个环节写入追溯日志，三端数据拉通', '190217e7', 'not given'],
      ['finance', '财务专员 (finance)', 'REQ-004', '信用审核改由总监审批', '363bb00d', 'not given'],
    ]);
    for (let i = 2; i <= 6; i++) {
      const dv = so.getRow(i).getCell(SIGN_OFF_COLUMNS.verdict).dataValidation;
      assert.equal(dv.type, 'list');
      assert.deepEqual(dv.formulae, ['"agree,object,question"']);
      assert.equal(dv.allowBlank, true);
    }
    const warehouse = wb.getWorksheet('Role 仓库主管')!;
    const cells: string[] = [];
    warehouse.eachRow((row) => cells.push((row.values as unknown[]).slice(1).join(' | ')));
    assert.ok(cells.includes('拣货出库 (pick) | task | kept | mode: manual → contested: automatic / manual-review'), cells.join('\n'));
    assert.ok(cells.includes('出库复核 (double-check) | task | added (REQ-003) | '), cells.join('\n'));
  });

  it('zh-CN: Chinese sheet names and headers; the import reads them back', async () => {
    const r = await run(['review', '-f', 'xlsx', '--locale', 'zh-CN', '-o', 'zh.xlsx', 'order.bizflow.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.err);
    const wb = await workbook(path.join(dir, 'zh.xlsx'));
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['说明', '需求', '角色 业务员', '角色 仓库主管', '角色 财务专员', '角色 运营总监', '签字确认']);
    const so = wb.getWorksheet('签字确认')!;
    so.getRow(6).getCell(SIGN_OFF_COLUMNS.verdict).value = 'question';
    so.getRow(6).getCell(SIGN_OFF_COLUMNS.note).value = '为什么改由总监审批？';
    await wb.xlsx.writeFile(path.join(dir, 'zh.xlsx'));
    const i = await run(['review', '--import', 'zh.xlsx', '--on', '2026-12-05', '--locale', 'zh-CN', 'order.bizflow.yaml'], { cwd: dir });
    assert.equal(i.err, '');
    assert.equal(i.out, 'order.bizflow.yaml：已从 zh.xlsx 记录 1 条意见（跳过 4 个空行）。\n');
    const m = analyze(fs.readFileSync(path.join(dir, 'order.bizflow.yaml'), 'utf8')).model;
    assert.deepEqual(
      readReviews(m, m.requirements.byId.get('REQ-004')!).map((e) => [e.role?.id, e.verdict, e.on, e.fingerprint, e.note]),
      [['finance', 'question', '2026-12-05', '363bb00d', '为什么改由总监审批？']],
    );
  });

  it('--import: filled rows become reviews with the current fingerprint, blank rows are skipped, comments kept', async () => {
    assert.equal((await run(['review', '-f', 'xlsx', '-o', 'pack.xlsx', 'order.bizflow.yaml'], { cwd: dir })).code, 0);
    const wb = await workbook(path.join(dir, 'pack.xlsx'));
    const so = wb.getWorksheet('Sign-off')!;
    const set = (row: number, verdict: string, note?: string, date?: unknown) => {
      so.getRow(row).getCell(SIGN_OFF_COLUMNS.verdict).value = verdict;
      if (note !== undefined) so.getRow(row).getCell(SIGN_OFF_COLUMNS.note).value = note;
      if (date !== undefined) so.getRow(row).getCell(SIGN_OFF_COLUMNS.date).value = date as ExcelJS.CellValue;
    };
    set(2, 'agree', undefined, new Date(Date.UTC(2026, 11, 3)));
    set(4, 'object', '复核会拖慢出库: "double-check" #1', '2026-12-04');
    await wb.xlsx.writeFile(path.join(dir, 'returned.xlsx'));

    const r = await run(['review', '--import', 'returned.xlsx', 'order.bizflow.yaml', '--on', '2026-12-07'], { cwd: dir });
    assert.equal(r.err, '');
    assert.equal(r.code, 0);
    assert.equal(r.out, 'order.bizflow.yaml: recorded 2 verdict(s) from returned.xlsx (3 blank row(s) skipped).\n');
    const text = fs.readFileSync(path.join(dir, 'order.bizflow.yaml'), 'utf8');
    assert.ok(text.startsWith('# 订单履约流程 — a B2B order-to-delivery process across three departments.\n# It is deliberately imperfect'), 'comments kept');
    // only insertions: removing the new lines gives the original back
    const added = text.split('\n').filter((l) => !ORDER.split('\n').includes(l));
    assert.deepEqual(added, [
      '    reviews:',
      '      - role: warehouse',
      '        verdict: agree',
      '        on: 2026-12-03',
      '        fingerprint: bc2461ce',
      '    reviews:',
      '      - role: warehouse',
      '        verdict: object',
      '        on: 2026-12-04',
      '        fingerprint: "190217e7"',
      '        note: "复核会拖慢出库: \\"double-check\\" #1"',
    ]);
    assert.deepEqual(text.split('\n').filter((l) => !added.includes(l)), ORDER.split('\n'));
    const m = analyze(text).model;
    const rev = (id: string) => readReviews(m, m.requirements.byId.get(id)!).map((e) => [e.role?.id, e.verdict, e.on, e.fingerprint, e.note]);
    assert.deepEqual(rev('REQ-001'), [['warehouse', 'agree', '2026-12-03', fingerprintOf(m, m.requirements.byId.get('REQ-001')!).fingerprint, undefined]]);
    assert.deepEqual(rev('REQ-003'), [['warehouse', 'object', '2026-12-04', '190217e7', '复核会拖慢出库: "double-check" #1']]);
    assert.deepEqual(rev('REQ-004'), []);
  });

  it('--import refuses the whole sheet on one bad row (unknown role, changed requirement): the file is byte-for-byte unchanged', async () => {
    assert.equal((await run(['review', '-f', 'xlsx', '-o', 'pack.xlsx', 'order.bizflow.yaml'], { cwd: dir })).code, 0);
    const wb = await workbook(path.join(dir, 'pack.xlsx'));
    const so = wb.getWorksheet('Sign-off')!;
    so.getRow(2).getCell(SIGN_OFF_COLUMNS.verdict).value = 'agree';
    so.getRow(3).getCell(SIGN_OFF_COLUMNS.roleId).value = 'sale';
    so.getRow(3).getCell(SIGN_OFF_COLUMNS.verdict).value = 'agree';
    await wb.xlsx.writeFile(path.join(dir, 'returned.xlsx'));
    const before = fs.readFileSync(path.join(dir, 'order.bizflow.yaml'));
    const r = await run(['review', '--import', 'returned.xlsx', 'order.bizflow.yaml'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.equal(r.err, 'bizflow: returned.xlsx row 3: unknown role "sale". Did you mean "sales"?\nbizflow: nothing was written to order.bizflow.yaml.\n');
    assert.deepEqual(fs.readFileSync(path.join(dir, 'order.bizflow.yaml')), before);

    // the requirement changed after the pack was made: the verdict was given to an earlier version
    fs.writeFileSync(path.join(dir, 'order.bizflow.yaml'), ORDER.replace('订单一键下推仓库，自动拣货', '订单一键下推仓库'));
    so.getRow(3).getCell(SIGN_OFF_COLUMNS.roleId).value = 'sales';
    await wb.xlsx.writeFile(path.join(dir, 'returned.xlsx'));
    const changed = await run(['review', '--import', 'returned.xlsx', 'order.bizflow.yaml'], { cwd: dir });
    assert.equal(changed.code, 2);
    assert.match(changed.err, /^bizflow: returned\.xlsx row 2: requirement "REQ-001" changed since the pack was made \(fingerprint bc2461ce in the sheet, [0-9a-f]{8} now\)/);
    assert.equal(fs.readFileSync(path.join(dir, 'order.bizflow.yaml'), 'utf8'), ORDER.replace('订单一键下推仓库，自动拣货', '订单一键下推仓库'));
  });

  it('--import of a file that is not a pack, or not xlsx: one clear line, exit 2', async () => {
    fs.writeFileSync(path.join(dir, 'notes.xlsx'), 'not a zip');
    const a = await run(['review', '--import', 'notes.xlsx', 'order.bizflow.yaml'], { cwd: dir });
    assert.equal(a.code, 2);
    assert.match(a.err, /^bizflow: "notes\.xlsx" is not an xlsx workbook \(.*\)\.\n$/);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['x']);
    await wb.xlsx.writeFile(path.join(dir, 'other.xlsx'));
    const b = await run(['review', '--import', 'other.xlsx', 'order.bizflow.yaml'], { cwd: dir });
    assert.equal(b.code, 2);
    assert.match(b.err, /^bizflow: "other\.xlsx" has no sign-off sheet \(a sheet named "Sign-off" or "签字确认"\)/);
    const c = await run(['review', '--import', 'missing.xlsx', 'order.bizflow.yaml'], { cwd: dir });
    assert.equal(c.err, 'bizflow: cannot find "missing.xlsx".\n');
  });
});

describe('cli review: formats and options', () => {
  it('md to standard output; html with --no-pictures to a file; --role; usage errors', async () => {
    const md = await run(['review', '-f', 'md', '-r', 'finance', 'order-fulfilment.bizflow.yaml'], { cwd: examples });
    assert.equal(md.code, 0, md.err);
    assert.match(md.out, /^# Review pack — 订单履约流程\n/);
    assert.equal((md.out.match(/^## For /gm) ?? []).length, 1);
    const dir = tempTree({ 'o.bizflow.yaml': ORDER });
    try {
      const h = await run(['review', '--no-pictures', '-o', 'o.html', 'o.bizflow.yaml'], { cwd: dir });
      assert.equal(h.code, 0, h.err);
      assert.equal(h.err, '', 'no picture note when pictures are not asked for');
      assert.match(fs.readFileSync(path.join(dir, 'o.html'), 'utf8'), /^<!DOCTYPE html>\n<html lang="en">/);
      const self = await run(['review', '-f', 'md', '-o', 'o.bizflow.yaml', 'o.bizflow.yaml'], { cwd: dir });
      assert.equal(self.code, 2);
      assert.equal(fs.readFileSync(path.join(dir, 'o.bizflow.yaml'), 'utf8'), ORDER);
    } finally {
      removeTree(dir);
    }
    const bad = await run(['review', '-f', 'pdf', orderExample]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /invalid value "pdf" for --format: use "html", "md" or "xlsx"/);
    const role = await run(['review', '-r', 'sale', orderExample]);
    assert.equal(role.code, 2);
    assert.match(role.err, /unknown role "sale"\. Did you mean "sales"\?/);
    const mix = await run(['review', '--import', 'x.xlsx', '-f', 'md', orderExample]);
    assert.equal(mix.err, 'bizflow: --format cannot be used with --import.\n');
    const help = await run(['help', 'review']);
    assert.match(help.out, /^Usage: bizflow review \[options\] FILE\n/);
    const main = await run(['--help']);
    for (const c of ['impact', 'diff', 'sign', 'review']) assert.match(main.out, new RegExp(`^  bizflow ${c} `, 'm'));
  });
});

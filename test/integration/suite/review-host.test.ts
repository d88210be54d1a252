// The review commands with the analysis worker on, in the real VS Code: "BizFlow: Compare with…" and "BizFlow:
// Export Review Pack" (its role picker, Markdown, HTML and xlsx) build no parse or model on the extension host
// (AnalysisService.stats.hostModels unchanged: the worker analyses both versions and writes the diff's Markdown,
// renders the pack's Markdown and HTML (the host draws the HTML's pictures from the diagrams the worker sends: the
// reviewPackMarkdown, reviewPackDiagrams and reviewPackHtml queries), and writes the xlsx: the host receives its
// bytes (reviewPackXlsx) and never loads exceljs), and write the documents the host wrote before from its own
// analyses; without the worker (it failed), the host makes the xlsx itself.
import * as assert from 'assert';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { analyze } from '../../../src/core/engine';
import { localToday } from '../../../src/core/fixes';
import { diffAnalyses } from '../../../src/core/review/diff';
import { formatDiff } from '../../../src/core/review/format';
import type { PackDiagrams, ReviewPack } from '../../../src/core/review/pack';
import type { PackPictures } from '../../../src/core/review/pack-html';
import { pictureFrame, type PictureFrame } from '../../../src/core/review/pack-pictures';
import type { BizflowApi } from '../../../src/extension/extension';
import { buildReviewPack, renderReviewPack } from '../../../src/node/review-pack';
import { restoreDocument } from '../util/documents';
import { closeEverything } from '../util/wait';
import { REVIEW_OLD as OLD } from '../util/review-texts';


const NEW =
  OLD.replace('next: e1 }', 'next: check }\n  check: { name: 复核, role: warehouse, needs: [order], next: e1 }').replace('  s1: { name: 接单,', '  s1: { name: 接单下单,') +
  `requirements:
  REQ-1:
    title: 出库前复核
    from: director
    priority: must
    adds: [check]
    acceptance: [每单复核]
  REQ-2:
    title: 拣货改为扫码
    from: warehouse
    priority: should
    changes: { pick: { mode: scan } }
`;

/** The cell values of every worksheet, by name. */
async function sheets(bytes: Uint8Array): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => rows.push(JSON.parse(JSON.stringify(row.values)) as unknown[]));
    out[ws.name] = rows;
  }
  return out;
}

describe('BizFlow review commands: Compare with… and Export Review Pack build no model on the extension host', function () {
  this.timeout(120_000);
  let api: BizflowApi;
  let dir: string;
  let oldUri: vscode.Uri;
  /** The document of the current test: a file of its own, whose model nothing has built on the host yet. */
  let uri: vscode.Uri;

  before(async () => {
    const ext = vscode.extensions.getExtension<BizflowApi>('bizflow.bizflow');
    assert.ok(ext);
    api = await ext.activate();
    assert.ok(api.worker, 'the desktop extension analyses in a worker');
    await closeEverything();
    // files outside the workspace fixture (opened, never edited)
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizflow-review-host-'));
    oldUri = vscode.Uri.file(path.join(dir, 'old.bizflow.yaml'));
    fs.writeFileSync(oldUri.fsPath, OLD);
  });

  // each test its own file: once a test built the model of a version on the host (to compute what the host wrote
  // before), reading it again would not be counted, and a command that still read it would go unnoticed
  let n = 0;
  beforeEach(async () => {
    uri = vscode.Uri.file(path.join(dir, `orders-${++n}.bizflow.yaml`));
    fs.writeFileSync(uri.fsPath, NEW);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
  });

  after(async () => {
    await closeEverything();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const doc = () => {
    const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri.toString());
    assert.ok(d, 'the document is open');
    return d;
  };

  /**
   * The kinds of the queries the commands ask (`AnalysisService.queryNow`) during `run`, and how many queries the
   * worker was sent meanwhile: the review pack's builder analysed the text itself before (`analyze`, which the
   * host-model counter does not count), so the counter alone would not show that the work moved.
   */
  const asked = async (run: () => Promise<void>): Promise<{ kinds: string[]; sent: number }> => {
    type Query = (...args: unknown[]) => Promise<unknown>;
    const service = api.analyses as unknown as { queryNow: Query; queryAt: Query };
    const originals = { queryNow: service.queryNow, queryAt: service.queryAt };
    const kinds: string[] = [];
    const sent = api.worker!.stats.queries;
    for (const name of ['queryNow', 'queryAt'] as const) {
      service[name] = function (this: unknown, ...args: unknown[]) {
        kinds.push((args[1] as { kind: string }).kind);
        return originals[name].apply(this, args);
      };
    }
    try {
      await run();
    } finally {
      Object.assign(service, originals);
    }
    return { kinds, sent: api.worker!.stats.queries - sent };
  };

  /** The counter counts: a synchronous analysis of a new text builds its model on the host. */
  const probe = () => {
    const p = vscode.Uri.parse(`untitled:review-probe-${Date.now()}.bizflow.yaml`);
    const counted = api.analyses.stats.hostModels;
    api.analyses.forText(p, 'steps: {}\n', -1);
    api.analyses.forget(p);
    assert.strictEqual(api.analyses.stats.hostModels, counted + 1, 'the counter counts');
  };

  it('Compare with another file (all roles, one role): the Markdown the host wrote before, no model built on the host', async () => {
    const built = api.analyses.stats.hostModels;
    const compare = async (role?: string) => {
      const target = (await vscode.commands.executeCommand('bizflow.compareWith', uri, { other: oldUri, ...(role ? { role } : {}) })) as vscode.Uri | undefined;
      assert.ok(target && target.scheme === 'bizflow-compare', 'the comparison document');
      return (await vscode.workspace.openTextDocument(target)).getText();
    };
    let all = '';
    let warehouse = '';
    const { kinds, sent } = await asked(async () => {
      all = await compare();
      warehouse = await compare('warehouse');
    });
    assert.strictEqual(api.analyses.stats.hostModels, built, 'no parse or model built on the extension host');
    assert.deepStrictEqual(kinds, ['compare', 'compare']);
    assert.ok(sent >= 2, `${sent} queries sent to the worker`);

    // what compareWith wrote before: the older version analysed on the host, the document's analysis, formatDiff
    const a = api.analyses.forDocument(doc());
    probe();
    const expected = (role?: string) => {
      const before = analyze(OLD, { locale: a.locale });
      return formatDiff(
        'markdown',
        a.locale,
        { shown: vscode.workspace.asRelativePath(oldUri), text: OLD, result: before },
        { shown: vscode.workspace.asRelativePath(uri), text: doc().getText(), result: a.result },
        diffAnalyses(before, a.result, { role }).roles,
      );
    };
    assert.strictEqual(all, expected());
    assert.strictEqual(warehouse, expected('warehouse'));
    assert.notStrictEqual(warehouse, all);
    assert.match(warehouse, /## 仓库主管/);
    assert.doesNotMatch(warehouse, /## 业务员/);
    assert.match(all, /## 业务员[\s\S]*接单下单/, 'the renamed step in its lane');
  });

  it('Export Review Pack (role picker, Markdown, HTML): rendered in the worker, the documents the host wrote before', async () => {
    const built = api.analyses.stats.hostModels;
    // the questions answered as a user would: Markdown, then the warehouse (the role picker lists the file's roles)
    const window = vscode.window as unknown as { showQuickPick: typeof vscode.window.showQuickPick };
    const original = window.showQuickPick;
    const offered: string[][] = [];
    window.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
      const list = [...(await items)] as (vscode.QuickPickItem & { format?: string; id?: string })[];
      offered.push(list.map((i) => i.label));
      return list.find((i) => i.format === 'md' || i.id === 'warehouse');
    }) as unknown as typeof vscode.window.showQuickPick;
    const given: { pack: ReviewPack; request: { format: string; role?: string; locale: string; file?: string; generatedOn?: string } }[] = [];
    const drawn: { diagrams: PackDiagrams; frame: PictureFrame }[] = [];
    // pictures standing in for the webview's (the real drawing: review.test.ts), from what the worker sent
    const draw = async (diagrams: PackDiagrams, frame: PictureFrame): Promise<PackPictures> => {
      drawn.push({ diagrams, frame });
      return {
        today: `<svg>${frame.today} ${diagrams.today.length}</svg>`,
        after: `<svg>${frame.after} ${diagrams.after.length}</svg>`,
        roles: Object.fromEntries(diagrams.roles.map((r) => [r.role, `<svg>${frame.roles[r.role]} ${r.text.length}</svg>`])),
      };
    };
    const fail = async (): Promise<PackPictures> => {
      throw new Error('the picture page was closed\nat somewhere');
    };
    const target = (name: string) => vscode.Uri.file(path.join(dir, name));
    const { kinds, sent } = await asked(async () => {
      try {
        const out = await vscode.commands.executeCommand('bizflow.exportReviewPack', uri, {
          target: target('picked.md'),
          builder: async (pack: ReviewPack, request: (typeof given)[number]['request']) => {
            given.push({ pack, request });
            return (await renderReviewPack(pack, request as Parameters<typeof renderReviewPack>[1])) as { md?: string };
          },
        });
        assert.strictEqual((out as vscode.Uri | undefined)?.toString(), target('picked.md').toString());
      } finally {
        window.showQuickPick = original;
      }
      // HTML rendered in the worker with the pictures the test draws from the diagrams the worker sent, then with
      // pictures that failed; Markdown for all roles rendered in the worker
      const html = await vscode.commands.executeCommand('bizflow.exportReviewPack', uri, { format: 'html', role: 'sales', target: target('sales.html'), draw });
      assert.ok(html);
      const failed = await vscode.commands.executeCommand('bizflow.exportReviewPack', uri, { format: 'html', target: target('failed.html'), draw: fail });
      assert.ok(failed);
      assert.ok(await vscode.commands.executeCommand('bizflow.exportReviewPack', uri, { format: 'md', target: target('all.md') }));
    });
    assert.strictEqual(api.analyses.stats.hostModels, built, 'no parse or model built on the extension host');
    // the pack's data reaches the host only for the test's own builder: Markdown and HTML arrive as strings
    assert.deepStrictEqual(kinds, ['roles', 'reviewPack', 'reviewPackDiagrams', 'reviewPackHtml', 'reviewPackDiagrams', 'reviewPackHtml', 'reviewPackMarkdown']);
    assert.ok(sent >= 7, `${sent} queries sent to the worker`);
    probe();
    assert.ok(offered.length === 2, `the format and role pickers were shown (${JSON.stringify(offered)}); vscode.window.showQuickPick could not be stood in for`);
    assert.deepStrictEqual(offered[1], ['All roles', '业务员', '仓库主管', '运营总监']);

    // what the command wrote before: `buildReviewPack` of the document's text
    const file = vscode.workspace.asRelativePath(uri);
    const locale = api.analyses.forDocument(doc()).locale;
    const generatedOn = localToday();
    const read = (name: string) => fs.readFileSync(target(name).fsPath, 'utf8');
    const picked = await buildReviewPack(NEW, { format: 'md', role: 'warehouse', locale, file, generatedOn });
    assert.strictEqual(read('picked.md'), picked.md);
    assert.deepStrictEqual(given[0].pack, picked.pack);
    assert.deepStrictEqual([given[0].request.format, given[0].request.role, given[0].request.locale], ['md', 'warehouse', locale]);
    assert.strictEqual(given.length, 1, 'the test\'s builder only for the export it was given to');
    const sales = await buildReviewPack(NEW, { format: 'html', role: 'sales', locale, file, generatedOn, draw });
    assert.strictEqual(read('sales.html'), sales.html);
    assert.deepStrictEqual(drawn[0], drawn[1], 'drawn from the pack\'s diagrams and frame, as `buildReviewPack` draws them');
    assert.deepStrictEqual(drawn[0], { diagrams: sales.pack.diagrams, frame: pictureFrame(sales.pack) });
    assert.match(read('sales.html'), /<svg>[^<]* \d+<\/svg>/);
    const failedBefore = await buildReviewPack(NEW, { format: 'html', locale, file, generatedOn, draw: fail });
    assert.strictEqual(failedBefore.pictureError, 'the picture page was closed');
    assert.strictEqual(read('failed.html'), failedBefore.html);
    assert.match(read('failed.html'), /class="nopic"/);
    assert.strictEqual(read('all.md'), (await buildReviewPack(NEW, { format: 'md', locale, file, generatedOn })).md);
    assert.match(read('all.md'), /出库前复核/);
  });

  it('Export Review Pack as HTML while the document is edited during the drawing: the page describes the version its pictures were drawn from', async () => {
    const added = '  REQ-9:\n    title: 画图时新加的需求\n    from: sales\n    priority: could\n    acceptance: [有]\n';
    const drawn: PackDiagrams[] = [];
    // the user types while the pictures are drawn: a requirement added to the document
    const draw = async (diagrams: PackDiagrams, frame: PictureFrame): Promise<PackPictures> => {
      drawn.push(diagrams);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, doc().positionAt(doc().getText().length), added);
      assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applied');
      return { today: `<svg>${frame.today}</svg>`, after: `<svg>${frame.after}</svg>`, roles: Object.fromEntries(diagrams.roles.map((r) => [r.role, `<svg>${frame.roles[r.role]}</svg>`])) };
    };
    const target = vscode.Uri.file(path.join(dir, 'edited.html'));
    const { kinds } = await asked(async () => {
      assert.ok(await vscode.commands.executeCommand('bizflow.exportReviewPack', uri, { format: 'html', target, draw }));
    });
    assert.deepStrictEqual(kinds, ['reviewPackDiagrams', 'reviewPackHtml']);
    assert.ok(doc().getText().endsWith(added), 'the document has the edit');
    const written = fs.readFileSync(target.fsPath, 'utf8');
    assert.doesNotMatch(written, /画图时新加的需求|REQ-9/, 'the edit made after the pictures were asked for is not in the page');
    // what the export of the version before the edit writes, with the same pictures
    const locale = api.analyses.forDocument(doc()).locale;
    const before = await buildReviewPack(NEW, { format: 'html', locale, file: vscode.workspace.asRelativePath(uri), generatedOn: localToday(), draw: async (d, f) => {
      assert.deepStrictEqual(d, drawn[0], 'the pictures were drawn from the version before the edit');
      return { today: `<svg>${f.today}</svg>`, after: `<svg>${f.after}</svg>`, roles: Object.fromEntries(d.roles.map((r) => [r.role, `<svg>${f.roles[r.role]}</svg>`])) };
    } });
    assert.strictEqual(written, before.html);
    // the next export is of the edited version
    const next = vscode.Uri.file(path.join(dir, 'edited-next.html'));
    assert.ok(await vscode.commands.executeCommand('bizflow.exportReviewPack', uri, { format: 'html', target: next, draw: async () => ({ error: 'no pictures in this test' }) }));
    assert.match(fs.readFileSync(next.fsPath, 'utf8'), /画图时新加的需求/);
    await restoreDocument(uri, NEW);
  });

  /**
   * Whether exceljs (dist/exceljs.js beside the extension's chunks) is loaded in the extension host: Node's module
   * cache of this process (the tests run in the extension host). `reset` forgets an earlier load.
   */
  const excelOnHost = (reset = false): boolean => {
    const ext = vscode.extensions.getExtension('bizflow.bizflow');
    assert.ok(ext);
    const key = require.resolve(path.join(ext.extensionPath, 'dist', 'exceljs.js'));
    if (reset) delete require.cache[key];
    return key in require.cache;
  };

  it('Export Review Pack as xlsx: the workbook the host wrote before, written in the worker (the host neither builds a model nor loads exceljs)', async () => {
    const built = api.analyses.stats.hostModels;
    excelOnHost(true);
    const target = vscode.Uri.file(path.join(dir, 'pack.xlsx'));
    let out: unknown;
    const { kinds, sent } = await asked(async () => {
      out = await vscode.commands.executeCommand('bizflow.exportReviewPack', uri, { format: 'xlsx', role: 'warehouse', target });
    });
    assert.strictEqual((out as vscode.Uri | undefined)?.toString(), target.toString());
    assert.strictEqual(api.analyses.stats.hostModels, built, 'no parse or model built on the extension host');
    assert.deepStrictEqual(kinds, ['reviewPackXlsx'], 'the workbook\'s bytes asked for, not the pack\'s data (reviewPack)');
    assert.ok(sent >= 1, `${sent} queries sent to the worker`);
    assert.strictEqual(excelOnHost(), false, 'exceljs not loaded on the extension host');
    probe();
    const locale = api.analyses.forDocument(doc()).locale;
    const before = await buildReviewPack(NEW, { format: 'xlsx', role: 'warehouse', locale, file: vscode.workspace.asRelativePath(uri) });
    assert.ok(before.xlsxBuffer);
    const written = await sheets(fs.readFileSync(target.fsPath));
    assert.deepStrictEqual(written, await sheets(before.xlsxBuffer));
    assert.ok(Object.keys(written).includes('Sign-off'), Object.keys(written).join(', '));
  });

  it('Export Review Pack as xlsx when the worker fails: made on the host (exceljs loaded there), the same workbook', async () => {
    const built = api.analyses.stats.hostModels;
    excelOnHost(true);
    const worker = api.worker as unknown as { query: (...args: unknown[]) => Promise<unknown> };
    const original = worker.query;
    const failed: string[] = [];
    worker.query = async function (this: unknown, ...args: unknown[]) {
      const q = args[5] as { kind: string };
      if (q.kind !== 'reviewPackXlsx') return original.apply(this, args);
      failed.push(q.kind);
      return { status: 'failed', message: 'the worker stands failed for this test' };
    };
    const target = vscode.Uri.file(path.join(dir, 'host.xlsx'));
    let out: unknown;
    try {
      out = await vscode.commands.executeCommand('bizflow.exportReviewPack', uri, { format: 'xlsx', target });
    } finally {
      worker.query = original;
    }
    assert.strictEqual((out as vscode.Uri | undefined)?.toString(), target.toString());
    assert.deepStrictEqual(failed, ['reviewPackXlsx'], 'the worker was asked first');
    assert.strictEqual(api.analyses.stats.hostModels, built + 1, 'the model built on the host, once');
    assert.strictEqual(excelOnHost(), true, 'exceljs loaded on the extension host (what the worker export is checked against)');
    const locale = api.analyses.forDocument(doc()).locale;
    const before = await buildReviewPack(NEW, { format: 'xlsx', locale, file: vscode.workspace.asRelativePath(uri) });
    assert.ok(before.xlsxBuffer);
    const written = await sheets(fs.readFileSync(target.fsPath));
    assert.deepStrictEqual(written, await sheets(before.xlsxBuffer));
    assert.ok(['Role 业务员', 'Role 仓库主管', 'Role 运营总监'].every((n) => n in written), Object.keys(written).join(', '));
  });
});

// Performance measurements inside the real VS Code extension host (code-server
// + headless Chromium), for `npm run bench` (bench/run.mjs). Skipped unless
// BIZFLOW_BENCH=1, so the normal integration run stays fast:
//
//   BIZFLOW_BENCH=1 BIZFLOW_TEST_GREP=bench node test/integration/run-offline.mjs
//
// Writes its numbers as JSON to $BIZFLOW_BENCH_OUT (default: the temp folder),
// which bench/run.mjs reads. It measures, never judges: no timing assertion.
import * as assert from 'assert';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { generateFlow } from '../../../bench/generate';
import { analyze } from '../../../src/core/engine';
import type { Analysis } from '../../../src/extension/analysis';
import type { BizflowApi } from '../../../src/extension/extension';
import { buildRenderModel } from '../../../src/shared/preview-render';
import { LineIndex } from '../../../src/core/positions';
import type { InspectionReport } from '../../../src/shared/protocol';
import { PreviewInspector } from '../util/inspect';
import { closeEverything } from '../util/wait';
import { restoreDocument } from '../util/documents';

const ENABLED = process.env.BIZFLOW_BENCH === '1';
const KNOWN_TIMINGS = new Set(['receivedAt', 'started', 'renderStart', 'renderEnd', 'inserted', 'viewed', 'decorated', 'reported', 'painted']);
const OUT = process.env.BIZFLOW_BENCH_OUT || path.join(os.tmpdir(), 'bizflow-bench-extension-host.json');
const EXTENSION_ID = 'bizflow.bizflow';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = (s.length - 1) / 2;
  return (s[Math.floor(m)] + s[Math.ceil(m)]) / 2;
};
const summary = (xs: number[]) => ({ n: xs.length, median: median(xs), min: Math.min(...xs), max: Math.max(...xs), samples: xs.map((x) => Math.round(x * 10) / 10) });

/** Results so far; written after every test so a later failure keeps what was measured. */
const results: Record<string, unknown> = { startedAt: new Date().toISOString(), vscodeVersion: vscode.version };
function save(): void {
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(results, null, 2));
}

(ENABLED ? describe : describe.skip)('bench: extension host measurements', function () {
  this.timeout(300_000);
  let api: BizflowApi;
  let inspector: PreviewInspector;
  let dir: string;
  const files: string[] = [];

  /** Every publish: when it was called (diagnostics were set just before) and how long its listeners took. */
  const publishes: Array<{ uri: string; version: number; at: number; listenersMs: number }> = [];
  const publishWaiters = new Set<(p: { uri: string; version: number; at: number }) => void>();
  let restorePublish: (() => void) | undefined;

  before(async () => {
    const ext = vscode.extensions.getExtension<BizflowApi>(EXTENSION_ID);
    assert.ok(ext, 'extension not loaded');
    api = await ext.activate();
    inspector = new PreviewInspector(api.preview);
    // DiagnosticsController.lintNow sets the diagnostics, then calls analyses.publish(a): stamp that call
    const analyses = api.analyses;
    const original = analyses.publish;
    analyses.publish = function (this: typeof analyses, a: Analysis) {
      const at = performance.now();
      original.call(this, a);
      const rec = { uri: a.uri.toString(), version: a.version, at, listenersMs: performance.now() - at };
      publishes.push(rec);
      if (publishes.length > 1000) publishes.splice(0, 500);
      for (const w of [...publishWaiters]) w(rec);
    };
    restorePublish = () => {
      analyses.publish = original;
    };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizflow-bench-'));
    await closeEverything();
    save();
  });

  after(async () => {
    restorePublish?.();
    inspector?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const p of api?.preview?.all ?? []) p.dispose();
    for (const f of files) fs.rmSync(f, { force: true });
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    results.finishedAt = new Date().toISOString();
    save();
  });

  function writeFlow(name: string, text: string): vscode.Uri {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    files.push(file);
    return vscode.Uri.file(file);
  }

  /**
   * Resolves with the time the extension published an analysis of `uri` at
   * its current version, newer than the version when called (the diagnostics
   * were set just before; publish's listeners, e.g. the tree views, run after).
   */
  function published(uri: vscode.Uri, version: () => number, timeoutMs = 30_000): Promise<number> {
    const after = version(); // an edit is about to be made: only a newer version counts
    return new Promise((resolve, reject) => {
      const w = (p: { uri: string; version: number; at: number }) => {
        if (p.uri === uri.toString() && p.version === version() && p.version > after) {
          clearTimeout(timer);
          publishWaiters.delete(w);
          resolve(p.at);
        }
      };
      publishWaiters.add(w);
      const timer = setTimeout(() => {
        publishWaiters.delete(w);
        reject(new Error(`no analysis of ${path.basename(uri.fsPath)} v${version()} within ${timeoutMs} ms`));
      }, timeoutMs);
    });
  }

  const listenersOf = (uri: vscode.Uri, since: number) => publishes.filter((p) => p.uri === uri.toString() && p.at >= since).map((p) => p.listenersMs);

  it('bench: activation (VS Code marks) and code loading', async () => {
    const g = globalThis as unknown as { MonacoPerformanceMarks?: { getMarks(): Array<{ name: string; startTime: number }> } };
    const marks = g.MonacoPerformanceMarks?.getMarks() ?? [];
    const at = (n: string) => marks.find((m) => m.name === `code/extHost/${n}/${EXTENSION_ID}`)?.startTime;
    const will = at('willActivateExtension');
    const did = at('didActivateExtension');
    // code loading: require a fresh copy of the bundle (no module-level state, no side effect)
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const pkg = ext.packageJSON as { main: string };
    const main = require.resolve(path.resolve(ext.extensionPath, pkg.main));
    const req = createRequire(main);
    const original = req.cache[main];
    const loads: number[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        delete req.cache[main];
        const t0 = performance.now();
        req(main);
        loads.push(performance.now() - t0);
      }
    } finally {
      if (original) req.cache[main] = original;
      else delete req.cache[main];
    }
    results.activation = {
      activateCallMs: will !== undefined && did !== undefined ? did - will : null,
      marksFound: will !== undefined && did !== undefined,
      codeLoadMs: summary(loads),
      bundleBytes: fs.statSync(main).size,
    };
    save();
  });

  it('bench: keystroke to diagnostics on the 1,000-step file', async () => {
    const text = generateFlow(1000).text;
    const uri = writeFlow('bench-1000.bizflow.yaml', text);
    // the analysis alone, in this process (the same core code as the extension)
    const analyses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      analyze(text);
      analyses.push(performance.now() - t0);
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    const tOpen = performance.now();
    const first = new Promise<number>((resolve, reject) => {
      const w = (p: { uri: string; at: number }) => {
        if (p.uri !== uri.toString()) return;
        publishWaiters.delete(w);
        resolve(p.at);
      };
      publishWaiters.add(w);
      setTimeout(() => {
        publishWaiters.delete(w);
        reject(new Error('no first analysis'));
      }, 20_000);
    });
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    let firstMs: number | null = null;
    try {
      firstMs = (await first) - tOpen;
    } catch {
      // already published before we listened (opening raced us): fine, measured below
    }
    // a step's `role:` line near the middle; appending a letter makes ref/unknown-role appear, deleting it clears it
    const lines = text.split('\n');
    let line = -1;
    for (let i = Math.floor(lines.length / 3); i < lines.length; i++) {
      if (/^ {4}role: \S+$/.test(lines[i])) {
        line = i;
        break;
      }
    }
    assert.ok(line > 0, 'a role line');
    const end = new vscode.Position(line, lines[line].length);
    const debounceMs = vscode.workspace.getConfiguration('bizflow').get<number>('debounceMs', 250);
    const unknownRoleAt = () =>
      vscode.languages.getDiagnostics(uri).some((d) => d.range.start.line === line && String(typeof d.code === 'object' ? d.code.value : d.code) === 'ref/unknown-role');

    const type = async (what: 'x' | 'delete') => {
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
      const pos = what === 'x' ? end : end.translate(0, 1);
      editor.selection = new vscode.Selection(pos, pos);
      const before = doc.version;
      const done = published(uri, () => doc.version);
      const t0 = performance.now();
      if (what === 'x') await vscode.commands.executeCommand('type', { text: 'x' });
      else await vscode.commands.executeCommand('deleteLeft');
      if (doc.version === before) {
        // the editor did not have keyboard focus: apply the same change as an edit
        await editor.edit((b) => (what === 'x' ? b.insert(end, 'x') : b.delete(new vscode.Range(end, end.translate(0, 1)))));
      }
      const t1 = await done;
      return t1 - t0;
    };

    const keystroke: number[] = [];
    let consistent = true;
    const since = performance.now();
    // one warm-up pair, then measured pairs
    await type('x');
    await type('delete');
    for (let i = 0; i < 6; i++) {
      keystroke.push(await type('x'));
      consistent &&= unknownRoleAt();
      keystroke.push(await type('delete'));
      consistent &&= !unknownRoleAt();
    }
    // a burst: five letters 40 ms apart; latency from the last one to the diagnostics of the final text
    const burst: number[] = [];
    for (let k = 0; k < 3; k++) {
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
      editor.selection = new vscode.Selection(end, end);
      for (let i = 0; i < 4; i++) {
        await vscode.commands.executeCommand('type', { text: 'x' });
        await sleep(40);
      }
      const done = published(uri, () => doc.version);
      const t0 = performance.now();
      await vscode.commands.executeCommand('type', { text: 'x' });
      burst.push((await done) - t0);
      const restored = published(uri, () => doc.version);
      await editor.edit((b) => b.replace(doc.lineAt(line).range, lines[line]));
      await restored;
    }
    results.keystroke = {
      file: { steps: 1000, bytes: Buffer.byteLength(text), diagnostics: vscode.languages.getDiagnostics(uri).length },
      debounceMs,
      firstDiagnosticsAfterOpenMs: firstMs,
      analyzeInHostMs: summary(analyses),
      keystrokeToDiagnosticsMs: summary(keystroke),
      burstLastKeyToDiagnosticsMs: summary(burst),
      // what the listeners of each publish (tree views, previews) cost the extension host, after the diagnostics were set
      publishListenersMs: summary(listenersOf(uri, since)),
      diagnosticsFollowedEdits: consistent,
    };
    save();
    // the file as written (not `revert`: it acts on the active editor and reads the disk, see ../util/documents.ts)
    await restoreDocument(uri, text);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const [label, make] of [
    ['generated 100 steps', () => generateFlow(100).text],
    ['generated 300 steps', () => generateFlow(300).text],
    ['fixture big-300', () => fs.readFileSync(path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test', 'fixtures', 'big-300.bizflow.yaml'), 'utf8')],
  ] as Array<[string, () => string]>) {
    it(`bench: preview update vs mermaid.render (${label})`, async () => {
      const text = make();
      const uri = writeFlow(`bench-preview-${label.replace(/\W+/g, '-')}.bizflow.yaml`, text);
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      await api.preview.openPreview(uri, { toSide: true });
      let last: InspectionReport = await inspector.waitForRender(uri, { timeoutMs: 120_000 });
      const entry: Record<string, unknown> = { steps: api.analyses.forDocument(doc).result.model.steps.list.length, firstStatus: last.status };
      if (last.status !== 'ok') {
        entry.error = last.error ?? last.banner;
        results[`preview ${label}`] = entry;
        save();
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        for (const p of api.preview.all) p.dispose();
        return;
      }
      // edits that change the drawing: the name of the first step gets one more letter each time
      const lines = text.split('\n');
      const stepsAt = lines.indexOf('steps:');
      const nameLine = lines.findIndex((l, i) => i > stepsAt && /^ {4}name: /.test(l));
      assert.ok(stepsAt > 0 && nameLine > stepsAt, 'a step name line');
      const update: number[] = [];
      const endToEnd: number[] = [];
      const renderMs: number[] = [];
      // where the time between the publish and the report went (see RenderTimings and UpdateTimes)
      const stages: Record<string, number[]> = {};
      const stage = (name: string, ms: number | undefined) => {
        if (ms !== undefined && Number.isFinite(ms)) (stages[name] ??= []).push(ms);
      };
      for (let i = 0; i < 5; i++) {
        const seq = last.seq;
        const analysed = published(uri, () => doc.version, 60_000);
        const t0 = performance.now();
        await editor.edit((b) => b.insert(doc.lineAt(nameLine).range.end, 'x'));
        const tA = await analysed;
        // the outcome message is the end of the update; what the webview shows is asked for after it (not timed)
        const preview = api.preview.previewFor(uri)!;
        const outcome = await preview.waitForRender({ timeoutMs: 120_000, accept: (r) => r.seq > seq });
        const t1 = performance.now();
        last = await inspector.reportNow(uri);
        if (outcome.status !== 'ok') {
          entry.error = outcome.error ?? last.banner ?? outcome.status;
          break;
        }
        update.push(t1 - tA);
        endToEnd.push(t1 - t0);
        renderMs.push(last.renderMs);
        const sent = inspector.log(preview).sent;
        const host = sent && { ...sent, timeOrigin: performance.timeOrigin, reportAt: sent.renderedAt };
        const w = last.timings;
        if (host && host.seq === outcome.seq && last.seq === outcome.seq && w) {
          stage('host: publish → preview listener', host.analysisAt !== undefined ? host.analysisAt - tA : undefined);
          stage('host: render model', host.analysisAt !== undefined ? host.modelAt - host.analysisAt : undefined);
          stage('host: postMessage call', host.postedAt - host.modelAt);
          stage('webview: received → job started', w.started);
          stage('webview: job started → mermaid.render', w.renderStart !== undefined ? w.renderStart - w.started : undefined);
          stage('webview: mermaid.render (every attempt)', w.renderStart !== undefined && w.renderEnd !== undefined ? w.renderEnd - w.renderStart : undefined);
          stage('webview: SVG clean-up, decorate, insert', w.renderEnd !== undefined && w.inserted !== undefined ? w.inserted - w.renderEnd : undefined);
          stage('webview: view (browser lays the SVG out)', w.inserted !== undefined && w.viewed !== undefined ? w.viewed - w.inserted : undefined);
          stage('webview: badges', w.viewed !== undefined && w.decorated !== undefined ? w.decorated - w.viewed : undefined);
          stage('webview: build report', w.decorated !== undefined ? w.reported - w.decorated : undefined);
          stage('webview: received → report posted', w.reported);
          // both postMessage hops (extension host → webview → extension host), with their queueing
          stage('messaging: both hops', host.reportAt !== undefined ? host.reportAt - host.postedAt - w.reported : undefined);
          // each hop on its own, from wall-clock times (the same machine's clock on both sides)
          stage('messaging: host → webview', w.receivedAt - (host.timeOrigin + host.postedAt));
          stage('messaging: webview → host', host.reportAt !== undefined ? host.timeOrigin + host.reportAt - (w.receivedAt + w.reported) : undefined);
          stage('host: report → waitForRender resolved', host.reportAt !== undefined ? t1 - host.reportAt : undefined);
          stage('overhead: update − renderMs', t1 - tA - last.renderMs);
          // marks a development build of the webview may add (not in RenderTimings): as they are
          for (const [k, v] of Object.entries(w)) if (!KNOWN_TIMINGS.has(k) && typeof v === 'number') stage(`webview (extra mark): ${k}`, v);
        }
        // the browser's own drawing of the new SVG (style, layout, paint) follows the report; the webview
        // notes when its next frame was done, which a probe report shows (outside the measured time)
        const probe = await inspector.reportNow(uri);
        if (probe.timings?.painted !== undefined && w && probe.timings.receivedAt === w.receivedAt) stage('after the report: browser frame', probe.timings.painted - w.reported);
      }
      // the floor of the messaging: a probe (small request, small report built by the webview) while nothing else happens
      const probeRoundTrip: number[] = [];
      for (let i = 0; i < 5; i++) {
        await sleep(100);
        const t = performance.now();
        await inspector.reportNow(uri);
        probeRoundTrip.push(performance.now() - t);
      }
      // the extension-host side of an update: the render model (Mermaid text and step data) for the webview
      const a = api.analyses.forDocument(doc);
      const hostModel: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        buildRenderModel(a.result, new LineIndex(a.text), { fileName: path.basename(uri.fsPath) });
        hostModel.push(performance.now() - t);
      }
      const sent = api.preview.previewFor(uri)?.model;
      Object.assign(entry, {
        nodeCount: last.nodeCount,
        // size of the render message's model, of the outcome and of an inspection, as JSON
        renderModelBytes: sent ? JSON.stringify(sent).length : null,
        // what the model is made of: the Mermaid text and the steps (the rest: lanes, roles, counts, notices)
        renderModelParts: sent ? { mermaid: sent.mermaid.length, steps: JSON.stringify(sent.steps).length } : null,
        // the webview's message after each render (status, seq), and the tests' inspection report (not sent unless asked)
        outcomeBytes: JSON.stringify(api.preview.previewFor(uri)?.rendered ?? null).length,
        inspectionBytes: JSON.stringify(last).length,
        buildRenderModelMs: summary(hostModel),
        idleProbeRoundTripMs: summary(probeRoundTrip),
        // from the analysis being published to the webview's report: model, message, Mermaid, SVG, decoration, report
        updateAfterAnalysisMs: summary(update),
        // from the edit (incl. the debounce) to the report
        editToRenderedMs: summary(endToEnd),
        // the webview's own measure around mermaid.render (every layout attempt; mermaid.initialize too when its
        // configuration changed) and the SVG clean-up
        webviewRenderMs: summary(renderMs),
        ratioUpdateToRender: median(update) / median(renderMs),
        // medians of each stage of the update (ms)
        stagesMedianMs: Object.fromEntries(Object.entries(stages).map(([k, xs]) => [k, Math.round(median(xs) * 10) / 10])),
        stages: Object.fromEntries(Object.entries(stages).map(([k, xs]) => [k, summary(xs)])),
      });
      results[`preview ${label}`] = entry;
      save();
      await restoreDocument(uri, text);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const p of api.preview.all) p.dispose();
    });
  }
});

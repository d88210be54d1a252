/**
 * The review commands' work, a lazily loaded chunk of the desktop extension
 * (dist/review.js, required by ./reviewCommands.ts the first time one runs):
 * * "BizFlow: Compare with…" — the diff by role (core/review/diff.ts) between
 *   the active BizFlow file and a git revision of it (through the built-in Git
 *   extension's API) or another file, shown as Markdown in a read-only virtual
 *   document and its Markdown preview; both versions analysed and the Markdown
 *   written in the analysis worker (the `compare` query, src/shared/review-queries.ts:
 *   the host builds no model of either); "Show on the swimlane" (or the option
 *   `show: 'swimlane'`) shows it in the file's preview instead (added steps
 *   marked, removed ones dashed, changed ones marked; "As written" goes back;
 *   the panel keeps the diff's source, read again by `readDiffSource` after a
 *   window reload).
 * * "BizFlow: Export Review Pack" — the review pack of the active file (HTML,
 *   Markdown or Excel, for all roles or one): the roles, the pack's model and
 *   its rendering made in the analysis worker, so the host only handles
 *   strings: the Markdown is the `reviewPackMarkdown` query's answer; for the
 *   HTML the worker sends the swimlanes' Mermaid texts and frame
 *   (`reviewPackDiagrams`), a temporary webview draws them (./packPictures.ts)
 *   and the worker renders the HTML with those pictures (`reviewPackHtml`).
 *   The worker makes the xlsx too (`reviewPackXlsx`: exceljs, src/node/review-xlsx.ts,
 *   loaded from dist/exceljs.js beside dist/worker.js the first time) and sends
 *   the workbook's bytes only: writing a 10,000-step pack's workbook here froze
 *   the extension host for ~2.3 s (bench/notes.md, finding 13). Without a worker, for a
 *   file over the size limit or when the worker failed, it is made here
 *   (exceljs read from dist/exceljs.js beside this chunk, through
 *   reviewPackAdapter.ts `hostWorkbook`). Every format is rendered here from the
 *   pack's plain data (the `reviewPack` query) when a test passes a builder of
 *   its own.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { localToday } from '../../core/fixes';
import type { DiffSource } from '../../shared/protocol';
import { answerReviewPackXlsx, answerReviewQuery } from '../../shared/review-queries';
import type { AnalysisService } from '../analysis';
import type { CompareDocuments } from './reviewCommands';
import type { PackDiagrams } from '../../core/review/pack';
import type { PackPictures } from '../../core/review/pack-html';
import type { PictureFrame } from '../../core/review/pack-pictures';
import { drawPicturesInWebview } from './packPictures';
import { hostWorkbook, type BuildReviewPack, type PackFormat, type PackOutput } from './reviewPackAdapter';

/** The parts of the built-in Git extension's API (v1) the compare command uses. */
interface GitRepository {
  rootUri: vscode.Uri;
  show(ref: string, path: string): Promise<string>;
  log(options?: { maxEntries?: number; path?: string }): Promise<{ hash: string; message: string; authorDate?: Date }[]>;
}
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
}

async function gitApi(): Promise<GitApi | undefined> {
  const ext = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  if (!ext) return undefined;
  try {
    const exports = ext.isActive ? ext.exports : await ext.activate();
    return exports.getAPI(1);
  } catch {
    return undefined;
  }
}

export interface CompareOptions {
  /** The file to compare with (skips the questions). */
  other?: vscode.Uri;
  /** A git revision to compare with (skips the questions). */
  revision?: string;
  role?: string;
  /** Where to show the diff: `markdown` (the text; default, with a "Show on the swimlane" button) or `swimlane` (the preview). */
  show?: 'markdown' | 'swimlane';
}

/** What the compare command needs of the rest of the extension. */
export interface ReviewHooks {
  /** Shows the diff of `uri` against `before` (the older text, named `label`, read from `source`) on the file's swimlane preview. */
  showDiff?(uri: vscode.Uri, before: string, label: string, source: DiffSource): Promise<void>;
}

/** The git repository of `uri`, through the built-in Git extension. */
async function gitRepository(uri: vscode.Uri): Promise<GitRepository | undefined> {
  const git = await gitApi();
  return git?.getRepository(uri) ?? undefined;
}

/**
 * Reads the older version of a diff (its text) again from its source (a
 * restored preview): a git revision of the document's repository, or a file.
 * Rejects with a short reason when it cannot. The preview's diff parses it
 * (in the analysis worker).
 */
export async function readDiffSource(resource: vscode.Uri, source: DiffSource): Promise<string> {
  let text: string;
  if (source.kind === 'git') {
    const repo = await gitRepository(resource);
    if (!repo) throw new Error(vscode.l10n.t('{0} is not in a git repository (or the Git extension is off)', vscode.workspace.asRelativePath(resource)));
    text = await repo.show(source.revision, path.join(repo.rootUri.fsPath, ...source.path.split('/')));
  } else {
    const file = vscode.Uri.parse(source.uri, true);
    const there = await Promise.resolve(vscode.workspace.fs.stat(file)).then(
      () => true,
      () => false,
    );
    if (!there) throw new Error(vscode.l10n.t('the file was moved or deleted'));
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
  }
  return text;
}

function activeBizflow(uri?: vscode.Uri): vscode.TextDocument | undefined {
  if (uri) return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const doc = vscode.window.activeTextEditor?.document;
  return doc && doc.languageId === 'bizflow' ? doc : undefined;
}

/** "BizFlow: Compare with…": the diff by role, opened as Markdown; returns the document's URI. */
export async function compareWith(
  analyses: AnalysisService,
  documents: CompareDocuments,
  uri?: vscode.Uri,
  options: CompareOptions = {},
  hooks: ReviewHooks = {},
): Promise<vscode.Uri | undefined> {
  const doc = activeBizflow(uri instanceof vscode.Uri ? uri : undefined) ?? (uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : undefined);
  if (!doc) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a BizFlow file to compare it.'));
    return undefined;
  }
  let oldText: string;
  let oldName: string;
  let source: DiffSource;
  const gitPick = vscode.l10n.t('A git revision…');
  const filePick = vscode.l10n.t('Another file…');
  let how = options.other ? filePick : options.revision !== undefined ? gitPick : undefined;
  how ??= await vscode.window.showQuickPick([gitPick, filePick], { placeHolder: vscode.l10n.t('Compare {0} with', path.basename(doc.uri.fsPath)) });
  if (!how) return undefined;
  try {
    if (how === gitPick) {
      const git = await gitApi();
      const repo = git?.getRepository(doc.uri);
      if (!git || !repo) {
        void vscode.window.showWarningMessage(vscode.l10n.t('This file is not in a git repository (or the Git extension is off): compare with another file instead.'));
        return undefined;
      }
      let rev = options.revision;
      if (rev === undefined) {
        const commits = await repo.log({ maxEntries: 30, path: doc.uri.fsPath }).catch(() => []);
        const items = [
          { label: 'HEAD', description: vscode.l10n.t('the last commit') },
          ...commits.map((c) => ({ label: c.hash.slice(0, 8), description: c.message.split('\n')[0] })),
        ];
        rev = (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Compare with which revision?') }))?.label;
      }
      if (!rev) return undefined;
      oldText = await repo.show(rev, doc.uri.fsPath);
      const inRepo = path.relative(repo.rootUri.fsPath, doc.uri.fsPath).split(path.sep).join('/');
      oldName = `${rev}:${inRepo}`;
      source = { kind: 'git', revision: rev, path: inRepo };
    } else {
      let other = options.other;
      other ??= (
        await vscode.window.showOpenDialog({
          canSelectMany: false,
          openLabel: vscode.l10n.t('Compare'),
          filters: { BizFlow: ['bizflow.yaml', 'bizflow.yml', 'yaml', 'yml'] },
        })
      )?.[0];
      if (!other) return undefined;
      oldText = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(other));
      oldName = vscode.workspace.asRelativePath(other);
      source = { kind: 'file', uri: other.toString() };
    }
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not read the other version: {0}', e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  const newName = vscode.workspace.asRelativePath(doc.uri);
  // both versions analysed and the Markdown written in the analysis worker (on the host only without one)
  const { markdown } = await analyses.queryNow(
    doc,
    { kind: 'compare', before: { text: oldText, label: oldName }, label: newName, ...(options.role !== undefined ? { role: options.role } : {}) },
    answerReviewQuery,
  );
  const target = documents.add(`${path.basename(doc.uri.fsPath)} ↔ ${oldName.replace(/[\\/]/g, '_')}`, markdown);
  const showDiff = hooks.showDiff;
  if (options.show === 'swimlane' && showDiff) {
    await showDiff(doc.uri, oldText, oldName, source);
    return target;
  }
  await vscode.commands.executeCommand('markdown.showPreview', target).then(undefined, async () => {
    // no Markdown preview (the built-in extension is off): show the text
    await vscode.window.showTextDocument(target, { preview: true });
  });
  if (showDiff && options.show === undefined) {
    const button = vscode.l10n.t('Show on the swimlane');
    void vscode.window.showInformationMessage(vscode.l10n.t('Compared with {0}.', oldName), button).then((picked) => {
      if (picked === button) void showDiff(doc.uri, oldText, oldName, source);
    });
  }
  return target;
}

export interface ExportOptions {
  format?: PackFormat;
  role?: string;
  target?: vscode.Uri;
  /** Renders the pack's model on the host instead of the worker (tests). */
  builder?: BuildReviewPack;
  /** HTML: how the swimlane pictures are drawn (tests; default: a temporary webview). */
  draw?: (diagrams: PackDiagrams, frame: PictureFrame) => Promise<PackPictures>;
}

/** "BizFlow: Export Review Pack": writes the pack of the active (or given) file; returns where. */
export async function exportReviewPack(analyses: AnalysisService, extensionUri: vscode.Uri, uri?: vscode.Uri, options: ExportOptions = {}): Promise<vscode.Uri | undefined> {
  const doc = activeBizflow(uri instanceof vscode.Uri ? uri : undefined) ?? (uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : undefined);
  if (!doc) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a BizFlow file to export its review pack.'));
    return undefined;
  }
  const formats: { label: string; format: PackFormat; ext: string }[] = [
    { label: vscode.l10n.t('HTML (one file, works offline, prints on A4)'), format: 'html', ext: 'html' },
    { label: vscode.l10n.t('Markdown (for PRDs and wikis)'), format: 'md', ext: 'md' },
    { label: vscode.l10n.t('Excel (sign-off sheet that can be filled in and imported back)'), format: 'xlsx', ext: 'xlsx' },
  ];
  const chosen = options.format ? formats.find((f) => f.format === options.format) : await vscode.window.showQuickPick(formats, { placeHolder: vscode.l10n.t('Review pack format') });
  if (!chosen) return undefined;
  let role = options.role;
  if (role === undefined && !options.format) {
    const all = vscode.l10n.t('All roles');
    // the roles as the worker reads them (the host builds no model of the file)
    const { roles } = await analyses.queryNow(doc, { kind: 'roles' }, answerReviewQuery);
    const picked = await vscode.window.showQuickPick(
      [{ label: all, id: '' }, ...roles.map((r) => ({ label: r.name ?? r.id, description: r.id, id: r.id }))],
      { placeHolder: vscode.l10n.t('For which role?') },
    );
    if (!picked) return undefined;
    role = picked.id || undefined;
  }
  const base = path.basename(doc.uri.fsPath).replace(/\.bizflow\.ya?ml$/, '');
  const target =
    options.target ??
    (await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(doc.uri, '..', `${base}${role ? '.' + role : ''}.review.${chosen.ext}`),
      filters: { [chosen.format.toUpperCase()]: [chosen.ext] },
    }));
  if (!target) return undefined;
  // the swimlane pictures, drawn by Mermaid in a temporary webview (no Chromium needed)
  const draw =
    options.draw ?? ((diagrams: PackDiagrams, frame: PictureFrame) => drawPicturesInWebview(extensionUri, diagrams, { title: vscode.l10n.t("Drawing the review pack's pictures…"), frame }));
  const header = { ...(role !== undefined ? { role } : {}), file: vscode.workspace.asRelativePath(doc.uri), generatedOn: localToday() };
  try {
    const out = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting the review pack…') },
      async (): Promise<PackOutput | undefined> => {
        if (!options.builder && chosen.format === 'md') {
          // rendered in the analysis worker: the host receives the Markdown only
          const { markdown } = await analyses.queryNow(doc, { kind: 'reviewPackMarkdown', ...header }, answerReviewQuery);
          return { md: markdown };
        }
        if (!options.builder && chosen.format === 'html') {
          // the worker sends the diagrams to draw (not the pack), then renders the HTML with the drawn pictures;
          // both about one version of the document (an edit while the pictures are drawn is not in the page)
          const snapshot = analyses.snapshot(doc);
          const { diagrams, frame } = await analyses.queryAt(snapshot, { kind: 'reviewPackDiagrams', ...(role !== undefined ? { role } : {}) }, answerReviewQuery);
          const pictures = await draw(diagrams, frame).catch((e: unknown): PackPictures => ({ error: (e instanceof Error ? e.message : String(e)).split('\n')[0].trim() }));
          const { html } = await analyses.queryAt(snapshot, { kind: 'reviewPackHtml', ...header, pictures }, answerReviewQuery);
          return { html, pictureError: pictures.error };
        }
        if (!options.builder) {
          // the workbook written in the analysis worker: the host receives its bytes only (made here without a worker)
          const { xlsx } = await analyses.queryNow(doc, { kind: 'reviewPackXlsx', ...header }, (s, q) => answerReviewPackXlsx(s, q, hostWorkbook));
          return { xlsxBuffer: xlsx };
        }
        // a test's own builder: the pack's model made in the analysis worker (plain data), rendered by it
        const { pack } = await analyses.queryNow(doc, { kind: 'reviewPack', ...(role !== undefined ? { role } : {}) }, answerReviewQuery);
        return options.builder(pack, { format: chosen.format, role, locale: pack.locale, file: header.file, generatedOn: header.generatedOn, draw });
      },
    );
    if (!out) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The review pack is not available in this build yet; use "bizflow review FILE" on the command line.'));
      return undefined;
    }
    if (chosen.format === 'html' && out.pictureError) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The review pack has no pictures: {0}', out.pictureError));
    }
    const bytes = chosen.format === 'xlsx' ? out.xlsxBuffer : new TextEncoder().encode((chosen.format === 'html' ? out.html : out.md) ?? '');
    if (!bytes) throw new Error('no output');
    await vscode.workspace.fs.writeFile(target, bytes);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the review pack: {0}', e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Review pack written to {0}.', vscode.workspace.asRelativePath(target)));
  return target;
}


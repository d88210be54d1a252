/**
 * BizFlow blocks in VS Code's built-in Markdown preview: the markdown-it
 * plugin (src/markdown/plugin.ts) given the settings and a reader for `file:`
 * blocks. The plugin is synchronous: a referenced file is read through
 * `vscode.workspace.fs` the first time a block asks for it (the block says
 * "Reading …" meanwhile) and the preview is refreshed when it arrives; an open
 * document's live text wins over the disk; a change to a referenced file
 * refreshes the preview. Only `.yaml` / `.yml` files inside the workspace,
 * named relative to the Markdown file, are read.
 *
 * The plugin (with the block analysis) is a chunk of the desktop extension,
 * dist/markdown.js, required when VS Code's Markdown extension calls
 * `extendMarkdownIt` (esbuild.extension.mjs); the web build bundles it inline.
 */
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { isYamlReference, relativeReference, type FileRead } from '../markdown/references';
import type { BizflowSettings } from './settings';

const REFRESH_DELAY_MS = 300;
const CACHE_SIZE = 64;

/** The Markdown document's URI from markdown-it's render environment (VS Code's preview sets `currentDocument`). */
function documentUri(env: unknown): vscode.Uri | undefined {
  const doc = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
  if (!doc || typeof doc !== 'object') return undefined;
  const u = doc as { scheme?: unknown; authority?: unknown; path?: unknown; query?: unknown; fragment?: unknown };
  if (typeof u.scheme !== 'string' || typeof u.path !== 'string') return undefined;
  return vscode.Uri.from({ scheme: u.scheme, authority: String(u.authority ?? ''), path: u.path, query: String(u.query ?? ''), fragment: String(u.fragment ?? '') });
}

export class MarkdownBlocks implements vscode.Disposable {
  /** What reading each referenced file gave (by URI), most recent last. */
  private readonly files = new Map<string, FileRead>();
  private readonly reading = new Set<string>();
  /** URIs blocks referred to (a change to one of them refreshes the preview). */
  private readonly referenced = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly settings: () => BizflowSettings) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
    const changed = (uri: vscode.Uri) => {
      const key = uri.toString();
      if (!this.referenced.has(key)) return;
      this.files.delete(key);
      this.scheduleRefresh();
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(changed),
      watcher.onDidCreate(changed),
      watcher.onDidDelete(changed),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.referenced.has(e.document.uri.toString())) this.scheduleRefresh();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        // its saved text is on disk: read it again when asked
        if (this.referenced.has(d.uri.toString())) this.files.delete(d.uri.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bizflow')) this.scheduleRefresh();
      }),
    );
  }

  /** `extendMarkdownIt` of the extension's API (called by VS Code's Markdown extension). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt {
    const { bizflowMarkdownIt } = require('../markdown/plugin') as typeof import('../markdown/plugin');
    return bizflowMarkdownIt(md, {
      locale: () => this.settings().locale,
      config: () => [this.settings().severity],
      maxSize: () => this.settings().maxFileSize,
      readFile: (path, env) => this.read(path, env),
    });
  }

  /** A `file:` block's file, or why not (synchronous: `pending` starts the read). */
  read(path: string, env: unknown): FileRead {
    const doc = documentUri(env);
    const rel = relativeReference(path);
    if (!doc || rel === undefined) return { kind: 'outside' };
    if (!isYamlReference(rel)) return { kind: 'not-yaml' };
    const target = vscode.Uri.joinPath(doc, '..', rel);
    if (!vscode.workspace.getWorkspaceFolder(target)) return { kind: 'outside' };
    const key = target.toString();
    this.referenced.add(key);
    const max = this.settings().maxFileSize;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (open) {
      const text = open.getText();
      return max > 0 && text.length > max ? { kind: 'too-large' } : { kind: 'text', text };
    }
    const known = this.files.get(key);
    if (known) return known;
    if (!this.reading.has(key)) {
      this.reading.add(key);
      void this.load(target, key, max);
    }
    return { kind: 'pending' };
  }

  private async load(uri: vscode.Uri, key: string, max: number): Promise<void> {
    let result: FileRead;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (max > 0 && stat.size > max) result = { kind: 'too-large' };
      else result = { kind: 'text', text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
    } catch {
      result = { kind: 'missing' };
    } finally {
      this.reading.delete(key);
    }
    this.files.set(key, result);
    if (this.files.size > CACHE_SIZE) this.files.delete(this.files.keys().next().value!);
    this.scheduleRefresh();
  }

  private scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, () => undefined);
    }, REFRESH_DELAY_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

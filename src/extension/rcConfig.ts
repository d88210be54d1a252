/**
 * Workspace severity configuration from `.bizflowrc.json` / `.bizflowrc.yaml`:
 * the nearest one above a file (up to its workspace folder), read through
 * `workspace.fs` so it works in remote and virtual workspaces. Lookups are
 * synchronous from a cache; `prime()` fills it and reports when it changed.
 */
import * as vscode from 'vscode';
import type { SeverityConfig } from '../core';
import { RC_FILE_NAMES, rcConfigOf } from '../core/rcfile';

export class RcConfigService implements vscode.Disposable {
  /** folder URI → the rc file found for it (or null). */
  private readonly byFolder = new Map<string, { uri: vscode.Uri; config: SeverityConfig } | null>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.bizflowrc.{json,yaml,yml}');
    const reset = () => {
      this.byFolder.clear();
      this.changed.fire();
    };
    this.disposables.push(watcher, watcher.onDidCreate(reset), watcher.onDidChange(reset), watcher.onDidDelete(reset));
  }

  /** The rc layer for a file, if already loaded (call `prime` first). */
  layerFor(uri: vscode.Uri): SeverityConfig | undefined {
    return this.byFolder.get(parent(uri).toString())?.config;
  }

  /** Loads the rc file for a document; resolves true when the cache changed. */
  async prime(uri: vscode.Uri): Promise<boolean> {
    const folder = parent(uri);
    const key = folder.toString();
    if (this.byFolder.has(key)) return false;
    const found = await this.find(folder, vscode.workspace.getWorkspaceFolder(uri)?.uri);
    this.byFolder.set(key, found);
    return found !== null;
  }

  private async find(
    folder: vscode.Uri,
    root: vscode.Uri | undefined,
  ): Promise<{ uri: vscode.Uri; config: SeverityConfig } | null> {
    let dir = folder;
    for (let depth = 0; depth < 64; depth++) {
      for (const name of RC_FILE_NAMES) {
        const candidate = vscode.Uri.joinPath(dir, name);
        try {
          const bytes = await vscode.workspace.fs.readFile(candidate);
          const config = rcConfigOf(new TextDecoder('utf-8').decode(bytes), name);
          return { uri: candidate, config };
        } catch {
          // not there (or unreadable): keep looking upwards
        }
      }
      if (root && dir.toString() === root.toString()) break;
      const up = parent(dir);
      if (up.toString() === dir.toString()) break;
      dir = up;
    }
    return null;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function parent(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

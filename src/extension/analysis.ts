/**
 * One place that turns a document into an analysis, memoised by document
 * version and configuration generation, shared by diagnostics, the tree view,
 * the preview and the language features (so they always agree).
 */
import * as vscode from 'vscode';
import { analyze, buildSymbolIndex, type AnalysisResult, type Locale, type SymbolIndex } from '../core';
import { TextPositions } from './convert';
import type { RcConfigService } from './rcConfig';
import type { BizflowSettings } from './settings';

export interface Analysis {
  uri: vscode.Uri;
  /** Document version, or -1 for text read from disk. */
  version: number;
  text: string;
  locale: Locale;
  result: AnalysisResult;
  positions: TextPositions;
  /** Definitions and references, built on first use. */
  readonly symbols: SymbolIndex;
}

export class AnalysisService implements vscode.Disposable {
  private readonly cache = new Map<string, { analysis: Analysis; generation: number }>();
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<Analysis>();
  /** Fires after diagnostics for a document were recomputed (debounced while typing). */
  readonly onDidUpdate = this.changed.event;

  constructor(
    private readonly settings: () => BizflowSettings,
    private readonly rc: RcConfigService,
  ) {}

  /** Loads what analysing this URI needs (its rc file) before a synchronous `forText`. */
  async prepare(uri: vscode.Uri): Promise<void> {
    if (await this.rc.prime(uri)) this.invalidate();
  }

  /** Forget every cached result (settings or rc files changed). */
  invalidate(): void {
    this.generation++;
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
  }

  /** The analysis of an open document at its current version. */
  forDocument(doc: vscode.TextDocument): Analysis {
    return this.forText(doc.uri, doc.getText(), doc.version);
  }

  /** The cached analysis of a URI, if any. */
  peek(uri: vscode.Uri): Analysis | undefined {
    return this.cache.get(uri.toString())?.analysis;
  }

  forText(uri: vscode.Uri, text: string, version: number): Analysis {
    const key = uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.generation === this.generation && hit.analysis.version === version && hit.analysis.text === text) {
      return hit.analysis;
    }
    const s = this.settings();
    const layers = [];
    const rcLayer = this.rc.layerFor(uri);
    if (rcLayer) layers.push(rcLayer);
    layers.push(s.severity);
    const result = analyze(text, { locale: s.locale, config: layers });
    let symbols: SymbolIndex | undefined;
    const analysis: Analysis = {
      uri,
      version,
      text,
      locale: s.locale,
      result,
      positions: new TextPositions(text),
      get symbols() {
        return (symbols ??= buildSymbolIndex(result.model));
      },
    };
    this.cache.set(key, { analysis, generation: this.generation });
    return analysis;
  }

  /** Announce a fresh analysis to listeners (tree, preview). */
  publish(analysis: Analysis): void {
    this.changed.fire(analysis);
  }

  dispose(): void {
    this.changed.dispose();
    this.cache.clear();
  }
}

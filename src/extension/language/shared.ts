/** What the language feature adapters share: the selector, the symbol index per analysis, small conversions. */
import * as vscode from 'vscode';
import type { SymbolIndex } from '../../core/symbols';
import type { Analysis, AnalysisService } from '../analysis';

/** BizFlow documents: the `bizflow` language (files and untitled documents). */
export const SELECTOR: vscode.DocumentSelector = [{ language: 'bizflow' }];

/** The symbol index of an analysis, built once per analysis (by the AnalysisService). */
export function symbolsOf(a: Analysis): SymbolIndex {
  return a.symbols;
}

/** The analysis of a document and the offset of a position in it. */
export function at(analyses: AnalysisService, doc: vscode.TextDocument, pos: vscode.Position): { a: Analysis; offset: number; index: SymbolIndex } {
  const a = analyses.forDocument(doc);
  return { a, offset: a.positions.offset(pos), index: symbolsOf(a) };
}

/** What the language feature adapters share: the selector, the symbol index per analysis, small conversions. */
import * as vscode from 'vscode';
import type { SymbolIndex } from '../../core/symbols';
import { TYPING_TRIGGERS } from '../../core/typing-triggers';
import type { Analysis, AnalysisService } from '../analysis';

/** BizFlow documents: the `bizflow` language (files and untitled documents). */
export const SELECTOR: vscode.DocumentSelector = [{ language: 'bizflow' }];

/** Characters after which the completion list opens by itself. */
export const TRIGGER_CHARACTERS = [':', ' ', '.', '[', ',', '-'];

/** The first format-on-type trigger and the others, as `registerOnTypeFormattingEditProvider` wants them. */
export const TYPING_FIRST_TRIGGER: string = TYPING_TRIGGERS[0];
export const TYPING_MORE_TRIGGERS: string[] = TYPING_TRIGGERS.slice(1);

/** The "New BizFlow File" command. */
export const NEW_FILE_COMMAND = 'bizflow.newFile';

/** The symbol index of an analysis, built once per analysis (by the AnalysisService). */
export function symbolsOf(a: Analysis): SymbolIndex {
  return a.symbols;
}

/** The analysis of a document and the offset of a position in it. */
export function at(analyses: AnalysisService, doc: vscode.TextDocument, pos: vscode.Position): { a: Analysis; offset: number; index: SymbolIndex } {
  const a = analyses.forDocument(doc);
  return { a, offset: a.positions.offset(pos), index: symbolsOf(a) };
}

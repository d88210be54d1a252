/** What the language feature adapters share: the selector, small conversions. */
import * as vscode from 'vscode';
import { TYPING_TRIGGERS } from '../../core/typing-triggers';
import type { LineRange4, QueryPosition } from '../../shared/language-query-protocol';

/** BizFlow documents: the `bizflow` language (files and untitled documents). */
export const SELECTOR: vscode.DocumentSelector = [{ language: 'bizflow' }];

/** Characters after which the completion list opens by itself. */
export const TRIGGER_CHARACTERS = [':', ' ', '.', '[', ',', '-'];

/** The first format-on-type trigger and the others, as `registerOnTypeFormattingEditProvider` wants them. */
export const TYPING_FIRST_TRIGGER: string = TYPING_TRIGGERS[0];
export const TYPING_MORE_TRIGGERS: string[] = TYPING_TRIGGERS.slice(1);

/** The "New BizFlow File" command. */
export const NEW_FILE_COMMAND = 'bizflow.newFile';

/** A position as a language query carries it. */
export function queryPosition(pos: vscode.Position): QueryPosition {
  return { line: pos.line, character: pos.character };
}

/** A language query's line range as a VS Code range. */
export function toRange(r: LineRange4): vscode.Range {
  return new vscode.Range(r[0], r[1], r[2], r[3]);
}

/** The edge where core offsets become VS Code positions (and back). */
import * as vscode from 'vscode';
import { LineIndex, type Span } from '../core';

export class TextPositions {
  private index: LineIndex | undefined;
  constructor(private readonly text: string) {}

  /** The text's line index (built on first use). */
  get lines(): LineIndex {
    return (this.index ??= new LineIndex(this.text));
  }

  private get idx(): LineIndex {
    return this.lines;
  }

  position(offset: number): vscode.Position {
    const p = this.idx.position(offset);
    return new vscode.Position(p.line, p.character);
  }

  range(span: Span): vscode.Range {
    return new vscode.Range(this.position(span.start), this.position(span.end));
  }

  offset(pos: vscode.Position): number {
    return this.idx.offset(pos.line, pos.character);
  }
}

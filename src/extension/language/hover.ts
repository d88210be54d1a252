/** Hover adapter: the core's Markdown cards. */
import * as vscode from 'vscode';
import { hoverAt } from '../../core/hover';
import type { AnalysisService } from '../analysis';
import { at } from './shared';

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: AnalysisService) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const { a, offset, index } = at(this.analyses, doc, pos);
    const h = hoverAt(a.result.model, offset, a.locale, a.result.diagnostics, index);
    if (!h) return undefined;
    const md = new vscode.MarkdownString(h.markdown);
    md.supportHtml = false;
    return new vscode.Hover(md, a.positions.range(h.span));
  }
}

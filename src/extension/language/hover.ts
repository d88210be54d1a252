/** Hover adapter: the core's Markdown cards. */
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis';
import { ask } from './ask';
import { queryPosition, toRange } from './shared';

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: AnalysisService) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position, token?: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const h = (await ask(this.analyses, doc, { kind: 'hover', ...queryPosition(pos) }, token))?.hover;
    if (!h || token?.isCancellationRequested) return undefined;
    const md = new vscode.MarkdownString(h.markdown);
    md.supportHtml = false;
    return new vscode.Hover(md, toRange(h.range));
  }
}

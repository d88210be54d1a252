/**
 * The views' queries (see ./language-query-protocol.ts) answered from one analysed text: `tree`, the roles &
 * requirements trees (an editor switch, a new grouping), and `outline`, the outline (an outline or
 * breadcrumbs asked about an analysis made before they were shown). In the analysis worker from the analysis
 * it keeps of the document, on the extension host when there is no worker, by these same functions. The
 * trees and the outline are the core's (`buildTree`, `buildOutline`), packed as the worker's analyses pack
 * them (`packTree`, `packOutline`). One function per view, so that each view's chunk brings only its own.
 */
import { buildOutline, packOutline } from '../core/outline';
import { buildTree } from '../core/tree';
import { packTree } from '../core/tree-pack';
import type { OutlineAnswer, OutlineQuery, QuerySubject, TreeAnswer, TreeQuery } from './language-query-protocol';

export function answerTreeQuery(s: Pick<QuerySubject, 'result'>, q: TreeQuery): TreeAnswer {
  return { kind: 'tree', grouping: q.grouping, data: packTree(buildTree(s.result.model, s.result.diagnostics, q.grouping)) };
}

export function answerOutlineQuery(s: Pick<QuerySubject, 'result' | 'lines'>, _q: OutlineQuery): OutlineAnswer {
  return { kind: 'outline', data: packOutline(s.lines, buildOutline(s.result.model)) };
}

/**
 * The roles & requirements trees' query (`tree`, see ./language-query-protocol.ts) answered from one analysed
 * text: in the analysis worker from the analysis it keeps of the document (an editor switch, a new grouping),
 * on the extension host when there is no worker, by this same function. The trees are the core's
 * (`buildTree`), packed as the worker's analyses pack them (`packTree`).
 */
import { buildTree } from '../core/tree';
import { packTree } from '../core/tree-pack';
import type { QuerySubject, TreeAnswer, TreeQuery } from './language-query-protocol';

export function answerTreeQuery(s: Pick<QuerySubject, 'result'>, q: TreeQuery): TreeAnswer {
  return { kind: 'tree', grouping: q.grouping, data: packTree(buildTree(s.result.model, s.result.diagnostics, q.grouping)) };
}

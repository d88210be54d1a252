/**
 * The preview's queries (`render`, `highlight`; see ./language-query-protocol.ts) answered from one analysed
 * text: in the analysis worker from the analysis it keeps of the document, on the extension host when there
 * is no worker, by this same function, so the preview shows the same thing either way. The logic is the
 * preview's (./preview-render.ts); this only converts shapes.
 */
import type { PreviewAnswer, PreviewQuery, QuerySubject } from './language-query-protocol';
import { highlightAt, prepareRender } from './preview-render';

/** Answers a preview query (never throws for a well-formed query: `prepareRender` and `highlightAt` do not). */
export function answerPreviewQuery(s: Pick<QuerySubject, 'result' | 'lines'>, q: PreviewQuery): PreviewAnswer {
  switch (q.kind) {
    case 'render':
      return { kind: 'render', parts: prepareRender(s.result, s.lines, q.options) };
    case 'highlight':
      return { kind: 'highlight', target: highlightAt(s.result.model, s.lines.offset(q.line, q.character)) };
  }
}

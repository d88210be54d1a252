/**
 * The preview's queries (`render`, `highlight`, `stepKey`, `mermaid`; see ./language-query-protocol.ts)
 * answered from one analysed text: in the analysis worker from the analysis it keeps of the document, on the
 * extension host when there is no worker, by this same function, so the preview shows the same thing either
 * way. The logic is the preview's (./preview-render.ts) and the core's (`toMermaid`); this only converts
 * shapes. A diff view's older version travels as text and is parsed here (its model is all the diff reads), once
 * while it stays the same when the subject has a memo (the worker's kept analyses hand it on from version to version).
 */
import type { AnalysisResult } from '../core/engine';
import { toMermaid } from '../core/mermaid';
import { buildModel } from '../core/model';
import { parseText } from '../core/parse';
import type { DiffBefore, PreviewAnswer, PreviewQuery, QueryMemo, QuerySubject, RenderQueryOptions } from './language-query-protocol';
import { highlightAt, prepareRender, type RenderOptions } from './preview-render';

/** No size limit (the Mermaid source command copies the whole diagram). */
const UNLIMITED = { maxTextLength: Infinity, maxEdges: Infinity, maxNodes: Infinity };

/** The older version of a diff as the render reads it: its parse and model (its findings are not shown). */
export function diffBeforeResult(text: string): AnalysisResult {
  const parsed = parseText(text);
  return { parsed, model: buildModel(parsed), diagnostics: [] };
}

/** The diff's older version parsed: the one in `memo` when it is of the same text, else parsed (and kept there). */
function diffBefore(text: string, memo: QueryMemo | undefined): AnalysisResult {
  if (memo?.diffBefore?.text === text) return memo.diffBefore.result;
  const result = diffBeforeResult(text);
  if (memo) memo.diffBefore = { text, result };
  return result;
}

function renderOptions(options: RenderQueryOptions, diff: DiffBefore | undefined, memo: QueryMemo | undefined): RenderOptions {
  return diff ? { ...options, diff: { before: diffBefore(diff.text, memo), label: diff.label } } : options;
}

/** Answers a preview query (never throws for a well-formed query: `prepareRender`, `highlightAt`, `toMermaid` do not). */
export function answerPreviewQuery(s: Pick<QuerySubject, 'result' | 'lines' | 'memo'>, q: PreviewQuery): PreviewAnswer {
  switch (q.kind) {
    case 'render':
      return { kind: 'render', parts: prepareRender(s.result, s.lines, renderOptions(q.options, q.diff, s.memo)) };
    case 'highlight':
      return { kind: 'highlight', target: highlightAt(s.result.model, s.lines.offset(q.line, q.character)) };
    case 'stepKey': {
      const step = s.result.model.steps.byId.get(q.stepId);
      return { kind: 'stepKey', ...(step ? { range: s.lines.range4(step.keySpan) } : {}) };
    }
    case 'mermaid': {
      if (!q.options) return { kind: 'mermaid', text: toMermaid(s.result.model, s.result.diagnostics).text };
      const parts = prepareRender(s.result, s.lines, { ...renderOptions(q.options, q.diff, s.memo), limits: UNLIMITED });
      return { kind: 'mermaid', text: parts.model.mermaid };
    }
  }
}

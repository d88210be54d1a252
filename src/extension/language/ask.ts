/**
 * How the providers ask a language query (in the analysis worker when there is one, else on the host). Part of
 * the providers' lazily loaded chunk: `answerLanguageQuery` brings the core's completion, cards, fixes and rename, which
 * the main bundle (./shared.ts, ./index.ts, ../analysis.ts) must not import.
 */
import type * as vscode from 'vscode';
import { answerLanguageQuery, type AnswerOf, type LanguageQuery, type PreviewQuery, type ReviewQuery, type ViewQuery, type XlsxQuery } from '../../shared/language-queries';
import type { AnalysisService } from '../analysis';

export function ask<Q extends Exclude<LanguageQuery, PreviewQuery | ViewQuery | ReviewQuery | XlsxQuery>>(
  analyses: AnalysisService,
  doc: vscode.TextDocument,
  q: Q,
  token: vscode.CancellationToken | undefined,
): Promise<AnswerOf<Q['kind']> | undefined> {
  return analyses.query(doc, q, token, answerLanguageQuery);
}

/**
 * The review commands' queries (`compare`, `roles`, `reviewPack`, `reviewPackMarkdown`, `reviewPackDiagrams`,
 * `reviewPackHtml`; see ./language-query-protocol.ts) answered
 * from one analysed text: in the analysis worker from the analysis it keeps of the document, on the extension
 * host when there is no worker, by this same function, so the commands write the same thing either way and the
 * host builds no model of a big file for them. The logic is the core's (`diffAnalyses` and `formatDiff`, as
 * `bizflow diff --format markdown` writes it; `buildPack`, `renderPackMarkdown` and `renderPackHtml`, as
 * `bizflow review` builds and renders it); this only converts shapes. The HTML's pictures are drawn by the host
 * (a webview) from the `reviewPackDiagrams` answer and sent back with `reviewPackHtml`, which renders the pack
 * the diagrams came from (the last pack built of an analysis is kept in the subject's `memo`: building one takes ~10 s at
 * 10,000 steps); the host never receives the pack's data for HTML or Markdown. The older version of a comparison travels as text and is analysed here.
 * `reviewPackXlsx` is answered asynchronously by `answerReviewPackXlsx`, with the workbook maker its caller has
 * (exceljs: src/node/review-xlsx.ts `packWorkbook`, in the desktop worker or, without one, on the host): the host
 * receives the workbook's bytes only.
 */
import { analyze } from '../core/engine';
import { diffAnalyses } from '../core/review/diff';
import { formatDiff } from '../core/review/format';
import { buildPack, type ReviewPack } from '../core/review/pack';
import { renderPackHtml } from '../core/review/pack-html';
import { renderPackMarkdown } from '../core/review/pack-md';
import { pictureFrame } from '../core/review/pack-pictures';
import type { QuerySubject, ReviewAnswer, ReviewQuery, XlsxAnswer, XlsxQuery } from './language-query-protocol';

/**
 * The review pack of this analysis for `role` (all roles when undefined): the last one built of it again when it
 * was for the same role and language (kept in the subject's `memo`, owned by whoever keeps the analysis: the HTML
 * export asks for the pack's diagrams, then for its HTML with the pictures drawn from them).
 */
function packOf(s: Pick<QuerySubject, 'result' | 'locale' | 'memo'>, role: string | undefined): ReviewPack {
  const last = s.memo?.reviewPack;
  if (last && last.role === role && last.locale === s.locale) return last.pack;
  const pack = buildPack(s.result, { role, locale: s.locale });
  if (s.memo) s.memo.reviewPack = { role, locale: s.locale, pack };
  return pack;
}

/** Answers a review command's query (never throws for a well-formed query: the core functions do not). */
export function answerReviewQuery(s: Pick<QuerySubject, 'result' | 'locale' | 'memo'>, q: ReviewQuery): ReviewAnswer {
  switch (q.kind) {
    case 'compare': {
      // the older version with its findings (the diff reads its conflicts), in the language of this one
      const before = analyze(q.before.text, { locale: s.locale });
      const diff = diffAnalyses(before, s.result, { role: q.role });
      const markdown = formatDiff(
        'markdown',
        s.locale,
        { shown: q.before.label, text: q.before.text, result: before },
        { shown: q.label, text: s.result.parsed.text, result: s.result },
        diff.roles,
      );
      return { kind: 'compare', markdown };
    }
    case 'roles':
      return { kind: 'roles', roles: s.result.model.roles.list.map((r) => (r.name === undefined ? { id: r.id } : { id: r.id, name: r.name })) };
    case 'reviewPack':
      return { kind: 'reviewPack', pack: buildPack(s.result, { role: q.role, locale: s.locale }) };
    case 'reviewPackMarkdown': {
      const pack = packOf(s, q.role);
      return { kind: 'reviewPackMarkdown', markdown: renderPackMarkdown(pack, { file: q.file, generatedOn: q.generatedOn }) };
    }
    case 'reviewPackDiagrams': {
      const pack = packOf(s, q.role);
      return { kind: 'reviewPackDiagrams', diagrams: pack.diagrams, frame: pictureFrame(pack) };
    }
    case 'reviewPackHtml': {
      const pack = packOf(s, q.role);
      return { kind: 'reviewPackHtml', html: renderPackHtml(pack, { file: q.file, generatedOn: q.generatedOn, pictures: q.pictures }) };
    }
  }
}

/** Writes a review pack as an xlsx workbook (`packWorkbook` of src/node/review-xlsx.ts, which loads exceljs). */
export type MakeWorkbook = (pack: ReviewPack, options: { file?: string }) => Promise<Uint8Array>;

/**
 * Answers the `reviewPackXlsx` query: the pack of this analysis (the one kept in the subject's `memo` when it is for
 * this role) written by `workbook`. The bytes are a Uint8Array spanning its whole buffer (the worker transfers that
 * buffer to the host instead of copying it; a Node Buffer may be a slice of a shared pool).
 */
export async function answerReviewPackXlsx(s: Pick<QuerySubject, 'result' | 'locale' | 'memo'>, q: XlsxQuery, workbook: MakeWorkbook): Promise<XlsxAnswer> {
  const pack = packOf(s, q.role);
  const bytes = await workbook(pack, { file: q.file });
  // a plain Uint8Array (a Node Buffer arrives as one anyway) owning its buffer, else a copy (a few MB at most)
  const own = Object.getPrototypeOf(bytes) === Uint8Array.prototype && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return { kind: 'reviewPackXlsx', xlsx: own ? bytes : new Uint8Array(bytes) };
}

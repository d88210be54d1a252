/**
 * The extension's door to the review pack's renderers (src/node/review-pack.ts):
 * "BizFlow: Export Review Pack" calls `renderReviewPack` through this adapter
 * only when a test passes a builder of its own (with the pack's model, plain
 * data made in the analysis worker: the `reviewPack` query), or to make the
 * xlsx on the host when the worker cannot (`hostWorkbook`: no worker, a file
 * over the size limit, or the worker failed; the worker makes it otherwise), with
 *
 *   renderReviewPack(pack, { format: 'html' | 'md' | 'xlsx', role?, locale, file?, generatedOn?, draw? })
 *     → Promise<{ html?: string; md?: string; xlsxBuffer?: Uint8Array; pictureError?: string }>
 *
 * `draw` is the pack builder's picture hook (core/review/pack-pictures.ts):
 * the editor draws in a webview, the CLI in headless Chromium.
 */
import type { PackDiagrams, ReviewPack } from '../../core/review/pack';
import type { PackPictures } from '../../core/review/pack-html';
import type { PictureFrame } from '../../core/review/pack-pictures';
import type { Locale } from '../../core/types';

export type PackFormat = 'html' | 'md' | 'xlsx';

export interface PackRequest {
  format: PackFormat;
  role?: string;
  locale: Locale;
  /** The file as the user names it (shown in the pack's header). */
  file?: string;
  /** YYYY-MM-DD shown in the header. */
  generatedOn?: string;
  /** HTML: how the swimlane pictures are drawn, framed with `frame` (the pack's title, subtitles and legend words). */
  draw?: (diagrams: PackDiagrams, frame: PictureFrame) => Promise<PackPictures>;
}

export interface PackOutput {
  html?: string;
  md?: string;
  xlsxBuffer?: Uint8Array;
  /** HTML: why it has no pictures, when it has none. */
  pictureError?: string;
}

/** Renders a review pack's model (`role` and `locale` are the pack's: it was made for them). */
export type BuildReviewPack = (pack: ReviewPack, request: PackRequest) => Promise<PackOutput>;

/** The review pack's renderer, or undefined while it is not part of this build. */
export async function reviewPackBuilder(): Promise<BuildReviewPack | undefined> {
  const { renderReviewPack } = await import('../../node/review-pack');
  return (pack, r) => renderReviewPack(pack, { format: r.format, file: r.file, generatedOn: r.generatedOn, draw: r.draw });
}

/**
 * The review pack's xlsx made on the extension host (exceljs loaded here, from dist/exceljs.js beside the review
 * chunk): the `reviewPackXlsx` query's workbook maker when the worker does not answer it.
 */
export async function hostWorkbook(pack: ReviewPack, options: { file?: string }): Promise<Uint8Array> {
  const build = await reviewPackBuilder();
  const out = build && (await build(pack, { format: 'xlsx', locale: pack.locale, file: options.file }));
  if (!out?.xlsxBuffer) throw new Error('no output');
  return out.xlsxBuffer;
}

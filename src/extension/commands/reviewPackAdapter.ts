/**
 * The extension's door to the review pack (issue 14 item 2), which is being
 * written beside this work (src/core/review/pack.ts, src/node/review-pack.ts).
 * "BizFlow: Export Review Pack" calls `buildReviewPack` through this adapter
 * only, with the expected API:
 *
 *   buildReviewPack(text, { format: 'html' | 'md' | 'xlsx', role?, locale, file?, generatedOn? })
 *     → Promise<{ html?: string; md?: string; xlsxBuffer?: Uint8Array }>
 *
 * TO CONNECT (lead): once src/node/review-pack.ts is on main, replace the body
 * of `reviewPackBuilder` with
 *
 *   const { buildReviewPack } = await import('../../node/review-pack');
 *   return buildReviewPack;
 *
 * Until then the command says the pack is not available in this build.
 */
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
}

export interface PackOutput {
  html?: string;
  md?: string;
  xlsxBuffer?: Uint8Array;
}

export type BuildReviewPack = (text: string, request: PackRequest) => Promise<PackOutput>;

/** The review pack builder, or undefined while it is not part of this build. */
export async function reviewPackBuilder(): Promise<BuildReviewPack | undefined> {
  const { buildReviewPack } = await import('../../node/review-pack');
  return buildReviewPack;
}

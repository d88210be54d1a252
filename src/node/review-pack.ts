/**
 * The review pack in one call, for the CLI: `buildReviewPack(text, options)`
 * analyses the text, builds the pack model (core/review/pack.ts) and renders
 * it (`renderReviewPack`, which the editor's "BizFlow: Export Review Pack"
 * calls with the model its analysis worker made) as
 * HTML (with the swimlane pictures drawn by Mermaid in headless Chromium when
 * it can be found; otherwise a note and the Mermaid text), Markdown, or xlsx
 * (exceljs, loaded only when xlsx is asked for).
 */
import { analyze, type AnalyzeOptions } from '../core/engine';
import { buildPack, type PackDiagrams, type ReviewPack } from '../core/review/pack';
import { renderPackHtml, type PackPictures } from '../core/review/pack-html';
import { renderPackMarkdown } from '../core/review/pack-md';
import { drawPackPictures, pictureFrame, type PictureFrame } from '../core/review/pack-pictures';
import type { Locale } from '../core/types';

export const PACK_FORMATS = ['html', 'md', 'xlsx'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

export interface ReviewPackOptions {
  format: PackFormat;
  locale?: Locale;
  /** One role's section and sign-off rows. */
  role?: string;
  /** Severity layers, as `analyze` takes them. */
  config?: AnalyzeOptions['config'];
  /** The file as the user names it (shown in the header). */
  file?: string;
  /** YYYY-MM-DD shown in the header (default: none). */
  generatedOn?: string;
  /** HTML: draw the pictures (default true); false leaves the note and the Mermaid text. */
  pictures?: boolean;
  /** HTML: how the pictures are drawn (tests, the extension), framed with `frame`; default: Mermaid in headless Chromium. */
  draw?: (texts: PackDiagrams, frame: PictureFrame) => Promise<PackPictures>;
  /** Chromium to use for the pictures. */
  executablePath?: string;
  timeoutMs?: number;
}

export interface ReviewPackResult {
  pack: ReviewPack;
  html?: string;
  md?: string;
  xlsxBuffer?: Buffer;
  /** Why the HTML has no pictures, when it has none. */
  pictureError?: string;
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0].trim();
}

export { pictureFrame, type PictureFrame };

/**
 * Draws today's and the after picture (and each role's view) with the
 * project's Mermaid renderer, in BizFlow's light colours (as the exports and
 * `bizflow render --format svg`), framed with `frame`; never throws (the
 * reason comes back in `error`).
 */
export async function drawPictures(texts: PackDiagrams, opts: { executablePath?: string; timeoutMs?: number; frame?: PictureFrame } = {}): Promise<PackPictures> {
  let renderer: import('./mermaid-render').MermaidRenderer | undefined;
  try {
    // loaded here only: lint and the other formats never load playwright
     
    const { MermaidRenderer } = require('./mermaid-render') as typeof import('./mermaid-render');
    // BizFlow's light colours, as the preview's exports and `bizflow render --format svg` (src/shared/preview-theme.ts)
    renderer = await MermaidRenderer.launch({ executablePath: opts.executablePath, timeoutMs: opts.timeoutMs, theme: 'bizflow' });
    const r = renderer;
    return await drawPackPictures(texts, (request) => r.renderFlow(request), opts.frame);
  } catch (e) {
    const err = e as { name?: string; missing?: string; detail?: string };
    if (err?.name === 'ChromiumMissingError') {
      return {
        error:
          err.missing === 'playwright'
            ? `playwright-core is not installed (${oneLine(err.detail ?? '')})`
            : `Chromium was not found (${oneLine(err.detail ?? '')}); install Chromium or set BIZFLOW_CHROMIUM`,
      };
    }
    return { error: oneLine(e) };
  } finally {
    await renderer?.close();
  }
}

/** The review pack of a BizFlow text in one format. */
export async function buildReviewPack(text: string, options: ReviewPackOptions): Promise<ReviewPackResult> {
  const locale = options.locale ?? 'en';
  const result = analyze(text, { locale, config: options.config });
  const pack = buildPack(result, { role: options.role, locale });
  return { pack, ...(await renderReviewPack(pack, options)) };
}

/**
 * A review pack's model (made by `buildPack`: here, or in the editor's analysis worker) rendered in one format
 * (the words in the pack's language).
 */
export async function renderReviewPack(pack: ReviewPack, options: Omit<ReviewPackOptions, 'locale' | 'role' | 'config'>): Promise<Omit<ReviewPackResult, 'pack'>> {
  const locale = pack.locale;
  if (options.format === 'md') return { md: renderPackMarkdown(pack, { file: options.file, generatedOn: options.generatedOn }) };
  if (options.format === 'xlsx') {
    const { packWorkbook } = require('./review-xlsx') as typeof import('./review-xlsx');
    return { xlsxBuffer: await packWorkbook(pack, { file: options.file }) };
  }
  let pictures: PackPictures = {};
  if (options.pictures !== false) {
    const frame = pictureFrame(pack);
    pictures = options.draw
      ? await options.draw(pack.diagrams, frame).catch((e: unknown) => ({ error: oneLine(e) }))
      : await drawPictures(pack.diagrams, { executablePath: options.executablePath, timeoutMs: options.timeoutMs, frame });
  } else {
    pictures = { error: locale === 'zh-CN' ? '未绘制图片' : 'pictures were not drawn' };
  }
  const html = renderPackHtml(pack, { file: options.file, generatedOn: options.generatedOn, pictures });
  return { html, pictureError: pictures.error };
}

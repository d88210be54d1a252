/**
 * The review pack's picture hook, shared by the CLI (Mermaid in headless
 * Chromium, src/node/review-pack.ts) and the editor (Mermaid in a webview,
 * src/extension/commands/packPictures.ts): the same diagrams drawn in the same
 * order, each framed as the preview's exports are (the process name as title,
 * what the picture shows, the legend in the pack's language), by one `draw`
 * function, so both write the same HTML.
 */
import type { Locale } from '../types';
import type { PackDiagrams, ReviewPack } from './pack';
import type { PackPictures } from './pack-html';
import { packWords } from './pack-words';

/** One picture to draw: a swimlane text, framed when `title` is given. */
export interface DrawRequest {
  text: string;
  title?: string;
  subtitle?: string;
  locale?: Locale;
  /** The legend explains the change marks (added, removed, changed, contested). */
  changes?: boolean;
  /** A today picture (./today.ts): the legend leaves out added and removed. */
  today?: boolean;
}

/** Draws one picture: its SVG, or why not. */
export type DrawOne = (request: DrawRequest) => Promise<{ svg?: string; error?: string }>;

/**
 * How the pack's pictures are framed, as the preview's exports are: the
 * process name as a title, what the picture shows below it, the legend in the
 * pack's language.
 */
export interface PictureFrame {
  title: string;
  locale: Locale;
  today: string;
  after: string;
  /** Role id → the subtitle of its view. */
  roles: Record<string, string>;
}

/** The frame of a pack's pictures: its process name, the words of its language. */
export function pictureFrame(pack: ReviewPack): PictureFrame {
  const w = packWords(pack.locale);
  const roles: Record<string, string> = {};
  for (const r of pack.roles) roles[r.id] = `${r.name} · ${w.after}`;
  return { title: pack.process.name, locale: pack.locale, today: w.today, after: w.after, roles };
}

/** Today's and the after picture (their first error kept), then each role's view (one that fails is left out). */
export async function drawPackPictures(texts: PackDiagrams, draw: DrawOne, frame?: PictureFrame): Promise<PackPictures> {
  const out: PackPictures = {};
  const errors: string[] = [];
  const framed = (text: string, subtitle: string | undefined, changes: boolean, today = false): DrawRequest =>
    frame && subtitle !== undefined ? { text, title: frame.title, subtitle, locale: frame.locale, changes, ...(today ? { today } : {}) } : { text };
  for (const k of ['today', 'after'] as const) {
    const r = await draw(framed(texts[k], frame?.[k], k === 'after', k === 'today'));
    if (r.svg) out[k] = r.svg;
    else errors.push(r.error ?? 'no output');
  }
  for (const r of texts.roles ?? []) {
    const res = await draw(framed(r.text, frame?.roles[r.role], true));
    if (res.svg) (out.roles ??= {})[r.role] = res.svg;
  }
  if (errors.length) out.error = errors[0];
  return out;
}

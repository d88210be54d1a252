/** Text edits in offsets, as the core produces them (clients convert to their own ranges). */
import type { Span } from './types';

/** Replace the text of `span` (half-open offsets into the original text) with `newText`. */
export interface TextEdit {
  span: Span;
  newText: string;
}

/**
 * Edits sorted by position, with exact repeats removed (the same span and
 * text can come twice when two references share a node through an alias).
 */
export function normalizeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.span.start - b.e.span.start || a.e.span.end - b.e.span.end || a.i - b.i)
    .map((x) => x.e);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && last.span.start === e.span.start && last.span.end === e.span.end && last.newText === e.newText) continue;
    out.push(e);
  }
  return out;
}

/** True when two of the edits overlap (touching spans do not overlap, except two insertions at one offset). */
export function editsOverlap(edits: readonly TextEdit[]): boolean {
  const sorted = normalizeEdits(edits);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1].span;
    const b = sorted[i].span;
    if (b.start < a.end || (a.start === a.end && b.start === a.start && b.end === b.start)) return true;
  }
  return false;
}

/**
 * Applies edits to the text they were computed on, in one linear pass.
 * Never throws: spans are clamped into the text, and an edit that overlaps an
 * earlier one (by position) is skipped — callers that care check
 * `editsOverlap` first.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const e of normalizeEdits(edits)) {
    if (!Number.isFinite(e.span.start) || !Number.isFinite(e.span.end)) continue;
    const start = Math.max(0, Math.min(e.span.start, text.length));
    const end = Math.max(start, Math.min(e.span.end, text.length));
    if (start < pos) continue;
    parts.push(text.slice(pos, start), String(e.newText));
    pos = end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

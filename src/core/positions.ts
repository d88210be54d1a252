import type { Diagnostic, Span } from './types';

/**
 * Converts offsets to 0-based line/character pairs (UTF-16 units, as both
 * VS Code and JavaScript count). Built once per text; lookups are O(log n).
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line and character of an offset (clamped into the text). */
  position(offset: number): { line: number; character: number } {
    let o = Math.max(0, Math.min(offset, this.text.length));
    // between the CR and the LF of a CRLF: the end of the line, not one column past it
    if (o > 0 && this.text.charCodeAt(o) === 10 && this.text.charCodeAt(o - 1) === 13) o--;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  /** Offset of a 0-based line/character (clamped into the text). */
  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    let lineEnd = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    // a character past the end of the line stops before its line break (CRLF, CR or LF)
    if (line + 1 < this.starts.length) {
      lineEnd--;
      if (this.text.charCodeAt(lineEnd) === 10 && this.text.charCodeAt(lineEnd - 1) === 13 && lineEnd > this.starts[line]) lineEnd--;
    }
    return Math.max(this.starts[line], Math.min(this.starts[line] + character, lineEnd));
  }

  /** 0-based start line, start character, end line and end character of a span. */
  range4(span: Span): [number, number, number, number] {
    const s = this.position(span.start);
    const e = this.position(span.end);
    return [s.line, s.character, e.line, e.character];
  }

  /** 1-based start and end line/column of a span, as ESLint reports them. */
  oneBased(span: Span): { line: number; column: number; endLine: number; endColumn: number } {
    const s = this.position(span.start);
    const e = this.position(span.end);
    return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  }
}

/** One 0-based line/character range (UTF-16 units), as VS Code counts. */
export interface LineRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/**
 * The line/character ranges of a list of findings, four numbers per span
 * (start line, start character, end line, end character): each diagnostic's
 * `span`, then the spans of its `related` entries, in order. Computed by the
 * analysis worker, which has the text, so that the extension host never
 * indexes a big text to show the worker's findings (read back with
 * `lineRangeAt`).
 */
export function diagnosticLineRanges(text: string | LineIndex, diagnostics: readonly Diagnostic[]): Uint32Array {
  const n = lineRangeCount(diagnostics);
  const out = new Uint32Array(n * 4);
  if (n === 0) return out;
  const idx = typeof text === 'string' ? new LineIndex(text) : text;
  let k = 0;
  const put = (span: Span) => {
    const s = idx.position(span.start);
    const e = idx.position(span.end);
    out[k++] = s.line;
    out[k++] = s.character;
    out[k++] = e.line;
    out[k++] = e.character;
  };
  for (const d of diagnostics) {
    put(d.span);
    for (const r of d.related ?? []) put(r.span);
  }
  return out;
}

/** How many spans `diagnosticLineRanges` gives for these findings (to check an answer before trusting it). */
export function lineRangeCount(diagnostics: readonly Diagnostic[]): number {
  let n = 0;
  for (const d of diagnostics) n += 1 + (d.related?.length ?? 0);
  return n;
}

/** The k-th range of a `diagnosticLineRanges` array. */
export function lineRangeAt(ranges: ArrayLike<number>, k: number): LineRange {
  const i = k * 4;
  return { start: { line: ranges[i], character: ranges[i + 1] }, end: { line: ranges[i + 2], character: ranges[i + 3] } };
}

/**
 * Showing user text safely: characters that a terminal or a Markdown renderer
 * would act on instead of showing (C0 and C1 controls, ESC sequences, bidi
 * overrides and isolates, zero-width characters, line and paragraph
 * separators) become visible `\u{…}` escapes.
 */

/** The characters `showControls` replaces. */
export const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** `\u{1b}` for ESC and so on: what `showControls` writes for one character. */
export function controlEscape(c: string): string {
  return `\\u{${c.codePointAt(0)!.toString(16)}}`;
}

/** Replaces every unsafe character (see `UNSAFE_CHARS`) by its `\u{…}` escape; other text is unchanged. */
export function showControls(s: string): string {
  return s.replace(UNSAFE_CHARS, controlEscape);
}

/** A list, heading or rule marker at the start of a line. */
const BLOCK_START = /^[-+#]/;
/** A numbered list item at the start of a line: `1. ` or `1) `, or the number alone. */
const NUMBERED_START = /^(\d{1,9})([.)])(?= |$)/;

/** Line breaks of every kind (CRLF, lone CR, LF, U+2028/2029). */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

/**
 * Escapes Markdown (and HTML) in free text such as names and titles, so the
 * text shows as written and cannot open a link, an image, a heading, a list
 * or a new paragraph: punctuation Markdown acts on is backslash-escaped,
 * `&`, `<`, `>` become entities, line breaks and tabs become spaces, other
 * control characters `\u{…}`.
 */
export function mdEscapeText(s: string): string {
  return showControls(
    s
      .replace(/[\\`*_[\]|~$]/g, (c) => '\\' + c)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(LINE_BREAKS, ' ')
      .replace(/\t/g, ' '),
  );
}

/**
 * `mdEscapeText` for a text that starts a line of Markdown (a description on a line of its own, a list item's
 * text): its start cannot open a block either. Four blanks would make code (leading blanks show nowhere in
 * Markdown: dropped), `-`, `+`, `#` a list, a heading or a rule, `1.` / `1)` a numbered list.
 */
export function mdEscapeLine(s: string): string {
  return mdEscapeText(s).replace(/^ +/, '').replace(BLOCK_START, '\\$&').replace(NUMBERED_START, '$1\\$2');
}

/**
 * Text for the inside of a Markdown code span: shown literally there, except
 * that a line break (a blank line ends the span and the paragraph) and other
 * control characters become `\u{…}`.
 */
export function mdCodeText(s: string): string {
  return showControls(s.replace(/\r\n/g, '\r'));
}

/**
 * An inline code span that shows `s` literally, whatever backticks it holds
 * (CommonMark: a fence longer than any run inside, padded with spaces when
 * the text starts or ends with a backtick).
 */
export function mdCode(s: string): string {
  const text = mdCodeText(s);
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return ticks + pad + text + pad + ticks;
}

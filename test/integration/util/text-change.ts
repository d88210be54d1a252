/**
 * The edit that turns `from` into `to`: the span of `from` between their common start and their common end,
 * and the text that replaces it (so an editor keeps its cursor and scroll where nothing changed). Its ends
 * never fall inside a surrogate pair, of `from` or of `to`.
 */
export function textChange(from: string, to: string): { start: number; end: number; text: string } {
  const max = Math.min(from.length, to.length);
  let start = 0;
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  if (start > 0 && (splits(from, start) || splits(to, start))) start--;
  let tail = 0;
  while (tail < max - start && from.charCodeAt(from.length - 1 - tail) === to.charCodeAt(to.length - 1 - tail)) tail++;
  if (tail > 0 && (splits(from, from.length - tail) || splits(to, to.length - tail))) tail--;
  return { start, end: from.length - tail, text: to.slice(start, to.length - tail) };
}

/** Whether offset `i` of `s` is between the two halves of a surrogate pair. */
export function splits(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return false;
  const a = s.charCodeAt(i - 1);
  const b = s.charCodeAt(i);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}

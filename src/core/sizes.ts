/** File sizes in messages, the same in the CLI and the editor. */

/** A size in bytes as people read it: 10 MB, 512 KB, 900 B (1 MB = 1024 KB). */
export function byteSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} B`;
}

/**
 * A file's size and the limit it is over, as `byteSize` reads them, or in bytes when both read the same
 * ("1.3 KB, larger than the limit of 1.3 KB" reads as a mistake).
 */
export function sizeOverLimit(bytes: number, limit: number): { size: string; limit: string } {
  const size = byteSize(bytes);
  const max = byteSize(limit);
  return size === max ? { size: `${bytes} B`, limit: `${limit} B` } : { size, limit: max };
}

/** UTF-8 size of a text in bytes (without encoding it). */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2; // a surrogate pair: 2 + 2 = 4
  }
  return n;
}

/** How wide text is in a terminal, for output laid out in columns (help, validate's report). */

/**
 * Terminal columns a character takes: 2 for East Asian wide and full-width characters (CJK, kana,
 * full-width forms), 1 otherwise. Enough for the catalogs' texts; no combining marks appear in them.
 */
function columns(ch: string): number {
  const c = ch.codePointAt(0)!;
  const wide =
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6);
  return wide ? 2 : 1;
}

/** The display width of `text` in terminal columns. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += columns(ch);
  return width;
}

/** `text` followed by spaces up to `width` terminal columns. */
export function padToWidth(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - textWidth(text)));
}

/** How wide text is in a terminal, for output laid out in columns (help, validate's report). */

/**
 * The characters a terminal draws two columns wide: East Asian wide and full-width characters (CJK,
 * kana, Hangul, full-width forms), as a character-class body. Enough for the catalogs' texts; no
 * combining marks appear in them. Everything else takes one column.
 */
export const WIDE_CHARS =
  "\\u1100-\\u115f\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6";
const WIDE = new RegExp(`[${WIDE_CHARS}]`, "u");

/** The display width of `text` in terminal columns. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** `text` followed by spaces up to `width` terminal columns. */
export function padToWidth(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - textWidth(text)));
}

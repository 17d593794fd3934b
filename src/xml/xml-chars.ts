/**
 * Characters XML 1.0 cannot carry at all, not even as character references: C0 controls other than tab,
 * LF and CR, U+FFFE and U+FFFF, and UTF-16 halves that are not part of a surrogate pair. The writers
 * refuse text with one (GPMC could not read the file), the reader reports one as not well-formed.
 */
export const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` has a character XML cannot carry. */
export function hasNonXmlChar(text: string): boolean {
  return NOT_XML_CHAR.test(text);
}

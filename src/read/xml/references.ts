/**
 * Entity and character references. Only the five predefined entities exist for admxkit: a DOCTYPE is
 * refused and never processed (GPMC says "DTD is prohibited"), so no declared entity can ever expand —
 * which also closes the door to entity-expansion attacks.
 */

const PREDEFINED = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** True for code points XML 1.0 allows in a document. */
export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** `&name;`, `&#123;` or `&#x1F;` at a position (sticky); group 1 is what lies between `&` and `;`. */
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[:A-Z_a-z\u00C0-\uFFFD][-.0-9:A-Z_a-z\u00B7-\uFFFD]*);/y;

/**
 * Decodes the reference starting at `offset` (a `&`): the character(s) it stands for and where it ends,
 * or undefined when it is not a predefined entity or a reference to a character XML allows.
 */
export function referenceAt(text: string, offset: number): { value: string; end: number } | undefined {
  REFERENCE.lastIndex = offset;
  const match = REFERENCE.exec(text);
  if (!match) return undefined;
  const body = match[1]!;
  const end = offset + match[0].length;
  if (body.charCodeAt(0) !== 0x23 /* # */) {
    const value = PREDEFINED.get(body);
    return value === undefined ? undefined : { value, end };
  }
  // Digits beyond any code point: stop parsing long runs before they lose precision.
  const digits = body[1] === "x" ? body.slice(2) : body.slice(1);
  if (digits.replace(/^0+/, "").length > 8) return undefined;
  const code = body[1] === "x" ? parseInt(digits, 16) : parseInt(digits, 10);
  return isXmlChar(code) ? { value: String.fromCodePoint(code), end } : undefined;
}

/** The reference as written, cut to a readable length, for messages. */
export function shownReference(text: string, offset: number): string {
  const semicolon = text.indexOf(";", offset);
  const end = semicolon < 0 || semicolon - offset > 20 ? Math.min(text.length, offset + 12) : semicolon + 1;
  return text.slice(offset, end);
}

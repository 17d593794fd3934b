/**
 * XML 1.0 (fifth edition) names as sticky patterns over UTF-16 code units: NameStartChar then NameChar*,
 * astral characters as surrogate pairs. The ASCII-only pattern is tried first: real templates use ASCII
 * names, and the short character class keeps the scanner fast.
 */

const START_BMP =
  ":A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D" +
  "\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
const MORE_BMP = "\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040";
/** U+10000–U+EFFFF: high surrogates D800–DB7F followed by any low surrogate. */
const ASTRAL = "[\\uD800-\\uDB7F][\\uDC00-\\uDFFF]";

/** Name characters by ASCII code: 1 may start a name, 2 may only continue one. */
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[:A-Z_a-z]/.test(ch)) ASCII[c] = 1;
  else if (/[-.0-9]/.test(ch)) ASCII[c] = 2;
}

/** Any XML name. */
export const NAME = new RegExp(`(?:[${START_BMP}]|${ASTRAL})(?:[${START_BMP}${MORE_BMP}]|${ASTRAL})*`, "y");

/** The name at `offset`, or undefined when none starts there. */
export function nameAt(text: string, offset: number): string | undefined {
  // ASCII names, the only ones real templates use, with a table lookup per character.
  let i = offset;
  let c = text.charCodeAt(i);
  if (c < 128 && ASCII[c] === 1) {
    do c = text.charCodeAt(++i);
    while (c < 128 && ASCII[c]! > 0);
    if (!(c >= 128)) return text.slice(offset, i);
  }
  NAME.lastIndex = offset;
  return NAME.exec(text)?.[0];
}

/**
 * Reads the attributes of a start tag straight from the source text. fast-xml-parser finds elements and
 * decodes text well, but it cannot tell where an attribute is, and it hands back attribute values without
 * XML's attribute-value normalization (a literal line break or tab in a value becomes a space, while
 * `&#10;` stays a line break). Reading the tag ourselves gives both: exact positions for diagnostics and
 * the value Windows' own XML parser sees.
 */

/** One attribute as written: qualified name, decoded value, offset of its name. */
export interface RawAttribute {
  readonly name: string;
  readonly value: string;
  readonly offset: number;
}

/** A start tag: its qualified name, its attributes, and where its `>` ends. */
export interface StartTag {
  readonly name: string;
  readonly attributes: RawAttribute[];
  /** Offset just after the tag's `>`. */
  readonly end: number;
  /** A well-formedness problem (with its offset), when the tag is broken. */
  readonly problem?: { readonly message: string; readonly offset: number };
}

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

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

/**
 * Decodes a reference such as `amp`, `#65` or `#x41` (without `&` and `;`); undefined when it is not a
 * predefined entity or a reference to a character XML allows. No other entity can exist: DTDs are refused.
 */
export function decodeReference(body: string): string | undefined {
  // Own keys only: `&constructor;` must not find what every object inherits.
  if (Object.hasOwn(PREDEFINED, body)) return PREDEFINED[body];
  const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
  if (!numeric) return undefined;
  const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2]!, 10);
  return isXmlChar(code) ? String.fromCodePoint(code) : undefined;
}

/** XML attribute-value normalization (XML 1.0 §3.3.3) for CDATA attributes, plus references. */
function decodeAttributeValue(raw: string): string | { bad: string } {
  let bad: string | undefined;
  const value = raw.replace(/\r\n|[\t\n\r]|&([^;&\s]*);?/g, (match, body: string | undefined) => {
    if (body === undefined) return " ";
    const decoded = match.endsWith(";") ? decodeReference(body) : undefined;
    if (decoded === undefined) bad ??= match;
    return decoded ?? match;
  });
  return bad === undefined ? value : { bad };
}

const NAME = /[^\s/>=<"']+/y;
const SPACE = /\s*/y;

function matchAt(pattern: RegExp, text: string, offset: number): string {
  pattern.lastIndex = offset;
  return pattern.exec(text)?.[0] ?? "";
}

/** Lexes the start tag whose `<` is at `offset`. */
export function readStartTag(text: string, offset: number): StartTag {
  const name = matchAt(NAME, text, offset + 1);
  const attributes: RawAttribute[] = [];
  const seen = new Set<string>();
  let i = offset + 1 + name.length;
  const broken = (message: string, at: number): StartTag => ({
    name,
    attributes,
    end: text.indexOf(">", at) + 1 || text.length,
    problem: { message, offset: at },
  });
  for (;;) {
    const space = matchAt(SPACE, text, i);
    i += space.length;
    if (text.startsWith("/>", i)) return { name, attributes, end: i + 2 };
    if (text[i] === ">") return { name, attributes, end: i + 1 };
    if (i >= text.length) return broken("the start tag is not closed", offset);
    if (space.length === 0) return broken("attributes must be separated by white space", i);
    const attrName = matchAt(NAME, text, i);
    if (!attrName) return broken(`unexpected character ${JSON.stringify(text[i])} in a start tag`, i);
    const nameAt = i;
    i += attrName.length;
    i += matchAt(SPACE, text, i).length;
    if (text[i] !== "=") return broken(`the attribute ${attrName} has no value`, nameAt);
    i += 1;
    i += matchAt(SPACE, text, i).length;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") return broken(`the value of ${attrName} is not quoted`, i);
    const close = text.indexOf(quote, i + 1);
    if (close < 0) return broken(`the value of ${attrName} is not closed`, i);
    const raw = text.slice(i + 1, close);
    if (raw.includes("<")) return broken(`the value of ${attrName} contains "<"`, i);
    const value = decodeAttributeValue(raw);
    if (typeof value !== "string")
      return broken(`unknown entity or invalid character reference ${value.bad}`, i);
    if (seen.has(attrName)) return broken(`the attribute ${attrName} is repeated`, nameAt);
    seen.add(attrName);
    attributes.push({ name: attrName, value, offset: nameAt });
    i = close + 1;
  }
}

/**
 * The XML dialect of GPMC's backup files. GPMC writes most element text as one CDATA section
 * (`<ID><![CDATA[{…}]]></ID>`), an empty value as `<![CDATA[]]>` or a self-closed element, and no
 * whitespace between the elements of a record. We mirror that, instead of using the indenting writer in
 * src/xml, because GPMC's reader has only ever been fed that shape: whitespace appears in real backups in
 * a few places only, and the writers in backup-xml.ts add it exactly there and nowhere else.
 */
import { escapeAttribute, escapeText } from "../xml/write-xml.js";
import { hasNonXmlChar } from "../xml/xml-chars.js";

/** An element of a backup file. */
export interface GpmcElement {
  readonly name: string;
  /** Attributes in the order written (GPMC's order). */
  readonly attributes?: readonly (readonly [string, string])[];
  /** Text written as a single CDATA section. */
  readonly cdata?: string;
  /** Text written as escaped character data (GPMC uses it for the security descriptor's hex). */
  readonly text?: string;
  readonly children?: readonly GpmcElement[];
}

/**
 * Why `text` cannot be written as a GPMC CDATA value, or undefined when it can: `"character"` for a
 * character XML cannot carry, `"cdataEnd"` for `]]>`, which would end the section early (splitting it
 * over two sections would rely on GPMC's reader joining them).
 */
export function cdataProblem(text: string): "character" | "cdataEnd" | undefined {
  if (hasNonXmlChar(text)) return "character";
  if (text.includes("]]>")) return "cdataEnd";
  return undefined;
}

/** One CDATA section. Throws RangeError for text {@link cdataProblem} refuses (callers check first). */
export function cdata(text: string): string {
  const problem = cdataProblem(text);
  if (problem !== undefined) throw new RangeError(`cannot write as CDATA: ${problem}`);
  return `<![CDATA[${text}]]>`;
}

/** The start tag's name and attributes, without `<`, `>` or `/>`. */
function tagBody(element: GpmcElement): string {
  let body = element.name;
  for (const [name, value] of element.attributes ?? []) body += ` ${name}="${escapeAttribute(value)}"`;
  return body;
}

/** An element with a self-closing tag for no content, the way GPMC writes `<FSObjectFile …/>`. */
export function compactElement(element: GpmcElement): string {
  const inner =
    element.cdata !== undefined
      ? cdata(element.cdata)
      : element.text !== undefined
        ? escapeText(element.text)
        : (element.children ?? []).map(compactElement).join("");
  return inner === "" ? `<${tagBody(element)}/>` : `<${tagBody(element)}>${inner}</${element.name}>`;
}

/** The start tag of an element whose children the caller lays out itself. */
export function startTag(element: GpmcElement): string {
  return `<${tagBody(element)}>`;
}

/**
 * A small XML serializer for the ADMX/ADML writers. We write the bytes ourselves instead of using
 * xmlbuilder2 because the Group Policy editor is sensitive to details a general builder decides for us:
 * text that merely looks like an entity (`&amp;`) must be escaped again or the value changes on a round
 * trip, string text must never gain indentation (the editor shows every space of it), line endings must
 * be CRLF inside texts too, and attribute order must be fixed so that the same model gives the same bytes.
 */

/** An element: name, attributes in the order written (undefined values are left out), content. */
export interface XmlElement {
  readonly name: string;
  readonly attributes?: readonly (readonly [string, string | number | boolean | undefined])[];
  /** Child elements, one per line, indented. */
  readonly children?: readonly XmlElement[];
  /** Text content, written inline exactly (no indentation is added to it). */
  readonly text?: string;
}

/** The line ending Windows' own templates use, inside texts as well. */
export const CRLF = "\r\n";

/** Escapes character data. `>` is escaped too, so that `]]>` can never appear. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/**
 * Escapes an attribute value. Tabs and line breaks become character references, otherwise attribute-value
 * normalization would turn them into spaces when the file is read back.
 */
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

/** Normalizes any line ending in a text to CRLF. */
export function toCrlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, CRLF);
}

function openTag(element: XmlElement): string {
  let tag = `<${element.name}`;
  for (const [name, value] of element.attributes ?? []) {
    if (value !== undefined) tag += ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return tag;
}

function writeElement(element: XmlElement, indent: string, lines: string[]): void {
  const open = openTag(element);
  if (element.children && element.children.length > 0) {
    lines.push(`${indent}${open}>`);
    for (const child of element.children) writeElement(child, `${indent}  `, lines);
    lines.push(`${indent}</${element.name}>`);
  } else if (element.text !== undefined) {
    lines.push(`${indent}${open}>${toCrlf(escapeText(element.text))}</${element.name}>`);
  } else {
    lines.push(`${indent}${open} />`);
  }
}

/** A whole document: UTF-8 declaration, an optional comment, the root element; CRLF, final CRLF. */
export function writeDocument(root: XmlElement, comment?: string): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>'];
  if (comment !== undefined) lines.push(`<!-- ${comment.replace(/--/g, "- -")} -->`);
  writeElement(root, "", lines);
  return lines.join(CRLF) + CRLF;
}

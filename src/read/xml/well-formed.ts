/**
 * The well-formedness checks fast-xml-parser's validator leaves out: characters XML forbids, references
 * to entities that do not exist (only the five predefined ones can: DTDs are refused), and a document
 * that is not exactly one root element. libxml2 (xmllint) and Windows' parser reject all of these.
 */
import { NOT_XML_CHAR } from "../../xml/xml-chars.js";
import { decodeReference } from "./start-tag.js";

/** A well-formedness problem: English detail for the message, and where it is. */
export interface WellFormedProblem {
  readonly message: string;
  readonly offset: number;
}

/** Where a markup construct starting with `open` ends (after `close`), or the end of the text. */
function skip(text: string, from: number, close: string): number {
  const at = text.indexOf(close, from);
  return at < 0 ? text.length : at + close.length;
}

/** Skips a tag, honouring quoted attribute values that may contain `>`. */
function skipTag(text: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return i + 1;
  }
  return text.length;
}

/** The first forbidden character or bad reference in character data, or undefined. */
export function checkCharacters(text: string): WellFormedProblem | undefined {
  const bad = NOT_XML_CHAR.exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return { message: `the character U+${code} is not allowed in XML`, offset: bad.index };
  }
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === "<") {
      if (text.startsWith("<!--", i)) i = skip(text, i + 4, "-->");
      else if (text.startsWith("<![CDATA[", i)) i = skip(text, i + 9, "]]>");
      else if (text.startsWith("<?", i)) i = skip(text, i + 2, "?>");
      else i = skipTag(text, i + 1);
    } else if (c === "&") {
      const reference = /&([^;&<\s]*);/y;
      reference.lastIndex = i;
      const match = reference.exec(text);
      if (!match || decodeReference(match[1]!) === undefined) {
        const shown = match?.[0] ?? text.slice(i, i + 10);
        return { message: `unknown entity or invalid character reference ${shown}`, offset: i };
      }
      i += match[0].length;
    } else i++;
  }
  return undefined;
}

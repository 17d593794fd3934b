/**
 * A strict, one-pass XML 1.0 parser for ADMX and ADML files: it decodes nothing but references, checks
 * well-formedness and namespace well-formedness, and builds the element tree with source offsets — all in
 * one left-to-right scan. The first violation ends the parse with a coded diagnostic at its position, as
 * libxml2 and MSXML (the parser GPMC uses) stop at the first fatal error.
 *
 * Why our own parser (docs/design/README.md, "Why admxkit parses XML itself"): the linter needs offsets of attributes
 * and a verdict that agrees with libxml2, and a central store is 9 MB of XML. fast-xml-parser needed two
 * runs plus our own start-tag and well-formedness passes; saxes takes 110–180 ms for the Windows 11 store
 * here, this parser about a third of that. Its verdicts are tested against libxml2 (xmllint-wasm) on
 * every corpus file and on generated documents.
 *
 * A DOCTYPE is reported (GPMC says "DTD is prohibited") and skipped, never processed: only the five
 * predefined entities exist, so nothing can expand.
 */
import { diag, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { LineIndex } from "../positions.js";
import { nameAt } from "./names.js";
import { referenceAt, shownReference } from "./references.js";
import { XML_NAMESPACE, type ParsedXml, type XmlDocument, type XmlElement, type XmlNode } from "./tree.js";

/** ADMX nests about eight levels; anything far deeper is not a template and not worth walking. */
export const MAX_DEPTH = 128;

const XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";

/** Characters that send character data down the slow path: controls, `&`, `]` (of `]]>`), CR, surrogates, U+FFFE/F. */
const TEXT_SLOW = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F&\]\uD800-\uDFFF\uFFFE\uFFFF]/;
/** The same for attribute values, where `<` is forbidden and tab/LF/CR become spaces. */
const ATTRIBUTE_SLOW = /[\u0000-\u001F&<\uD800-\uDFFF\uFFFE\uFFFF]/;
/** A character XML cannot carry, or half a surrogate pair. */
const NOT_XML_CHAR_SOURCE =
  "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]";
/** The first such character in a string. */
const NOT_XML_CHAR = new RegExp(NOT_XML_CHAR_SOURCE);
/** Such a character exactly at `lastIndex`. */
const NOT_XML_CHAR_AT = new RegExp(NOT_XML_CHAR_SOURCE, "y");
const DECLARATION =
  /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.[0-9]+"|'1\.[0-9]+')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[A-Za-z][-A-Za-z0-9._]*"|'[A-Za-z][-A-Za-z0-9._]*'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>/y;

/** A parse failure: the diagnostic is built once, where it is caught. */
class XmlError {
  constructor(
    readonly code: Parameters<typeof diag>[0],
    readonly offset: number,
    readonly params: Record<string, string | number> = {},
  ) {}
}

/** An open element while its content is read. */
interface Frame {
  readonly element: XmlElement;
  readonly children: XmlNode[];
  readonly scope: ReadonlyMap<string, string>;
  hasElement: boolean;
  /**
   * White space seen before any child element, as [from, to) offsets: it is content if the element turns
   * out to hold only text, layout otherwise — so it becomes a node only once that is known. The first
   * run is kept in two numbers (nearly every parent element starts with one, an indent); a comment or
   * processing instruction between runs sends the later ones to `pendingMore`.
   */
  pendingFrom: number;
  pendingTo: number;
  pendingMore: number[] | undefined;
}

/** An attribute while its tag is read; prefixed names are resolved once the tag's declarations are known. */
interface MutableAttribute {
  name: string;
  local: string;
  ns: string | undefined;
  value: string;
  offset: number;
}

/** Line ends XML reads as LF. */
const CR = /\r\n?/g;
/** Characters worth a closer look with {@link NOT_XML_CHAR}: controls, surrogates, U+FFFE/F. */
const SUSPECT_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

const EMPTY_SCOPE: ReadonlyMap<string, string> = new Map();

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** `U+0001` for messages. */
function codePoint(text: string, offset: number): string {
  return `U+${(text.codePointAt(offset) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** What was found where something else was expected, for messages: the character, or its code point. */
function shownChar(text: string, offset: number): string {
  if (offset >= text.length) return "EOF";
  const c = text.codePointAt(offset)!;
  return c > 0x20 && c < 0x7f ? JSON.stringify(String.fromCodePoint(c)) : codePoint(text, offset);
}

class Parser {
  private pos = 0;
  private readonly stack: Frame[] = [];
  readonly diagnostics: Diagnostic[] = [];
  root: XmlElement | undefined;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  parse(): void {
    const text = this.text;
    DECLARATION.lastIndex = 0;
    if (text.startsWith("<?xml") && isSpace(text.charCodeAt(5))) {
      const declaration = DECLARATION.exec(text);
      if (!declaration) throw new XmlError("XML_DECLARATION_INVALID", 0);
      this.pos = declaration[0].length;
    }
    this.misc(true);
    if (this.pos >= text.length) throw new XmlError("XML_ROOT_MISSING", this.pos);
    this.startTag();
    while (this.stack.length > 0) this.content();
    this.misc(false);
    if (this.pos < text.length) throw new XmlError("XML_OUTSIDE_ROOT", this.pos);
  }

  /** White space, comments and processing instructions before or after the root (and the DOCTYPE before it). */
  private misc(prolog: boolean): void {
    const text = this.text;
    let doctype = false;
    for (;;) {
      while (isSpace(text.charCodeAt(this.pos))) this.pos++;
      if (text.startsWith("<!--", this.pos)) this.comment();
      else if (text.startsWith("<?", this.pos)) this.instruction();
      else if (prolog && !doctype && text.startsWith("<!DOCTYPE", this.pos)) {
        doctype = true;
        this.doctype();
      } else if (prolog && text.charCodeAt(this.pos) === 0x3c /* < */ && !text.startsWith("<!", this.pos)) {
        if (text.charCodeAt(this.pos + 1) === 0x2f /* / */) throw new XmlError("XML_OUTSIDE_ROOT", this.pos);
        return;
      } else if (this.pos < text.length) {
        if (this.isBadChar(this.pos)) this.badChar(this.pos);
        throw new XmlError("XML_OUTSIDE_ROOT", this.pos);
      } else return;
    }
  }

  /** Reads markup and character data inside the innermost open element, up to and including one tag. */
  private content(): void {
    const text = this.text;
    const lt = text.indexOf("<", this.pos);
    const frame = this.stack[this.stack.length - 1]!;
    if (lt < 0) {
      this.characters(frame, this.pos, text.length);
      throw new XmlError("XML_ELEMENT_UNCLOSED", frame.element.offset, { element: frame.element.name });
    }
    if (lt > this.pos) this.characters(frame, this.pos, lt);
    this.pos = lt;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) this.endTag(frame);
    else if (next === 0x21 /* ! */) {
      if (text.startsWith("<!--", lt)) this.comment();
      else if (text.startsWith("<![CDATA[", lt)) this.cdata(frame);
      else throw new XmlError("XML_MARKUP_INVALID", lt, { found: text.slice(lt, lt + 9) });
    } else if (next === 0x3f /* ? */) this.instruction();
    else this.startTag();
  }

  /** True when the character at `offset` is one XML forbids. */
  private isBadChar(offset: number): boolean {
    NOT_XML_CHAR_AT.lastIndex = offset;
    return NOT_XML_CHAR_AT.test(this.text);
  }

  private badChar(offset: number): never {
    throw new XmlError("XML_CHAR_INVALID", offset, { char: codePoint(this.text, offset) });
  }

  /** Reports the first character XML forbids in `[from, to)`, if any. */
  private checkChars(from: number, to: number): void {
    // On the slice: a search over the whole text from `from` would make the parse quadratic. Markup
    // delimits every range, so no surrogate pair is ever cut in two.
    const bad = NOT_XML_CHAR.exec(this.text.slice(from, to));
    if (bad) this.badChar(from + bad.index);
  }

  /** Character data between markup. */
  private characters(frame: Frame, from: number, to: number): void {
    const text = this.text;
    let visible = from;
    while (visible < to && isSpace(text.charCodeAt(visible))) visible++;
    if (visible === to) {
      if (frame.hasElement) return;
      if (frame.pendingFrom < 0) {
        frame.pendingFrom = from;
        frame.pendingTo = to;
      } else (frame.pendingMore ??= []).push(from, to);
      return;
    }
    this.flushPending(frame);
    let value = text.slice(from, to);
    if (TEXT_SLOW.test(value)) value = this.slowText(value, from);
    frame.children.push({ kind: "text", text: value, cdata: false, offset: visible });
  }

  /** Turns white space kept back (see {@link Frame.pendingFrom}) into text nodes. */
  private flushPending(frame: Frame): void {
    if (frame.pendingFrom < 0) return;
    this.whitespaceNode(frame, frame.pendingFrom, frame.pendingTo);
    frame.pendingFrom = -1;
    const more = frame.pendingMore;
    if (!more) return;
    frame.pendingMore = undefined;
    for (let i = 0; i < more.length; i += 2) this.whitespaceNode(frame, more[i]!, more[i + 1]!);
  }

  private whitespaceNode(frame: Frame, from: number, to: number): void {
    const value = this.text.slice(from, to).replace(CR, "\n");
    frame.children.push({ kind: "text", text: value, cdata: false, offset: from });
  }

  /** Character data with references, CR line ends, `]]>` or characters to check; `from` is its offset. */
  private slowText(value: string, from: number): string {
    if (SUSPECT_CHAR.test(value)) {
      const bad = NOT_XML_CHAR.exec(value);
      if (bad) this.badChar(from + bad.index);
    }
    const cdataEnd = value.indexOf("]]>");
    if (cdataEnd >= 0) throw new XmlError("XML_CDATA_END_IN_TEXT", from + cdataEnd);
    // XML 2.11: CRLF and a lone CR are read as LF (before references: `&#13;` stays a CR).
    let amp = value.indexOf("&");
    if (amp < 0) return value.replace(CR, "\n");
    let out = "";
    let run = 0;
    while (amp >= 0) {
      const reference = referenceAt(value, amp);
      if (!reference)
        throw new XmlError("XML_REFERENCE_INVALID", from + amp, { reference: shownReference(value, amp) });
      out += value.slice(run, amp).replace(CR, "\n") + reference.value;
      run = reference.end;
      amp = value.indexOf("&", run);
    }
    return out + value.slice(run).replace(CR, "\n");
  }

  private cdata(frame: Frame): void {
    const text = this.text;
    const start = this.pos + 9;
    const end = text.indexOf("]]>", start);
    if (end < 0) throw new XmlError("XML_UNCLOSED", this.pos, { markup: "<![CDATA[" });
    this.checkChars(start, end);
    this.flushPending(frame);
    const value = text.slice(start, end).replace(CR, "\n");
    frame.children.push({ kind: "text", text: value, cdata: true, offset: this.pos });
    this.pos = end + 3;
  }

  private comment(): void {
    const text = this.text;
    const start = this.pos + 4;
    const dashes = text.indexOf("--", start);
    if (dashes < 0) throw new XmlError("XML_UNCLOSED", this.pos, { markup: "<!--" });
    if (text.charCodeAt(dashes + 2) !== 0x3e /* > */) throw new XmlError("XML_COMMENT_INVALID", dashes);
    this.checkChars(start, dashes);
    this.pos = dashes + 3;
  }

  private instruction(): void {
    const text = this.text;
    const at = this.pos;
    const target = nameAt(text, at + 2);
    if (target === undefined)
      throw new XmlError("XML_NAME_INVALID", at + 2, { found: shownChar(text, at + 2) });
    // The declaration is only allowed at the very start (handled there); anywhere else it is an error.
    if (target.toLowerCase() === "xml") throw new XmlError("XML_DECLARATION_INVALID", at);
    const after = at + 2 + target.length;
    const end = text.indexOf("?>", after);
    if (end < 0) throw new XmlError("XML_UNCLOSED", at, { markup: "<?" });
    if (end > after && !isSpace(text.charCodeAt(after)))
      throw new XmlError("XML_NAME_INVALID", after, { found: shownChar(text, after) });
    this.checkChars(after, end);
    this.pos = end + 2;
  }

  /** Skips a DOCTYPE: quoted strings, the internal subset and its comments and PIs. */
  private doctype(): void {
    const text = this.text;
    const at = this.pos;
    this.diagnostics.push(diag("XML_DOCTYPE", {}, this.lines.at(at)));
    let depth = 0;
    for (let i = at + 9; i < text.length; i++) {
      const c = text[i];
      if (c === '"' || c === "'") {
        const close = text.indexOf(c, i + 1);
        if (close < 0) break;
        i = close;
      } else if (c === "<" && text.startsWith("<!--", i)) {
        const close = text.indexOf("-->", i + 4);
        if (close < 0) break;
        i = close + 2;
      } else if (c === "<" && text.startsWith("<?", i)) {
        const close = text.indexOf("?>", i + 2);
        if (close < 0) break;
        i = close + 1;
      } else if (c === "[") depth++;
      else if (c === "]") depth--;
      else if (c === ">" && depth <= 0) {
        this.pos = i + 1;
        return;
      }
    }
    throw new XmlError("XML_UNCLOSED", at, { markup: "<!DOCTYPE" });
  }

  private skipSpace(): number {
    const start = this.pos;
    while (isSpace(this.text.charCodeAt(this.pos))) this.pos++;
    return this.pos - start;
  }

  /** What follows inside a tag where `>` or an attribute was expected. */
  private tagProblem(element: string): never {
    const at = this.pos;
    if (at >= this.text.length) throw new XmlError("XML_UNCLOSED", at, { markup: `<${element}` });
    if (this.isBadChar(at)) this.badChar(at);
    throw new XmlError("XML_TAG_INVALID", at, { element, found: shownChar(this.text, at) });
  }

  private startTag(): void {
    const text = this.text;
    const offset = this.pos;
    const name = nameAt(text, offset + 1);
    if (name === undefined)
      throw new XmlError("XML_NAME_INVALID", offset + 1, { found: shownChar(text, offset + 1) });
    this.pos = offset + 1 + name.length;
    const attributes: MutableAttribute[] = [];
    let empty = false;
    for (;;) {
      const space = this.skipSpace();
      const c = text.charCodeAt(this.pos);
      if (c === 0x3e /* > */) {
        this.pos++;
        break;
      }
      if (c === 0x2f /* / */ && text.charCodeAt(this.pos + 1) === 0x3e) {
        this.pos += 2;
        empty = true;
        break;
      }
      const attribute = space > 0 ? nameAt(text, this.pos) : undefined;
      if (attribute === undefined) this.tagProblem(name);
      attributes.push(this.attribute(name, attribute));
    }
    this.open(name, offset, attributes, empty);
  }

  /** One `name="value"`, the name already matched at the current position. */
  private attribute(element: string, name: string): MutableAttribute {
    const text = this.text;
    const offset = this.pos;
    this.pos += name.length;
    this.skipSpace();
    if (text.charCodeAt(this.pos) !== 0x3d /* = */)
      throw new XmlError("XML_ATTRIBUTE_VALUE_MISSING", offset, { element, attribute: name });
    this.pos++;
    this.skipSpace();
    const quote = text[this.pos];
    if (quote !== '"' && quote !== "'")
      throw new XmlError("XML_ATTRIBUTE_UNQUOTED", this.pos, { element, attribute: name });
    const start = this.pos + 1;
    const close = text.indexOf(quote, start);
    if (close < 0) throw new XmlError("XML_UNCLOSED", offset, { markup: `<${element}` });
    let value = text.slice(start, close);
    if (ATTRIBUTE_SLOW.test(value)) value = this.slowAttribute(start, close, name);
    this.pos = close + 1;
    return { name, local: name, ns: undefined, value, offset };
  }

  /** XML 3.3.3 attribute-value normalization: each literal tab, LF, CR or CRLF is one space; references decoded. */
  private slowAttribute(from: number, to: number, name: string): string {
    const text = this.text;
    this.checkChars(from, to);
    let out = "";
    let run = from;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x26 /* & */) {
        const reference = referenceAt(text, i);
        if (!reference || reference.end > to)
          throw new XmlError("XML_REFERENCE_INVALID", i, { reference: shownReference(text, i) });
        out += text.slice(run, i) + reference.value;
        i = reference.end - 1;
        run = reference.end;
      } else if (c === 0x3c /* < */) {
        throw new XmlError("XML_ATTRIBUTE_LT", i, { attribute: name });
      } else if (c === 0x09 || c === 0x0a || c === 0x0d) {
        out += `${text.slice(run, i)} `;
        if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
        run = i + 1;
      }
    }
    return out + text.slice(run, to);
  }

  /** Declares namespaces, resolves names and pushes the element (and pops it again when empty). */
  private open(name: string, offset: number, all: MutableAttribute[], empty: boolean): void {
    const parent = this.stack[this.stack.length - 1];
    if (this.stack.length >= MAX_DEPTH) throw new XmlError("XML_TOO_DEEP", offset, { limit: MAX_DEPTH });
    let attributes = all;
    let scope = parent?.scope ?? EMPTY_SCOPE;
    if (all.length > 0) {
      const declared = this.declarations(name, all, scope);
      if (declared) {
        scope = declared;
        attributes = all.filter((a) => a.name !== "xmlns" && !a.name.startsWith("xmlns:"));
      }
      let prefixed = false;
      for (const a of attributes) {
        if (a.name.indexOf(":") < 0) continue;
        const colon = this.colon(a.name, a.offset);
        const prefix = a.name.slice(0, colon);
        a.local = a.name.slice(colon + 1);
        a.ns = prefix === "xml" ? XML_NAMESPACE : scope.get(prefix);
        if (a.ns === undefined) throw new XmlError("XML_PREFIX_UNDECLARED", a.offset, { prefix });
        prefixed = true;
      }
      // Namespaces in XML 1.0 §6.3: no two attributes with the same expanded name.
      if (prefixed) {
        for (const a of attributes) {
          if (a.ns !== undefined && attributes.some((b) => b !== a && b.ns === a.ns && b.local === a.local))
            throw new XmlError("XML_ATTRIBUTE_REPEATED", a.offset, { element: name, attribute: a.name });
        }
      }
    }
    let local = name;
    let ns: string | undefined;
    if (name.indexOf(":") >= 0) {
      const colon = this.colon(name, offset);
      const prefix = name.slice(0, colon);
      local = name.slice(colon + 1);
      ns = prefix === "xml" ? XML_NAMESPACE : scope.get(prefix);
      if (ns === undefined) throw new XmlError("XML_PREFIX_UNDECLARED", offset, { prefix });
    } else ns = scope.get("") || undefined;
    const children: XmlNode[] = [];
    const element: XmlElement = { kind: "element", name, local, ns, attributes, children, offset };
    if (parent) {
      parent.hasElement = true;
      parent.pendingFrom = -1;
      parent.pendingMore = undefined;
      parent.children.push(element);
    } else this.root = element;
    if (!empty)
      this.stack.push({
        element,
        children,
        scope,
        hasElement: false,
        pendingFrom: -1,
        pendingTo: -1,
        pendingMore: undefined,
      });
  }

  /** The colon of a qualified name; XML Namespaces allow one, not at either end. */
  private colon(qualified: string, offset: number): number {
    const colon = qualified.indexOf(":");
    if (colon === 0 || colon === qualified.length - 1 || qualified.indexOf(":", colon + 1) >= 0)
      throw new XmlError("XML_QNAME_INVALID", offset, { name: qualified });
    return colon;
  }

  /**
   * Checks that no attribute is repeated and applies the tag's namespace declarations: the new scope, or
   * undefined when the tag declares none (a new scope only where namespaces are declared: copying it for
   * every element would be quadratic).
   */
  private declarations(
    element: string,
    attributes: readonly MutableAttribute[],
    scope: ReadonlyMap<string, string>,
  ): Map<string, string> | undefined {
    let declared: Map<string, string> | undefined;
    // Tags have a handful of attributes: compare pairwise, and use a set only for hostile numbers.
    const seen = attributes.length > 8 ? new Set<string>() : undefined;
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i]!;
      // A plain loop, not `some` with a closure: this runs for every attribute of the file.
      let repeated = false;
      if (seen) repeated = seen.has(a.name) || !seen.add(a.name);
      else for (let j = 0; j < i && !repeated; j++) repeated = attributes[j]!.name === a.name;
      if (repeated) throw new XmlError("XML_ATTRIBUTE_REPEATED", a.offset, { element, attribute: a.name });
      if (a.name !== "xmlns" && !a.name.startsWith("xmlns:")) continue;
      const prefix = a.name === "xmlns" ? "" : a.name.slice(this.colon(a.name, a.offset) + 1);
      // Namespaces in XML 1.0 §3: xmlns is never declared, xml only to its own name, no prefix undeclared.
      const invalid =
        prefix === "xmlns" ||
        a.value === XMLNS_NAMESPACE ||
        (prefix === "xml") !== (a.value === XML_NAMESPACE) ||
        (prefix !== "" && a.value === "");
      if (invalid)
        throw new XmlError("XML_NAMESPACE_DECLARATION_INVALID", a.offset, {
          attribute: a.name,
          value: a.value,
        });
      declared ??= new Map(scope);
      declared.set(prefix, a.value);
    }
    return declared;
  }

  private endTag(frame: Frame): void {
    const text = this.text;
    const offset = this.pos;
    const name = nameAt(text, offset + 2);
    if (name === undefined)
      throw new XmlError("XML_NAME_INVALID", offset + 2, { found: shownChar(text, offset + 2) });
    if (name !== frame.element.name)
      throw new XmlError("XML_END_TAG_MISMATCH", offset, { expected: frame.element.name, found: name });
    this.pos = offset + 2 + name.length;
    this.skipSpace();
    if (text.charCodeAt(this.pos) !== 0x3e /* > */) this.tagProblem(`/${name}`);
    this.pos++;
    const closed = this.stack.pop()!;
    this.flushPending(closed);
  }
}

/**
 * Parses ADMX/ADML text (already decoded; a leading byte order mark is ignored). Malformed XML gives one
 * diagnostic at the first problem and no document; a DOCTYPE is an error but the rest is still read.
 */
export function parseXml(input: string, file: string): ParsedXml {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = new LineIndex(file, text);
  const parser = new Parser(text, lines);
  try {
    parser.parse();
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    const at = lines.at(error.offset);
    return { diagnostics: [...parser.diagnostics, diag(error.code, error.params, at)] };
  }
  const document: XmlDocument = { root: parser.root!, lines };
  return { document, diagnostics: parser.diagnostics };
}

/**
 * XML text → a small element tree with source offsets and resolved namespaces. fast-xml-parser does
 * the parsing (structure, text, entity decoding); this module adds what an ADMX linter needs and the
 * parser does not give: a refused DTD, the well-formedness checks it skips, attribute positions and
 * namespaces. Only one file's tree is alive at a time, so memory stays bounded by the largest file.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { diag, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { LineIndex } from "../positions.js";
import { blankOut, locateDoctype } from "./doctype.js";
import { readStartTag } from "./start-tag.js";
import { checkCharacters } from "./well-formed.js";

/** The namespace the `xml:` prefix is bound to without a declaration. */
export const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

/** An attribute: qualified name as written, local name, namespace (undefined when unprefixed), value. */
export interface XmlAttribute {
  readonly name: string;
  readonly local: string;
  readonly ns: string | undefined;
  readonly value: string;
  readonly offset: number;
}

/** An element with its attributes (namespace declarations left out) and children in document order. */
export interface XmlElement {
  readonly kind: "element";
  readonly name: string;
  readonly local: string;
  readonly ns: string | undefined;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlNode[];
  /** Offset of the `<` of the start tag. */
  readonly offset: number;
}

/** Character data; `offset` is where its first character other than white space is (for messages). */
export interface XmlText {
  readonly kind: "text";
  readonly text: string;
  readonly cdata: boolean;
  readonly offset: number;
}

/** A child of an element. */
export type XmlNode = XmlElement | XmlText;

/** A parsed document: the root element, and the line index to turn offsets into positions. */
export interface XmlDocument {
  readonly root: XmlElement;
  readonly lines: LineIndex;
}

/** The outcome of {@link parseXml}. */
export interface ParsedXml {
  /** Absent when the text is not well-formed XML. */
  readonly document?: XmlDocument;
  readonly diagnostics: Diagnostic[];
}

/** ADMX nests about eight levels; anything far deeper is not a template and not worth recursing into. */
const MAX_DEPTH = 128;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true, // read from the source by readStartTag, with positions
  trimValues: false,
  parseTagValue: false,
  captureMetaData: true,
  // Numeric character references and the five predefined entities only: no HTML names, and no DTD
  // entities can reach the parser because the DOCTYPE is blanked out first. The runtime accepts a map
  // of named entities here (an empty one: none), which its type declaration does not say.
  htmlEntities: {} as unknown as boolean,
  processEntities: true,
  cdataPropName: "#cdata",
  ignorePiTags: true,
  ignoreDeclaration: true,
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

type RawNode = Record<string, unknown>;
type Meta = { startIndex?: number; endIndex?: number } | undefined;

/** The offsets captureMetaData records on a node (start of its `<`, end after its end tag). */
function metaOf(raw: RawNode): Meta {
  return (raw as Record<symbol, Meta>)[META];
}

class TreeBuilder {
  problem: { message: string; offset: number } | undefined;

  constructor(private readonly text: string) {}

  /**
   * Where the visible part of a text run starts: white space, comments and processing instructions
   * before it are skipped, so that a stray character is reported at its own line and column.
   */
  visibleStart(from: number, text: string): number {
    if (text.trim() === "" && text !== "") return from;
    let i = from;
    for (;;) {
      while (i < this.text.length && /\s/.test(this.text[i]!)) i++;
      const close = this.text.startsWith("<!--", i)
        ? "-->"
        : this.text.startsWith("<?", i)
          ? "?>"
          : undefined;
      if (close === undefined) return i;
      const at = this.text.indexOf(close, i);
      if (at < 0) return i;
      i = at + close.length;
    }
  }

  element(raw: RawNode, name: string, scope: ReadonlyMap<string, string>, depth: number): XmlElement {
    const offset = metaOf(raw)?.startIndex ?? 0;
    const tag = readStartTag(this.text, offset);
    if (tag.problem) this.problem ??= tag.problem;
    if (depth > MAX_DEPTH)
      this.problem ??= { message: `elements nest deeper than ${MAX_DEPTH} levels`, offset };
    // A new scope only where namespaces are declared: copying it for every element would be quadratic.
    let own = scope;
    if (tag.attributes.some((a) => a.name === "xmlns" || a.name.startsWith("xmlns:"))) {
      const declared = new Map(scope);
      for (const a of tag.attributes) {
        if (a.name === "xmlns") declared.set("", a.value);
        else if (a.name.startsWith("xmlns:")) declared.set(a.name.slice(6), a.value);
      }
      own = declared;
    }
    const resolve = (qualified: string, isAttribute: boolean, at: number) => {
      const colon = qualified.indexOf(":");
      if (colon < 0) return { local: qualified, ns: isAttribute ? undefined : own.get("") || undefined };
      const prefix = qualified.slice(0, colon);
      const ns = prefix === "xml" ? XML_NAMESPACE : own.get(prefix);
      if (ns === undefined)
        this.problem ??= { message: `the namespace prefix ${prefix} is not declared`, offset: at };
      return { local: qualified.slice(colon + 1), ns };
    };
    const attributes = tag.attributes
      .filter((a) => a.name !== "xmlns" && !a.name.startsWith("xmlns:"))
      .map((a) => ({ name: a.name, value: a.value, offset: a.offset, ...resolve(a.name, true, a.offset) }));
    const children: XmlNode[] = [];
    let cursor = tag.end;
    if (depth <= MAX_DEPTH) {
      for (const child of (raw[name] as RawNode[] | undefined) ?? []) {
        const childName = Object.keys(child).find((k) => k !== ":@");
        if (childName === "#text") {
          const text = String(child["#text"]);
          children.push({ kind: "text", text, cdata: false, offset: this.visibleStart(cursor, text) });
        } else if (childName === "#cdata") {
          const parts = (child["#cdata"] as RawNode[]).map((p) => String(p["#text"] ?? ""));
          children.push({
            kind: "text",
            text: parts.join(""),
            cdata: true,
            offset: this.visibleStart(cursor, ""),
          });
        } else if (childName !== undefined) {
          const element = this.element(child, childName, own, depth + 1);
          children.push(element);
          cursor = metaOf(child)?.endIndex ?? cursor;
        }
      }
    }
    return { kind: "element", name, ...resolve(name, false, offset), attributes, children, offset };
  }
}

/**
 * Parses ADMX/ADML text. A DOCTYPE is reported (GPMC says "DTD is prohibited") and never processed;
 * malformed XML gives one XML_MALFORMED diagnostic at the first problem and no document.
 */
export function parseXml(input: string, file: string): ParsedXml {
  const lines = new LineIndex(file, input);
  const diagnostics: Diagnostic[] = [];
  const malformed = (detail: string, offset: number) => {
    diagnostics.push(diag("XML_MALFORMED", { detail }, lines.at(offset)));
    return { diagnostics };
  };
  let text = input;
  const doctype = locateDoctype(text);
  if (doctype) {
    diagnostics.push(diag("XML_DOCTYPE", {}, lines.at(doctype.start)));
    if (doctype.end === undefined) return malformed("the DOCTYPE declaration is not closed", doctype.start);
    text = blankOut(text, doctype.start, doctype.end);
  }
  const characters = checkCharacters(text);
  if (characters) return malformed(characters.message, characters.offset);
  let top: RawNode[];
  try {
    const checked = XMLValidator.validate(text, { allowBooleanAttributes: false });
    if (checked !== true) {
      const { line, col, msg } = checked.err;
      diagnostics.push(diag("XML_MALFORMED", { detail: msg }, { file, line, column: col ?? 1 }));
      return { diagnostics };
    }
    top = parser.parse(text) as RawNode[];
  } catch (error) {
    // The parser's own limits (nesting depth, among others) end in an exception: still a verdict.
    return malformed(error instanceof Error ? error.message : String(error), 0);
  }
  const elements = top.filter((n) => !("#text" in n) && !("#cdata" in n));
  const strayText = top.find((n) => ("#text" in n && String(n["#text"]).trim() !== "") || "#cdata" in n);
  if (elements.length !== 1 || strayText) {
    const second = (elements[1] && metaOf(elements[1]))?.startIndex;
    return malformed("a document must contain exactly one root element and nothing else", second ?? 0);
  }
  // The parser drops whatever follows the root element; XML allows only comments, processing
  // instructions and white space there.
  const end = metaOf(elements[0]!)?.endIndex ?? text.length;
  const trailing = text.slice(end).replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, "");
  if (trailing.trim() !== "") {
    return malformed(
      "a document must contain exactly one root element and nothing else",
      end + trailing.search(/\S/),
    );
  }
  const builder = new TreeBuilder(text);
  const rootRaw = elements[0]!;
  const root = builder.element(
    rootRaw,
    Object.keys(rootRaw).find((k) => k !== ":@")!,
    new Map(),
    0,
  );
  if (builder.problem) return malformed(builder.problem.message, builder.problem.offset);
  return { document: { root, lines }, diagnostics };
}

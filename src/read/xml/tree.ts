/**
 * The element tree the XML parser (parse-xml.ts) builds: elements with resolved namespaces, attributes
 * with their source offsets, and character data — what an ADMX/ADML reader and the schema checker need,
 * nothing more (no comments, no processing instructions, no DTD).
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { LineIndex } from "../positions.js";

/** The namespace the `xml:` prefix is bound to without a declaration. */
export const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

/** An attribute: qualified name as written, local name, namespace (undefined when unprefixed), value. */
export interface XmlAttribute {
  readonly name: string;
  readonly local: string;
  readonly ns: string | undefined;
  /** The value after XML's attribute-value normalization, references decoded. */
  readonly value: string;
  /** Offset of the attribute's name. */
  readonly offset: number;
}

/** An element with its attributes (namespace declarations left out) and children in document order. */
export interface XmlElement {
  readonly kind: "element";
  readonly name: string;
  readonly local: string;
  readonly ns: string | undefined;
  readonly attributes: readonly XmlAttribute[];
  /**
   * Child elements and character data. Text that is only white space is kept in elements without child
   * elements (where it is content: `<string id="x"> </string>`) and dropped between child elements,
   * where it is layout.
   */
  readonly children: readonly XmlNode[];
  /** Offset of the `<` of the start tag. */
  readonly offset: number;
}

/** Character data; `offset` is where its first character other than white space is (for messages). */
export interface XmlText {
  readonly kind: "text";
  /** The text with references decoded and line ends normalized to LF, as XML requires. */
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

/** The outcome of parsing. */
export interface ParsedXml {
  /** Absent when the text is not well-formed XML. */
  readonly document?: XmlDocument;
  readonly diagnostics: Diagnostic[];
}

/**
 * Test helper: an XML document as a plain element tree (fast-xml-parser, order kept, nothing trimmed),
 * with each element's path, attributes, CDATA and text content, and whether whitespace-only text sits
 * between its child elements.
 */
import { XMLParser } from "fast-xml-parser";
import { validateXML } from "xmllint-wasm";

export interface XmlNode {
  readonly name: string;
  readonly path: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  /** CDATA sections, in order. */
  readonly cdata: readonly string[];
  /** Character data outside CDATA, concatenated. */
  readonly text: string;
}

type Raw = Record<string, unknown> & { ":@"?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  cdataPropName: "#cdata",
  commentPropName: "#comment",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
});

function textOf(items: readonly Raw[]): string {
  return items.map((item) => (typeof item["#text"] === "string" ? item["#text"] : "")).join("");
}

function toNode(raw: Raw, parentPath: string): XmlNode | undefined {
  const name = Object.keys(raw).find((k) => k !== ":@");
  if (name === undefined || name.startsWith("#") || name.startsWith("?")) return undefined;
  const path = parentPath === "" ? name : `${parentPath}/${name}`;
  const items = raw[name] as Raw[];
  const children: XmlNode[] = [];
  const cdata: string[] = [];
  let text = "";
  for (const item of items) {
    if ("#cdata" in item) cdata.push(textOf(item["#cdata"] as Raw[]));
    else if ("#text" in item) text += String(item["#text"]);
    else {
      const child = toNode(item, path);
      if (child) children.push(child);
    }
  }
  return { name, path, attributes: raw[":@"] ?? {}, children, cdata, text };
}

/** The root element of `xml`. */
export function parseXmlTree(xml: string): XmlNode {
  const roots = (parser.parse(xml) as Raw[]).map((raw) => toNode(raw, "")).filter((n): n is XmlNode => !!n);
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0]!;
}

/** Every element of the tree, depth first. */
export function allNodes(node: XmlNode): XmlNode[] {
  return [node, ...node.children.flatMap(allNodes)];
}

/** Whether libxml2 reads `xml` as well-formed, namespace-well-formed XML (its message when it does not). */
export async function wellFormed(xml: string, fileName: string): Promise<{ ok: boolean; message: string }> {
  try {
    const result = await validateXML({ xml: [{ fileName, contents: xml }], normalization: "c14n" });
    return { ok: result.valid, message: result.errors.map((e) => e.rawMessage).join("\n") };
  } catch (error) {
    // xmllint-wasm rejects when canonicalization fails, i.e. when the input is not well-formed.
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

import { describe, expect, it } from "vitest";
import { parseXml } from "../../src/read/xml/parse-xml.js";
import type { XmlElement } from "../../src/read/xml/tree.js";

const elements = (e: XmlElement) => e.children.filter((c): c is XmlElement => c.kind === "element");

describe("parseXml", () => {
  it("gives every element and attribute its line and column, with CRLF, LF and CR line ends", () => {
    const text = '<?xml version="1.0"?>\r\n<root>\r\n  <a x="1"\n     y="2"/>\r  <b/></root>';
    const { document, diagnostics } = parseXml(text, "f.admx");
    expect(diagnostics).toEqual([]);
    const [a, b] = elements(document!.root);
    const at = (offset: number) => document!.lines.at(offset);
    expect(at(document!.root.offset)).toEqual({ file: "f.admx", line: 2, column: 1 });
    expect(at(a!.offset)).toMatchObject({ line: 3, column: 3 });
    expect(at(a!.attributes[1]!.offset)).toMatchObject({ line: 4, column: 6 });
    expect(at(b!.offset)).toMatchObject({ line: 5, column: 3 });
  });

  it("normalizes attribute values as XML does, and decodes references", () => {
    const { document } = parseXml('<r a="x\r\ny\tz&#10;&#x41;&amp;lt;" b=\'"q"\'/>', "f");
    expect(document!.root.attributes.map((a) => a.value)).toEqual(["x y z\nA&lt;", '"q"']);
  });

  it("keeps text exactly, line ends normalized to LF, CDATA marked", () => {
    const { document } = parseXml("<r><s>  a\r\n b &amp; &#x263A; </s><t><![CDATA[<x>]]></t></r>", "f");
    const [s, t] = elements(document!.root);
    expect(s!.children).toMatchObject([{ kind: "text", text: "  a\n b & ☺ ", cdata: false }]);
    expect(t!.children).toMatchObject([{ kind: "text", text: "<x>", cdata: true }]);
  });

  it("resolves namespaces: default, prefixed, redeclared; namespace declarations are not attributes", () => {
    const text = '<r xmlns="urn:a" xmlns:p="urn:p"><p:x p:y="1" z="2"/><q xmlns="urn:b"/></r>';
    const { document } = parseXml(text, "f");
    const [x, q] = elements(document!.root);
    expect([document!.root.ns, document!.root.attributes]).toEqual(["urn:a", []]);
    expect([x!.local, x!.ns]).toEqual(["x", "urn:p"]);
    expect(x!.attributes.map((a) => [a.local, a.ns])).toEqual([
      ["y", "urn:p"],
      ["z", undefined],
    ]);
    expect(q!.ns).toBe("urn:b");
  });

  it("points a stray text at its first visible character", () => {
    const { document } = parseXml("<r>\n  <a/>\n  <!-- c -->\n   d\n</r>", "f");
    const stray = document!.root.children.find((c) => c.kind === "text" && c.text.trim() === "d")!;
    expect(document!.lines.at(stray.offset)).toMatchObject({ line: 4, column: 4 });
  });

  it.each([
    ["a mismatched end tag", "<r><a></b></r>", "XML_END_TAG_MISMATCH", 7],
    ["two root elements", "<r/><s/>", "XML_OUTSIDE_ROOT", 5],
    ["text after the root", "<r/>x", "XML_OUTSIDE_ROOT", 5],
    ["text before the root", "x<r/>", "XML_OUTSIDE_ROOT", 1],
    ["an end tag at the top", "</r>", "XML_OUTSIDE_ROOT", 1],
    ["an empty file", "", "XML_ROOT_MISSING", 1],
    ["only a comment", "<!-- c -->", "XML_ROOT_MISSING", 11],
    ["an unclosed element", "<r><a></a>", "XML_ELEMENT_UNCLOSED", 1],
    ["an undefined entity", "<r>&nbsp;</r>", "XML_REFERENCE_INVALID", 4],
    ["an ampersand alone", "<r>a & b</r>", "XML_REFERENCE_INVALID", 6],
    ["a reference to a character XML forbids", '<r a="&#1;"/>', "XML_REFERENCE_INVALID", 7],
    ["a huge character reference", "<r>&#99999999999;</r>", "XML_REFERENCE_INVALID", 4],
    ["a control character", "<r>\u0001</r>", "XML_CHAR_INVALID", 4],
    ["a lone surrogate", '<r a="\uD800"/>', "XML_CHAR_INVALID", 7],
    ["a control character in a comment", "<r><!--\u0002--></r>", "XML_CHAR_INVALID", 8],
    ["a control character between attributes", '<r a="1"\u0003/>', "XML_CHAR_INVALID", 9],
    ["an undeclared prefix", "<p:r/>", "XML_PREFIX_UNDECLARED", 1],
    ["an undeclared attribute prefix", '<r p:a="1"/>', "XML_PREFIX_UNDECLARED", 4],
    ["two colons in a name", '<a:b:c xmlns:a="urn:a"/>', "XML_QNAME_INVALID", 1],
    ["an undeclared namespace", '<r xmlns:p=""/>', "XML_NAMESPACE_DECLARATION_INVALID", 4],
    ["xml bound elsewhere", '<r xmlns:xml="urn:x"/>', "XML_NAMESPACE_DECLARATION_INVALID", 4],
    ["a repeated attribute", '<r a="1" a="2"/>', "XML_ATTRIBUTE_REPEATED", 10],
    [
      "a repeated expanded name",
      '<r xmlns:p="urn:x" xmlns:q="urn:x" p:a="1" q:a="2"/>',
      "XML_ATTRIBUTE_REPEATED",
      36,
    ],
    ["an unquoted attribute", "<r a=1/>", "XML_ATTRIBUTE_UNQUOTED", 6],
    ["an attribute without value", "<r a/>", "XML_ATTRIBUTE_VALUE_MISSING", 4],
    ["attributes without space", '<r a="1"b="2"/>', "XML_TAG_INVALID", 9],
    ["< in an attribute value", '<r a="<"/>', "XML_ATTRIBUTE_LT", 7],
    ["]]> in text", "<r>a]]>b</r>", "XML_CDATA_END_IN_TEXT", 5],
    ["-- in a comment", "<r><!-- a -- b --></r>", "XML_COMMENT_INVALID", 11],
    ["an unclosed comment", "<r><!-- a </r>", "XML_UNCLOSED", 4],
    ["an unclosed CDATA section", "<r><![CDATA[ a </r>", "XML_UNCLOSED", 4],
    ["an unclosed start tag", '<r a="1"', "XML_UNCLOSED", 9],
    ["a name that does not start right", "<r><1/></r>", "XML_NAME_INVALID", 5],
    ["a declaration that is not first", ' <?xml version="1.0"?><r/>', "XML_DECLARATION_INVALID", 2],
    ["a declaration without version", '<?xml encoding="utf-8"?><r/>', "XML_DECLARATION_INVALID", 1],
    ["a DOCTYPE inside the root", "<r><!DOCTYPE r></r>", "XML_MARKUP_INVALID", 4],
    ["deep nesting", "<a>".repeat(200) + "</a>".repeat(200), "XML_TOO_DEEP", 385],
  ])("%s: %s, no document", (_, text, code, column) => {
    const { document, diagnostics } = parseXml(text, "f");
    expect(document).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([[code, 1, column]]);
  });

  it("accepts what XML allows: astral names, references in names' neighbourhood, PIs, CDATA, comments, a DOCTYPE-free prolog", () => {
    const text =
      '\uFEFF<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<!-- c --><?pi data?>\n' +
      '<\u{10000}x a="&lt;&#x1F600;&#65;" xml:lang="ja"><![CDATA[]]><?x?><!---->t&amp;</\u{10000}x>\n<!-- end -->';
    const { document, diagnostics } = parseXml(text, "f");
    expect(diagnostics).toEqual([]);
    expect(document!.root.name).toBe("\u{10000}x");
    expect(document!.root.attributes.map((a) => [a.local, a.ns, a.value])).toEqual([
      ["a", undefined, "<\u{1F600}A"],
      ["lang", "http://www.w3.org/XML/1998/namespace", "ja"],
    ]);
    expect(document!.root.children.map((c) => c.kind === "text" && c.text)).toEqual(["", "t&"]);
  });

  it("keeps white space as text only where an element holds no child elements", () => {
    const { document } = parseXml("<r>\r\n  <s> </s>\r\n  <t>\r\n</t>\r\n</r>", "f");
    const [s, t] = elements(document!.root);
    expect(document!.root.children.length).toBe(2);
    expect(s!.children).toMatchObject([{ kind: "text", text: " " }]);
    expect(t!.children).toMatchObject([{ kind: "text", text: "\n" }]);
  });

  it("refuses a DTD without expanding anything, and keeps line numbers after it", () => {
    const text = '<!DOCTYPE r [\n<!ENTITY e "expanded">\n]>\n<r a="1">&e;</r>';
    const { document, diagnostics } = parseXml(text, "f");
    expect(document).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["XML_DOCTYPE", 1],
      ["XML_REFERENCE_INVALID", 4],
    ]);
    const clean = parseXml("<!DOCTYPE r>\n<r/>", "f");
    expect(clean.diagnostics.map((d) => d.code)).toEqual(["XML_DOCTYPE"]);
    expect(clean.document!.lines.at(clean.document!.root.offset).line).toBe(2);
  });
});

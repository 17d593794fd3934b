import { describe, expect, it } from "vitest";
import { parseXml, type XmlElement } from "../../src/read/xml/tree.js";

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
    ["a mismatched end tag", "<r><a></b></r>"],
    ["two root elements", "<r/><s/>"],
    ["text after the root", "<r/>x"],
    ["an undefined entity", "<r>&nbsp;</r>"],
    ["a reference to a character XML forbids", '<r a="&#1;"/>'],
    ["a control character", "<r>\u0001</r>"],
    ["an undeclared prefix", "<p:r/>"],
    ["a repeated attribute", '<r a="1" a="2"/>'],
    ["an unquoted attribute", "<r a=1/>"],
    ["< in an attribute value", '<r a="<"/>'],
  ])("%s is XML_MALFORMED and gives no document", (_, text) => {
    const { document, diagnostics } = parseXml(text, "f");
    expect(document).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(["XML_MALFORMED"]);
  });

  it("refuses a DTD without expanding anything, and keeps line numbers after it", () => {
    const text = '<!DOCTYPE r [\n<!ENTITY e "expanded">\n]>\n<r a="1">&e;</r>';
    const { document, diagnostics } = parseXml(text, "f");
    expect(document).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["XML_DOCTYPE", 1],
      ["XML_MALFORMED", 4],
    ]);
    const clean = parseXml("<!DOCTYPE r>\n<r/>", "f");
    expect(clean.diagnostics.map((d) => d.code)).toEqual(["XML_DOCTYPE"]);
    expect(clean.document!.lines.at(clean.document!.root.offset).line).toBe(2);
  });
});

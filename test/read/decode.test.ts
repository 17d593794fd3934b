import { describe, expect, it } from "vitest";
import { decodeXmlBytes } from "../../src/read/decode.js";

const utf8 = (text: string) => new TextEncoder().encode(text);
function utf16(text: string, order: "le" | "be", bom = true): Uint8Array {
  const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) bytes.set(order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const at = (bom ? 2 : 0) + i * 2;
    bytes[at + (order === "le" ? 0 : 1)] = c & 0xff;
    bytes[at + (order === "le" ? 1 : 0)] = c >> 8;
  }
  return bytes;
}
const decl = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?><a>ü</a>`;
const codes = (bytes: Uint8Array) => decodeXmlBytes(bytes, "f.admx").diagnostics.map((d) => d.code);

describe("encoding detection", () => {
  it.each([
    ["UTF-8 without BOM or declaration", utf8("<a>ü</a>"), "utf-8"],
    ["UTF-8 with BOM, declared utf-8", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(decl("utf-8"))]), "utf-8"],
    ["UTF-16LE with BOM, declared utf-16", utf16(decl("utf-16"), "le"), "utf-16le"],
    ["UTF-16BE with BOM, declared UTF-16", utf16(decl("UTF-16"), "be"), "utf-16be"],
    [
      "Windows-1252 declared",
      new Uint8Array([...utf8('<?xml version="1.0" encoding="windows-1252"?><a>'), 0xfc, ...utf8("</a>")]),
      "windows-1252",
    ],
  ])("%s: read without a finding", (_, bytes, encoding) => {
    const decoded = decodeXmlBytes(bytes, "f.admx");
    expect(decoded.diagnostics).toEqual([]);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toMatch(/<a>ü<\/a>$/);
    expect(decoded.text.startsWith("\uFEFF")).toBe(false);
  });

  it('encoding="unicode" (MSXML\'s name for UTF-16, as in Search.admx) reads as UTF-16 with a warning', () => {
    const decoded = decodeXmlBytes(utf16(decl("unicode"), "le"), "f.admx");
    expect(decoded.encoding).toBe("utf-16le");
    expect(decoded.text).toMatch(/<a>ü<\/a>$/);
    expect(decoded.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["XML_ENCODING_UNICODE", "warning"],
    ]);
    expect(codes(utf8(decl("unicode")))).toEqual(["XML_ENCODING_UNICODE", "XML_ENCODING_MISMATCH"]);
  });

  it.each(["constructor", "__proto__", "tostring"])(
    'encoding="%s" is unsupported, never a prototype member',
    (name) => {
      expect(codes(utf8(decl(name)))).toEqual(["XML_ENCODING_UNSUPPORTED"]);
    },
  );

  it("a UTF-8 file declared utf-16 is the mismatch GPMC refuses", () => {
    expect(codes(utf8(decl("utf-16")))).toEqual(["XML_ENCODING_MISMATCH"]);
    const d = decodeXmlBytes(utf8(decl("utf-16")), "f.admx").diagnostics[0]!;
    expect(d).toMatchObject({
      severity: "error",
      file: "f.admx",
      line: 1,
      column: 1,
      params: { declared: "utf-16", detected: "UTF-8" },
    });
  });

  it("UTF-16 declared utf-8, UTF-8 with BOM declared windows-1252, ASCII with other bytes: mismatches", () => {
    expect(codes(utf16(decl("utf-8"), "le"))).toEqual(["XML_ENCODING_MISMATCH"]);
    expect(codes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(decl("windows-1252"))]))).toEqual([
      "XML_ENCODING_MISMATCH",
    ]);
    expect(codes(utf8(decl("us-ascii")))).toEqual(["XML_ENCODING_MISMATCH"]);
  });

  it("UTF-16 without a byte order mark is read, with a warning", () => {
    const decoded = decodeXmlBytes(utf16(decl("utf-16"), "le", false), "f.admx");
    expect(decoded.text).toBe(decl("utf-16"));
    expect(decoded.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["XML_UTF16_WITHOUT_BOM", "warning"],
    ]);
  });

  it("bytes that are not UTF-8, and an unknown encoding, are errors; the text is still returned", () => {
    const bad = new Uint8Array([...utf8("<a>"), 0xff, ...utf8("</a>")]);
    expect(codes(bad)).toEqual(["XML_ENCODING_INVALID_BYTES"]);
    expect(decodeXmlBytes(bad, "f").text).toBe("<a>\uFFFD</a>");
    expect(codes(utf8(decl("shift_jis")))).toEqual(["XML_ENCODING_UNSUPPORTED"]);
  });
});

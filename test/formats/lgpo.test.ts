import { describe, expect, it } from "vitest";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import { binaryEntry, encodePol, multiSzEntry, szEntry } from "../../src/pol/index.js";
import {
  checkLgpoEntries,
  decodeLgpoBytes,
  encodeLgpoText,
  formatLgpoText,
  parseLgpoText,
} from "../../src/formats/index.js";
import type { PolEntry } from "../../src/pol/index.js";
import { hex } from "../helpers/pol-kit.js";
import { K, K2, SAMPLE } from "../helpers/sample-entries.js";

const LINES: PolEntry = {
  key: K,
  valueName: "Lines",
  type: 1,
  data: hex("6f 00 0d 00 0a 00 74 00 00 00 5c 00 00 00"),
};
/** SAMPLE without what LGPO text cannot carry: the default value (empty name) and DWORD_BIG_ENDIAN. */
const ENTRIES: PolEntry[] = [
  ...SAMPLE.filter((_, i) => i !== 8 && i !== 15),
  binaryEntry(K, "Short", hex("00 ff 10")),
  LINES,
];

const record = (key: string, name: string, action: string) =>
  `Computer\r\n${key}\r\n${name}\r\n${action}\r\n`;
const EXPECTED = [
  record(K, "*", "CREATEKEY"),
  record(K, "*", "DELETEALLVALUES"),
  record(K, "Sz", 'SZ:C:\\\\Path "q"'),
  record(K, "Exp", "EXSZ:%SystemRoot%\\\\x"),
  record(K, "Multi", "MULTISZ:a\\0b"),
  record(K, "Dw", "DWORD:10"),
  record(K, "Qw", "QWORD:4294967296"),
  record(
    K,
    "Bin",
    `BINARY:${Array.from({ length: 60 }, (_, i) => i.toString(16).padStart(2, "0")).join(",")}`,
  ),
  record(K, "Old", "DELETE"),
  record(K, "**DeleteValues", "SZ:x;y"),
  record(K, "*", "DELETEKEYS:Sub1;Sub2"),
  record(K, "After", "DWORD:1"),
  record(K2, "**SecureKey", "DWORD:1"),
  record(K2, "**soft.Soft", "DWORD:5"),
  record(K, "Short", "BINARY:00,ff,10"),
  record(K, "Lines", "SZ:o\\r\\nt\\0\\\\"),
].join("\r\n");

describe("LGPO text", () => {
  it("writes one record per entry with LGPO's action words", () => {
    expect(formatLgpoText(ENTRIES, "machine")).toBe(EXPECTED);
  });

  it("parses its own output back to the same bytes", () => {
    const parsed = parseLgpoText(EXPECTED);
    expect(parsed).toMatchObject({ ok: true, user: [] });
    if (!parsed.ok) return;
    expect(Buffer.from(encodePol(parsed.machine)).equals(Buffer.from(encodePol(ENTRIES)))).toBe(true);
  });

  it("writes User records and keeps the hives apart when parsing, with LF, comments and blank lines", () => {
    const user = formatLgpoText([szEntry(K, "A", "1")], "user");
    expect(user).toBe("User\r\nSoftware\\Policies\\Test\r\nA\r\nSZ:1\r\n");
    const text = `; comment\n\n${user.replace(/\r\n/g, "\n")}\n\n\nComputer\nK\nB\nDWORD:2\n`;
    const parsed = parseLgpoText(text);
    expect(parsed.ok && parsed.user.map((e) => e.valueName)).toEqual(["A"]);
    expect(parsed.ok && parsed.machine.map((e) => e.valueName)).toEqual(["B"]);
  });

  it("writes a non-canonical deletion literally so it still round-trips", () => {
    const upper: PolEntry = { key: K, valueName: "**DEL.X", type: 1, data: hex("20 00 00 00") };
    expect(formatLgpoText([upper], "machine")).toBe(record(K, "**DEL.X", "SZ: "));
    const parsed = parseLgpoText(formatLgpoText([upper], "machine"));
    expect(parsed.ok && parsed.machine).toEqual([upper]);
  });

  it("reads `MULTISZ:` as the empty list", () => {
    const empty = multiSzEntry(K, "M", []);
    expect(formatLgpoText([empty], "machine")).toBe(record(K, "M", "MULTISZ:"));
    expect(parseLgpoText(record(K, "M", "MULTISZ:"))).toMatchObject({ ok: true, machine: [empty] });
  });

  it.each<[string, PolEntry]>([
    ["an empty value name", szEntry(K, "", "x")],
    ["DWORD_BIG_ENDIAN", { key: K, valueName: "B", type: 5, data: hex("00 00 00 01") }],
    ["REG_NONE with a name", { key: K, valueName: "N", type: 0, data: new Uint8Array(0) }],
    ["a 3-byte DWORD", { key: K, valueName: "D", type: 4, data: hex("01 02 03") }],
    ["REG_SZ without its NUL", { key: K, valueName: "S", type: 1, data: hex("41 00") }],
    ["a MULTI_SZ of one empty string", multiSzEntry(K, "M", [""])],
    ["a line break in the value name", szEntry(K, "a\nb", "x")],
    ["a line break in the key", szEntry("A\r\nB", "a", "x")],
  ])("refuses %s", (_, entry) => {
    expect(checkLgpoEntries([szEntry(K, "ok", "x"), entry], "machine")).toEqual([
      expect.objectContaining({
        code: "LGPO_UNREPRESENTABLE",
        params: expect.objectContaining({ index: 1 }),
      }),
    ]);
    expect(() => formatLgpoText([entry], "machine")).toThrow(AdmxkitError);
  });

  it.each<[string, string, string, number]>([
    ["an unknown scope", "Machine\r\nK\r\nV\r\nDWORD:1\r\n", "LGPO_BAD_SCOPE", 1],
    ["a record cut short", "Computer\r\nK\r\nV\r\n", "LGPO_INCOMPLETE_RECORD", 4],
    ["a lowercase action word", "Computer\r\nK\r\nV\r\ndword:1\r\n", "LGPO_BAD_ACTION", 4],
    ["DELETE with data", "Computer\r\nK\r\nV\r\nDELETE:x\r\n", "LGPO_BAD_ACTION", 4],
    ["a non-decimal DWORD", "Computer\r\nK\r\nV\r\nDWORD:0x10\r\n", "LGPO_BAD_DATA", 4],
    ["a DWORD over 32 bits", "\r\nComputer\r\nK\r\nV\r\nDWORD:4294967296\r\n", "LGPO_BAD_DATA", 5],
    ["bad hex", "Computer\r\nK\r\nV\r\nBINARY:0g\r\n", "LGPO_BAD_DATA", 4],
  ])("reports %s", (_, text, code, line) => {
    expect(parseLgpoText(text)).toEqual({ ok: false, error: expect.objectContaining({ code, line }) });
  });
});

describe("LGPO file bytes", () => {
  it("stays ASCII when it can and uses UTF-16LE with BOM otherwise", () => {
    expect([...encodeLgpoText("Computer\r\n")]).toEqual([...Buffer.from("Computer\r\n", "latin1")]);
    const bytes = encodeLgpoText("SZ:é");
    expect([...bytes]).toEqual([0xff, 0xfe, 0x53, 0x00, 0x5a, 0x00, 0x3a, 0x00, 0xe9, 0x00]);
  });

  it("decodes both encodings back to the text", () => {
    for (const text of [EXPECTED, "User\r\nK\r\n名前\r\nSZ:😀\r\n"])
      expect(decodeLgpoBytes(encodeLgpoText(text))).toBe(text);
    expect(decodeLgpoBytes(Uint8Array.of(0x41, 0xe9))).toBe("Aé");
  });
});

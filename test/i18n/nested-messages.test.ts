import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AdmxkitError, formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { readPolFile } from "../../src/io/read-gpo-input.js";
import { checkBundle } from "../../src/model/check-bundle.js";
import { formatMessage, inEnglish } from "../../src/i18n/messages.js";
import { decodePol } from "../../src/pol/decode.js";
import { parseLgpoText } from "../../src/formats/lgpo-parse.js";
import { smallBundle } from "../helpers/bundle-fixtures.js";
import { tempDir } from "../helpers/cli.js";

async function polError(bytes: Uint8Array) {
  const dir = await tempDir();
  await writeFile(join(dir, "bad.pol"), bytes);
  try {
    await readPolFile(join(dir, "bad.pol"));
  } catch (error) {
    if (error instanceof AdmxkitError) return error.diagnostics[0]!;
    throw error;
  }
  throw new Error("readPolFile accepted a broken file");
}

describe("details worded in the reader's language (issues 13.6, 15.12)", () => {
  it("a Registry.pol decoding error reads in Japanese with ja-JP, in English in its message", async () => {
    const d = await polError(new TextEncoder().encode("not a pol"));
    expect(d.code).toBe("POL_FILE_INVALID");
    expect(formatDiagnostic(d, "ja-JP")).toContain(
      "は正しい Registry.pol ファイルではありません: Registry.pol ファイルではありません (先頭に PReg シグネチャがありません) (バイト 0): 期待した内容は 50 52 65 67 ('PReg')、実際は 6e 6f 74 20",
    );
    expect(formatDiagnostic(d, "ja-JP")).not.toMatch(/signature|expected|found/);
    expect(d.message).toMatch(
      /is not a valid Registry\.pol file: not a Registry\.pol file \(it does not start with the PReg signature\) at byte 0: expected 50 52 65 67 \('PReg'\), found 6e 6f 74 20$/,
    );
  });

  it("names the entry of a truncated file in both languages", async () => {
    // Signature and version, then an entry cut after its opening bracket.
    const bytes = new Uint8Array([0x50, 0x52, 0x65, 0x67, 1, 0, 0, 0, 0x5b, 0]);
    const d = await polError(bytes);
    expect(d.message).toMatch(/ in entry 1\b|in entry 0\b/);
    expect(formatDiagnostic(d, "ja-JP")).toMatch(/、エントリ \d/);
    expect(formatDiagnostic(d, "ja-JP")).not.toContain("entry");
  });

  it("zod's own description of a shape error reads in Japanese with ja-JP, ours stay as written", () => {
    const bundle = structuredClone(smallBundle()) as any;
    bundle.policies[0].class = "Computer";
    const d = checkBundle(bundle).diagnostics.find((x) => x.path?.join(".") === "policies.0.class")!;
    expect(d.code).toBe("MODEL_INVALID");
    expect(d.message).toContain('Invalid option: expected one of "Machine"|"User"|"Both"');
    const ja = formatDiagnostic(d, "ja-JP");
    expect(ja).toContain(
      '無効な選択: "Machine"、"User"、"Both"のいずれかである必要があります。値: "Computer"',
    );
    expect(ja).not.toMatch(/Invalid|expected/);
  });
});

describe("what the Registry.pol and LGPO readers expected, worded in Japanese (issue 13.6)", () => {
  const u16 = (text: string) => [...text].flatMap((c) => [c.charCodeAt(0), 0]);
  const head = [0x50, 0x52, 0x65, 0x67, 1, 0, 0, 0];
  const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];
  const entry = (type: number[], size: number[], data: number[] = []) => [
    ...u16("["),
    ...u16("K"),
    0,
    0,
    ...u16(";"),
    ...u16("V"),
    0,
    0,
    ...u16(";"),
    ...type,
    ...u16(";"),
    ...size,
    ...u16(";"),
    ...data,
    ...u16("]"),
  ];
  // One broken file per phrase the decoder can expect (its en-US text, then what must not stay English).
  const files: [string, number[]][] = [
    ["'[' or the end of the file", [...head, 0x41, 0]],
    ["a NUL-terminated key", [...head, ...u16("["), ...u16("K")]],
    ["a NUL-terminated value name", [...head, ...u16("["), ...u16("K"), 0, 0, ...u16(";"), ...u16("V")]],
    [
      "a 32-bit type",
      [...head, ...u16("["), ...u16("K"), 0, 0, ...u16(";"), ...u16("V"), 0, 0, ...u16(";"), 1],
    ],
    [
      "a 32-bit size",
      [
        ...head,
        ...u16("["),
        ...u16("K"),
        0,
        0,
        ...u16(";"),
        ...u16("V"),
        0,
        0,
        ...u16(";"),
        ...le32(1),
        ...u16(";"),
        4,
      ],
    ],
    ["at most", [...head, ...entry(le32(4), le32(99), [1, 0, 0, 0])]],
    ["a 32-bit version", [0x50, 0x52, 0x65, 0x67, 1]],
  ];

  it.each(files)("Registry.pol expecting %s", (english, bytes) => {
    const result = decodePol(new Uint8Array(bytes));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatMessage(result.error.code, result.error.params, "en-US")).toContain(`expected ${english}`);
    expect(inEnglish(result.error.params.expected).startsWith(english)).toBe(true);
    const ja = formatMessage(result.error.code, result.error.params, "ja-JP");
    expect(ja).toContain("期待した内容は");
    expect(ja, ja).not.toMatch(
      /\b(?:or|the|of|a|an|at|most|size|type|key|value|name|version|even|string|data)\b/,
    );
  });

  it.each([
    ["Computer or User", "Machine\r\n"],
    ["key, value name and action", "Computer\r\nK\r\n"],
    ["a decimal number", "Computer\r\nK\r\nV\r\nDWORD:x\r\n"],
    ["a 32-bit number", "Computer\r\nK\r\nV\r\nDWORD:99999999999\r\n"],
    ["hex bytes like 00,ff", "Computer\r\nK\r\nV\r\nBINARY:zz\r\n"],
    ["DWORD:, QWORD:", "Computer\r\nK\r\nV\r\nNUMBER:1\r\n"],
  ])("LGPO text expecting %s", (english, text) => {
    const result = parseLgpoText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatMessage(result.error.code, result.error.params, "en-US")).toContain(english);
    const ja = formatMessage(result.error.code, result.error.params, "ja-JP");
    expect(ja).toContain("LGPO テキストの");
    expect(ja, ja).not.toMatch(/\b(?:or|like|number|decimal|bit|hex|bytes|key|value|name|and|action)\b/);
  });
});

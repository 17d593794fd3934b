/**
 * A raw registry entry of a values file's `registry` section whose data is not in the form of its type
 * says what the form is (VALUES_RAW_BAD_DATA). That phrase is a message of its own, worded in the
 * language the finding is shown in: a Japanese message carries no English detail (issue 15.12).
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { formatMessage, type MessageRef } from "../../src/i18n/messages.js";
import { fromDumpRecord } from "../../src/formats/index.js";
import { registrySectionEntries } from "../../src/values/registry-section.js";
import type { RegistryRecord } from "../../src/values/schema.js";
import { runCli, tempDir } from "../helpers/cli.js";

/**
 * English left in a Japanese text: any run of two or more Latin letters once the names a user types
 * are taken out (registry type names, the `size` field of a record).
 */
function englishIn(text: string): string[] {
  return (
    text
      .replace(/\bREG_[A-Z_]+\b/g, "")
      .replace(/\bsize\b/g, "")
      .match(/[A-Za-z]{2,}/g) ?? []
  );
}

const record = (type: string | number, data: RegistryRecord["data"]): RegistryRecord => ({
  key: "Software\\Policies\\Contoso",
  valueName: "Value",
  type,
  data,
});

// One record per phrase the check can give: [type, bad data, en-US text of what the data must be].
const CASES: [string | number, RegistryRecord["data"], string][] = [
  ["REG_SZ", 5, "a string, or hex digits (two per byte) with their size"],
  ["REG_EXPAND_SZ", ["a"], "a string, or hex digits (two per byte) with their size"],
  ["REG_MULTI_SZ", 7, "an array of strings, or hex digits (two per byte) with their size"],
  ["REG_DWORD", -1, "a number from 0 to 4294967295, or hex digits (two per byte) with their size"],
  [
    "REG_DWORD_BIG_ENDIAN",
    4294967296,
    "a number from 0 to 4294967295, or hex digits (two per byte) with their size",
  ],
  [
    "REG_QWORD",
    "-1",
    "a string of decimal digits up to 18446744073709551615, or hex digits (two per byte) with their size",
  ],
  ["REG_BINARY", "xyz", "hex digits (two per byte)"],
  [0x1234, 1, "hex digits (two per byte)"],
];

describe("what a raw registry entry's data must be, in both languages (issue 15.12)", () => {
  it.each(CASES)("%s with data %j", (type, data, english) => {
    const read = fromDumpRecord(record(type, data));
    expect(read.ok).toBe(false);
    if (read.ok || read.error.code !== "VALUES_RAW_BAD_DATA") throw new Error("not VALUES_RAW_BAD_DATA");
    const expected = read.error.params.expected as MessageRef;
    expect(formatMessage(expected.code, expected.params, "en-US")).toBe(english);
    const ja = formatMessage(expected.code, expected.params, "ja-JP");
    expect(englishIn(ja), ja).toEqual([]);

    const { entries, diagnostics } = registrySectionEntries([record(type, data)], "machine", "v.json");
    expect(entries).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(["VALUES_RAW_BAD_DATA"]);
    const d = diagnostics[0]!;
    expect(d.message).toBe(`raw registry entry: the data of a ${String(type)} entry must be ${english}`);
    expect(formatDiagnostic(d, "en-US")).toContain(english);
    const message = formatMessage(d.code, d.params, "ja-JP");
    expect(message).toBe(`レジストリの生エントリ: ${String(type)} のデータには ${ja} を指定してください`);
    expect(englishIn(message), message).toEqual([]);
  });

  it("the CLI words them in Japanese (binary)", async () => {
    const cwd = await tempDir();
    const registry = { machine: CASES.map(([type, data]) => record(type, data)) };
    await writeFile(join(cwd, "v.json"), JSON.stringify({ registry }));
    const args = ["pol", "--values", "v.json", "--out", "R.pol"];
    const en = await runCli(args, { cwd });
    expect(en.code).toBe(1);
    for (const [, , english] of CASES) expect(en.stderr).toContain(`entry must be ${english}`);

    const ja = await runCli([...args, "--lang", "ja-JP"], { cwd });
    expect(ja.code).toBe(1);
    const lines = ja.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(CASES.length);
    for (const line of lines) {
      // The message alone: the file name, code and path around it are names, not wording.
      const message = line
        .replace(/^v\.json: エラー VALUES_RAW_BAD_DATA: /, "")
        .replace(/ \([^)]*\]\.data\)$/, "");
      expect(message).toMatch(/^レジストリの生エントリ: /);
      expect(englishIn(message), line).toEqual([]);
    }
  });
});

describe("a raw entry's shape and storability, worded in Japanese (issue 15.12)", () => {
  async function run(registry: unknown, lang: string) {
    const dir = await tempDir();
    const file = join(dir, "values.json");
    await writeFile(file, JSON.stringify({ machine: {}, registry: { machine: registry } }));
    return runCli(["pol", "--values", file, "--out", join(dir, "out.pol"), "--lang", lang]);
  }

  it.each([
    // Size that does not fit the type: Registry.pol cannot store it (POL_BAD_DATA_SIZE).
    [
      "a DWORD of 3 bytes",
      [{ key: "Software\\C", valueName: "V", type: 4, data: "000000", size: 3 }],
      "needs 4 bytes, got 3",
    ],
    // A field no record has (VALUES_RAW_SHAPE, our own phrase).
    [
      "an unknown field",
      [{ key: "Software\\C", valueName: "V", type: "REG_SZ", data: "x", colour: "red" }],
      "unknown field colour",
    ],
    // A field of the wrong JSON type (VALUES_RAW_SHAPE, zod's phrase).
    ["a key that is a number", [{ key: 5, valueName: "V", type: "REG_SZ", data: "x" }], "Invalid input"],
  ])("%s", async (_, registry, english) => {
    const en = await run(registry, "en-US");
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(english);
    const ja = await run(registry, "ja-JP");
    expect(ja.code).toBe(1);
    const message = ja.stderr.split("\n").find((line) => line.includes("VALUES_RAW"))!;
    expect(message, ja.stderr).toBeDefined();
    // Only what the user wrote or the format names stays Latin: the file name, codes, the field names,
    // the place in the file, and zod's own Japanese for a JSON type ("string が期待されました").
    const text = message
      .replace(/^.*?VALUES_RAW_[A-Z_]+:/, "")
      .replace(/ \([a-z.[\]0-9]+\)$/, "")
      .replace(/string/g, "")
      .replace(/"[^"]*"|admxkit dump --json|key|valueName|type|data|size|colour|Registry\.pol/g, "");
    expect(englishIn(text), message).toEqual([]);
  });
});

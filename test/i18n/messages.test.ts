import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AdmxkitError, diag, formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { readPolFile } from "../../src/io/read-gpo-input.js";
import { DIAGNOSTIC_CODES } from "../../src/i18n/codes.js";
import { formatMessage, messageRef } from "../../src/i18n/messages.js";
import { tempDir } from "../helpers/cli.js";
import { loadToolCatalog } from "../../src/i18n/messages.js";
import { checkPolEntries, decodePol, szEntry } from "../../src/pol/index.js";
import { formatRegText, parseLgpoText } from "../../src/formats/index.js";
import { REPO_ROOT } from "../helpers/cli.js";

/** Every `diag("CODE"` in the sources, so that a new code without wording fails here. */
async function codesUsedInSources(): Promise<Set<string>> {
  const codes = new Set<string>();
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".ts")) {
        for (const match of (await readFile(path, "utf8")).matchAll(/\bdiag\(\s*"([A-Z0-9_]+)"/g))
          codes.add(match[1]!);
      }
    }
  };
  await walk(join(REPO_ROOT, "src"));
  return codes;
}

describe("message catalogs", () => {
  it("word every diagnostic code in en-US and ja-JP", async () => {
    const en = loadToolCatalog("en-US").messages;
    const ja = loadToolCatalog("ja-JP").messages;
    const codes = [...(await codesUsedInSources())].sort();
    expect(codes.length).toBeGreaterThan(20);
    expect(codes.filter((c) => !(c in en))).toEqual([]);
    expect(codes.filter((c) => !(c in ja))).toEqual([]);
  });

  it("have the same keys and placeholders in both languages", () => {
    const en = loadToolCatalog("en-US");
    const ja = loadToolCatalog("ja-JP");
    for (const section of Object.keys(en)) {
      expect(Object.keys(ja[section] ?? {}).sort(), section).toEqual(Object.keys(en[section]!).sort());
    }
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, text] of Object.entries(en.messages)) {
      expect(placeholders(ja.messages[code] ?? ""), code).toEqual(placeholders(text));
    }
  });

  it("hold exactly the listed codes, and the list is sorted without repeats (one code a line)", () => {
    const listed = [...DIAGNOSTIC_CODES];
    expect(listed).toEqual([...new Set(listed)].sort());
    expect(Object.keys(loadToolCatalog("en-US").messages).sort()).toEqual(listed);
  });

  it("word the Registry.pol codec's errors in both languages", () => {
    const version = decodePol(new Uint8Array([0x50, 0x52, 0x65, 0x67, 2, 0, 0, 0]));
    if (version.ok) throw new Error("expected a decode error");
    expect(formatMessage(version.error.code, version.error.params)).toBe(
      "this Registry.pol version is not supported (only version 1 exists) at byte 4: expected 1, found 2",
    );
    expect(formatMessage(version.error.code, version.error.params, "ja-JP")).toBe(
      "この Registry.pol のバージョンには対応していません (存在するのはバージョン 1 のみです) (バイト 4): 期待した内容は 1、実際は 2",
    );
    const delimiter = diag("POL_BAD_DELIMITER", {
      offset: 14,
      entry: 3,
      expected: "';'",
      found: "U+002C ','",
    });
    expect(formatMessage(delimiter.code, delimiter.params, "ja-JP")).toBe(
      "区切り文字があるべき位置に別の文字があります (バイト 14、エントリ 3): 期待した内容は ';'、実際は U+002C ','",
    );
    const key = "A\\\\B";
    const [issue] = checkPolEntries([szEntry("A", "ok", "x"), szEntry(key, "V", "x")]);
    expect(issue).toMatchObject({ code: "POL_KEY_EMPTY_COMPONENT", params: { index: 1, key } });
    expect(issue!.message).toBe(`the key path has an empty component (${JSON.stringify(key)})`);
    const problem = messageRef(issue!.code, issue!.params);
    expect(formatMessage("POL_ENCODE_ENTRY", { index: 1, problem }, "ja-JP")).toBe(
      `エントリ 1: キー パスに空の要素があります (${JSON.stringify(key)})`,
    );
  });

  it("word LGPO text errors and .reg refusals from the catalogs", () => {
    const parsed = parseLgpoText("Computer\r\nK\r\nV\r\ndword:1\r\n");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatchObject({ code: "LGPO_BAD_ACTION", line: 4 });
    expect(parsed.error.message).toMatch(/^line 4 of the LGPO text: expected DWORD:, .* found dword:1$/);
    expect(formatMessage(parsed.error.code, parsed.error.params, "ja-JP")).toMatch(
      /^LGPO テキストの 4 行目: 操作には DWORD:, .*dword:1 がありました$/,
    );
    const refused = (() => {
      try {
        formatRegText([szEntry("Software\\A\nB", "V", "x")], "machine");
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(AdmxkitError);
    const [unsafe] = (refused as AdmxkitError).diagnostics;
    expect(unsafe!.message).toMatch(/^entry 1: the key Software\\A<U\+000A>B contains U\+000A/);
  });

  it("word a message carried inside another in the language it is shown in", async () => {
    const file = join(await tempDir(), "bad.pol");
    await writeFile(file, new Uint8Array([0x50, 0x52, 0x65, 0x67, 2, 0, 0, 0]));
    const caught = await readPolFile(file).catch((error: unknown) => error);
    const [d] = (caught as { diagnostics: Parameters<typeof formatDiagnostic>[0][] }).diagnostics;
    expect(formatDiagnostic(d!)).toBe(
      `${file}: error POL_FILE_INVALID: ${file} is not a valid Registry.pol file: this Registry.pol version is not supported (only version 1 exists) at byte 4: expected 1, found 2`,
    );
    expect(formatDiagnostic(d!, "ja-JP")).toBe(
      `${file}: エラー POL_FILE_INVALID: ${file} は正しい Registry.pol ファイルではありません: この Registry.pol のバージョンには対応していません (存在するのはバージョン 1 のみです) (バイト 4): 期待した内容は 1、実際は 2`,
    );
    // A placeholder is filled from the params' own properties only.
    expect(formatMessage("POL_READ_FAILED", { reason: "r" })).toBe("cannot read {file}: r");
  });
});

import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { readPolFile } from "../../src/io/read-gpo-input.js";
import { DIAGNOSTIC_CODES } from "../../src/i18n/codes.js";
import { formatMessage } from "../../src/i18n/messages.js";
import { tempDir } from "../helpers/cli.js";
import { loadToolCatalog } from "../../src/i18n/messages.js";
import {
  describeLgpoParseError,
  describePolDecodeError,
  describePolEncodeIssue,
  formatRegText,
  parseLgpoText,
  RegFormatError,
  szEntry,
} from "../../src/pol/index.js";
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
    const error = { code: "POL_BAD_VERSION", offset: 4, expected: "1", found: "2" } as const;
    expect(describePolDecodeError(error)).toBe(
      "this Registry.pol version is not supported (only version 1 exists) at byte 4: expected 1, found 2",
    );
    expect(describePolDecodeError({ ...error, entry: 3 }, "ja-JP")).toBe(
      "この Registry.pol のバージョンには対応していません (存在するのはバージョン 1 のみです) (バイト 4、エントリ 3): 期待した内容は 1、実際は 2",
    );
    const issue = { code: "POL_NUL_IN_KEY", index: 2, detail: "at character 5" } as const;
    expect(describePolEncodeIssue(issue)).toBe(
      "entry 2: the key path contains a NUL character (at character 5)",
    );
    expect(describePolEncodeIssue({ ...issue, index: -1 }, "ja-JP")).toBe(
      "キー パスに NUL 文字が含まれています (at character 5)",
    );
  });

  it("word LGPO text errors and .reg refusals from the catalogs", () => {
    const parsed = parseLgpoText("Computer\r\nK\r\nV\r\ndword:1\r\n");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(describeLgpoParseError(parsed.error)).toMatch(
      /^line 4 of the LGPO text: expected DWORD:, .* found dword:1$/,
    );
    expect(describeLgpoParseError(parsed.error, "ja-JP")).toMatch(
      /^LGPO テキストの 4 行目: 操作には DWORD:, .*dword:1 がありました$/,
    );
    const refused = (() => {
      try {
        formatRegText([szEntry("Software\\A\nB", "V", "x")], "machine");
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(RegFormatError);
    expect((refused as Error).message).toMatch(/^entry 0: the key Software\\A<U\+000A>B contains U\+000A/);
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

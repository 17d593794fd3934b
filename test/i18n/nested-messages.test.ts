import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AdmxkitError, formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { readPolFile } from "../../src/io/read-gpo-input.js";
import { checkBundle } from "../../src/model/check-bundle.js";
import { smallBundle } from "../generate/fixtures.js";
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

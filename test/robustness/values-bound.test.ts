/**
 * What `values --from` writes from a Registry.pol admxkit reads, `pol` reads back: the values-file bound
 * follows the Registry.pol bound (src/io/read-input.ts, src/values/values-text.ts). Before, a 5 MB
 * Registry.pol gave a values file past the 16 MiB JSON bound, which `pol` refused (INPUT_TOO_LARGE).
 */
import { readFile, stat, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INPUT_SIZE_LIMITS } from "../../src/io/read-input.js";
import { binaryEntry, encodePol } from "../../src/pol/index.js";
import { runCli, tempDir } from "../helpers/cli.js";

const MiB = 1024 * 1024;

describe("values files admxkit writes are values files admxkit reads", () => {
  it("a 9 MB Registry.pol → a values file over 16 MiB → pol gives back the same bytes", async () => {
    const dir = await tempDir("admxkit-values-bound-");
    // 300 binary values of 30,000 bytes that no policy of the built-in bundle writes: each is kept as
    // a raw entry, its data as hex, twice the bytes.
    const entries = Array.from({ length: 300 }, (_, i) =>
      binaryEntry(
        `Software\\Contoso\\Blob${Math.floor(i / 50)}`,
        `Part${i}`,
        new Uint8Array(30_000).fill(i & 0xff),
      ),
    );
    const pol = join(dir, "Registry.pol");
    const bytes = encodePol(entries);
    await writeFile(pol, bytes);
    const values = join(dir, "gpo.values.json");
    const from = await runCli(["values", "--from", pol, "--out", values]);
    expect(from.code).toBe(0);
    expect((await stat(values)).size).toBeGreaterThan(16 * MiB);
    const back = join(dir, "back.pol");
    const compiled = await runCli(["pol", "--values", values, "--out", back]);
    expect(compiled.stderr).not.toContain("INPUT_TOO_LARGE");
    expect(compiled.code).toBe(0);
    expect(Buffer.from(await readFile(back)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("the values-file bound is four times the Registry.pol bound, and past it pol refuses (en-US, ja-JP)", async () => {
    expect(INPUT_SIZE_LIMITS.values).toBe(4 * INPUT_SIZE_LIMITS.pol);
    const dir = await tempDir("admxkit-values-bound-");
    const values = join(dir, "huge.values.json");
    await writeFile(values, "");
    // Sparse: nothing is written, and nothing is read.
    await truncate(values, INPUT_SIZE_LIMITS.values + 1);
    const out = join(dir, "out.pol");
    const en = await runCli(["pol", "--values", values, "--out", out]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain("INPUT_TOO_LARGE");
    expect(en.stderr).toContain("268,435,456");
    const ja = await runCli(["pol", "--values", values, "--out", out, "--lang", "ja-JP"]);
    expect(ja.code).toBe(1);
    expect(ja.stderr).toContain("268,435,456 バイト");
  });
});

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodePol } from "../../src/pol/index.js";
import { formatJsonLines, formatPolTable } from "../../src/formats/index.js";
import { REPO_ROOT, runCli, SHARED, tempDir } from "../helpers/cli.js";

const EXAMPLE_POL = join(REPO_ROOT, "examples/defender-proxy.Registry.pol");
const CHROME_POL = join(SHARED, "reference/registry-pol/chrome-computer.registry.pol");

async function entriesOf(file: string) {
  const decoded = decodePol(new Uint8Array(await readFile(file)));
  if (!decoded.ok) throw new Error(`${file} does not decode`);
  return decoded.entries;
}

describe("admxkit dump", () => {
  it("prints a table of the entries", async () => {
    const result = await runCli(["dump", EXAMPLE_POL]);
    expect(result.code, result.stderr).toBe(0);
    // Not a terminal: no cell is cut.
    expect(result.stdout).toBe(formatPolTable(await entriesOf(EXAMPLE_POL), { maxCellWidth: Infinity }));
    expect(result.stdout.split("\n")[0]).toMatch(/^KEY\s+VALUE NAME\s+TYPE\s+SIZE\s+DATA$/);
    expect(result.stdout).toContain("ProxyServer");
  });

  it("prints one JSON object per line with --json", async () => {
    const result = await runCli(["dump", CHROME_POL, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(formatJsonLines(await entriesOf(CHROME_POL)));
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toContainEqual({
      key: "Software\\Policies\\Google\\Chrome",
      valueName: "**del.NetworkPredictionOptions",
      type: "REG_SZ",
      size: 4,
      data: " ",
    });
    expect(lines.at(-1)).toEqual({
      key: "Software\\Policies\\Google\\Update",
      valueName: "AutoUpdateCheckPeriodMinutes",
      type: "REG_DWORD",
      size: 4,
      data: 10080,
    });
  });

  it("refuses a malformed file with the byte offset and what was expected (exit 1)", async () => {
    const cwd = await tempDir();
    const bytes = new Uint8Array(await readFile(EXAMPLE_POL));
    await writeFile(join(cwd, "bad.pol"), bytes.subarray(0, bytes.length - 3));
    await writeFile(join(cwd, "text.pol"), "hello");
    const truncated = await runCli(["dump", "bad.pol"], { cwd });
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toBe("");
    expect(truncated.stderr).toMatch(
      /^bad\.pol: error POL_FILE_INVALID: bad\.pol is not a valid Registry\.pol file: .* at byte \d+/,
    );
    const text = await runCli(["dump", "text.pol", "--lang", "ja-JP"], { cwd });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain("text.pol は正しい Registry.pol ファイルではありません");
  });

  it("names a missing file (exit 1) and needs a file argument (exit 2)", async () => {
    const missing = await runCli(["dump", "nope.pol"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nope.pol: error INPUT_NOT_FOUND: no such file or folder: nope.pol");
    expect((await runCli(["dump"])).code).toBe(2);
  });
});

describe("admxkit schema values", () => {
  it("prints the JSON Schema of the bundle's values files, which accepts the example", async () => {
    const result = await runCli(["schema", "values", "--bundle", "defender-proxy"]);
    expect(result.code, result.stderr).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(Object.keys(schema.properties.machine.properties)).toHaveLength(7);
    const example = JSON.parse(
      await readFile(join(REPO_ROOT, "examples/defender-proxy.values.json"), "utf8"),
    );
    expect(z.fromJSONSchema(schema).safeParse(example).success).toBe(true);
    expect(z.fromJSONSchema(schema).safeParse({ machine: { Nope: { state: "enabled" } } }).success).toBe(
      false,
    );
  });

  it("uses the default bundle without --bundle, and still prints the bundle schema", async () => {
    const values = await runCli(["schema", "values"]);
    expect(JSON.parse(values.stdout).title).toBe("admxkit values for the bundle defender-proxy");
    const bundle = await runCli(["schema", "bundle"]);
    expect(bundle.code).toBe(0);
    expect(JSON.parse(bundle.stdout).title).toBe("admxkit bundle");
  });

  it("fails with exit 1 for an unknown bundle", async () => {
    const result = await runCli(["schema", "values", "--bundle", "nosuch"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("BUNDLE_NOT_FOUND");
  });
});

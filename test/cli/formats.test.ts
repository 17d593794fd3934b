import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spec as polSpec } from "../../src/cli/commands/pol.js";
import { ENTRY_FORMATS, isUtf8TextFormat } from "../../src/formats/index.js";
import { REPO_ROOT, runCli, tempDir } from "../helpers/cli.js";
import { expectGoldenFiles } from "../helpers/golden.js";

const VALUES = join(REPO_ROOT, "examples", "defender-proxy.values.json");
const EXAMPLE_POL = join(REPO_ROOT, "examples", "defender-proxy.Registry.pol");
const GOLDEN = join(REPO_ROOT, "test", "fixtures", "gpo", "golden");

async function polTo(format: string): Promise<Buffer> {
  const out = join(await tempDir(), `out.${format}`);
  const result = await runCli(["pol", "--values", VALUES, "--format", format, "--out", out]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return readFile(out);
}

describe("the formats of pol --format", () => {
  it("are the formats room's one list, each classed as UTF-8 text (fit for a terminal) or not", () => {
    expect(polSpec.options.find((o) => o.name === "format")?.choices).toBe(ENTRY_FORMATS);
    expect(ENTRY_FORMATS.filter(isUtf8TextFormat)).toEqual(["json", "ps1"]);
  });
});

describe("admxkit pol --format ps1 | lgpo", () => {
  it("writes the golden PowerShell script (UTF-8 with BOM, CRLF)", async () => {
    const script = await polTo("ps1");
    expect([...script.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await expectGoldenFiles(join(GOLDEN, "script"), [
      { path: "defender-proxy.machine.ps1", content: script },
    ]);
  });

  it("writes the golden LGPO text", async () => {
    const text = await polTo("lgpo");
    await expectGoldenFiles(join(GOLDEN, "lgpo"), [
      { path: "defender-proxy.machine.lgpo.txt", content: text },
    ]);
  });
});

describe("admxkit dump --format lgpo", () => {
  it("converts the example Registry.pol to the same LGPO text as pol --format lgpo", async () => {
    const out = join(await tempDir(), "settings.txt");
    const result = await runCli(["dump", EXAMPLE_POL, "--format", "lgpo", "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(out)).toEqual(await polTo("lgpo"));
    const stdout = await runCli(["dump", EXAMPLE_POL, "--format", "lgpo"]);
    expect(stdout.stdout).toContain(
      "Computer\r\nSoftware\\Policies\\Microsoft\\Windows Defender\r\nProxyServer\r\nSZ:",
    );
  });

  it("labels the records User with --class user", async () => {
    const result = await runCli(["dump", EXAMPLE_POL, "--format", "lgpo", "--class", "user"]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith("User\r\n")).toBe(true);
    expect(result.stdout).not.toContain("Computer");
  });

  it("refuses an entry LGPO cannot express, naming it", async () => {
    const dir = await tempDir();
    // A DWORD_BIG_ENDIAN value: LGPO text has no action for type 5.
    const { encodePol } = await import("../../src/pol/index.js");
    const pol = encodePol([
      { key: "Software\\X", valueName: "Big", type: 5, data: new Uint8Array([0, 0, 0, 1]) },
    ]);
    const { writeFile } = await import("node:fs/promises");
    await writeFile(join(dir, "big.pol"), pol);
    const result = await runCli(["dump", join(dir, "big.pol"), "--format", "lgpo"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("LGPO_UNREPRESENTABLE");
    expect(result.stdout).toBe("");
  });
});

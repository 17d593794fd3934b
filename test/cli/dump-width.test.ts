/**
 * `admxkit dump`'s table and the width it is read in: whole cells for a pipe or a file, rows fitted to
 * the terminal's width in a terminal (a pseudo-terminal made by util-linux's `script`).
 */
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, REPO_ROOT, runCli, tempDir } from "../helpers/cli.js";

const POL = join(REPO_ROOT, "examples", "defender-proxy.Registry.pol");
const LONG_KEY = "Software\\Policies\\Microsoft\\Windows Advanced Threat Protection";

/** The dump's lines as a terminal of `stty cols <cols>` (and `env`) shows them. */
function dumpInTerminal(cols: number, env: NodeJS.ProcessEnv = {}, args: readonly string[] = []): string[] {
  const command = `stty cols ${cols}; "${process.execPath}" "${BIN}" dump "${POL}" ${args.join(" ")}`;
  const result = spawnSync("script", ["-qec", command, "/dev/null"], {
    encoding: "utf8",
    env: { ...process.env, LANG: "C", LC_ALL: "", COLUMNS: "", ...env },
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.replace(/\r/g, "").trimEnd().split("\n");
}

describe("dump table width", () => {
  it("cuts nothing when the output is not a terminal", async () => {
    const result = await runCli(["dump", POL]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${LONG_KEY}  PreferStaticProxyForHttpRequest  `);
    expect(result.stdout).not.toContain("…");
  });

  it("cuts nothing in a file written with --out", async () => {
    const out = join(await tempDir(), "dump.txt");
    expect((await runCli(["dump", POL, "--out", out])).code).toBe(0);
    const text = await readFile(out, "utf8");
    expect(text).toContain(LONG_KEY);
    expect(text).not.toContain("…");
  });

  it("fits the rows to a narrow terminal", () => {
    const lines = dumpInTerminal(90);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(90);
    expect(lines.some((line) => line.includes("…"))).toBe(true);
  });

  it("uses a wide terminal's width (or COLUMNS) instead of cutting at 60", () => {
    expect(dumpInTerminal(250).join("\n")).toContain(LONG_KEY);
    expect(dumpInTerminal(80, { COLUMNS: "250" }).join("\n")).toContain(LONG_KEY);
    expect(dumpInTerminal(80).join("\n")).not.toContain(LONG_KEY);
  });

  it("with --bundle, the added columns keep their width and the rows still fit", () => {
    const lines = dumpInTerminal(200, {}, ["--bundle", "defender-proxy"]);
    expect(lines[0]).toMatch(/POLICY +ELEMENT$/);
    for (const line of lines.filter((l) => !l.includes("warning")))
      expect(line.length).toBeLessThanOrEqual(200);
  });
});

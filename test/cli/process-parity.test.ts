/**
 * The suite runs the built CLI in its own process (`runCli`: the bundle's `main`), and spawns the binary
 * only where a process matters (`spawnCli`). This holds that shortcut to account: every command, run
 * both ways in the same folder with the same arguments, exits with the same code, prints the same
 * bytes on stdout and stderr, and writes the same files — for a success and for a refusal, in English
 * and in a Japanese environment.
 */
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/main.js";
import { REPO_ROOT, runCli, SHARED, spawnCli, tempDir } from "../helpers/cli.js";

const MICROSOFT = join(SHARED, "reference", "microsoft");
const VALUES = join(REPO_ROOT, "examples", "defender-proxy.values.json");
const POL = join(REPO_ROOT, "examples", "defender-proxy.Registry.pol");

/** Every file below `dir` with its bytes, by path relative to `dir`. */
async function filesBelow(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = (await readFile(path)).toString("base64");
  }
  return out;
}

let cwd: string;
beforeAll(async () => {
  cwd = await tempDir("admxkit-parity-");
  await writeFile(join(cwd, "bad.json"), JSON.stringify({ machine: { NoSuchPolicy: { state: "enabled" } } }));
  await writeFile(
    join(cwd, "other.json"),
    JSON.stringify({ machine: { ProxyServer: { state: "disabled" } } }),
  );
});

/** Each run, and the exit code it must have (so that both ways cannot agree on a run that went wrong). */
const CASES: { name: string; args: string[]; code: number; env?: NodeJS.ProcessEnv }[] = [
  { name: "--version", code: 0, args: ["--version"] },
  { name: "help in a Japanese environment", code: 0, args: ["--help"], env: { LANG: "ja_JP.UTF-8" } },
  { name: "an unknown command", code: 2, args: ["bulid"] },
  { name: "build", code: 0, args: ["build", "--out", "out"] },
  { name: "build in Japanese", code: 0, args: ["build", "--out", "out", "--lang", "ja-JP"] },
  { name: "validate with findings", code: 1, args: ["validate", MICROSOFT] },
  { name: "validate --json", code: 1, args: ["validate", MICROSOFT, "--json"] },
  { name: "pol", code: 0, args: ["pol", "--values", VALUES, "--out", "out/Registry.pol"] },
  {
    name: "pol with a misspelt policy",
    code: 1,
    args: ["pol", "--values", "bad.json", "--out", "out/bad.pol"],
  },
  {
    name: "pol --admx",
    code: 1,
    args: ["pol", "--admx", MICROSOFT, "--values", "bad.json", "--out", "out/x.pol"],
  },
  { name: "dump", code: 0, args: ["dump", POL] },
  { name: "dump --json", code: 0, args: ["dump", POL, "--json"] },
  {
    name: "gpo",
    code: 0,
    args: ["gpo", "--values", VALUES, "--name", "Proxy", "--deterministic", "--out", "out/gpo"],
  },
  { name: "values --from", code: 0, args: ["values", "--from", POL, "--out", "out/back.json"] },
  // Equal: exit 0 and nothing printed.
  { name: "diff", code: 0, args: ["diff", VALUES, POL] },
  { name: "diff of different files", code: 1, args: ["diff", VALUES, "other.json"] },
  { name: "preview", code: 0, args: ["preview", "--out", "out/site", "--locale", "ja-JP"] },
  { name: "schema", code: 0, args: ["schema", "values"] },
  {
    name: "intune",
    code: 0,
    args: ["intune", "--values", VALUES, "--out", "out/intune", "--json"],
  },
  {
    name: "intune with a misspelt policy, in Japanese",
    code: 1,
    args: ["intune", "--values", "bad.json", "--out", "out/bad-intune", "--lang", "ja-JP"],
  },
  { name: "a missing file", code: 1, args: ["dump", "missing.pol"] },
];

describe("the CLI in this process and as its own process", () => {
  it("has a case for every command, so a new command cannot skip the real binary", () => {
    const covered = new Set(CASES.map((c) => c.args[0]));
    expect(COMMANDS.map((c) => c.spec.name).filter((name) => !covered.has(name))).toEqual([]);
  });

  for (const { name, args, code, env } of CASES) {
    it(`behave the same: ${name}`, async () => {
      const out = join(cwd, "out");
      await rm(out, { recursive: true, force: true });
      const inProcess = await runCli(args, { cwd, env });
      expect(inProcess.code, inProcess.stderr).toBe(code);
      if (name !== "diff") expect(inProcess.stdout + inProcess.stderr).not.toBe("");
      const inProcessFiles = await filesBelow(cwd);
      await rm(out, { recursive: true, force: true });
      const spawned = await spawnCli(args, { cwd, env });
      expect(spawned).toEqual(inProcess);
      expect(await filesBelow(cwd)).toEqual(inProcessFiles);
    });
  }
});

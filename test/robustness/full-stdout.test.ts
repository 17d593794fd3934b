/**
 * A standard output that cannot take the output (`> /dev/full`, a full disk behind `> file`): the run
 * ends with exit 1 and one worded line on stderr, in the run's language — never with a stack trace
 * from the stream's error event. The binary runs as its own process with stdout opened on /dev/full,
 * which accepts the open and fails every write with ENOSPC.
 */
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dwordEntry, encodePol } from "../../src/pol/index.js";
import { BIN, REPO_ROOT, tempDir } from "../helpers/cli.js";

const VALUES = join(REPO_ROOT, "examples", "defender-proxy.values.json");

/** Runs the binary with stdout (and, when asked, stderr too) on /dev/full; resolves with code and stderr. */
function runOnFullDevice(
  args: readonly string[],
  options: { cwd?: string; stderrFull?: boolean } = {},
): Promise<{ code: number | null; stderr: string }> {
  const full = openSync("/dev/full", "w");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, LANG: "C", LC_ALL: "", LC_MESSAGES: "" },
      stdio: ["ignore", full, options.stderrFull ? full : "pipe"],
    });
    closeSync(full);
    let stderr = "";
    child.stderr?.setEncoding("utf8").on("data", (t: string) => (stderr += t));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

/** A folder with a Registry.pol of a few values, an empty one and a malformed ADMX. */
async function inputs(): Promise<string> {
  const dir = await tempDir();
  const entries = Array.from({ length: 50 }, (_, i) => dwordEntry("Software\\Policies\\Contoso", `V${i}`, i));
  await writeFile(join(dir, "in.pol"), encodePol(entries));
  await writeFile(join(dir, "empty.pol"), encodePol([]));
  await writeFile(join(dir, "broken.admx"), "<policyDefinitions");
  return dir;
}

const CASES: readonly (readonly string[])[] = [
  ["dump", "in.pol"],
  ["dump", "in.pol", "--json"],
  ["diff", VALUES, "empty.pol", "--json"],
  ["validate", "broken.admx", "--json"],
  ["schema", "values"],
];

describe("a standard output that fails every write", () => {
  it.each(CASES)("%s %s …: exit 1, one worded line, no stack trace (en-US)", async (...args) => {
    const dir = await inputs();
    const run = await runOnFullDevice(args, { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "error OUTPUT_STDOUT_FAILED: cannot write to standard output (ENOSPC); the output stops short and is incomplete\n",
    );
  });

  it.each(CASES)("%s %s …: the same line in Japanese with --lang ja-JP", async (...args) => {
    const dir = await inputs();
    const run = await runOnFullDevice([...args, "--lang", "ja-JP"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "エラー OUTPUT_STDOUT_FAILED: 標準出力に書き込めません (ENOSPC)。出力は途中で切れており、完全ではありません\n",
    );
  });

  it("with stderr on /dev/full too: exit 1, and nothing but the output file is left", async () => {
    const dir = await inputs();
    const run = await runOnFullDevice(["pol", "--values", VALUES, "--out", "out.pol"], {
      cwd: dir,
      stderrFull: true,
    });
    expect(run.code).toBe(1);
    // The file was complete before its path was printed: it stays, and no temporary file is left.
    expect((await readdir(dir)).sort()).toEqual(["broken.admx", "empty.pol", "in.pol", "out.pol"]);
  });
});

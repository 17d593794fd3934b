/**
 * SIGINT and SIGTERM during a write (issue 15 item 9): the CLI removes the temporary files and the
 * folders the write created, keeps the previous outputs, and exits 130 / 143. The moment is made
 * deterministic with a test-only pause (`ADMXKIT_TEST_PAUSE_AFTER_FIRST_TEMP=1`): the writer stops after
 * its first temporary file is complete and says so on stderr; the test signals it then.
 */
import { spawn } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallBundle } from "../helpers/bundle-fixtures.js";
import { BIN, REPO_ROOT, runCli, tempDir } from "../helpers/cli.js";
import { PAUSE_ENV, PAUSED_MARKER } from "../helpers/write-pause.js";

/** Every file and folder under `dir`, as `/`-separated relative paths (folders end in `/`). */
async function tree(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(`${rel}/`, ...(await tree(join(dir, entry.name), `${rel}/`)));
    else out.push(rel);
  }
  return out.sort();
}

/**
 * Runs the CLI paused mid-write, sends `signal` once it has paused (after `atPause`, which may look at
 * the files then), and resolves with its exit.
 */
function interrupted(
  args: readonly string[],
  cwd: string,
  signal: NodeJS.Signals,
  atPause: () => Promise<void> = async () => undefined,
) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        cwd,
        env: { ...process.env, LANG: "C", LC_ALL: "", ...PAUSE_ENV },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      let sent = false;
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
        stderr += chunk;
        if (!sent && stderr.includes(PAUSED_MARKER)) {
          sent = true;
          atPause().then(
            () => child.kill(signal),
            (error: unknown) => {
              child.kill(signal);
              reject(error);
            },
          );
        }
      });
      child.on("error", reject);
      child.on("close", (code, killedBy) => resolve({ code, signal: killedBy, stderr }));
    },
  );
}

describe("an interrupted write cleans up after itself", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)(
    "build, %s: exit %i, previous outputs intact, no temporary file, no new folder",
    async (signal, exitCode) => {
      const dir = await tempDir();
      await writeFile(join(dir, "bundle.json"), JSON.stringify(smallBundle()));
      // A first build gives the previous outputs; the interrupted one writes into a new locale folder too.
      expect(
        (
          await runCli(["build", "--bundle", "bundle.json", "--out", "out", "--locale", "en-US"], {
            cwd: dir,
          })
        ).code,
      ).toBe(0);
      const before = await tree(dir);
      const previous = await readFile(join(dir, "out", "PolicyDefinitions", "Tiny.admx"));
      const result = await interrupted(["build", "--bundle", "bundle.json", "--out", "out"], dir, signal);
      expect(result.stderr).toContain(PAUSED_MARKER);
      expect(result.signal).toBeNull();
      expect(result.code).toBe(exitCode);
      expect(await tree(dir)).toEqual(before);
      expect(before).toContain("out/PolicyDefinitions/en-US/");
      expect(before).not.toContain("out/PolicyDefinitions/ja-JP/");
      expect(await readFile(join(dir, "out", "PolicyDefinitions", "Tiny.admx"))).toEqual(previous);
    },
  );

  it("preview --admx into a new folder, SIGTERM: its staging folder is gone, the folder never made", async () => {
    const dir = await tempDir();
    const store = join(REPO_ROOT, "test", "fixtures", "cli-admx", "same-name");
    let atPause: string[] = [];
    const args = ["preview", "--admx", store, "--no-editor", "--out", "out/site"];
    const result = await interrupted(args, dir, "SIGTERM", async () => {
      atPause = await tree(dir);
    });
    expect(result.code).toBe(143);
    // Paused after its first file: the new folder is written whole under a staging name beside it,
    // each file under its own name, and would become `out/site` in one rename at the end.
    expect(atPause).toEqual([
      "out/",
      expect.stringMatching(/^out\/site\.admxkit-\d+-[0-9a-f]{8}\.tmp\/$/),
      expect.stringMatching(/^out\/site\.admxkit-\d+-[0-9a-f]{8}\.tmp\/search\.js$/),
    ]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("pol into a new folder, SIGINT: the folder it created is gone too", async () => {
    const dir = await tempDir();
    const values = join(REPO_ROOT, "examples", "defender-proxy.values.json");
    const result = await interrupted(
      ["pol", "--values", values, "--out", "new/deeper/Registry.pol"],
      dir,
      "SIGINT",
    );
    expect(result.code).toBe(130);
    expect(await readdir(dir)).toEqual([]);
  });
});

/**
 * The reference folder's check: where it is looked for, and that a run without it stops at its start
 * with one message naming what is missing (scripts/test-all.sh and both suites' global setups).
 */
import { spawnSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SHARED_CONTENTS, sharedFolder, sharedFolderProblem } from "../../scripts/shared-folder.js";
import { REPO_ROOT, tempDir } from "./cli.js";

/** Runs a command in the repository with ADMXKIT_SHARED naming `shared`. */
function runWithShared(shared: string, command: string, args: readonly string[]) {
  return spawnSync(command, args, {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, ADMXKIT_SHARED: shared, ADMXKIT_TEST_DIST_BUILT: "1" },
    // A check that let the run go on would start the whole suite: stop it early.
    timeout: 120_000,
  });
}

describe("the reference folder", () => {
  it("is ADMXKIT_SHARED when set, else ../shared beside the repository", () => {
    expect(sharedFolder({ ADMXKIT_SHARED: "/data/admxkit-shared" })).toBe("/data/admxkit-shared");
    expect(sharedFolder({})).toBe(resolve(REPO_ROOT, "..", "shared"));
  });

  it("names the parts that are missing", async () => {
    const partial = await tempDir();
    await mkdir(join(partial, "reference", "microsoft"), { recursive: true });
    const problem = sharedFolderProblem({ ADMXKIT_SHARED: partial });
    expect(problem).toContain(`${partial} (from ADMXKIT_SHARED) lacks reference/registry-pol,`);
    expect(problem).not.toContain("lacks reference/microsoft");
    for (const part of SHARED_CONTENTS.slice(1)) expect(problem).toContain(part);
  });

  it("npm run test:all stops before anything else, with one line and exit 1", async () => {
    const missing = join(await tempDir(), "no-shared");
    const result = runWithShared(missing, "bash", ["scripts/test-all.sh"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        new RegExp(
          `^The tests' reference folder ${missing} \\(from ADMXKIT_SHARED\\) does not exist\\. .*ADMXKIT_SHARED`,
        ),
      ),
    ]);
  });

  it.each([
    ["unit", []],
    ["browser", ["--config", "vitest.browser.config.ts"]],
  ])("the %s suite stops in its global setup with that message alone", async (_suite, config) => {
    const missing = join(await tempDir(), "no-shared");
    // Any one test file: the run must stop before it is collected.
    const file = config.length === 0 ? "test/layers/layers.test.ts" : "test/browser/docs.test.ts";
    const result = runWithShared(missing, process.execPath, [
      "node_modules/vitest/vitest.mjs",
      "run",
      ...config,
      file,
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `The tests' reference folder ${missing} (from ADMXKIT_SHARED) does not exist.`,
    );
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/No test files found|passed|failed/);
  });
});

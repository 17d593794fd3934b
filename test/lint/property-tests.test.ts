import { readFile, readdir } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.js";

/**
 * Property tests are found by their name: a test file that runs a fast-check property (`fc.assert`, or
 * `fc.sample` for inputs checked in one batch), itself or through a helper of the test tree it imports, is named `*.property.test.ts`, and
 * `npm run fuzz` runs exactly the files so named (with `ADMXKIT_FUZZ_RUNS` raised). A list kept by hand
 * once missed four of them; a name cannot be missed.
 */
const TEST_ROOT = join(REPO_ROOT, "test");
const RUNS_A_PROPERTY = /\bfc\s*\.(assert|sample)\s*\(/;

async function testFiles(): Promise<string[]> {
  const entries = await readdir(TEST_ROOT, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".test.ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The test-tree modules `file` imports by a relative path (one level: helpers do not chain here). */
function localImports(file: string, text: string): string[] {
  return [...text.matchAll(/from "(\.\.?\/[^"]+)"/g)]
    .map((m) => resolve(dirname(file), m[1]!.replace(/\.js$/, ".ts")))
    .filter((path) => path.startsWith(TEST_ROOT));
}

export async function runsAProperty(file: string): Promise<boolean> {
  const text = await readFile(file, "utf8");
  if (RUNS_A_PROPERTY.test(text)) return true;
  for (const helper of localImports(file, text)) {
    const helperText = await readFile(helper, "utf8").catch(() => "");
    if (RUNS_A_PROPERTY.test(helperText)) return true;
  }
  return false;
}

describe("property tests", () => {
  it("are the files named *.property.test.ts, which npm run fuzz runs", async () => {
    const misnamed: string[] = [];
    for (const file of await testFiles()) {
      const named = file.endsWith(".property.test.ts");
      if (named !== (await runsAProperty(file))) misnamed.push(relative(REPO_ROOT, file));
    }
    expect(misnamed).toEqual([]);
    const pkg = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.fuzz).toMatch(/vitest run .* \.property\.test\.$/);
  });
});

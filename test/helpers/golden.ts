import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { expect } from "vitest";

/** Set ADMXKIT_UPDATE_GOLDEN=1 to rewrite golden files from what the code emits now (then review the diff). */
export const UPDATE_GOLDEN = process.env.ADMXKIT_UPDATE_GOLDEN === "1";

/** Every file below `dir`, as `/`-separated paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (at: string) => {
    for (const entry of await readdir(at, { withFileTypes: true }).catch(() => [])) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.push(relative(dir, path).split("\\").join("/"));
    }
  };
  await walk(dir);
  return out.sort();
}

/**
 * Compares generated files with the golden copies under `dir` byte for byte, and checks that the golden
 * folder holds no file the generator no longer emits. In update mode it rewrites them instead.
 */
export async function expectGoldenFiles(
  dir: string,
  files: readonly { path: string; content: string | Uint8Array }[],
  scope = "",
): Promise<void> {
  for (const file of files) {
    const target = join(dir, file.path);
    const bytes =
      typeof file.content === "string" ? Buffer.from(file.content, "utf8") : Buffer.from(file.content);
    if (UPDATE_GOLDEN) {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
      continue;
    }
    const golden = await readFile(target).catch(() => undefined);
    expect(golden, `golden file ${target} is missing (run with ADMXKIT_UPDATE_GOLDEN=1)`).toBeDefined();
    if (!golden!.equals(bytes)) {
      // Show a text diff when it is text, so the failure says what changed.
      expect(bytes.toString("utf8"), `${target} differs from the generator's output`).toBe(
        golden!.toString("utf8"),
      );
      expect(bytes.equals(golden!), `${target} differs in bytes`).toBe(true);
    }
  }
  if (!UPDATE_GOLDEN) {
    const expected = files
      .map((f) => f.path)
      .filter((p) => p.startsWith(scope))
      .sort();
    const present = (await listFiles(dir)).filter((p) => p.startsWith(scope));
    expect(present).toEqual(expected);
  }
}

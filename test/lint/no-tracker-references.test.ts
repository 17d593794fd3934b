import { readFile, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.js";

/**
 * The repository has no issue tracker of its own, so a comment that says "(issue 12.4)" points nowhere
 * for the next reader: a comment gives the reason itself. References to another project's tracker name
 * that project (`mozilla/policy-templates issue #973`) and are allowed.
 */
const TRACKER_REFERENCE = /\bissues? \d+(\.\d+)?\b/i;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

export function trackerReferences(text: string): string[] {
  return text.split("\n").filter((line) => TRACKER_REFERENCE.test(line));
}

describe("comments in src/", () => {
  it("give reasons, not numbers of issues", async () => {
    const found: string[] = [];
    for (const file of await sourceFiles(join(REPO_ROOT, "src"))) {
      for (const line of trackerReferences(await readFile(file, "utf8")))
        found.push(`${relative(REPO_ROOT, file)}: ${line.trim()}`);
    }
    expect(found).toEqual([]);
  });

  it("tell a reference to this project's issues from one to another project's tracker", () => {
    expect(trackerReferences("  // cold start (issue 12.4).")).toHaveLength(1);
    expect(trackerReferences(" * The editor (issue 14) on the pages")).toHaveLength(1);
    expect(trackerReferences(" * (mozilla/policy-templates issue #973) on `<text>`")).toEqual([]);
    expect(trackerReferences("const [issue] = checkPolEntries([read.entry]);")).toEqual([]);
  });
});

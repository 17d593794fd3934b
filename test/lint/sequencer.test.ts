import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.js";
import { LONGEST_FIRST } from "../sequencer.js";

describe("the unit suite's list of its longest files", () => {
  it("names test files of the unit suite that exist, each once", () => {
    const missing = LONGEST_FIRST.filter((path) => !existsSync(join(REPO_ROOT, path)));
    expect(missing).toEqual([]);
    expect(LONGEST_FIRST.filter((path) => !/^test\/(?!browser\/).+\.test\.ts$/.test(path))).toEqual([]);
    expect(new Set(LONGEST_FIRST).size).toBe(LONGEST_FIRST.length);
  });
});

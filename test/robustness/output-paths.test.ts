/**
 * Output paths never leave the output folder: `resolveInside` refuses `../`, absolute paths and the
 * folder itself (property test), `writeFilesAtomic` writes nothing when one path is refused, and a
 * bundle cannot steer a file name out of `--out` end to end.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import { resolveInside, writeFilesAtomic } from "../../src/io/write-files.js";
import { smallBundle } from "../build/fixtures.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { fuzzRuns } from "./kit.js";

/** Calls resolveInside; returns the target, or the refusal's diagnostic code. */
function attempt(out: string, path: string): { target?: string; code?: string } {
  try {
    return { target: resolveInside(out, path) };
  } catch (error) {
    expect(error).toBeInstanceOf(AdmxkitError);
    return { code: (error as AdmxkitError).diagnostics[0]?.code };
  }
}

/** True when `target` is strictly inside `out`. */
function inside(out: string, target: string): boolean {
  const root = resolve(out);
  const rel = relative(root, target);
  const prefix = root.endsWith(sep) ? root : root + sep;
  return rel !== "" && rel.split(sep)[0] !== ".." && !isAbsolute(rel) && target.startsWith(prefix);
}

describe("resolveInside", () => {
  const OUT = join("/tmp", "admxkit-out-root", "out");

  it.each([
    "../x",
    "..",
    "a/../../x",
    "a/b/../../../x",
    "/etc/passwd",
    "//server/share/x",
    "",
    ".",
    "./",
    "a/..",
    "PolicyDefinitions/../..",
    `${OUT}/../x`,
  ])("refuses %j", (path) => {
    expect(attempt(OUT, path)).toEqual({ code: "OUTPUT_PATH_ESCAPES" });
  });

  it.each([
    "a",
    "PolicyDefinitions/en-US/X.adml",
    "a/../b",
    "./a",
    "a/./b",
    "..a",
    "a..",
    "...",
    "a\\..\\..\\x",
  ])("keeps %j inside", (path) => {
    const { target } = attempt(OUT, path);
    expect(target && inside(OUT, target)).toBe(true);
  });

  it("never returns a path outside the folder (random segment paths)", () => {
    const segment = fc.oneof(
      fc.constantFrom("..", ".", "", "a", "b", "..a", "...", "\\..", "..\\", "C:", "%2e%2e", "~", "\0", " "),
      fc.string({ maxLength: 4 }),
    );
    const path = fc
      .tuple(fc.boolean(), fc.array(segment, { maxLength: 8 }), fc.constantFrom("/", "\\", "//"))
      .map(([absolute, parts, joiner]) => (absolute ? "/" : "") + parts.join(joiner));
    fc.assert(
      fc.property(path, fc.constantFrom(OUT, "out", "./out/", "/"), (p, out) => {
        const { target, code } = attempt(out, p);
        if (target === undefined) expect(code).toBe("OUTPUT_PATH_ESCAPES");
        else expect(inside(out, target), `${JSON.stringify(p)} → ${target}`).toBe(true);
      }),
      { numRuns: fuzzRuns(500) },
    );
  });
});

describe("writeFilesAtomic with a refused path", () => {
  it("writes nothing at all, not even the files before it", async () => {
    const dir = await tempDir();
    const out = join(dir, "out");
    const files = [
      { path: "good.txt", content: "good" },
      { path: "../escaped.txt", content: "bad" },
    ];
    await expect(writeFilesAtomic(out, files)).rejects.toBeInstanceOf(AdmxkitError);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("admxkit build cannot write outside --out", () => {
  it.each(["../escape", "/tmp/escape", "..", "a/b", "..\\escape", "C:\\escape", "x\0y", ".hidden"])(
    "fileName %j: exit 1, MODEL_INVALID at fileName, nothing written",
    async (fileName) => {
      const dir = await tempDir();
      const bundle = { ...smallBundle(), fileName };
      await writeFile(join(dir, "bundle.json"), JSON.stringify(bundle));
      const result = await runCli(["build", "--bundle", "bundle.json", "--out", "out/deeper"], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/error MODEL_INVALID: .*\(fileName\)/);
      expect(result.stdout).toBe("");
      expect((await readdir(dir)).sort()).toEqual(["bundle.json"]);
    },
  );

  it("a --locale that is a path: exit 1, nothing written", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "bundle.json"), JSON.stringify(smallBundle()));
    const result = await runCli(
      ["build", "--bundle", "bundle.json", "--out", "out", "--locale", "../../../escape"],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error [A-Z_]+:/);
    expect((await readdir(dir)).sort()).toEqual(["bundle.json"]);
  });

  it("--out naming an existing file: exit 1 with WRITE_FAILED, the file untouched", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "bundle.json"), JSON.stringify(smallBundle()));
    await writeFile(join(dir, "taken"), "keep me");
    const result = await runCli(["build", "--bundle", "bundle.json", "--out", "taken"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("WRITE_FAILED");
    expect(await readFile(join(dir, "taken"), "utf8")).toBe("keep me");
    expect((await readdir(dir)).sort()).toEqual(["bundle.json", "taken"]);
  });

  it("a valid build writes only under --out", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "sub"));
    await writeFile(join(dir, "sub", "bundle.json"), JSON.stringify(smallBundle()));
    const result = await runCli(["build", "--bundle", "sub/bundle.json", "--out", "sub/out"], { cwd: dir });
    expect(result.code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(["sub"]);
    expect((await readdir(join(dir, "sub"))).sort()).toEqual(["bundle.json", "out"]);
  });
});

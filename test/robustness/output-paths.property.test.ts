/**
 * Output paths never leave the output folder: `resolveInside` refuses `../`, absolute paths and the
 * folder itself (property test), `writeFilesAtomic` writes nothing when one path is refused, and a
 * bundle cannot steer a file name out of `--out` end to end.
 */
import { execFileSync } from "node:child_process";
import {
  chmod,
  lstat,
  mkdir,
  readdir,
  readFile,
  realpath,
  rm,
  stat,
  symlink,
  writeFile,
} from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AdmxkitError, formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { writeErrorDiagnostic } from "../../src/io/write-errors.js";
import { checkBundle } from "../../src/model/check-bundle.js";
import {
  openOutputFolder,
  resolveInside,
  writeFileAtomic,
  writeFilesAtomic,
} from "../../src/io/write-files.js";
import { smallBundle } from "../helpers/bundle-fixtures.js";
import { REPO_ROOT, runCli, spawnCli, tempDir } from "../helpers/cli.js";
import { expectTypedDiagnostic } from "../helpers/hostile-kit.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";

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

  it("--out naming an existing file: exit 1 with OUTPUT_NOT_A_FOLDER, the file untouched", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "bundle.json"), JSON.stringify(smallBundle()));
    await writeFile(join(dir, "taken"), "keep me");
    const result = await runCli(["build", "--bundle", "bundle.json", "--out", "taken"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error OUTPUT_NOT_A_FOLDER: cannot write into ");
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

describe("real paths, real causes, nothing left behind (issue 15 item 11)", () => {
  it("a symbolic link inside --out that leads out of it is refused before anything is written", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "out"));
    await mkdir(join(dir, "elsewhere"));
    await symlink(join(dir, "elsewhere"), join(dir, "out", "PolicyDefinitions"));
    await writeFile(join(dir, "bundle.json"), JSON.stringify(smallBundle()));
    const result = await runCli(["build", "--bundle", "bundle.json", "--out", "out"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error OUTPUT_LINK_ESCAPES:");
    expect(result.stderr).toContain(
      `is a symbolic link to ${await realpath(join(dir, "elsewhere"))}, outside it`,
    );
    expect(await readdir(join(dir, "elsewhere"))).toEqual([]);
    // A link that stays inside the output folder is an ordinary folder to write into.
    await rm(join(dir, "out", "PolicyDefinitions"));
    await mkdir(join(dir, "out", "real"));
    await symlink(join(dir, "out", "real"), join(dir, "out", "PolicyDefinitions"));
    await writeFilesAtomic(join(dir, "out"), [{ path: "PolicyDefinitions/x.txt", content: "x" }]);
    expect(await readdir(join(dir, "out", "real"))).toEqual(["x.txt"]);
  });

  it("a failed write removes the folders it created and its temporary files; previous files stay", async () => {
    const dir = await tempDir();
    const out = join(dir, "out");
    await mkdir(out);
    await writeFile(join(out, "x"), "a file where a folder is needed");
    const files = [
      { path: "a/b/first.txt", content: "1" },
      { path: "x/second.txt", content: "2" },
    ];
    const error = await writeFilesAtomic(out, files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdmxkitError);
    expect((error as AdmxkitError).diagnostics[0]).toMatchObject({
      code: "OUTPUT_NOT_A_FOLDER",
      params: { path: join(out, "x") },
    });
    expect(await readdir(out)).toEqual(["x"]);
    expect(await readFile(join(out, "x"), "utf8")).toBe("a file where a folder is needed");
  });

  it("a target that is a folder: OUTPUT_IS_FOLDER, and the other targets keep their previous content", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "b.txt", "inner"), { recursive: true });
    await writeFile(join(dir, "a.txt"), "previous");
    const error = await writeFilesAtomic(dir, [
      { path: "a.txt", content: "new" },
      { path: "b.txt", content: "new" },
    ]).catch((e: unknown) => e);
    expect((error as AdmxkitError).diagnostics.map((d) => d.code)).toEqual(["OUTPUT_IS_FOLDER"]);
    expect((await readdir(dir)).sort()).toEqual(["a.txt", "b.txt"]);
  });

  it("a target that is a FIFO or a device is refused, untouched, before anything is written", async () => {
    const dir = await tempDir();
    execFileSync("mkfifo", [join(dir, "fifo")]);
    // A link to the FIFO (like /dev/stdout, a link to a pipe) is refused as what it leads to.
    await symlink(join(dir, "fifo"), join(dir, "link-to-fifo"));
    const targets = ["fifo", "link-to-fifo"];
    // A device node of our own (a copy of /dev/null's numbers) in the temporary folder: a failing test
    // replaces this node, never a real device.
    if (process.getuid?.() === 0) {
      execFileSync("mknod", [join(dir, "device"), "c", "1", "3"]);
      targets.push("device");
    }
    for (const name of targets) {
      const error = await writeFilesAtomic(dir, [
        { path: "first.txt", content: "x" },
        { path: name, content: "x" },
      ]).catch((e: unknown) => e);
      expect((error as AdmxkitError).diagnostics.map((d) => d.code)).toEqual(["OUTPUT_NOT_A_FILE"]);
      const kind = (await stat(join(dir, name))).isFIFO() ? "FIFO" : "device";
      expect(formatDiagnostic((error as AdmxkitError).diagnostics[0]!, "en-US")).toContain(`a ${kind}`);
      expect(formatDiagnostic((error as AdmxkitError).diagnostics[0]!, "ja-JP")).toMatch(/FIFO|デバイス/);
    }
    expect((await lstat(join(dir, "fifo"))).isFIFO()).toBe(true);
    expect((await lstat(join(dir, "link-to-fifo"))).isSymbolicLink()).toBe(true);
    if (targets.includes("device")) expect((await lstat(join(dir, "device"))).isCharacterDevice()).toBe(true);
    // Nothing else was written: no first.txt, no temporary file.
    expect((await readdir(dir)).sort()).toEqual([...targets].sort());
    const cli = await runCli([
      "pol",
      "--values",
      "examples/defender-proxy.values.json",
      "--out",
      join(dir, "fifo"),
    ]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain("OUTPUT_NOT_A_FILE");
    expect((await lstat(join(dir, "fifo"))).isFIFO()).toBe(true);
  });

  it("a FIFO in a folder that existed is refused also after the write made folders of its own", async () => {
    // Targets in folders the write creates are not looked up (nothing can be there yet); a folder
    // that was there before keeps the check, whatever the write made before reaching it.
    const dir = await tempDir();
    await mkdir(join(dir, "old"));
    execFileSync("mkfifo", [join(dir, "old", "page.html")]);
    const error = await writeFilesAtomic(dir, [
      { path: "new/page.html", content: "x" },
      { path: "new/deeper/page.html", content: "x" },
      { path: "old/page.html", content: "x" },
    ]).catch((e: unknown) => e);
    expect((error as AdmxkitError).diagnostics.map((d) => d.code)).toEqual(["OUTPUT_NOT_A_FILE"]);
    expect((await lstat(join(dir, "old", "page.html"))).isFIFO()).toBe(true);
    // The folders the write made are gone again, with their temporary files.
    expect((await readdir(dir)).sort()).toEqual(["old"]);
    expect(await readdir(join(dir, "old"))).toEqual(["page.html"]);
  });

  it("errno values map to their own codes, worded in both languages", () => {
    for (const [errno, code] of [
      ["EACCES", "OUTPUT_ACCESS_DENIED"],
      ["EPERM", "OUTPUT_ACCESS_DENIED"],
      ["EROFS", "OUTPUT_READ_ONLY"],
      ["ENOSPC", "OUTPUT_NO_SPACE"],
      ["ENOTDIR", "OUTPUT_NOT_A_FOLDER"],
      ["EISDIR", "OUTPUT_IS_FOLDER"],
      ["ENAMETOOLONG", "OUTPUT_NAME_TOO_LONG"],
      ["EMFILE", "OUTPUT_TOO_MANY_OPEN"],
      ["ENOENT", "OUTPUT_PATH_GONE"],
      ["EIO", "WRITE_FAILED"],
    ] as const) {
      const failure = Object.assign(new Error(`${errno}: boom`), { code: errno, path: "/x/y" });
      const d = writeErrorDiagnostic("/x", failure);
      expect(d).toMatchObject({ code, file: "/x/y" });
      expectTypedDiagnostic(d);
      expect(formatDiagnostic(d, "ja-JP")).not.toMatch(/permission|read-only|cannot/);
    }
    // A failure on a temporary file names the output the user asked for.
    const temp = Object.assign(new Error("EIO: boom"), {
      code: "EIO",
      path: "/x/Registry.pol.admxkit-42-0a1b2c3d.tmp",
    });
    expect(writeErrorDiagnostic("/x", temp)).toMatchObject({ file: "/x/Registry.pol" });
    // So does a failure on a file in the staging folder of a new output folder.
    const staged = Object.assign(new Error("EIO: boom"), {
      code: "EIO",
      path: "/x/site.admxkit-42-0a1b2c3d.tmp/en-US/a.html",
    });
    expect(writeErrorDiagnostic("/x/site", staged)).toMatchObject({ file: "/x/site/en-US/a.html" });
  });

  // rename(2) would replace an empty folder without a word: the writer must look first, and a folder
  // with someone else's file must not get the files written so far merged into it.
  it.each([
    ["with a file in it", ["theirs.txt"]],
    ["empty", []],
  ] as const)(
    "a new output folder that appears during the write (%s) is neither merged into nor replaced",
    async (_, theirs) => {
      const dir = await tempDir();
      const out = join(dir, "site");
      const writer = openOutputFolder(out);
      await writer.add({ path: "en-US/a.html", content: "new" });
      // Someone else makes the folder before the commit.
      await mkdir(out);
      for (const name of theirs) await writeFile(join(out, name), "theirs");
      const error = await writer.commit().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AdmxkitError);
      expect((error as AdmxkitError).diagnostics[0]).toMatchObject({ code: "OUTPUT_IS_FOLDER", file: out });
      expect(await readdir(dir)).toEqual(["site"]);
      expect(await readdir(out)).toEqual(theirs);
    },
  );

  it.runIf(process.platform === "linux" && typeof process.getuid === "function")(
    "a read-only target says permission denied (not ENOENT), writing nothing",
    async () => {
      const dir = await tempDir();
      await chmod(dir, 0o755);
      await writeFile(join(dir, "bundle.json"), JSON.stringify(smallBundle()));
      await mkdir(join(dir, "locked"), { mode: 0o555 });
      await chmod(join(dir, "locked"), 0o555);
      // Root may write anywhere: run the CLI as an unprivileged user then (spawn's uid option).
      const asUser = process.getuid!() === 0 ? { uid: 65534, gid: 65534 } : {};
      const result = await spawnCli(["build", "--bundle", "bundle.json", "--out", "locked/out"], {
        cwd: dir,
        ...asUser,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `error OUTPUT_ACCESS_DENIED: permission denied: cannot write ${join(dir, "locked", "out")}`,
      );
      expect(await readdir(join(dir, "locked"))).toEqual([]);
    },
  );

  it("--out that names a folder for a one-file command says so (., '', /, dir/, an existing folder)", async () => {
    const dir = await tempDir();
    for (const out of [".", "/", "sub/", dir, join(dir, "..")]) {
      const error = await writeFileAtomic(out, "x").catch((e: unknown) => e);
      expect(
        (error as AdmxkitError).diagnostics.map((d) => d.code),
        out,
      ).toEqual(["OUTPUT_FILE_IS_FOLDER"]);
    }
    const empty = await writeFileAtomic("", "x").catch((e: unknown) => e);
    expect((empty as AdmxkitError).diagnostics.map((d) => d.code)).toEqual(["OUTPUT_PATH_EMPTY"]);
    const values = join(REPO_ROOT, "examples", "defender-proxy.values.json");
    const dot = await runCli(["pol", "--values", values, "--out", "."], { cwd: dir });
    expect(dot.code).toBe(1);
    expect(dot.stderr).toContain(". names a folder, but one file is written here");
    const blank = await runCli(["build", "--out", "", "--lang", "ja-JP"], { cwd: dir });
    expect(blank.code).toBe(1);
    expect(blank.stderr).toContain("エラー OUTPUT_PATH_EMPTY: 出力パスが空です");
    expect(await readdir(dir)).toEqual([]);
  });

  it.runIf(process.platform === "linux")(
    "--out under /proc ends with the system's errno instead of spinning",
    async () => {
      const result = await runCli(["build", "--out", "/proc/admxkit-test"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/error (WRITE_FAILED|OUTPUT_[A-Z_]+): /);
    },
  );
});

describe("bundle file names Windows cannot create (issue 15 items 7 and 12)", () => {
  const fileNameErrors = (fileName: string) =>
    checkBundle({ ...smallBundle(), fileName }).diagnostics.filter((d) => d.severity === "error");

  it.each([
    "CON",
    "con",
    "PRN",
    "AUX",
    "NUL",
    "nul",
    "COM1",
    "com9",
    "COM0",
    "LPT1",
    "Lpt9",
    "con.txt",
    "NUL.tar.gz",
    "CON.",
    "aux..x",
  ])("%s is refused as a Windows device name", (fileName) => {
    const errors = fileNameErrors(fileName);
    expect(errors.map((d) => d.code)).toEqual(["FILE_NAME_DEVICE"]);
    expect(errors[0]!.path).toEqual(["fileName"]);
    expectTypedDiagnostic(errors[0]!);
  });

  it.each(["CONTOSO", "Console", "COM10", "LPT", "NULL", "con_x", "xcon", "AUX-1"])(
    "%s is an ordinary name",
    (fileName) => {
      expect(fileNameErrors(fileName)).toEqual([]);
    },
  );

  it("a name over 100 characters is told it is too long, with the limit", () => {
    expect(fileNameErrors("a".repeat(100))).toEqual([]);
    const errors = fileNameErrors("a".repeat(101));
    expect(errors).toHaveLength(1);
    expect(formatDiagnostic(errors[0]!)).toContain("must be at most 100 characters long");
    expect(formatDiagnostic(errors[0]!)).not.toContain("plain file name");
  });

  it("admxkit build with fileName CON: exit 1, nothing written", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "bundle.json"), JSON.stringify({ ...smallBundle(), fileName: "con" }));
    const result = await runCli(["build", "--bundle", "bundle.json", "--out", "out", "--lang", "ja-JP"], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "エラー FILE_NAME_DEVICE: fileName の con は Windows のデバイス名 CON です",
    );
    expect(await readdir(dir)).toEqual(["bundle.json"]);
  });
});

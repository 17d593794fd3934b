/**
 * Only regular files are inputs, and every read is bounded (issue 15 items 2 and 3, issue 13's "no such
 * file"): FIFOs, devices, sockets and folders are refused with a code that names the kind, instead of
 * blocking forever or reading without end; a file larger than its format's bound is refused with its
 * size; symbolic links are followed to what they lead to, and a link that leads nowhere is reported.
 */
import { execFileSync } from "node:child_process";
import { mkdir, readFile, symlink, truncate, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { INPUT_SIZE_LIMITS, readInput, readInputSync, type InputFormat } from "../../src/io/read-input.js";
import { validateTemplates } from "../../src/lint/validate-templates.js";
import { smallBundle } from "../helpers/bundle-fixtures.js";
import { REPO_ROOT, runCli, tempDir } from "../helpers/cli.js";
import { expectTypedDiagnostic } from "../helpers/hostile-kit.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";

const POSIX = process.platform !== "win32";
let dir: string;
let socketServer: Server | undefined;

/** A folder of special files: a FIFO, links to /dev/zero, a socket, dangling and looping links. */
beforeAll(async () => {
  dir = await tempDir();
  if (!POSIX) return;
  execFileSync("mkfifo", [join(dir, "fifo")]);
  await symlink("/dev/zero", join(dir, "zero-link"));
  await symlink(join(dir, "nowhere"), join(dir, "dangling"));
  await symlink(join(dir, "loop-b"), join(dir, "loop-a"));
  await symlink(join(dir, "loop-a"), join(dir, "loop-b"));
  await mkdir(join(dir, "folder"));
  await writeFile(join(dir, "regular"), "{}");
  await symlink(join(dir, "regular"), join(dir, "regular-link"));
  socketServer = createServer();
  await new Promise<void>((resolve) => socketServer!.listen(join(dir, "socket"), resolve));
});
afterAll(
  () => new Promise<void>((resolve) => (socketServer ? socketServer.close(() => resolve()) : resolve())),
);

/** What readInput says of a path; readInputSync (validate's worker threads) must say exactly the same. */
async function codeOf(path: string, format: InputFormat = "json"): Promise<string> {
  const read = await readInput(path, format);
  const sync = readInputSync(path, format);
  if (read.ok) {
    // Bytes compared as bytes: a deep equality over a 16 MiB typed array walks every index as a key
    // and exhausts the heap.
    expect(sync.ok && Buffer.from(sync.bytes).equals(Buffer.from(read.bytes))).toBe(true);
    return "ok";
  }
  expect(sync).toEqual(read);
  expectTypedDiagnostic(read.diagnostic);
  expect(read.diagnostic.file).toBe(path);
  return read.diagnostic.code;
}

describe.runIf(POSIX)("readInput: what a path leads to", () => {
  it.each([
    ["fifo", "INPUT_IS_FIFO"],
    ["zero-link", "INPUT_IS_DEVICE"],
    ["socket", "INPUT_IS_SOCKET"],
    ["dangling", "INPUT_NOT_FOUND"],
    ["loop-a", "INPUT_LINK_LOOP"],
    ["folder", "INPUT_IS_FOLDER"],
    ["missing", "INPUT_NOT_FOUND"],
    ["regular/below", "INPUT_NOT_FOUND"],
    ["regular", "ok"],
    ["regular-link", "ok"],
  ])("%s → %s", async (name, code) => {
    expect(await codeOf(join(dir, name))).toBe(code);
  });

  it("/dev/zero and /dev/urandom are refused, not read", async () => {
    expect(await codeOf("/dev/zero", "pol")).toBe("INPUT_IS_DEVICE");
    expect(await codeOf("/dev/urandom", "admx")).toBe("INPUT_IS_DEVICE");
  });

  it("a file past its format's bound is refused with its size and the bound, before it is read", async () => {
    const big = join(dir, "big.pol");
    await writeFile(big, "");
    await truncate(big, INPUT_SIZE_LIMITS.pol + 1);
    const read = await readInput(big, "pol");
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.diagnostic).toMatchObject({
      code: "INPUT_TOO_LARGE",
      params: {
        size: (INPUT_SIZE_LIMITS.pol + 1).toLocaleString("en-US"),
        limit: "67,108,864",
        format: "Registry.pol",
      },
    });
    expect(formatDiagnostic(read.diagnostic, "ja-JP")).toContain("67,108,864 バイト");
    // Exactly at the bound is read.
    await truncate(big, INPUT_SIZE_LIMITS.json);
    expect(await codeOf(big, "json")).toBe("ok");
    await truncate(big, INPUT_SIZE_LIMITS.json + 1);
    expect(await codeOf(big, "json")).toBe("INPUT_TOO_LARGE");
  });

  it("random chains of links to special files end in the code of what they lead to (fuzz)", async () => {
    const targets = {
      fifo: "INPUT_IS_FIFO",
      "/dev/zero": "INPUT_IS_DEVICE",
      folder: "INPUT_IS_FOLDER",
      regular: "ok",
      nowhere: "INPUT_NOT_FOUND",
    } as const;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(targets)),
        fc.integer({ min: 0, max: 6 }),
        async (target, depth) => {
          let path = target.startsWith("/") ? target : join(dir, target);
          for (let i = 0; i < depth; i++) {
            const link = join(dir, `chain-${n++}`);
            await symlink(path, link);
            path = link;
          }
          expect(await codeOf(path)).toBe(targets[target as keyof typeof targets]);
        },
      ),
      { numRuns: fuzzRuns(25) },
    );
  });
});

describe.runIf(POSIX)("a store with special files: every one reported, the symlinked ones read", () => {
  it("validate reads linked ADMX, ADML and locale folders; refuses FIFOs and devices; reports broken links", async () => {
    const base = await tempDir();
    const store = join(base, "PolicyDefinitions");
    const fixtures = join(REPO_ROOT, "test", "fixtures", "lint");
    await mkdir(join(base, "real", "en-US"), { recursive: true });
    await mkdir(store);
    // Linked: an ADMX with a known error, its locale folder (holding the ADML).
    await writeFile(
      join(base, "real", "Dup.admx"),
      await readFile(join(fixtures, "files", "duplicate-name.admx")),
    );
    await symlink(join(base, "real", "Dup.admx"), join(store, "Dup.admx"));
    await writeFile(
      join(base, "real", "en-US", "Dup.adml"),
      await readFile(join(fixtures, "stores", "valid", "en-US", "Kitchen.adml")),
    );
    await symlink(join(base, "real", "en-US"), join(store, "en-US"));
    execFileSync("mkfifo", [join(store, "Fifo.admx")]);
    await symlink("/dev/zero", join(store, "Zero.admx"));
    await symlink(join(base, "gone.admx"), join(store, "Gone.admx"));
    await symlink(join(store, "Loop.admx"), join(store, "Loop.admx"));
    const result = await validateTemplates([store]);
    const byFile = (name: string) =>
      result.diagnostics.filter((d) => d.file?.endsWith(name)).map((d) => d.code);
    // The linked ADMX is read: the same error as when it is given directly.
    const direct = await validateTemplates([join(fixtures, "files", "duplicate-name.admx")]);
    expect(direct.diagnostics.map((d) => d.code)).toContain("ADMX_DUPLICATE_NAME");
    expect(byFile("Dup.admx")).toContain("ADMX_DUPLICATE_NAME");
    expect(byFile("Dup.admx")).not.toContain("ADML_NONE");
    expect(byFile("Fifo.admx")).toEqual(["INPUT_IS_FIFO"]);
    expect(byFile("Zero.admx")).toEqual(["INPUT_IS_DEVICE"]);
    expect(byFile("Gone.admx")).toEqual(["STORE_LINK_BROKEN"]);
    expect(byFile("Loop.admx")).toEqual(["INPUT_LINK_LOOP"]);
  }, 20_000);

  it("a link back to the store folder is not walked twice", async () => {
    const base = await tempDir();
    const store = join(base, "PolicyDefinitions");
    await mkdir(store);
    await symlink(store, join(store, "PolicyDefinitions"));
    const result = await validateTemplates([store]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["STORE_EMPTY"]);
  });
});

describe.runIf(POSIX)("the CLI ends at once with a coded error (en-US and ja-JP)", () => {
  it("dump, validate, pol --values, build --bundle on special files", async () => {
    const fifo = join(dir, "fifo");
    const dumpFifo = await runCli(["dump", fifo]);
    expect(dumpFifo.code).toBe(1);
    expect(dumpFifo.stderr).toContain(
      `${fifo}: error INPUT_IS_FIFO: ${fifo} is a named pipe (FIFO), not a regular file`,
    );
    const dumpZero = await runCli(["dump", join(dir, "zero-link"), "--lang", "ja-JP"]);
    expect(dumpZero.code).toBe(1);
    expect(dumpZero.stderr).toContain("エラー INPUT_IS_DEVICE: ");
    expect(dumpZero.stderr).toContain("はデバイスで、通常のファイルではありません");
    const validate = await runCli(["validate", fifo]);
    expect(validate.code).toBe(1);
    const values = await runCli(["pol", "--values", fifo, "--out", join(dir, "R.pol")]);
    expect(values.code).toBe(1);
    expect(values.stderr).toContain("error INPUT_IS_FIFO");
    const bundle = await runCli(["build", "--bundle", "/dev/zero", "--out", join(dir, "out")]);
    expect(bundle.code).toBe(1);
    expect(bundle.stderr).toContain("/dev/zero: error INPUT_IS_DEVICE: /dev/zero is a device");
    expect(bundle.stderr).not.toContain("no such file");
    const missing = await runCli([
      "pol",
      "--values",
      join(dir, "nope.json"),
      "--out",
      join(dir, "R.pol"),
      "--lang",
      "ja-JP",
    ]);
    expect(missing.stderr).toContain(
      `エラー INPUT_NOT_FOUND: ファイルまたはフォルダーがありません: ${join(dir, "nope.json")}`,
    );
    for (const r of [dumpFifo, dumpZero, validate, values, bundle, missing])
      expect(r.stderr).not.toMatch(/^\s+at /m);
  }, 20_000);

  it("a bundle path that is neither .json nor .js is named as such", async () => {
    const other = await tempDir();
    await writeFile(join(other, "bundle.yaml"), JSON.stringify(smallBundle()));
    const result = await runCli(["build", "--bundle", "bundle.yaml"], { cwd: other });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error BUNDLE_EXTENSION_UNKNOWN: bundle.yaml is neither a JSON bundle");
  });
});

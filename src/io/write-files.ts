/**
 * The one way admxkit writes its outputs: atomically, inside the output folder, and leaving nothing
 * behind when it fails.
 *
 * - **Atomic**: every file is first written completely to a temporary name beside its target
 *   (`<target>.admxkit-<pid>-<8 hex digits>.tmp`), and only when all are complete are they renamed into
 *   place (a rename within one folder replaces the target in one step). An output folder that does not
 *   exist yet is written whole under such a name instead (`<folder>.admxkit-<pid>-<8 hex digits>.tmp`,
 *   beside it), its files under their own names, and that one folder is renamed into place at the end:
 *   nothing there can be replaced, so a temporary name and a rename per file add nothing.
 * - **Inside**: a path that would climb out of the output folder is refused (`resolveInside`), and so is
 *   one whose folders lead out of it through a symbolic link: real paths are compared, not text.
 * - **Nothing behind**: on failure the temporary files and the folders this write created are removed;
 *   previous outputs stay as they were. The same clean-up runs synchronously from the CLI's SIGINT and
 *   SIGTERM handlers ({@link removePendingOutputsSync}). A hard kill (SIGKILL, power loss) cannot run
 *   it: temporary files or a staging folder may then remain, under the name pattern above only.
 * - **Only files are replaced**: a target that exists as a device, FIFO or socket (`--out /dev/full`) is
 *   refused before anything is written; renaming over it would put a regular file where the device was
 *   (as root, even in /dev).
 * - **Inputs are never replaced**: a target that is a file the run has read (the same file, a hard
 *   link or a symbolic link to it: inputs-read.ts) is refused before anything is written
 *   (`pol --values v.json --out v.json`).
 * - **Real causes**: a failure says what the system said (read-only, permission denied, disk full…),
 *   coded and worded in both languages (write-errors.ts).
 */
import { randomBytes } from "node:crypto";
import { rmdirSync, rmSync } from "node:fs";
import { lstat, mkdir, realpath, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { AdmxkitError, diag, type DiagnosticCode } from "../diagnostics/diagnostic.js";
import { messageRef } from "../i18n/messages.js";
import { inputReplacedBy } from "./inputs-read.js";
import type { OutputFile } from "./output-file.js";
import { writeErrorDiagnostic } from "./write-errors.js";

/**
 * A file whose content is made as it is written (`dump --out` of a large Registry.pol): chunks of text
 * (written as UTF-8) or bytes, taken one at a time, so the whole content is never in memory. Written
 * with the same guarantees as any {@link OutputFile}.
 */
export interface StreamedOutputFile {
  readonly path: string;
  readonly content: Iterable<string | Uint8Array>;
}

/** Resolves `path` inside `outDir`, refusing anything that would land outside it (`../x`, `/etc/x`). */
export function resolveInside(outDir: string, path: string): string {
  const root = resolve(outDir);
  const target = resolve(root, path);
  const rel = relative(root, target);
  if (isAbsolute(path) || rel === "" || rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel)) {
    throw new AdmxkitError([diag("OUTPUT_PATH_ESCAPES", { path, out: outDir })]);
  }
  return target;
}

/**
 * Temporary files, staging folders (removed with what they hold) and created folders of the writes in
 * progress, for the signal handlers.
 */
const pending = { temps: new Set<string>(), stages: new Set<string>(), folders: new Set<string>() };

/**
 * Removes, synchronously, the temporary files, the staging folders and the created folders (when empty)
 * of every write in progress. For signal handlers, which cannot wait for promises: `admxkit` calls it
 * on SIGINT and SIGTERM.
 */
export function removePendingOutputsSync(): void {
  for (const stage of pending.stages) rmSync(stage, { recursive: true, force: true });
  for (const temp of pending.temps) rmSync(temp, { force: true });
  for (const folder of [...pending.folders].sort().reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty (another process wrote there) or gone: leave it.
    }
  }
  pending.temps.clear();
  pending.stages.clear();
  pending.folders.clear();
}

/** True when `inner` is `outer` or lies below it. */
function within(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/** The deepest part of `path` that exists (a folder, or anything else), or undefined for none. */
async function deepestExisting(path: string): Promise<string | undefined> {
  for (let at = path; ; at = dirname(at)) {
    if (
      await stat(at).then(
        () => true,
        () => false,
      )
    )
      return at;
    if (dirname(at) === at) return undefined;
  }
}

/**
 * Refuses a folder that exists below the output folder but really lies elsewhere: a symbolic link
 * inside `--out` (`out/PolicyDefinitions -> /etc`) would otherwise carry the writes out of it.
 */
async function checkReallyInside(root: string, folder: string, outDir: string): Promise<void> {
  const existing = await deepestExisting(folder);
  if (existing === undefined || !within(root, existing) || existing === root) return;
  const [realRoot, real] = await Promise.all([realpath(root), realpath(existing)]);
  if (!within(realRoot, real)) {
    const params = { path: existing, target: real, out: outDir };
    throw new AdmxkitError([diag("OUTPUT_LINK_ESCAPES", params, { file: existing })]);
  }
}

/**
 * Creates `folder` and its missing parents one by one, recording each one created in `created` (to be
 * removed on failure). One level at a time rather than `mkdir -p`: Node's recursive mkdir spins forever
 * under /proc and can report ENOENT for the real cause. True when `folder` itself was created.
 */
async function makeFolders(folder: string, created: string[]): Promise<boolean> {
  const missing: string[] = [];
  for (let at = folder; ; at = dirname(at)) {
    const info = await stat(at).catch((error: NodeJS.ErrnoException) =>
      error.code === "ENOENT" ? undefined : Promise.reject(error),
    );
    if (info?.isDirectory()) break;
    if (info) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR", path: at });
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const at of missing) {
    await mkdir(at);
    created.push(at);
    pending.folders.add(at);
  }
  return missing.length > 0;
}

/**
 * Refuses a target that exists and is neither a regular file nor a folder (the rename fails with
 * OUTPUT_IS_FOLDER), nor a symbolic link to one of those (the rename replaces the link, not what it
 * points to): a device, a FIFO or a socket — or a link to one, like `/dev/stdout` — would be replaced
 * by a regular file.
 */
async function checkReplaceable(target: string): Promise<void> {
  const info = await lstat(target).catch((error: NodeJS.ErrnoException) =>
    error.code === "ENOENT" ? undefined : Promise.reject(error),
  );
  if (!info || info.isFile() || info.isDirectory()) return;
  if (info.isSymbolicLink()) {
    // A link to a file is replaced by the new file; a link to a device (`/dev/stdout`) is refused too.
    const linked = await stat(target).catch(() => undefined);
    if (!linked || linked.isFile() || linked.isDirectory()) return;
    return refuseSpecialFile(target, linked);
  }
  refuseSpecialFile(target, info);
}

function refuseSpecialFile(target: string, info: import("node:fs").Stats): never {
  const kind: DiagnosticCode = info.isFIFO()
    ? "OUTPUT_KIND_FIFO"
    : info.isSocket()
      ? "OUTPUT_KIND_SOCKET"
      : "OUTPUT_KIND_DEVICE";
  const params = { path: target, kind: messageRef(kind) };
  throw new AdmxkitError([diag("OUTPUT_NOT_A_FILE", params, { file: target })]);
}

/**
 * Refuses to write `path` of `outDir` (at `target`) when it is a file this run has read: renaming the
 * new file onto it would replace the input, or one of its names (a hard link), or the symbolic link
 * that led to it. Both are named as the user wrote them.
 */
async function refuseInputTarget(outDir: string, path: string, target: string): Promise<void> {
  const input = await inputReplacedBy(target);
  if (input === undefined) return;
  const output = join(outDir, path);
  throw new AdmxkitError([diag("OUTPUT_IS_INPUT", { output, input }, { file: output })]);
}

/** A pause after the first temporary file, so that tests can interrupt a write at a known point. */
async function pauseForTests(): Promise<void> {
  if (process.env.ADMXKIT_TEST_PAUSE_AFTER_FIRST_TEMP !== "1") return;
  process.stderr.write("admxkit-test: paused after the first temporary file\n");
  await new Promise((done) => setTimeout(done, 30_000));
}

/**
 * An output folder being written file by file: each {@link OutputWriter.add} writes its file completely
 * to a temporary name at once (so a large site never sits in memory), {@link OutputWriter.commit} renames
 * them all into place, {@link OutputWriter.abort} removes them. Same guarantees as
 * {@link writeFilesAtomic}: all or nothing, never outside the folder. A folder that does not exist at the
 * first file is written under a staging name instead, renamed into place by the commit.
 */
export interface OutputWriter {
  /** Writes one file to its temporary name. A refused path or failed write aborts and throws. */
  add(file: OutputFile | StreamedOutputFile): Promise<void>;
  /** Renames every added file into place; returns their paths in the order they were added. */
  commit(): Promise<string[]>;
  /** Removes the temporary files and the folders this writer created. */
  abort(): Promise<void>;
}

/** How many temporary files an {@link OutputWriter} writes, or renames, at the same time. */
const PARALLEL_WRITES = 16;

/** True when something (a folder, a file, a link, even a broken one) is at `path`. */
const occupied = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? false : Promise.reject(error)),
  );

/** Opens `outDir` for writing files one at a time (see {@link OutputWriter}). */
export function openOutputFolder(outDir: string): OutputWriter {
  if (outDir === "") throw new AdmxkitError([diag("OUTPUT_PATH_EMPTY", {})]);
  const root = resolve(outDir);
  const suffix = `.admxkit-${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  const targets: string[] = [];
  const created: string[] = [];
  const checked = new Set<string>();
  /** Folders this write created (of those it writes into). */
  const made = new Set<string>();
  /**
   * Where the files go until the commit when the output folder did not exist at the first file: a new
   * folder beside it (`<root><suffix>`), renamed onto it once. Undefined: the folder existed, and each
   * file gets a temporary name beside its target.
   */
  let stage: string | undefined;
  /** Folders made inside the stage (the stage itself included). */
  const staged = new Set<string>();
  let opened: Promise<void> | undefined;
  let state: "open" | "done" = "open";
  // A few writes run at once: a store preview writes thousands of small files, and one at a time the
  // process mostly waits on the disk. The bound keeps at most that many pages in memory.
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;

  const open = async () => {
    if (await occupied(root)) return;
    await makeFolders(dirname(root), created);
    await mkdir(root + suffix);
    stage = root + suffix;
    pending.stages.add(stage);
    staged.add(stage);
  };
  /** Makes `folder` (inside the stage) and its missing parents. */
  const makeStaged = async (folder: string): Promise<void> => {
    if (staged.has(folder)) return;
    await makeStaged(dirname(folder));
    // A case-insensitive file system takes `en-us` for the `en-US` just made: the same folder.
    await mkdir(folder).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST" || !(await lstat(folder)).isDirectory()) throw error;
    });
    staged.add(folder);
  };
  /** Starts writing `content` to the new name `path`, in the background. */
  const start = (path: string, content: OutputFile["content"] | StreamedOutputFile["content"]) => {
    // "wx": the name is new; should it exist anyway (a link someone planted), nothing is followed.
    const write: Promise<void> = writeFile(path, content, { flag: "wx" })
      .catch((error: unknown) => void (failure ??= { error }))
      .finally(() => inFlight.delete(write));
    inFlight.add(write);
  };
  const cleanUp = async () => {
    state = "done";
    await Promise.all(inFlight);
    if (stage !== undefined) await rm(stage, { recursive: true, force: true });
    else await Promise.all(targets.map((target) => rm(target + suffix, { force: true })));
    for (const folder of created.reverse()) await rmdir(folder).catch(() => undefined);
    release();
  };
  const release = () => {
    if (stage !== undefined) pending.stages.delete(stage);
    for (const target of targets) pending.temps.delete(target + suffix);
    for (const folder of created) pending.folders.delete(folder);
  };
  const fail = async (error: unknown): Promise<never> => {
    await cleanUp();
    throw error instanceof AdmxkitError ? error : new AdmxkitError([writeErrorDiagnostic(outDir, error)]);
  };

  /** Writes a file of an output folder that existed: to a temporary name beside its target. */
  const addBeside = async (file: OutputFile | StreamedOutputFile, target: string) => {
    const folder = dirname(target);
    if (!checked.has(folder)) {
      await checkReallyInside(root, folder, outDir);
      if (await makeFolders(folder, created)) made.add(folder);
      checked.add(folder);
    }
    // A folder this write made was empty, and only its temporary names go into it before the
    // commit: no target there exists yet, so there is nothing to refuse. A store preview writes
    // thousands of pages into new folders; the two look-ups per page, both failing, cost it about
    // a fifth of its CPU time (measured before and after, bench/README.md).
    if (!made.has(folder)) {
      await checkReplaceable(target);
      await refuseInputTarget(outDir, file.path, target);
    }
    targets.push(target);
    pending.temps.add(target + suffix);
    start(target + suffix, file.content);
  };
  /**
   * Writes a file of a new output folder: under its own name in the stage. Every folder there is this
   * write's own, so there is no link to follow, no file to replace and no input to protect.
   */
  const addStaged = async (file: OutputFile | StreamedOutputFile, target: string, stage: string) => {
    const path = join(stage, relative(root, target));
    await makeStaged(dirname(path));
    targets.push(target);
    start(path, file.content);
  };

  return {
    async add(file) {
      if (state !== "open") throw new Error("the output folder is already committed or aborted");
      try {
        const target = resolveInside(outDir, file.path);
        await (opened ??= open());
        if (stage === undefined) await addBeside(file, target);
        else await addStaged(file, target, stage);
        if (targets.length === 1) {
          await Promise.all(inFlight);
          await pauseForTests();
        }
        if (inFlight.size >= PARALLEL_WRITES) await Promise.race(inFlight);
        if (failure) throw failure.error;
      } catch (error) {
        await fail(error);
      }
    },
    async commit() {
      if (state !== "open") throw new Error("the output folder is already committed or aborted");
      try {
        await Promise.all(inFlight);
        if (failure) throw failure.error;
        // The stage becomes the output folder in one step; without one, each file replaces its target.
        if (stage !== undefined) {
          // rename(2) replaces an empty folder in one step: one made meanwhile is refused like a full one.
          if (await occupied(root))
            throw Object.assign(new Error(`ENOTEMPTY: ${root}`), { code: "ENOTEMPTY" });
          await rename(stage, root);
        } else {
          for (let i = 0; i < targets.length; i += PARALLEL_WRITES) {
            await Promise.all(
              targets.slice(i, i + PARALLEL_WRITES).map(async (target) => {
                await rename(target + suffix, target);
                pending.temps.delete(target + suffix);
              }),
            );
          }
        }
      } catch (error) {
        await fail(error);
      }
      state = "done";
      release();
      return [...targets];
    },
    async abort() {
      if (state === "open") await cleanUp();
    },
  };
}

/**
 * Writes a set of files into `outDir` (see the module comment): all or nothing, never outside it.
 * Returns the paths written. Throws an {@link AdmxkitError} for a refused path or a failed write.
 */
export async function writeFilesAtomic(
  outDir: string,
  files: readonly (OutputFile | StreamedOutputFile)[],
): Promise<string[]> {
  if (outDir === "") throw new AdmxkitError([diag("OUTPUT_PATH_EMPTY", {})]);
  // Every path is checked before anything is written (inside the folder, not one of the inputs), so a
  // refused path leaves no trace at all.
  for (const file of files) await refuseInputTarget(outDir, file.path, resolveInside(outDir, file.path));
  const writer = openOutputFolder(outDir);
  for (const file of files) await writer.add(file);
  return writer.commit();
}

/**
 * Writes one file atomically (`--out Registry.pol`). A path that names a folder — empty, `.`, `..`,
 * `/`, ending in a separator, or an existing folder — is refused with a message that says so, rather
 * than as a path leaving its folder.
 */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array | Iterable<string | Uint8Array>,
): Promise<string> {
  if (path === "") throw new AdmxkitError([diag("OUTPUT_PATH_EMPTY", {})]);
  const name = basename(path);
  const folderLike = name === "" || name === "." || name === ".." || /[\\/]$/.test(path);
  const isFolder =
    folderLike ||
    (await stat(path).then(
      (s) => s.isDirectory(),
      () => false,
    ));
  if (isFolder) throw new AdmxkitError([diag("OUTPUT_FILE_IS_FOLDER", { path }, { file: path })]);
  const file =
    typeof content === "string" || content instanceof Uint8Array
      ? { path: name, content }
      : { path: name, content };
  const [written] = await writeFilesAtomic(dirname(path), [file]);
  return written!;
}

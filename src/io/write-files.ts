import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { AdmxkitError, diag } from "../diagnostics/diagnostic.js";

/** A file to write: a path relative to the output folder and its content. */
export interface FileToWrite {
  readonly path: string;
  readonly content: string | Uint8Array;
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
 * Writes a set of files so that none is ever seen half-written: every file first goes to a temporary
 * name beside its target, and only when all of them are complete are they renamed into place (a rename
 * within one folder is atomic). If anything fails, the temporary files are removed and the previous
 * outputs are left as they were.
 */
export async function writeFilesAtomic(outDir: string, files: readonly FileToWrite[]): Promise<string[]> {
  const planned = files.map((file) => ({ file, target: resolveInside(outDir, file.path) }));
  const suffix = `.admxkit-${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  const temps: string[] = [];
  try {
    for (const { file, target } of planned) {
      await mkdir(dirname(target), { recursive: true });
      const temp = target + suffix;
      temps.push(temp);
      await writeFile(temp, file.content);
    }
    for (const { target } of planned) await rename(target + suffix, target);
  } catch (error) {
    await Promise.all(temps.map((temp) => rm(temp, { force: true })));
    if (error instanceof AdmxkitError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AdmxkitError([diag("WRITE_FAILED", { path: outDir, reason })]);
  }
  return planned.map((p) => p.target);
}

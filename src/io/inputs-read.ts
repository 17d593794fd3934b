/**
 * The files a CLI run has read, so that no output of the run replaces one of them: `pol --values v.json
 * --out v.json` would otherwise overwrite the reviewed values file with Registry.pol bytes, and
 * `values --from x.pol --out x.pol` the Registry.pol it decodes.
 *
 * Files are told apart as the system tells them apart — by device and inode — so a second path, a
 * hard link or a symbolic link to an input is the input too. Every read of {@link readInput} notes the
 * file it opened; the writers (write-files.ts) ask {@link inputReplacedBy} for every target before
 * writing it. The record belongs to one run: the CLI opens it around each command
 * ({@link recordingInputs}); outside one (a program using the library) nothing is noted or checked.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { stat } from "node:fs/promises";

/** What identifies a file: its device and inode, as `fstat` or `stat` gives them. */
interface FileId {
  readonly dev: number;
  readonly ino: number;
}

/** Per run: `dev:ino` of each file read, to the path it was first read by. */
const run = new AsyncLocalStorage<Map<string, string>>();

const keyOf = (id: FileId) => `${id.dev}:${id.ino}`;

/** Runs `body` with a fresh record of the files it reads. */
export function recordingInputs<T>(body: () => Promise<T>): Promise<T> {
  return run.run(new Map(), body);
}

/** Notes that `path`, the opened file `id`, is an input of the run in progress (if any). */
export function noteInputRead(path: string, id: FileId): void {
  const read = run.getStore();
  if (read !== undefined && !read.has(keyOf(id))) read.set(keyOf(id), path);
}

/**
 * The input path `target` would replace: the input itself, a hard link to it, or a symbolic link that
 * leads to it (whatever a write of `target` would put in place of what the run read). Undefined when
 * `target` does not exist, no run is recording, or it is no input.
 */
export async function inputReplacedBy(target: string): Promise<string | undefined> {
  const read = run.getStore();
  if (read === undefined || read.size === 0) return undefined;
  const info = await stat(target).catch(() => undefined);
  return info && read.get(keyOf(info));
}

/**
 * The one way admxkit reads an input file (a Registry.pol, an ADMX or ADML, a values file, a bundle).
 *
 * Only regular files are inputs. A FIFO would block the read forever, `/dev/zero` or `/dev/urandom`
 * never end, a socket or a folder is no file at all — so the file is opened without blocking
 * (`O_NONBLOCK`: opening a FIFO with no writer would otherwise wait), and the opened descriptor is
 * checked with `fstat`, not the path: symbolic links are followed as Windows follows links in SYSVOL,
 * and whatever they lead to must itself be a regular file. Every format has a size bound far above any
 * real file of that kind; a larger file is refused with its size before anything is read, and at most
 * bound + 1 bytes are ever read, so a file that grows while it is read is refused too.
 *
 * Failures are diagnostics with codes of their own (`INPUT_*`), worded in both tool languages, never a
 * raw errno text: see {@link fileSystemDiagnostic}. Each file read is noted for the run in progress
 * (inputs-read.ts), so that no output of the run replaces it.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { open, stat } from "node:fs/promises";
import { AdmxkitError, diag, type Diagnostic, type DiagnosticCode } from "../diagnostics/diagnostic.js";
import { noteInputRead } from "./inputs-read.js";

/** The kinds of input file, each with its own size bound. */
export type InputFormat = "pol" | "admx" | "adml" | "json" | "values" | "js";

const MiB = 1024 * 1024;

/** The Registry.pol bound, on which the values-file bound depends. */
const POL_LIMIT = 64 * MiB;

/**
 * The largest file admxkit reads per format, in bytes. The largest real files are far smaller: in-box
 * ADMX/ADML files reach about 1.7 MB (inetres.admx; UTF-16 ADMLs double their text), GPO Registry.pol
 * files a few MB, values files and bundles kilobytes. The bounds keep a mistaken or hostile input from
 * taking all memory while leaving generated stores and GPOs a wide margin.
 *
 * A values file is JSON too, but `values --from` writes one from any Registry.pol admxkit reads, and
 * what admxkit writes it must read back: its bound is the Registry.pol bound times the most a values
 * file can grow per Registry.pol byte (`VALUES_PER_POL_BYTE`, src/values/values-text.ts, where the
 * figure is worked out), not the 16 MiB of other JSON.
 */
export const INPUT_SIZE_LIMITS: Readonly<Record<InputFormat, number>> = {
  pol: POL_LIMIT,
  admx: 32 * MiB,
  adml: 32 * MiB,
  json: 16 * MiB,
  values: 4 * POL_LIMIT,
  js: 16 * MiB,
};

/** What a format is called in messages; technical names, the same in every language. */
const FORMAT_NAMES: Readonly<Record<InputFormat, string>> = {
  pol: "Registry.pol",
  admx: "ADMX",
  adml: "ADML",
  json: "JSON",
  values: "JSON",
  js: "JavaScript",
};

/** The outcome of {@link readInput}. */
export type InputRead =
  { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly diagnostic: Diagnostic };

/** Codes for the errno values a user can act on; anything else is `INPUT_READ_FAILED` with the errno. */
// A Map, not an object: the errno comes from outside, and `constructor` must not find a prototype member.
const ERRNO_CODES: ReadonlyMap<string, DiagnosticCode> = new Map<string, DiagnosticCode>([
  ["ENOENT", "INPUT_NOT_FOUND"],
  ["ENOTDIR", "INPUT_NOT_FOUND"],
  ["EACCES", "INPUT_ACCESS_DENIED"],
  ["EPERM", "INPUT_ACCESS_DENIED"],
  ["EISDIR", "INPUT_IS_FOLDER"],
  ["ELOOP", "INPUT_LINK_LOOP"],
  ["EMFILE", "INPUT_TOO_MANY_OPEN"],
  ["ENFILE", "INPUT_TOO_MANY_OPEN"],
  ["ENAMETOOLONG", "INPUT_NAME_TOO_LONG"],
]);

/**
 * The diagnostic for a failed file-system call on an input path (open, stat, readdir): the errno mapped
 * to a code with wording in both languages, the path as the user gave it.
 */
export function fileSystemDiagnostic(path: string, error: unknown): Diagnostic {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  const code = errno === undefined ? undefined : ERRNO_CODES.get(errno);
  if (code !== undefined) return diag(code, { file: path }, { file: path });
  const reason = error instanceof Error ? error.message : String(error);
  return diag("INPUT_READ_FAILED", { file: path, errno: errno ?? "?", reason }, { file: path });
}

/** What `fstat` says about a file's kind (the part of `fs.Stats` used here). */
export interface FileKind {
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}

/** The diagnostic for something that is not a regular file, or undefined for a regular file. */
export function notRegularDiagnostic(path: string, stats: FileKind): Diagnostic | undefined {
  if (stats.isFile()) return undefined;
  const code = stats.isDirectory()
    ? "INPUT_IS_FOLDER"
    : stats.isFIFO()
      ? "INPUT_IS_FIFO"
      : stats.isSocket()
        ? "INPUT_IS_SOCKET"
        : stats.isCharacterDevice() || stats.isBlockDevice()
          ? "INPUT_IS_DEVICE"
          : "INPUT_NOT_REGULAR";
  return diag(code, { file: path }, { file: path });
}

/** `size` is what was seen: the file's size, or the bytes read when it grew past the bound. */
function tooLarge(path: string, format: InputFormat, size: number): Diagnostic {
  const limit = INPUT_SIZE_LIMITS[format].toLocaleString("en-US");
  const params = { file: path, size: size.toLocaleString("en-US"), limit, format: FORMAT_NAMES[format] };
  return diag("INPUT_TOO_LARGE", params, { file: path });
}

/** The chunks in one unpooled buffer. */
function join(chunks: readonly Buffer[], length: number): Buffer {
  const out = Buffer.allocUnsafeSlow(length);
  let at = 0;
  for (const chunk of chunks) at += chunk.copy(out, at);
  return out;
}

// Not on Windows, where opening never blocks on a pipe; 0 leaves the flags as they are there.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

type Handle = Awaited<ReturnType<typeof open>>;

/**
 * Runs `use` on the opened file once it is known to be a regular file within the bound of `format`;
 * every failure, of the checks or of `use`, becomes the diagnostic.
 */
async function withRegularFile<T>(
  path: string,
  format: InputFormat,
  use: (handle: Handle, size: number) => Promise<T | Diagnostic>,
): Promise<T | Diagnostic> {
  let handle: Handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    // Linux refuses to open a socket (ENXIO): say what the path is rather than the errno.
    if ((error as NodeJS.ErrnoException).code === "ENXIO") {
      const stats = await stat(path).catch(() => undefined);
      const kind = stats && notRegularDiagnostic(path, stats);
      if (kind) return kind;
    }
    return fileSystemDiagnostic(path, error);
  }
  try {
    const stats = await handle.stat();
    const kind = notRegularDiagnostic(path, stats);
    if (kind) return kind;
    noteInputRead(path, stats);
    if (stats.size > INPUT_SIZE_LIMITS[format]) return tooLarge(path, format, stats.size);
    return await use(handle, stats.size);
  } catch (error) {
    return fileSystemDiagnostic(path, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

const isDiagnostic = (value: unknown): value is Diagnostic =>
  typeof value === "object" && value !== null && "code" in value && "severity" in value;

/**
 * Reads at most bound + 1 bytes: the size `fstat` gave is only a hint (the file may grow while it is
 * read), so reading stops at the end of the file or one byte past the bound, which is refused.
 */
async function readBounded(handle: Handle, size: number, path: string, format: InputFormat) {
  const limit = INPUT_SIZE_LIMITS[format];
  // allocUnsafeSlow: the bytes are handed out, so they must not share Node's pooled buffer.
  const chunks: Buffer[] = [];
  let length = 0;
  for (;;) {
    const room = Math.min(limit + 1 - length, Math.max(size + 1 - length, 64 * 1024));
    const chunk = Buffer.allocUnsafeSlow(room);
    const { bytesRead } = await handle.read(chunk, 0, room, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    length += bytesRead;
    if (length > limit) return tooLarge(path, format, length);
  }
  const bytes = chunks.length === 1 ? chunks[0]! : join(chunks, length);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads a regular file of `format` within its size bound; never throws for what the path names. */
export async function readInput(path: string, format: InputFormat): Promise<InputRead> {
  const read = await withRegularFile(path, format, (handle, size) => readBounded(handle, size, path, format));
  return isDiagnostic(read) ? { ok: false, diagnostic: read } : { ok: true, bytes: read };
}

/** {@link readInput}, throwing an {@link AdmxkitError} with the diagnostic when the file cannot be used. */
export async function readInputOrThrow(path: string, format: InputFormat): Promise<Uint8Array> {
  const read = await readInput(path, format);
  if (!read.ok) throw new AdmxkitError([read.diagnostic]);
  return read.bytes;
}

/**
 * Checks that a path names a regular file within the bound of `format`, without reading it: for a
 * JavaScript bundle, which Node's module loader reads itself.
 */
export async function checkInputFile(path: string, format: InputFormat): Promise<Diagnostic | undefined> {
  const checked = await withRegularFile(path, format, async () => undefined);
  return checked;
}

/**
 * {@link readInput} without the thread pool: open, fstat, read and close as direct calls. For code that
 * reads many small local files in a row where nothing else waits — a worker thread of `validate` — this
 * saves four round trips through libuv per file. Same checks, bounds and diagnostics.
 */
export function readInputSync(path: string, format: InputFormat): InputRead {
  const fail = (diagnostic: Diagnostic): InputRead => ({ ok: false, diagnostic });
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENXIO") {
      const kind = notRegularDiagnostic(path, statSync(path, { throwIfNoEntry: false }) ?? NOT_FOUND);
      if (kind) return fail(kind);
    }
    return fail(fileSystemDiagnostic(path, error));
  }
  try {
    const stats = fstatSync(fd);
    const kind = notRegularDiagnostic(path, stats);
    if (kind) return fail(kind);
    noteInputRead(path, stats);
    const limit = INPUT_SIZE_LIMITS[format];
    if (stats.size > limit) return fail(tooLarge(path, format, stats.size));
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      // The first read asks for the whole file and one byte more. Whether more follows is asked with a
      // shared scratch buffer: a store is hundreds of files, and a fresh 64 KiB buffer for each of
      // them, to read nothing into, was most of the buffer allocation in a profile of validate.
      const room = Math.min(limit + 1 - length, Math.max(stats.size + 1 - length, SCRATCH.length));
      const fresh = length === 0;
      const target = fresh ? Buffer.allocUnsafeSlow(room) : SCRATCH;
      const bytesRead = readSync(fd, target, 0, Math.min(room, target.length), null);
      if (bytesRead === 0) break;
      chunks.push(fresh ? target.subarray(0, bytesRead) : Buffer.from(target.subarray(0, bytesRead)));
      length += bytesRead;
      if (length > limit) return fail(tooLarge(path, format, length));
    }
    const bytes = chunks.length === 1 ? chunks[0]! : join(chunks, length);
    return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (error) {
    return fail(fileSystemDiagnostic(path, error));
  } finally {
    closeSync(fd);
  }
}

/** Where {@link readInputSync} reads past a file's expected end (its bytes are copied out). */
const SCRATCH = Buffer.allocUnsafeSlow(64 * 1024);

/** A kind that is no kind: for a path that vanished between open and stat. */
const NOT_FOUND: FileKind = {
  isFile: () => true,
  isDirectory: () => false,
  isFIFO: () => false,
  isSocket: () => false,
  isCharacterDevice: () => false,
  isBlockDevice: () => false,
};

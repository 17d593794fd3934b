import { diag, type Diagnostic, type DiagnosticCode } from "../diagnostics/diagnostic.js";

/** Codes for the errno values of a failed write a user can act on. */
// A Map, not an object: the errno comes from outside, and `constructor` must not find a prototype member.
const ERRNO_CODES: ReadonlyMap<string, DiagnosticCode> = new Map<string, DiagnosticCode>([
  ["EACCES", "OUTPUT_ACCESS_DENIED"],
  ["EPERM", "OUTPUT_ACCESS_DENIED"],
  ["EROFS", "OUTPUT_READ_ONLY"],
  ["ENOSPC", "OUTPUT_NO_SPACE"],
  ["EDQUOT", "OUTPUT_NO_SPACE"],
  ["ENOTDIR", "OUTPUT_NOT_A_FOLDER"],
  ["EISDIR", "OUTPUT_IS_FOLDER"],
  ["ENOTEMPTY", "OUTPUT_IS_FOLDER"],
  ["ENAMETOOLONG", "OUTPUT_NAME_TOO_LONG"],
  ["EMFILE", "OUTPUT_TOO_MANY_OPEN"],
  ["ENFILE", "OUTPUT_TOO_MANY_OPEN"],
  ["ENOENT", "OUTPUT_PATH_GONE"],
]);

/**
 * A temporary name of write-files.ts, of a file (`<target>.admxkit-<pid>-<8 hex>.tmp`) or of the staging
 * folder of a new output folder (`<folder>.admxkit-<pid>-<8 hex>.tmp/<file>`): the user knows the target.
 */
const TEMPORARY_SUFFIX = /\.admxkit-\d+-[0-9a-f]{8}\.tmp(?=$|[\\/])/;

/**
 * The diagnostic for a failed file-system call while writing outputs: the real errno (read-only file
 * system, permission denied, disk full…) as a code worded in both languages, and the path the call
 * failed on. Anything unusual keeps its errno and the system's text under `WRITE_FAILED`.
 */
export function writeErrorDiagnostic(fallbackPath: string, error: unknown): Diagnostic {
  const failure = error as NodeJS.ErrnoException | undefined;
  const path = typeof failure?.path === "string" ? failure.path.replace(TEMPORARY_SUFFIX, "") : fallbackPath;
  const code = failure?.code === undefined ? undefined : ERRNO_CODES.get(failure.code);
  if (code !== undefined) return diag(code, { path }, { file: path });
  const reason = error instanceof Error ? error.message : String(error);
  return diag("WRITE_FAILED", { path, errno: failure?.code ?? "?", reason }, { file: path });
}

/**
 * What `admxkit values --from` and `admxkit diff` read: a Registry.pol file, a GPO backup folder (as
 * GPMC's Backup-GPO writes it and `admxkit gpo` does: `{BackupId}/DomainSysvol/GPO/Machine/registry.pol`),
 * the folder holding exactly one such backup, or a GPO's own SYSVOL folder (`Machine/Registry.pol`,
 * `User/Registry.pol`). File names are matched without regard to case: Windows writes `Registry.pol`
 * and `registry.pol` alike, and copies made on Windows keep whichever it was. Symbolic links are
 * followed as the store walk follows them (follow-link.ts); a link that leads nowhere is an error.
 */
import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { PolicyClassName } from "../model/types.js";
import { AdmxkitError, diag } from "../diagnostics/diagnostic.js";
import { messageRef } from "../i18n/messages.js";
import {
  decodePol,
  decodePolStream,
  type PolDecodeDiagnostic,
  type PolEntry,
  type PolEntryStream,
} from "../pol/index.js";
import { followLink } from "./follow-link.js";
import { fileSystemDiagnostic, readInputOrThrow } from "./read-input.js";

/** The Registry.pol entries read, per side, and the file each side came from. */
export interface GpoInput {
  /** `pol` for one Registry.pol file, `backup` for a folder (both sides, an absent file giving none). */
  readonly kind: "pol" | "backup";
  readonly sides: Partial<Record<PolicyClassName, readonly PolEntry[]>>;
  readonly files: Partial<Record<PolicyClassName, string>>;
}

/** Options of {@link readGpoInput}. */
export interface ReadGpoInputOptions {
  /** The side a single Registry.pol file is (default machine); for a folder, the only side to read. */
  readonly policyClass?: PolicyClassName;
}

const SIDE_FOLDERS: Record<PolicyClassName, string> = { machine: "Machine", user: "User" };

/**
 * The entries of `dir`; none when it does not exist or is no folder (a GPO without a `User` folder).
 * A folder that exists but cannot be read is an error: its registry.pol would be missing unsaid.
 */
async function list(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw new AdmxkitError([fileSystemDiagnostic(dir, error)]);
  }
}

/** What an entry leads to, links followed as the store walk follows them; a dangling link throws. */
async function leadsToFolder(path: string, entry: Dirent): Promise<boolean> {
  if (!entry.isSymbolicLink()) return entry.isDirectory();
  const target = await followLink(path, "GPO_LINK_BROKEN");
  if ("code" in target) throw new AdmxkitError([target]);
  return target.folder;
}

/**
 * The child of `dir` named `name` in any case: for a folder, one that leads to a folder; for a file,
 * whatever is there, so that the reader refuses a FIFO, a device or a folder by what it is instead of
 * the GPO seeming to lack the file. Two names that differ only in case (`Registry.pol` beside
 * `registry.pol`) are one file on Windows: which one a copy keeps is not known, so both are refused.
 */
async function child(dir: string, name: string, kind: "file" | "dir"): Promise<string | undefined> {
  const wanted = name.toLowerCase();
  const found = (await list(dir)).filter((e) => e.name.toLowerCase() === wanted);
  if (found.length > 1) {
    const names = found.map((e) => e.name).sort();
    throw new AdmxkitError([diag("GPO_INPUT_CASE_CLASH", { dir, names: names.join(", ") }, { file: dir })]);
  }
  const entry = found[0];
  if (entry === undefined) return undefined;
  const path = join(dir, entry.name);
  const folder = await leadsToFolder(path, entry);
  return kind === "file" || folder ? path : undefined;
}

/** `dir/A/B/…/file` matched component by component without regard to case. */
async function findPath(dir: string, parts: readonly string[]): Promise<string | undefined> {
  let at: string | undefined = dir;
  for (let i = 0; i < parts.length && at !== undefined; i++)
    at = await child(at, parts[i]!, i === parts.length - 1 ? "file" : "dir");
  return at;
}

/** `dir/A/B/…` (folders only) matched without regard to case. */
async function findDir(dir: string, parts: readonly string[]): Promise<string | undefined> {
  let at: string | undefined = dir;
  for (const part of parts) at = at === undefined ? undefined : await child(at, part, "dir");
  return at;
}

/**
 * The folder whose `Machine` and `User` subfolders hold the registry.pol files, if `dir` is a GPO: a
 * backup (it has Backup.xml, even when it holds no registry settings), or any folder with
 * `DomainSysvol\GPO\<side>\registry.pol` or `<side>\registry.pol`.
 */
async function gpoRoot(dir: string): Promise<string | undefined> {
  const isBackup = (await child(dir, "Backup.xml", "file")) !== undefined;
  const sysvol = await findDir(dir, ["DomainSysvol", "GPO"]);
  for (const root of [sysvol, dir]) {
    if (root === undefined) continue;
    for (const side of Object.values(SIDE_FOLDERS))
      if ((await findPath(root, [side, "registry.pol"])) !== undefined) return root;
  }
  return isBackup ? (sysvol ?? join(dir, "DomainSysvol", "GPO")) : undefined;
}

function invalidPol(file: string, error: PolDecodeDiagnostic): AdmxkitError {
  // Worded when shown, so `--lang ja-JP` gets the reason in Japanese too.
  const detail = messageRef(error.code, error.params);
  return new AdmxkitError([diag("POL_FILE_INVALID", { file, detail }, { file })]);
}

/** Reads and decodes one Registry.pol, turning every failure into a diagnostic naming the file. */
export async function readPolFile(file: string): Promise<readonly PolEntry[]> {
  // The bytes were just read and go nowhere else: the entries' data can be views into them.
  const decoded = decodePol(await readInputOrThrow(file, "pol"), { adopt: true });
  if (!decoded.ok) throw invalidPol(file, decoded.error);
  return decoded.entries;
}

/**
 * {@link readPolFile} for a reader that only walks the entries (a dump): they are checked at once, then
 * read again from the file's bytes at each walk, so memory holds the file rather than an object per
 * entry (src/pol/decode.ts).
 */
export async function readPolFileStream(file: string): Promise<PolEntryStream> {
  const decoded = decodePolStream(await readInputOrThrow(file, "pol"), { adopt: true });
  if (!decoded.ok) throw invalidPol(file, decoded.error);
  return decoded.entries;
}

async function readRoot(root: string, only: PolicyClassName | undefined): Promise<GpoInput> {
  const sides: Partial<Record<PolicyClassName, readonly PolEntry[]>> = {};
  const files: Partial<Record<PolicyClassName, string>> = {};
  for (const side of ["machine", "user"] as const) {
    if (only !== undefined && side !== only) continue;
    const file = await findPath(root, [SIDE_FOLDERS[side], "registry.pol"]);
    sides[side] = file === undefined ? [] : await readPolFile(file);
    if (file !== undefined) files[side] = file;
  }
  return { kind: "backup", sides, files };
}

/**
 * Reads a Registry.pol file or a GPO folder. A folder that holds several backups is refused with their
 * names (pick one); a folder that is none of the accepted shapes is refused with what was expected.
 */
export async function readGpoInput(path: string, options: ReadGpoInputOptions = {}): Promise<GpoInput> {
  const info = await stat(path).catch((error: unknown) => {
    throw new AdmxkitError([fileSystemDiagnostic(path, error)]);
  });
  if (info.isFile()) {
    const side = options.policyClass ?? "machine";
    return { kind: "pol", sides: { [side]: await readPolFile(path) }, files: { [side]: path } };
  }
  const root = await gpoRoot(path);
  if (root !== undefined) return readRoot(root, options.policyClass);
  const backups: string[] = [];
  for (const entry of await list(path)) {
    const folder = join(path, entry.name);
    if ((await leadsToFolder(folder, entry)) && (await gpoRoot(folder)) !== undefined)
      backups.push(entry.name);
  }
  if (backups.length === 1) return readRoot((await gpoRoot(join(path, backups[0]!)))!, options.policyClass);
  if (backups.length > 1)
    throw new AdmxkitError([
      diag("GPO_INPUT_SEVERAL", { dir: path, backups: backups.sort().join(", ") }, { file: path }),
    ]);
  throw new AdmxkitError([diag("GPO_INPUT_NOT_FOUND", { dir: path }, { file: path })]);
}

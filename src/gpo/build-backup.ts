/**
 * A whole GPO backup folder for registry-based policy, as files to write: `{BackupId}/Backup.xml`,
 * `{BackupId}/bkupInfo.xml` and `{BackupId}/DomainSysvol/GPO/{Machine|User}/registry.pol` for each side
 * that has entries. That is the set GPMC's import reads for a registry-only GPO; a backup holds no
 * gpt.ini (the target GPO keeps its own).
 *
 * Not written: `gpreport.xml`, GPMC's rendering of the settings through the ADMX files of the machine
 * that took the backup. Import does not read it, and a faithful one needs every policy's display text,
 * category path and presentation exactly as GPMC would render them — a report that differs would mislead
 * whoever reads it. Not written either: the `manifest.xml` GPMC keeps beside a set of backups, since the
 * output folder may already hold other backups whose manifest we must not replace.
 */
import { AdmxkitError, diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { OutputFile } from "../io/output-file.js";
import { messageRef } from "../i18n/messages.js";
import { encodePol, type PolEntry } from "../pol/index.js";
import { writeBackupXml, writeBkupInfoXml } from "./backup-xml.js";
import { cdataProblem } from "./gpmc-xml.js";
import type { GpoBackupIdentity } from "./identity.js";

/** What a backup is made of. */
export interface GpoBackupInput {
  /** The GPO's display name, shown by GPMC and matched by `Import-GPO -BackupGpoName`. */
  readonly displayName: string;
  /** Entries of Computer Configuration (Machine\registry.pol, HKLM). */
  readonly machine: readonly PolEntry[];
  /** Entries of User Configuration (User\registry.pol, HKCU). */
  readonly user: readonly PolEntry[];
  readonly identity: GpoBackupIdentity;
}

/** A backup ready to write: its id and its files, with paths relative to the backup root folder. */
export interface GpoBackup {
  readonly backupId: string;
  readonly files: OutputFile[];
}

/** Problems with a display name: empty, or text the backup's XML cannot carry. */
export function checkGpoDisplayName(displayName: string): Diagnostic[] {
  if (displayName.trim() === "") return [diag("GPO_NAME_EMPTY", {})];
  const name = JSON.stringify(displayName);
  const problem = cdataProblem(displayName);
  if (problem === "cdataEnd") return [diag("GPO_NAME_CDATA_END", { name })];
  // Tabs and line breaks are legal XML, but a GPO name is one line; GPMC lists names on one line.
  if (problem === "character" || /[\t\r\n]/.test(displayName))
    return [diag("GPO_NAME_BAD_CHARACTER", { name })];
  return [];
}

function encodeSide(entries: readonly PolEntry[], hive: "machine" | "user"): Uint8Array {
  try {
    return encodePol(entries);
  } catch (error) {
    if (!(error instanceof AdmxkitError)) throw error;
    // The codec's findings name the entry by its index, key and value name (checkPolEntries).
    const refusals = error.diagnostics.map(({ code, params }) => {
      const { index = -1, key = "", valueName = "" } = params;
      const reason = messageRef("POL_ENCODE_ENTRY", { index, problem: messageRef(code, params) });
      return diag("GPO_ENTRY_INVALID", { hive, index, key, valueName, reason });
    });
    throw new AdmxkitError(refusals);
  }
}

/**
 * Builds the backup's files. Throws {@link AdmxkitError} for a display name the files cannot carry or an
 * entry Registry.pol cannot store. Each registry.pol is exactly `encodePol` of its entries — the same
 * bytes `admxkit pol` writes.
 */
export function generateGpoBackup(input: GpoBackupInput): GpoBackup {
  const problems = checkGpoDisplayName(input.displayName);
  if (problems.length > 0) throw new AdmxkitError(problems);
  const id = input.identity.backupId;
  const description = {
    displayName: input.displayName,
    identity: input.identity,
    hasMachine: input.machine.length > 0,
    hasUser: input.user.length > 0,
  };
  const files: OutputFile[] = [
    { path: `${id}/Backup.xml`, content: writeBackupXml(description) },
    { path: `${id}/bkupInfo.xml`, content: writeBkupInfoXml(description) },
  ];
  if (description.hasMachine) {
    files.push({
      path: `${id}/DomainSysvol/GPO/Machine/registry.pol`,
      content: encodeSide(input.machine, "machine"),
    });
  }
  if (description.hasUser) {
    files.push({ path: `${id}/DomainSysvol/GPO/User/registry.pol`, content: encodeSide(input.user, "user") });
  }
  return { backupId: id, files };
}

/**
 * Who and when of a GPO backup: its backup id, the id of the GPO it claims to come from, the backup
 * time, and the domain fields.
 *
 * Import (`Import-GPO -BackupId … -TargetName …`, GPMC's Import Settings wizard) reads the settings of
 * a backup into a GPO that keeps its own GUID, domain and permissions. So of these fields only the backup
 * id (the folder name, and the id `-BackupId` selects) and the display name (`-BackupGpoName`) matter;
 * the source GPO GUID, domain, domain GUID, domain controller and time are informational, and we fill
 * them with values that are plainly not a real domain (`.invalid` is reserved by RFC 2606).
 */
import { ADMXKIT_GUID_NAMESPACE, bracedLower, bracedUpper, randomGuid, uuidV5 } from "./guid.js";

/** The placeholder DNS name written wherever a backup names its source domain. */
export const PLACEHOLDER_DOMAIN = "admxkit.invalid";
/** The placeholder domain controller (GPMC records the DC it read the GPO from). */
export const PLACEHOLDER_DC = `dc.${PLACEHOLDER_DOMAIN}`;
/** The backup time of deterministic backups: fixed, so the same name always gives the same bytes. */
export const DETERMINISTIC_BACKUP_TIME = "2000-01-01T00:00:00";

/** The identifying fields of one backup. GUIDs are in GPMC's spelling (see `guid.ts`). */
export interface GpoBackupIdentity {
  /** `{…}` uppercase: the backup folder's name and the id `Import-GPO -BackupId` takes. */
  readonly backupId: string;
  /** `{…}` uppercase: the GUID of the (notional) GPO the backup was taken from. */
  readonly gpoId: string;
  /** `YYYY-MM-DDTHH:MM:SS`, as GPMC writes `BackupTime` (no zone). */
  readonly backupTime: string;
}

/** The placeholder domain's GUID, as GPMC spells `GPODomainGuid` (lowercase, braces). */
export function placeholderDomainGuid(): string {
  return bracedLower(uuidV5(ADMXKIT_GUID_NAMESPACE, `domain\n${PLACEHOLDER_DOMAIN}`));
}

/**
 * An identity derived from the display name only (version-5 UUIDs, fixed time): the same name gives the
 * same backup id and bytes, for golden tests and reproducible builds. Two different backups built with
 * the same name share a backup id, so keep them in different folders.
 */
export function deterministicIdentity(displayName: string): GpoBackupIdentity {
  return {
    backupId: bracedUpper(uuidV5(ADMXKIT_GUID_NAMESPACE, `backup\n${displayName}`)),
    gpoId: bracedUpper(uuidV5(ADMXKIT_GUID_NAMESPACE, `gpo\n${displayName}`)),
    backupTime: DETERMINISTIC_BACKUP_TIME,
  };
}

/** `date` as GPMC writes times: `YYYY-MM-DDTHH:MM:SS` (we use UTC). */
export function gpmcTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** A new identity: random backup and GPO GUIDs, and the current time. */
export function freshIdentity(now: Date = new Date()): GpoBackupIdentity {
  return { backupId: bracedUpper(randomGuid()), gpoId: bracedUpper(randomGuid()), backupTime: gpmcTime(now) };
}

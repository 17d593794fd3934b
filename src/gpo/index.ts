/** Public API of the GPO backup writer (GPMC backup folders for registry-based policy). */
export { checkGpoDisplayName, generateGpoBackup } from "./build-backup.js";
export type { GpoBackup, GpoBackupInput } from "./build-backup.js";
export {
  DETERMINISTIC_BACKUP_TIME,
  deterministicIdentity,
  freshIdentity,
  gpmcTime,
  PLACEHOLDER_DC,
  PLACEHOLDER_DOMAIN,
  placeholderDomainGuid,
} from "./identity.js";
export type { GpoBackupIdentity } from "./identity.js";
export {
  BACKUP_NS,
  MANIFEST_NS,
  REGISTRY_CSE,
  REGISTRY_TOOL,
  writeBackupXml,
  writeBkupInfoXml,
} from "./backup-xml.js";
export type { BackupDescription } from "./backup-xml.js";
export { ADMXKIT_GUID_NAMESPACE, uuidV5 } from "./guid.js";
export { neutralSecurityDescriptor } from "./security-descriptor.js";
export { compileGpoBackup } from "./from-values.js";
export type { CompiledGpoBackup, CompileGpoBackupOptions } from "./from-values.js";

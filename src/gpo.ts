/**
 * `admxkit/gpo`: GPMC backups, the form `Import-GPO` and the Group Policy Management Console restore a
 * GPO from; and a backup (or a Registry.pol) read back into entries.
 */

// Backups made from a values file or from registry entries, with a fixed or a fresh identity.
export {
  compileGpoBackup,
  deterministicIdentity,
  freshIdentity,
  generateGpoBackup,
  type CompiledGpoBackup,
  type CompileGpoBackupOptions,
  type GpoBackup,
  type GpoBackupIdentity,
  type GpoBackupInput,
} from "./gpo/index.js";

// A backup folder or a Registry.pol file read back, one entry list per side.
export { readGpoInput, type GpoInput, type ReadGpoInputOptions } from "./io/read-gpo-input.js";

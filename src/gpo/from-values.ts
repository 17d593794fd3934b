/**
 * Values file → GPO backup: compiles both sections of a values file with the policy compiler and packs
 * the entries into a backup. The registry.pol files are the compiler's entries encoded with `encodePol`,
 * so they equal what `admxkit pol` writes for the same values, byte for byte.
 */
import { compileValues, type PolicyIndex } from "../compile/index.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Policy } from "../model/types.js";
import type { ValuesFile } from "../values/index.js";
import { checkGpoDisplayName, generateGpoBackup, type GpoBackup } from "./build-backup.js";
import type { GpoBackupIdentity } from "./identity.js";

/** Options of {@link compileGpoBackup}. */
export interface CompileGpoBackupOptions {
  readonly displayName: string;
  readonly identity: GpoBackupIdentity;
  /** The values file's path, for diagnostics. */
  readonly file?: string;
  /** What the policies come from (a bundle id, a folder), for "no policy X in …" messages. */
  readonly source?: string;
}

/** The backup, or undefined when an error stopped it, and every diagnostic of the way. */
export interface CompiledGpoBackup {
  readonly backup: GpoBackup | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Diagnostics with the same content once only (each compile run checks both sections of the file). */
function unique(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const id = JSON.stringify(d);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Compiles `values` against `policies` for Computer and User Configuration and builds the backup. When
 * any diagnostic is an error (in the values or the display name) no backup is built.
 */
export function compileGpoBackup(
  policies: readonly Policy[] | PolicyIndex,
  values: ValuesFile,
  options: CompileGpoBackupOptions,
): CompiledGpoBackup {
  const compileOptions = {
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(options.source !== undefined ? { source: options.source } : {}),
  };
  const machine = compileValues(policies, values, "machine", compileOptions);
  const user = compileValues(policies, values, "user", compileOptions);
  const diagnostics = unique([
    ...checkGpoDisplayName(options.displayName),
    ...machine.diagnostics,
    ...user.diagnostics,
  ]);
  if (hasErrors(diagnostics)) return { backup: undefined, diagnostics };
  const backup = generateGpoBackup({
    displayName: options.displayName,
    machine: machine.entries,
    user: user.entries,
    identity: options.identity,
  });
  return { backup, diagnostics };
}

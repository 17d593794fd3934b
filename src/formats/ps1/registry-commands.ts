/**
 * One GroupPolicy-module command per Registry.pol entry.
 *
 * What the cmdlets do (GroupPolicy module reference, Set-GPRegistryValue and Remove-GPRegistryValue):
 * - `Set-GPRegistryValue -Key K -ValueName N -Type T -Value V` stores the setting "set N to V" in the GPO.
 * - `Set-GPRegistryValue -Key K -ValueName N -Disable` stores "delete N on the client" — in Registry.pol
 *   terms `**del.N`. With several names it stores one such deletion per name.
 * - `Set-GPRegistryValue -Key K -Disable` (no value name) stores "delete every value directly under K on
 *   the client, not its subkeys" — `**delvals.`.
 * - `Remove-GPRegistryValue` is not a deletion on the client: it takes a setting out of the GPO, leaving
 *   clients' registries as they are ("Not Configured"). So a `**del.`/`**delvals.` entry maps to
 *   `Set-GPRegistryValue -Disable`, and `Remove-GPRegistryValue` serves the script's `-Remove` switch,
 *   which takes every setting the script stores out of the GPO again.
 *
 * Entries the cmdlets cannot state — `**DeleteKeys`, `**SecureKey`, `**soft.`, key-only entries, the
 * key's default value (empty name), and types other than String, ExpandString, DWord, QWord, MultiString
 * and Binary — are refused with a diagnostic instead of being approximated.
 */
import { diag, type Diagnostic, type DiagnosticCode } from "../../diagnostics/diagnostic.js";
import { classifyEntry, decodeValue, type PolEntry } from "../../pol/index.js";
import { psBytes, psString, psStringArray, psUnsigned } from "./ps-literal.js";

/** Which Registry.pol a list of entries belongs to. */
export type ScriptHive = "machine" | "user";

/** The registry root Set-GPRegistryValue's `-Key` starts with; it selects Computer or User Configuration. */
export const PS_HIVE_ROOTS: Readonly<Record<ScriptHive, string>> = { machine: "HKLM", user: "HKCU" };

/** The command line of one entry (without the GPO parameters), or why there is none. */
export type CommandResult = { readonly line: string } | { readonly problem: Diagnostic };

/**
 * The `-Type … -Value …` arguments of an ordinary value (the type as Set-GPRegistryValue and .NET's
 * RegistryValueKind name it), or undefined for a type neither writes.
 */
export function typeAndValue(entry: PolEntry): string | undefined {
  const value = decodeValue(entry.type, entry.data);
  switch (value.type) {
    case "REG_SZ":
      return `-Type String -Value ${psString(value.value)}`;
    case "REG_EXPAND_SZ":
      return `-Type ExpandString -Value ${psString(value.value)}`;
    case "REG_DWORD":
      return `-Type DWord -Value ${psUnsigned(BigInt(value.value), "uint32")}`;
    case "REG_QWORD":
      return `-Type QWord -Value ${psUnsigned(value.value, "uint64")}`;
    case "REG_MULTI_SZ":
      return `-Type MultiString -Value ${psStringArray(value.value)}`;
    case "REG_BINARY":
      return `-Type Binary -Value ${psBytes(value.value)}`;
    default:
      return undefined;
  }
}

/**
 * The command for `entry` (entry `index` of `hive`): `Set-GPRegistryValue @gpo -Key … …`. The caller
 * defines `$gpo`, the splatted GPO name and -WhatIf.
 */
export function commandForEntry(entry: PolEntry, index: number, hive: ScriptHive): CommandResult {
  const where = { hive, index, key: entry.key, valueName: entry.valueName };
  const refuse = (code: DiagnosticCode, params: Record<string, string | number> = {}): CommandResult => ({
    problem: diag(code, { ...where, ...params }),
  });
  const head = `Set-GPRegistryValue @gpo -Key ${psString(`${PS_HIVE_ROOTS[hive]}\\${entry.key}`)}`;
  const action = classifyEntry(entry);
  switch (action.kind) {
    case "value": {
      if (entry.valueName === "") return refuse("PS1_DEFAULT_VALUE");
      const args = typeAndValue(entry);
      if (args === undefined) return refuse("PS1_TYPE_UNSUPPORTED", { type: entry.type });
      return { line: `${head} -ValueName ${psString(entry.valueName)} ${args}` };
    }
    case "del":
      if (action.name === "") return refuse("PS1_DEFAULT_VALUE");
      return { line: `${head} -ValueName ${psString(action.name)} -Disable` };
    case "deleteValues":
      if (action.names.length === 0) return refuse("PS1_ACTION_UNSUPPORTED", { action: "**DeleteValues" });
      return { line: `${head} -ValueName ${psStringArray(action.names)} -Disable` };
    case "delvals":
      return { line: `${head} -Disable` };
    case "deleteKeys":
      return refuse("PS1_ACTION_UNSUPPORTED", { action: "**DeleteKeys" });
    case "secureKey":
      return refuse("PS1_ACTION_UNSUPPORTED", { action: "**SecureKey" });
    case "soft":
      return refuse("PS1_ACTION_UNSUPPORTED", { action: "**soft." });
    case "createKey":
      return refuse("PS1_ACTION_UNSUPPORTED", { action: "key-only" });
  }
}

/**
 * The `Remove-GPRegistryValue` line that takes the setting of `entry` out of the GPO again, or undefined
 * for entries the script never stores (they are refused by {@link commandForEntry}). A `**delvals.`
 * entry is a setting on the key itself, so its removal names only the key: that clears what the GPO
 * holds for the key, which for a list (the only writer of `**delvals.`) is the list's own values.
 */
export function removeCommandForEntry(entry: PolEntry, hive: ScriptHive): string | undefined {
  const head = `Remove-GPRegistryValue @gpo -Key ${psString(`${PS_HIVE_ROOTS[hive]}\\${entry.key}`)}`;
  const action = classifyEntry(entry);
  switch (action.kind) {
    case "value":
      return entry.valueName === "" ? undefined : `${head} -ValueName ${psString(entry.valueName)}`;
    case "del":
      return action.name === "" ? undefined : `${head} -ValueName ${psString(action.name)}`;
    case "deleteValues":
      return action.names.length === 0 ? undefined : `${head} -ValueName ${psStringArray(action.names)}`;
    case "delvals":
      return head;
    default:
      return undefined;
  }
}

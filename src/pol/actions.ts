/**
 * Special value names of Registry.pol as typed actions (MS-GPREG §2.2.1 and the "Registry Policy File
 * Format" page): `**del.X`, `**delvals.`, `**DeleteValues`, `**DeleteKeys`, `**SecureKey`, `**soft.X`
 * and the key-only entry. Windows matches the names case-insensitively.
 */
import { REG_TYPES } from "./types.js";
import type { PolEntry, PolValue } from "./types.js";
import { decodeValue, encodeValue } from "./value-codec.js";
import { registryUpcase } from "./registry-case.js";
import { readTerminatedUtf16le, utf16leBytes } from "./utf16le.js";

/** What an entry does when Group Policy applies it. */
export type PolAction =
  | { readonly kind: "value" }
  | { readonly kind: "del"; readonly name: string }
  | { readonly kind: "delvals" }
  | { readonly kind: "deleteValues"; readonly names: readonly string[] }
  | { readonly kind: "deleteKeys"; readonly keys: readonly string[] }
  | { readonly kind: "secureKey"; readonly on: boolean }
  | { readonly kind: "soft"; readonly name: string }
  | { readonly kind: "createKey" };

/** The kinds of {@link PolAction}. */
export type PolActionKind = PolAction["kind"];

const VALUE: PolAction = { kind: "value" };
const DELVALS: PolAction = { kind: "delvals" };
const CREATE_KEY: PolAction = { kind: "createKey" };

function listFromData(data: Uint8Array): string[] {
  const text = readTerminatedUtf16le(data) ?? "";
  return text.split(";").filter((item) => item !== "" && !item.includes("\0"));
}

/**
 * Classifies an entry by its value name (case-insensitive), type and data. A key-only entry is an empty
 * value name with type REG_NONE and no data. `**delvals` is accepted with or without the trailing dot
 * (Microsoft's page spells `**DelVals`, its tools write `**delvals.`), and `**DeleteKeys` /
 * `**DeleteValues` with trailing spaces (the page says the name may end in a space).
 */
export function classifyEntry(entry: PolEntry): PolAction {
  const name = entry.valueName;
  if (name === "") return entry.type === REG_TYPES.REG_NONE && entry.data.length === 0 ? CREATE_KEY : VALUE;
  // Fast path: ordinary names never start with "**".
  if (name.charCodeAt(0) !== 42 || name.charCodeAt(1) !== 42) return VALUE;
  // Compared as the registry compares names; the upper-cased form keeps the name's length, so the
  // prefixes' lengths cut the original name.
  const upper = registryUpcase(name);
  if (upper.startsWith("**DEL.")) return { kind: "del", name: name.slice(6) };
  if (upper.startsWith("**SOFT.")) return { kind: "soft", name: name.slice(7) };
  if (upper === "**DELVALS." || upper === "**DELVALS") return DELVALS;
  const trimmed = upper.trimEnd();
  if (trimmed === "**DELETEVALUES") return { kind: "deleteValues", names: listFromData(entry.data) };
  if (trimmed === "**DELETEKEYS") return { kind: "deleteKeys", keys: listFromData(entry.data) };
  if (trimmed === "**SECUREKEY") {
    const value = decodeValue(entry.type, entry.data);
    const on = value.type === "REG_DWORD" ? value.value !== 0 : entry.data.some((byte) => byte !== 0);
    return { kind: "secureKey", on };
  }
  return VALUE;
}

/**
 * The value an entry sets or deletes: X for `X`, `**del.X` and `**soft.X`; undefined for `**delvals.`,
 * which acts on its whole key. The other key-wide instructions keep their own name.
 */
export function targetValueName(entry: PolEntry): string | undefined {
  const action = classifyEntry(entry);
  if (action.kind === "delvals") return undefined;
  return action.kind === "del" || action.kind === "soft" ? action.name : entry.valueName;
}

// Microsoft's tools write deletions as REG_SZ " " plus NUL: size 4, bytes 20 00 00 00.
const SPACE_SZ = Uint8Array.of(0x20, 0, 0, 0);

/** `**del.<name>`: deletes one value, written the way Microsoft's tools write it. */
export function delEntry(key: string, name: string): PolEntry {
  return { key, valueName: `**del.${name}`, type: REG_TYPES.REG_SZ, data: SPACE_SZ.slice() };
}

/** `**delvals.`: deletes every value of `key` (not its subkeys). */
export function delvalsEntry(key: string): PolEntry {
  return { key, valueName: "**delvals.", type: REG_TYPES.REG_SZ, data: SPACE_SZ.slice() };
}

/** `**DeleteValues`: deletes the listed values; data is the `;`-joined names as REG_SZ. */
export function deleteValuesEntry(key: string, names: readonly string[]): PolEntry {
  return {
    key,
    valueName: "**DeleteValues",
    type: REG_TYPES.REG_SZ,
    data: utf16leBytes(names.join(";") + "\0"),
  };
}

/** `**DeleteKeys`: deletes the listed subkeys of `key`; data is the `;`-joined names as REG_SZ. */
export function deleteKeysEntry(key: string, keys: readonly string[]): PolEntry {
  return {
    key,
    valueName: "**DeleteKeys",
    type: REG_TYPES.REG_SZ,
    data: utf16leBytes(keys.join(";") + "\0"),
  };
}

/** `**SecureKey`: DWORD 1 restricts the key to administrators and SYSTEM, 0 restores inherited access. */
export function secureKeyEntry(key: string, on: boolean): PolEntry {
  const { type, data } = encodeValue({ type: "REG_DWORD", value: on ? 1 : 0 });
  return { key, valueName: "**SecureKey", type, data };
}

/** `**soft.<name>`: sets the value only when it does not exist yet. */
export function softEntry(key: string, name: string, value: PolValue): PolEntry {
  const { type, data } = encodeValue(value);
  return { key, valueName: `**soft.${name}`, type, data };
}

/** A key-only entry (empty value name, REG_NONE, no data): creates `key` without values. */
export function createKeyEntry(key: string): PolEntry {
  return { key, valueName: "", type: REG_TYPES.REG_NONE, data: new Uint8Array(0) };
}

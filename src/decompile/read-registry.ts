/**
 * Questions the decoder asks about one Registry.pol: does a value hold what an ADMX `Value` writes, is
 * a whole value list there, what does a value decode to. Keys fall back as the compiler's do
 * (src/compile/registry-values.ts), so that both sides agree on where a value lives.
 */
import type { RegistryValue, ValueList } from "../model/types.js";
import { classifyEntry, decodeValue, type PolValue } from "../pol/index.js";
import type { EntryTable } from "./entry-table.js";

/** True when the value `key\valueName` is what `value` writes (`delete`: a `**del.` marker for it). */
export function holdsValue(table: EntryTable, key: string, valueName: string, value: RegistryValue): boolean {
  if (value.type === "delete") return isDeleted(table, key, valueName);
  const found = decoded(table, key, valueName);
  switch (value.type) {
    case "decimal":
      return found?.type === "REG_DWORD" && found.value === value.value;
    case "longDecimal":
      return found?.type === "REG_QWORD" && found.value === BigInt(value.value);
    case "string":
      return found?.type === "REG_SZ" && found.value === value.value;
  }
}

/** True when every item of a value list is there (an absent list counts as there). */
export function holdsList(table: EntryTable, list: ValueList | undefined, fallbackKey: string): boolean {
  if (!list) return true;
  const listKey = list.defaultKey ?? fallbackKey;
  return list.items.every((item) => holdsValue(table, item.key ?? listKey, item.valueName, item.value));
}

/** True when the file deletes `key\valueName` with `**del.`. */
export function isDeleted(table: EntryTable, key: string, valueName: string): boolean {
  const entry = table.get(key, `**del.${valueName}`);
  return entry !== undefined && classifyEntry(entry).kind === "del";
}

/** True when the file clears `key` with `**delvals.`. */
export function isCleared(table: EntryTable, key: string): boolean {
  const entry = table.get(key, "**delvals.");
  return entry !== undefined && classifyEntry(entry).kind === "delvals";
}

/** The decoded value of `key\valueName`, or undefined when the file has no (single) entry for it. */
export function decoded(table: EntryTable, key: string, valueName: string): PolValue | undefined {
  const entry = table.get(key, valueName);
  return entry === undefined ? undefined : decodeValue(entry.type, entry.data);
}

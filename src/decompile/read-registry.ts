/**
 * Questions the decoder asks about one Registry.pol: does a value hold what an ADMX `Value` writes, is
 * a whole value list there, what does a value decode to. Keys fall back as the compiler's do
 * (src/compile/registry-values.ts), so that both sides agree on where a value lives.
 */
import type { RegistryValue, ValueList } from "../model/types.js";
import { classifyEntry, decodeValue, REG_TYPES, targetValueName, type PolValue } from "../pol/index.js";
import { valueId, type EntryTable } from "./entry-table.js";

/** True when the value `key\valueName` is what `value` writes (`delete`: a `**del.` marker for it). */
export function holdsValue(table: EntryTable, key: string, valueName: string, value: RegistryValue): boolean {
  if (value.type === "delete") return isDeleted(table, key, valueName);
  return isWrittenValue(decoded(table, key, valueName), value);
}

/** True when a decoded value (undefined: none) is what `value`, other than a deletion, writes. */
export function isWrittenValue(
  found: PolValue | undefined,
  value: Exclude<RegistryValue, { type: "delete" }>,
): boolean {
  switch (value.type) {
    case "decimal":
      return found?.type === "REG_DWORD" && found.value === value.value;
    case "longDecimal":
      return found?.type === "REG_QWORD" && found.value === BigInt(value.value);
    case "string":
      return found?.type === "REG_SZ" && found.value === value.value;
  }
}

/** One ADMX `Value` written to `key\\valueName` (a `**soft.` name for a soft element's value). */
export interface ValueWrite {
  readonly key: string;
  readonly valueName: string;
  readonly value: RegistryValue;
}

/**
 * The writes of a value list, in document order, each at its item's key, else the list's `defaultKey`,
 * else `fallbackKey` (as the compiler's valueListEntries resolves them); an absent list writes nothing.
 */
export function listWrites(list: ValueList | undefined, fallbackKey: string): ValueWrite[] {
  if (!list) return [];
  const listKey = list.defaultKey ?? fallbackKey;
  return list.items.map((item) => ({
    key: item.key ?? listKey,
    valueName: item.valueName,
    value: item.value,
  }));
}

/** The value a write targets: `X`, `**soft.X` and the deletion of X all target X (as for entries). */
function targetId({ key, valueName }: ValueWrite): string {
  const named = { key, valueName, type: REG_TYPES.REG_SZ, data: NO_DATA };
  return valueId(key, targetValueName(named) ?? valueName);
}

const NO_DATA = new Uint8Array(0);

/**
 * True when the file holds what `writes`, made in this order, leave behind. Writes to the same value
 * replace each other and only the last is in the file, as the compiler keeps it (registry-order.ts: last
 * write wins). So an enum item whose valueList deletes the item's own value (Bits.admx's "Custom" items
 * write 255, then delete it) is there when the file holds the `**del.` marker, not the 255.
 */
export function holdsWrites(table: EntryTable, writes: readonly ValueWrite[]): boolean {
  const last = new Map<string, ValueWrite>();
  for (const write of writes) last.set(targetId(write), write);
  return [...last.values()].every((w) => holdsValue(table, w.key, w.valueName, w.value));
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

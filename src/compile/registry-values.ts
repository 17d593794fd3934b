/**
 * The ADMX `Value` and `ValueList` as Registry.pol entries: what a policy's enabledValue/disabledValue,
 * enabledList/disabledList, a boolean's true/false values and lists and an enum item write.
 */
import type { RegistryValue, ValueList } from "../model/types.js";
import { delEntry, dwordEntry, qwordEntry, szEntry } from "../pol/index.js";
import type { PolEntry } from "../pol/index.js";

/**
 * One ADMX value written to `key\valueName`: `<decimal>` is a REG_DWORD, `<longDecimal>` a REG_QWORD,
 * `<string>` a REG_SZ, and `<delete/>` the `**del.<valueName>` instruction (MS-GPREG §2.2.1: the editor
 * records a deletion in Registry.pol rather than leaving the value out, so that applying the GPO
 * removes a value an earlier state had set).
 */
export function registryValueEntry(key: string, valueName: string, value: RegistryValue): PolEntry {
  switch (value.type) {
    case "decimal":
      return dwordEntry(key, valueName, value.value);
    case "longDecimal":
      return qwordEntry(key, valueName, BigInt(value.value));
    case "string":
      return szEntry(key, valueName, value.value);
    case "delete":
      return delEntry(key, valueName);
  }
}

/**
 * The entries of a value list, in document order. Each item's key is its own `key`, else the list's
 * `defaultKey`, else `fallbackKey` (the policy's key, or the element's for a boolean's or an enum item's
 * list) — the same resolution the Group Policy editor applies.
 */
export function valueListEntries(list: ValueList | undefined, fallbackKey: string): PolEntry[] {
  if (!list) return [];
  const listKey = list.defaultKey ?? fallbackKey;
  return list.items.map((item) => registryValueEntry(item.key ?? listKey, item.valueName, item.value));
}

/**
 * The name an element writes under: `**soft.<name>` when the element is `soft`. MS-GPREG §2.2.1: a soft
 * value is only created when the value does not exist yet, so local changes survive policy refresh.
 */
export function elementValueName(valueName: string, soft: boolean | undefined): string {
  return soft ? `**soft.${valueName}` : valueName;
}

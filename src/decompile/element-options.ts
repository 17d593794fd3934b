/**
 * The option value of each element of an Enabled policy, read back from a Registry.pol: the inverse of
 * the element handlers in src/compile/elements. A reader returns `undefined` when the file holds
 * nothing it recognizes; the decoder then leaves the option out, and the compiled check of the whole
 * state (policy-match.ts) decides whether the policy still matches.
 */
import { enumItemOption } from "../compile/elements/enum.js";
import { elementValueName } from "../compile/registry-values.js";
import type { OptionValue } from "../compile/types.js";
import type { Element, ElementKind, ElementOf, Policy } from "../model/types.js";
import { REG_TYPES } from "../pol/index.js";
import type { EntryTable } from "./entry-table.js";
import { keyId, valueId } from "./entry-table.js";
import { decoded, holdsWrites, isCleared, isDeleted, isWrittenValue, listWrites } from "./read-registry.js";

/** What a reader gets: the table, the element's key, and the value ids the policy's other parts own. */
export interface ReadContext {
  readonly table: EntryTable;
  readonly key: string;
  /** Value ids the policy writes outside this element: a list does not take them as its items. */
  readonly others: ReadonlySet<string>;
}

type Reader<K extends ElementKind> = (element: ElementOf<K>, context: ReadContext) => OptionValue | undefined;

/** A whole number from a DWORD/QWORD, or from storeAsText digits; QWORDs beyond 2^53 as digit strings. */
function readNumber(
  element: ElementOf<"decimal"> | ElementOf<"longDecimal">,
  { table, key }: ReadContext,
): OptionValue | undefined {
  const value = decoded(table, key, elementValueName(element.valueName, element.soft));
  if (!value) return undefined;
  if (element.storeAsText) {
    if (value.type !== "REG_SZ" || !/^[0-9]{1,20}$/.test(value.value)) return undefined;
    return asOption(BigInt(value.value));
  }
  if (element.kind === "decimal") return value.type === "REG_DWORD" ? value.value : undefined;
  return value.type === "REG_QWORD" ? asOption(value.value) : undefined;
}

/** A JSON number where it is exact, else a string of digits (as values files write longDecimals). */
function asOption(n: bigint): OptionValue {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}

/**
 * A check box: checked when its true value (default DWORD 1) and true list are there, unchecked when its
 * false value (default `**del.`) and false list are — each read as the writes leave it (holdsWrites).
 */
const readBoolean: Reader<"boolean"> = (element, { table, key }) => {
  const name = element.valueName;
  const trueValue = element.trueValue ?? { type: "decimal" as const, value: 1 };
  const checked = [{ key, valueName: name, value: trueValue }, ...listWrites(element.trueList, key)];
  if (holdsWrites(table, checked)) return true;
  const falseValue = element.falseValue ?? { type: "delete" as const };
  const unchecked = [{ key, valueName: name, value: falseValue }, ...listWrites(element.falseList, key)];
  if (holdsWrites(table, unchecked)) return false;
  return undefined;
};

/** The text of a text box: REG_SZ, or REG_EXPAND_SZ when the element is expandable. */
const readText: Reader<"text"> = (element, { table, key }) => {
  const value = decoded(table, key, elementValueName(element.valueName, element.soft));
  const type = element.expandable ? "REG_EXPAND_SZ" : "REG_SZ";
  return value?.type === type ? value.value : undefined;
};

const readMultiText: Reader<"multiText"> = (element, { table, key }) => {
  const value = decoded(table, key, elementValueName(element.valueName, element.soft));
  return value?.type === "REG_MULTI_SZ" ? [...value.value] : undefined;
};

/**
 * The dropdown item whose value (and value list) the file holds, first match in item order as the
 * editor picks it. Named by its string id — the form people write — unless two items share that id;
 * then by the number it writes, when no other item writes that number (a values file's number means
 * the value an item writes, never its position). Otherwise it cannot be named, and is not read.
 */
const readEnum: Reader<"enum"> = (element, { table, key }) => {
  const name = elementValueName(element.valueName, element.soft);
  // An item without a value list writes one value, so it is there when the file holds that value: the
  // file's value (or its deletion) is read once for all such items, not once per item — drop-downs
  // of a hundred items are tried item by item against every file that does not set them.
  const found = decoded(table, key, name);
  let deleted: boolean | undefined;
  const index = element.items.findIndex((item) => {
    const { value } = item;
    if (item.valueList !== undefined) {
      const valueName = value.type === "delete" ? element.valueName : name;
      return holdsWrites(table, [{ key, valueName, value }, ...listWrites(item.valueList, key)]);
    }
    if (value.type !== "delete") return isWrittenValue(found, value);
    return (deleted ??= isDeleted(table, key, element.valueName));
  });
  if (index < 0) return undefined;
  return enumItemOption(element, index);
};

/**
 * A list's entries: the values of its key that the policy's other parts do not own. explicitValue gives
 * name → data; valuePrefix P reads P1, P2, … until one is missing; neither keeps values whose name is
 * their data. An empty list is only a list when its `**delvals.` is there (or it is additive).
 */
const readList: Reader<"list"> = (element, { table, key, others }) => {
  const type = element.expandable ? REG_TYPES.REG_EXPAND_SZ : REG_TYPES.REG_SZ;
  const items = table
    .plainValues(key)
    .map((index) => table.entries[index]!)
    .filter((entry) => entry.type === type && !others.has(valueId(entry.key, entry.valueName)))
    .map((entry) => {
      const value = decoded(table, entry.key, entry.valueName);
      return {
        name: entry.valueName,
        data: value?.type === "REG_SZ" || value?.type === "REG_EXPAND_SZ" ? value.value : undefined,
      };
    })
    .filter((item): item is { name: string; data: string } => item.data !== undefined);
  const present = items.length > 0 || isCleared(table, key) || element.additive === true;
  if (!present) return undefined;
  if (element.explicitValue) return Object.fromEntries(items.map((item) => [item.name, item.data]));
  if (element.valuePrefix === undefined) return items.filter((i) => i.name === i.data).map((i) => i.data);
  const byName = new Map(items.map((item) => [keyId(item.name), item.data]));
  const out: string[] = [];
  for (let n = 1; byName.has(keyId(`${element.valuePrefix}${n}`)); n++)
    out.push(byName.get(keyId(`${element.valuePrefix}${n}`))!);
  return out;
};

/** One reader per element kind; a kind without one is a compile error here. */
export const ELEMENT_READERS = {
  boolean: readBoolean,
  decimal: readNumber,
  longDecimal: readNumber,
  text: readText,
  multiText: readMultiText,
  enum: readEnum,
  list: readList,
} satisfies { [K in ElementKind]: Reader<K> };

/** The key an element writes to: its own, else the policy's. */
export function elementKey(policy: Policy, element: Element): string {
  return element.key ?? policy.key;
}

/** The option of one element, or undefined when the file holds none. */
export function readElementOption(element: Element, context: ReadContext): OptionValue | undefined {
  return (ELEMENT_READERS[element.kind] as Reader<ElementKind>)(element as never, context);
}

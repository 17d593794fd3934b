import type { EnumElement } from "../../model/types.js";
import { delEntry } from "../../pol/index.js";
import { elementValueName, registryValueEntry, valueListEntries } from "../registry-values.js";
import type { OptionValue } from "../types.js";
import type { ElementContext, ElementHandler } from "./handler.js";
import { writtenInteger } from "./numbers.js";

type EnumItem = EnumElement["items"][number];

/**
 * Which items an option names. A string is an item's string id (its displayName), the primary form. A
 * number is the number an item writes to the registry — what an administrator sees in regedit or a
 * GPO report — never the item's position: for items writing 1, 2, 3, `2` is the second item, and a
 * position read as a value (or the reverse) would send a wrong GPO out without a word. `written` is the
 * number's text when its double says otherwise (src/io/json-text.ts).
 */
export function enumItemMatches(element: EnumElement, value: OptionValue, written?: string): number[] {
  const indexes = element.items.map((_, index) => index);
  if (typeof value === "string") {
    const index = element.items.findIndex((item) => item.displayName === value);
    return index < 0 ? [] : [index];
  }
  if (typeof value !== "number") return [];
  const wanted =
    written !== undefined ? writtenInteger(written) : Number.isInteger(value) ? BigInt(value) : undefined;
  if (typeof wanted !== "bigint") return [];
  return indexes.filter((index) => writtenNumberOf(element.items[index]!) === wanted);
}

/** The number an item writes (a REG_DWORD or REG_QWORD), or undefined for text and deletions. */
function writtenNumberOf(item: EnumItem): bigint | undefined {
  const value = item.value;
  return value.type === "decimal" || value.type === "longDecimal" ? BigInt(value.value) : undefined;
}

/** The index of the one item an option names (see {@link enumItemMatches}), else undefined. */
export function enumItemIndex(element: EnumElement, value: OptionValue): number | undefined {
  const matches = enumItemMatches(element, value);
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * How a values file names the item at `index`: its string id, or — when another item has the same id —
 * the number it writes, if no other item writes that number; otherwise it cannot be named.
 */
export function enumItemOption(element: EnumElement, index: number): string | number | undefined {
  const item = element.items[index];
  if (!item) return undefined;
  if (element.items.filter((other) => other.displayName === item.displayName).length === 1)
    return item.displayName;
  if (item.value.type !== "decimal" && item.value.type !== "longDecimal") return undefined;
  const number = Number(item.value.value);
  return Number.isSafeInteger(number) && enumItemMatches(element, number).length === 1 ? number : undefined;
}

/** An item for messages: its id and what it writes, `Low (1)`, `Proxy ("auto")`, `Off (deleted)`. */
function describeItem(item: EnumItem): string {
  const value = item.value;
  const writes =
    value.type === "delete"
      ? "**del."
      : value.type === "string"
        ? JSON.stringify(value.value)
        : String(value.value);
  return `${item.displayName} (${writes})`;
}

function selectedItem(element: EnumElement, value: OptionValue | undefined, context: ElementContext) {
  if (value === undefined) {
    // defaultItem is a position in the ADMX's item order (the ADML's dropdownList attribute). A
    // drop-down list without a default shows no selection: nothing is written unless it is required.
    const index = element.control.defaultItem;
    if (index === undefined && element.required) context.problem("OPTION_REQUIRED", { value: "(missing)" });
    if (index === undefined || element.items[index])
      return index === undefined ? undefined : element.items[index];
    return void context.problem("OPTION_NOT_ENUM", { items: element.items.map(describeItem).join(", ") });
  }
  const matches = enumItemMatches(element, value, context.written);
  const items = element.items.map(describeItem).join(", ");
  if (matches.length === 1) return element.items[matches[0]!];
  if (typeof value !== "number") return void context.problem("OPTION_NOT_ENUM", { items });
  if (matches.length === 0) return void context.problem("OPTION_ENUM_NUMBER_UNKNOWN", { items });
  const several = matches.map((index) => describeItem(element.items[index]!)).join(", ");
  return void context.problem("OPTION_ENUM_NUMBER_AMBIGUOUS", { items: several });
}

/**
 * `<enum>`: the selected item's value in the element's value name, then the item's valueList. The item
 * is named by its string id or by the number it writes (see {@link enumItemMatches}).
 */
export const enumHandler: ElementHandler<"enum"> = {
  enabled(element, value, context) {
    const item = selectedItem(element, value, context);
    if (!item) return;
    context.emit(
      item.value.type === "delete"
        ? delEntry(context.key, element.valueName)
        : registryValueEntry(context.key, elementValueName(element.valueName, element.soft), item.value),
    );
    for (const entry of valueListEntries(item.valueList, context.key)) context.emit(entry);
  },
  disabled(element, context) {
    context.emit(delEntry(context.key, element.valueName));
  },
};

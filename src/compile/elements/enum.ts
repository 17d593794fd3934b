import type { EnumElement } from "../../model/types.js";
import { delEntry } from "../../pol/index.js";
import { elementValueName, registryValueEntry, valueListEntries } from "../registry-values.js";
import type { OptionValue } from "../types.js";
import type { ElementContext, ElementHandler } from "./handler.js";

/** An enum option names its item by the item's string id (its displayName) or by its 0-based index. */
export function enumItemIndex(element: EnumElement, value: OptionValue): number | undefined {
  if (typeof value === "number")
    return Number.isInteger(value) && value >= 0 && value < element.items.length ? value : undefined;
  if (typeof value !== "string") return undefined;
  const index = element.items.findIndex((item) => item.displayName === value);
  return index < 0 ? undefined : index;
}

function selectedItem(element: EnumElement, value: OptionValue | undefined, context: ElementContext) {
  const given = value ?? element.control.defaultItem;
  if (given === undefined) {
    // A drop-down list without a default shows no selection: nothing is written unless it is required.
    if (element.required) context.problem("OPTION_REQUIRED", { value: "(missing)" });
    return undefined;
  }
  const index = enumItemIndex(element, given);
  if (index === undefined) {
    const items = element.items.map((item) => item.displayName).join(", ");
    return void context.problem("OPTION_NOT_ENUM", { items, last: element.items.length - 1 });
  }
  return element.items[index];
}

/** `<enum>`: the selected item's value in the element's value name, then the item's valueList. */
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

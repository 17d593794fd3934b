import { ADMX_TEXT_DEFAULT_MAX_LENGTH } from "../../pol/limits.js";
import type { MultiTextElement } from "../../model/types.js";
import { delEntry, multiSzEntry } from "../../pol/index.js";
import { elementValueName } from "../registry-values.js";
import type { OptionValue } from "../types.js";
import type { ElementContext, ElementHandler } from "./handler.js";

function stringsOption(element: MultiTextElement, value: OptionValue | undefined, context: ElementContext) {
  if (value === undefined) {
    if (element.required) context.problem("OPTION_REQUIRED", { value: "(missing)" });
    // An optional box left empty: nothing is written (no default exists for a multiTextBox).
    return undefined;
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    return void context.problem("OPTION_NOT_STRING_ARRAY");
  }
  const strings = value as readonly string[];
  if (strings.length === 0 && element.required) return void context.problem("OPTION_REQUIRED");
  // maxStrings 0 (the schema's default) means no limit.
  if (element.maxStrings && strings.length > element.maxStrings) {
    return void context.problem("OPTION_TOO_MANY_STRINGS", {
      count: strings.length,
      max: element.maxStrings,
    });
  }
  // Microsoft documents no unit for a multiText's maxLength; admxkit applies it to each string.
  const max = element.maxLength ?? ADMX_TEXT_DEFAULT_MAX_LENGTH;
  for (const [index, item] of strings.entries()) {
    // An empty string would end the REG_MULTI_SZ early: its NUL reads as the list terminator.
    if (item === "") return void context.problem("OPTION_MULTITEXT_EMPTY", { index: index + 1 });
    if (item.includes("\0")) return void context.problem("OPTION_NUL");
    if (item.length > max) return void context.problem("OPTION_TOO_LONG", { length: item.length, max });
  }
  return strings;
}

/** `<multiText>`: a REG_MULTI_SZ, one string per line of the box. */
export const multiTextHandler: ElementHandler<"multiText"> = {
  enabled(element, value, context) {
    const strings = stringsOption(element, value, context);
    if (strings === undefined) return;
    context.emit(multiSzEntry(context.key, elementValueName(element.valueName, element.soft), strings));
  },
  disabled(element, context) {
    context.emit(delEntry(context.key, element.valueName));
  },
};

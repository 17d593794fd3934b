import { ADMX_TEXT_DEFAULT_MAX_LENGTH } from "../../pol/limits.js";
import type { TextElement } from "../../model/types.js";
import { delEntry, expandSzEntry, szEntry } from "../../pol/index.js";
import { checkTextFormat } from "../../values/formats.js";
import { elementValueName } from "../registry-values.js";
import type { OptionValue } from "../types.js";
import type { ElementContext, ElementHandler } from "./handler.js";

/**
 * The checked string of a text option, or undefined when a problem was reported. A missing option takes
 * the control's default; an optional box left empty is saved by the editor as an empty REG_SZ (seen in
 * real GPOs, e.g. WindowsUpdate's PauseQualityUpdatesStartTime; microsoft/BaselineManagement#63).
 */
function textOption(element: TextElement, value: OptionValue | undefined, context: ElementContext) {
  const given = value ?? element.control.defaultValue ?? (element.required ? undefined : "");
  if (given === undefined || given === "") {
    // The editor refuses to save a required box left empty.
    if (element.required)
      return void context.problem("OPTION_REQUIRED", { value: JSON.stringify(given ?? "") });
    return "";
  }
  if (typeof given !== "string") return void context.problem("OPTION_NOT_STRING");
  if (given.includes("\0")) return void context.problem("OPTION_NUL");
  const max = element.maxLength ?? ADMX_TEXT_DEFAULT_MAX_LENGTH;
  if (given.length > max) return void context.problem("OPTION_TOO_LONG", { length: given.length, max });
  if (element.format) {
    const issues = checkTextFormat(element.format, given);
    for (const issue of issues) context.problem(issue.code, { ...issue.params }, issue.severity);
    if (issues.some((issue) => issue.severity === "error")) return undefined;
  }
  return given;
}

/** `<text>`: a REG_SZ, or REG_EXPAND_SZ when `expandable` (ADMX expandable attribute). */
export const textHandler: ElementHandler<"text"> = {
  enabled(element, value, context) {
    const text = textOption(element, value, context);
    if (text === undefined) return;
    const name = elementValueName(element.valueName, element.soft);
    context.emit(
      element.expandable ? expandSzEntry(context.key, name, text) : szEntry(context.key, name, text),
    );
  },
  disabled(element, context) {
    context.emit(delEntry(context.key, element.valueName));
  },
};

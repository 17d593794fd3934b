import type { DecimalElement } from "../../model/types.js";
import { delEntry, dwordEntry, szEntry } from "../../pol/index.js";
import { elementValueName } from "../registry-values.js";
import type { ElementContext, ElementHandler } from "./handler.js";
import { numberOption, writeNumberAsText } from "./numbers.js";

/**
 * `<decimal>`: a REG_DWORD, or with `storeAsText` the digits as REG_SZ (ADMX storeAsText attribute).
 * The range is minValue..maxValue, where an absent maxValue means 9999 (the schema's default, which the
 * editor's spin box enforces).
 */
export const decimalHandler: ElementHandler<"decimal"> = {
  enabled(element: DecimalElement, value, context: ElementContext) {
    const n = numberOption(element, value, context, 0xffff_ffffn);
    if (n === undefined) return;
    const name = elementValueName(element.valueName, element.soft);
    context.emit(
      element.storeAsText
        ? szEntry(context.key, name, writeNumberAsText(n))
        : dwordEntry(context.key, name, Number(n)),
    );
  },
  disabled(element, context) {
    context.emit(delEntry(context.key, element.valueName));
  },
};

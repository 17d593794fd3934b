import type { LongDecimalElement } from "../../model/types.js";
import { delEntry, qwordEntry, szEntry } from "../../pol/index.js";
import { elementValueName } from "../registry-values.js";
import type { ElementContext, ElementHandler } from "./handler.js";
import { numberOption, writeNumberAsText } from "./numbers.js";

/**
 * `<longDecimal>`: a REG_QWORD, or with `storeAsText` the digits as REG_SZ. Values beyond 2^53 are given
 * as strings of digits in the values file, since JSON numbers lose precision there.
 */
export const longDecimalHandler: ElementHandler<"longDecimal"> = {
  enabled(element: LongDecimalElement, value, context: ElementContext) {
    const n = numberOption(element, value, context, 0xffff_ffff_ffff_ffffn);
    if (n === undefined) return;
    const name = elementValueName(element.valueName, element.soft);
    context.emit(
      element.storeAsText
        ? szEntry(context.key, name, writeNumberAsText(n))
        : qwordEntry(context.key, name, n),
    );
  },
  disabled(element, context) {
    context.emit(delEntry(context.key, element.valueName));
  },
};

import { exactDecimal } from "../../io/json-text.js";
import type { DecimalElement, LongDecimalElement } from "../../model/types.js";
import type { OptionValue } from "../types.js";
import { quoteValue, type ElementContext } from "./handler.js";

/** maxValue when the ADMX omits it: the schema's default, which the editor's spin box enforces. */
export const DEFAULT_MAX_VALUE = 9999n;

/** More digits than any registry number has (2^64 has 20): out of every range, not worth a BigInt. */
const HUGE_DIGITS = 40;

/**
 * The whole number a JSON number's text writes, exactly (`9007199254740993`, `1.5e3`), "huge" past
 * every range (`1e999`), or undefined when it is not a whole number.
 */
export function writtenInteger(text: string): bigint | "huge" | undefined {
  const decimal = exactDecimal(text);
  if (decimal === undefined || decimal.exponent < 0) return undefined;
  if (decimal.digits.length + decimal.exponent > HUGE_DIGITS) return "huge";
  const n = BigInt(`${decimal.digits}${"0".repeat(decimal.exponent)}`);
  return decimal.negative ? -n : n;
}

/**
 * What an option's number is: a whole number, one too large for any range, or not a whole number.
 * `written` is the number's text when its double says otherwise (see src/io/json-text.ts): the text is
 * what the file says, so it is judged instead.
 */
function parseInteger(
  value: OptionValue,
  allowDigits: boolean,
  written?: string,
): bigint | "huge" | undefined {
  if (typeof value === "number" && written !== undefined) return writtenInteger(written);
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  // 1e20 or 1e999 is a whole number beyond every range; say so rather than "not a whole number".
  // Between 2^53 and 2^64 a JSON number may already have lost digits: a longDecimal asks for a string.
  if (typeof value === "number" && (Number.isInteger(value) || Math.abs(value) === Infinity)) {
    return !allowDigits || value < 0 || value >= 2 ** 64 ? "huge" : undefined;
  }
  // JSON numbers above 2^53 lose precision, so a longDecimal may be written as a string of digits.
  if (allowDigits && typeof value === "string" && /^[0-9]{1,20}$/.test(value)) return BigInt(value);
  return undefined;
}

/**
 * The checked number of a decimal or longDecimal option, or undefined when nothing is to be written
 * (a problem was reported, or an optional box was left empty). A missing option takes the control's
 * defaultValue, as the editor pre-fills the box with it.
 */
export function numberOption(
  element: DecimalElement | LongDecimalElement,
  value: OptionValue | undefined,
  context: ElementContext,
  typeMax: bigint,
): bigint | undefined {
  const given = value ?? element.control.defaultValue;
  if (given === undefined) {
    if (element.required) context.problem("OPTION_REQUIRED", { value: "(missing)" });
    return undefined;
  }
  const written = value === undefined ? undefined : context.written;
  const n = parseInteger(given, element.kind === "longDecimal", written);
  if (n === undefined) {
    context.problem(element.kind === "longDecimal" ? "OPTION_NOT_LONG_INTEGER" : "OPTION_NOT_INTEGER", {
      value: written ?? quoteValue(given),
    });
    return undefined;
  }
  const min = BigInt(element.minValue ?? 0);
  const max = element.maxValue === undefined ? DEFAULT_MAX_VALUE : BigInt(element.maxValue);
  if (n === "huge" || n < min || n > max || n > typeMax) {
    const code = element.maxValue === undefined ? "OPTION_OUT_OF_DEFAULT_RANGE" : "OPTION_OUT_OF_RANGE";
    const shown = written ?? (n === "huge" ? quoteValue(given) : n.toString());
    context.problem(code, { value: shown, min: min.toString(), max: max.toString() });
    return undefined;
  }
  return n;
}

/** storeAsText: the number as decimal digits, as the editor stores it in a REG_SZ. */
export function writeNumberAsText(n: bigint): string {
  return n.toString();
}

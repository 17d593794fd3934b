/**
 * The JSON Schema of one element's option value in a values file, per element kind: what an editor
 * needs to complete and check it (item ids, number ranges, string lengths, arrays). The compiler checks
 * the same rules and more (formats, duplicate names).
 */
import { ADMX_TEXT_DEFAULT_MAX_LENGTH } from "../pol/limits.js";
import type { Element, ElementKind, ElementOf } from "../model/types.js";
import { FORMAT_EXAMPLES } from "./formats.js";

/** A JSON Schema object. */
export type JsonSchema = Record<string, unknown>;

// Must agree with DEFAULT_MAX_VALUE in src/compile/elements/numbers.ts: the editor's limit when the
// ADMX has no maxValue.
const DEFAULT_MAX = 9999;

const FORMAT_DESCRIPTIONS = {
  proxyUrl: "http:// or https://, a host and a port",
  hostPort: "host:port, without a scheme",
  httpUrl: "an http:// or https:// URL",
  proxyBypass: "host names, IP addresses, * wildcards or <local>, separated by semicolons",
} as const;

const OPTION_SCHEMAS: { [K in ElementKind]: (element: ElementOf<K>) => JsonSchema } = {
  boolean: () => ({ type: "boolean" }),
  decimal: (e) => ({ type: "integer", minimum: e.minValue ?? 0, maximum: e.maxValue ?? DEFAULT_MAX }),
  longDecimal: (e) => {
    const max = e.maxValue ?? DEFAULT_MAX;
    const min = e.minValue ?? 0;
    const number: JsonSchema = { type: "integer", minimum: Number(min) };
    // Beyond 2^53 a JSON number loses precision; such bounds are left to the string form and the compiler.
    if (Number(max) <= Number.MAX_SAFE_INTEGER) number.maximum = Number(max);
    return { anyOf: [number, { type: "string", pattern: "^[0-9]{1,20}$" }] };
  },
  text: (e) => {
    const schema: JsonSchema = { type: "string", maxLength: e.maxLength ?? ADMX_TEXT_DEFAULT_MAX_LENGTH };
    if (e.required) schema.minLength = 1;
    if (e.format) {
      schema.description = FORMAT_DESCRIPTIONS[e.format];
      schema.examples = [FORMAT_EXAMPLES[e.format]];
    }
    return schema;
  },
  multiText: (e) => ({
    type: "array",
    items: { type: "string", minLength: 1, maxLength: e.maxLength ?? ADMX_TEXT_DEFAULT_MAX_LENGTH },
    ...(e.maxStrings ? { maxItems: e.maxStrings } : {}),
  }),
  // An item by its id, or by the number it writes to the registry (never by its position).
  enum: (e) => {
    const numbers = e.items.flatMap((item) =>
      item.value.type === "decimal" || item.value.type === "longDecimal" ? [Number(item.value.value)] : [],
    );
    const ids: JsonSchema = { enum: e.items.map((item) => item.displayName) };
    const written = [...new Set(numbers)].filter(
      (n) => Number.isSafeInteger(n) && numbers.indexOf(n) === numbers.lastIndexOf(n),
    );
    return written.length === 0 ? ids : { anyOf: [ids, { enum: written }] };
  },
  list: (e) =>
    e.explicitValue
      ? { type: "object", additionalProperties: { type: "string" } }
      : { type: "array", items: { type: "string", minLength: 1 } },
};

/** The JSON Schema of an element's option value. */
export function optionJsonSchema(element: Element): JsonSchema {
  return (OPTION_SCHEMAS[element.kind] as (e: Element) => JsonSchema)(element);
}

/** Whether a values file must give the option: required, and no control default the editor would use. */
export function optionIsRequired(element: Element): boolean {
  switch (element.kind) {
    case "decimal":
    case "longDecimal":
      return element.required === true && element.control.defaultValue === undefined;
    case "text":
      return element.required === true && element.control.defaultValue === undefined;
    case "enum":
      return element.required === true && element.control.defaultItem === undefined;
    case "multiText":
      return element.required === true;
    case "boolean":
    case "list":
      return false;
  }
}

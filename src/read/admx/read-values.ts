import type { RegistryValue, ValueList } from "../../model/types.js";
import { attr, child, children, textOf, uintAttr, ulongAttr } from "../xml/query.js";
import type { XmlElement } from "../xml/tree.js";

/**
 * The value inside a Value-typed element (`<enabledValue>`, an enum item's `<value>`…): `<decimal>`,
 * `<longDecimal>`, `<string>` or `<delete>`. Undefined when it is missing or invalid; the structural
 * check reports why.
 */
export function readValue(holder: XmlElement | undefined): RegistryValue | undefined {
  const inner = holder && children(holder)[0];
  if (!inner) return undefined;
  switch (inner.local) {
    case "delete":
      return { type: "delete" };
    case "decimal": {
      const value = uintAttr(inner, "value");
      return value === undefined ? undefined : { type: "decimal", value };
    }
    case "longDecimal": {
      const value = ulongAttr(inner, "value");
      return value === undefined ? undefined : { type: "longDecimal", value };
    }
    case "string":
      return { type: "string", value: textOf(inner) };
    default:
      return undefined;
  }
}

/** A ValueList-typed element (`<enabledList>`, `<trueList>`, an item's `<valueList>`…). */
export function readValueList(list: XmlElement | undefined): ValueList | undefined {
  if (!list) return undefined;
  const items = children(list, "item").flatMap((item) => {
    const value = readValue(child(item, "value"));
    const valueName = attr(item, "valueName");
    if (!value || valueName === undefined) return [];
    const key = attr(item, "key");
    return [{ ...(key !== undefined && { key }), valueName, value }];
  });
  const defaultKey = attr(list, "defaultKey");
  return { ...(defaultKey !== undefined && { defaultKey }), items };
}

/** Drops properties whose value is undefined, so that read objects compare equal to model objects. */
export function defined<T extends object>(object: T): T {
  // A plain loop: this runs for every definition of a store (no entry arrays; no `delete`, which would
  // put the object into V8's slow dictionary mode).
  const record = object as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in record) if (record[key] !== undefined) out[key] = record[key];
  return out as T;
}

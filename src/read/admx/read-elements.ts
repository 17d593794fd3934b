import { parseStringRef } from "../../model/ids.js";
import type { ElementKind } from "../../model/types.js";
import type { LineIndex } from "../positions.js";
import type { ReadElement } from "../types.js";
import { attr, child, children, flagAttr, uintAttr, ulongAttr } from "../xml/query.js";
import type { XmlElement } from "../xml/tree.js";
import { defined, readValue, readValueList } from "./read-values.js";

type Reader<K extends ElementKind> = (e: XmlElement) => Omit<Extract<ReadElement, { kind: K }>, "at">;

/** id, key, valueName: what every kind but list shares. A missing valueName reads as "" (lint reports it). */
function common(e: XmlElement) {
  return { id: attr(e, "id") ?? "", key: attr(e, "key"), valueName: attr(e, "valueName") ?? "" };
}

/** One reader per ADMX element kind; `satisfies` makes the compiler refuse a kind without one. */
const readers = {
  boolean: (e) => ({
    kind: "boolean",
    ...common(e),
    trueValue: readValue(child(e, "trueValue")),
    falseValue: readValue(child(e, "falseValue")),
    trueList: readValueList(child(e, "trueList")),
    falseList: readValueList(child(e, "falseList")),
  }),
  decimal: (e) => ({
    kind: "decimal",
    ...common(e),
    required: flagAttr(e, "required"),
    minValue: uintAttr(e, "minValue"),
    maxValue: uintAttr(e, "maxValue"),
    storeAsText: flagAttr(e, "storeAsText"),
    soft: flagAttr(e, "soft"),
  }),
  longDecimal: (e) => ({
    kind: "longDecimal",
    ...common(e),
    required: flagAttr(e, "required"),
    minValue: ulongAttr(e, "minValue"),
    maxValue: ulongAttr(e, "maxValue"),
    storeAsText: flagAttr(e, "storeAsText"),
    soft: flagAttr(e, "soft"),
  }),
  text: (e) => ({
    kind: "text",
    ...common(e),
    required: flagAttr(e, "required"),
    maxLength: uintAttr(e, "maxLength"),
    expandable: flagAttr(e, "expandable"),
    soft: flagAttr(e, "soft"),
  }),
  multiText: (e) => ({
    kind: "multiText",
    ...common(e),
    required: flagAttr(e, "required"),
    maxLength: uintAttr(e, "maxLength"),
    maxStrings: uintAttr(e, "maxStrings"),
    soft: flagAttr(e, "soft"),
  }),
  enum: (e) => ({
    kind: "enum",
    ...common(e),
    required: flagAttr(e, "required"),
    soft: flagAttr(e, "soft"),
    items: children(e, "item").flatMap((item) => {
      const value = readValue(child(item, "value"));
      if (!value) return [];
      const valueList = readValueList(child(item, "valueList"));
      const displayName = parseStringRef(attr(item, "displayName") ?? "") ?? "";
      return [defined({ displayName, value, valueList })];
    }),
  }),
  list: (e) => ({
    kind: "list",
    id: attr(e, "id") ?? "",
    key: attr(e, "key"),
    valuePrefix: attr(e, "valuePrefix"),
    additive: flagAttr(e, "additive"),
    expandable: flagAttr(e, "expandable"),
    explicitValue: flagAttr(e, "explicitValue"),
  }),
} satisfies { [K in ElementKind]: Reader<K> };

/** True when the local name is an element kind. */
export function isElementKind(name: string): name is ElementKind {
  return Object.hasOwn(readers, name);
}

/** The elements of a policy's `<elements>`, in document order, each with its position. */
export function readElements(holder: XmlElement | undefined, lines: LineIndex): ReadElement[] {
  return (holder ? children(holder) : []).flatMap((e) => {
    if (!isElementKind(e.local)) return [];
    const read = (readers[e.local] as Reader<ElementKind>)(e);
    return [{ ...defined(read), at: lines.at(e.offset) } as ReadElement];
  });
}

import { stringRef } from "../model/ids.js";
import type { Element, ElementKind, ElementOf } from "../model/types.js";
import type { XmlElement } from "../xml/write-xml.js";
import { valueElement, valueListElement, valueNode } from "./value-nodes.js";

type Handler<K extends ElementKind> = (element: ElementOf<K>) => XmlElement;

/** `true` attributes only: the schema's defaults are false, and Microsoft's files omit them too. */
const flag = (on: boolean | undefined) => (on ? "true" : undefined);

type Attribute = readonly [string, string | number | boolean | undefined];

/** The attributes every element that writes one value starts with, in Windows' own order. */
function valueAttributes(e: { id: string; key?: string | undefined; valueName: string }): Attribute[] {
  return [
    ["id", e.id],
    ["key", e.key],
    ["valueName", e.valueName],
  ];
}

/** decimal and longDecimal share their attributes; only the range of their numbers differs. */
function numberNode(name: string, e: ElementOf<"decimal" | "longDecimal">): XmlElement {
  return {
    name,
    attributes: [
      ...valueAttributes(e),
      ["required", flag(e.required)],
      ["minValue", e.minValue],
      ["maxValue", e.maxValue],
      ["storeAsText", flag(e.storeAsText)],
      ["soft", flag(e.soft)],
    ],
  };
}

/**
 * One handler per ADMX element kind. `satisfies` makes the compiler refuse a kind without a handler.
 * Attribute order follows Windows' own templates: id, key, valueName, then the kind's own attributes.
 */
const handlers = {
  boolean: (e) => ({
    name: "boolean",
    attributes: [...valueAttributes(e)],
    children: [
      ...valueElement("trueValue", e.trueValue),
      ...valueElement("falseValue", e.falseValue),
      ...valueListElement("trueList", e.trueList),
      ...valueListElement("falseList", e.falseList),
    ],
  }),
  decimal: (e) => numberNode("decimal", e),
  longDecimal: (e) => numberNode("longDecimal", e),
  text: (e) => ({
    name: "text",
    attributes: [
      ...valueAttributes(e),
      ["required", flag(e.required)],
      ["maxLength", e.maxLength],
      ["expandable", flag(e.expandable)],
      ["soft", flag(e.soft)],
    ],
  }),
  multiText: (e) => ({
    name: "multiText",
    attributes: [
      ...valueAttributes(e),
      ["required", flag(e.required)],
      ["maxLength", e.maxLength],
      ["maxStrings", e.maxStrings],
      ["soft", flag(e.soft)],
    ],
  }),
  enum: (e) => ({
    name: "enum",
    attributes: [...valueAttributes(e), ["required", flag(e.required)], ["soft", flag(e.soft)]],
    children: e.items.map((item) => ({
      name: "item",
      attributes: [["displayName", stringRef(item.displayName)]],
      children: [
        { name: "value", children: [valueNode(item.value)] },
        ...valueListElement("valueList", item.valueList),
      ],
    })),
  }),
  list: (e) => ({
    name: "list",
    attributes: [
      ["id", e.id],
      ["key", e.key],
      ["valuePrefix", e.valuePrefix],
      ["additive", flag(e.additive)],
      ["expandable", flag(e.expandable)],
      ["explicitValue", flag(e.explicitValue)],
    ],
  }),
} satisfies { [K in ElementKind]: Handler<K> };

/** The ADMX node of one element. */
export function elementNode(element: Element): XmlElement {
  return (handlers[element.kind] as Handler<typeof element.kind>)(element);
}

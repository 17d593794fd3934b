import type { RegistryValue, ValueList } from "../model/types.js";
import type { XmlElement } from "../xml/write-xml.js";

/** `<decimal value="1" />`, `<string>text</string>`, `<delete />`… inside a Value element. */
export function valueNode(value: RegistryValue): XmlElement {
  switch (value.type) {
    case "decimal":
    case "longDecimal":
      return { name: value.type, attributes: [["value", String(value.value)]] };
    case "string":
      return { name: "string", text: value.value };
    case "delete":
      return { name: "delete" };
  }
}

/** A Value-typed element such as `<enabledValue>`, or nothing when the value is absent. */
export function valueElement(name: string, value: RegistryValue | undefined): XmlElement[] {
  return value ? [{ name, children: [valueNode(value)] }] : [];
}

/** A ValueList-typed element such as `<enabledList defaultKey="…">`, or nothing when absent. */
export function valueListElement(name: string, list: ValueList | undefined): XmlElement[] {
  if (!list) return [];
  return [
    {
      name,
      attributes: [["defaultKey", list.defaultKey]],
      children: list.items.map((item) => ({
        name: "item",
        attributes: [
          ["key", item.key],
          ["valueName", item.valueName],
        ],
        children: [{ name: "value", children: [valueNode(item.value)] }],
      })),
    },
  ];
}

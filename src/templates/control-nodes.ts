import type { Control } from "../model/types.js";
import type { XmlElement } from "../xml/write-xml.js";

type ControlType = Control["type"];
type Handler<T extends ControlType> = (
  control: Extract<Control, { type: T }>,
  refId: string,
  label: string,
) => XmlElement;

/**
 * One handler per presentation control. Labels are resolved text (from the locale's catalog), written
 * as element text; only non-default attributes are written, as Windows' own ADML files do.
 */
const handlers = {
  textBox: (c, refId, label) => ({
    name: "textBox",
    attributes: [["refId", refId]],
    children: [
      { name: "label", text: label },
      ...(c.defaultValue !== undefined ? [{ name: "defaultValue", text: c.defaultValue }] : []),
    ],
  }),
  comboBox: (c, refId, label) => ({
    name: "comboBox",
    attributes: [
      ["refId", refId],
      ["noSort", c.noSort ? "true" : undefined],
    ],
    children: [
      { name: "label", text: label },
      ...(c.defaultValue !== undefined ? [{ name: "default", text: c.defaultValue }] : []),
      ...(c.suggestions ?? []).map((s) => ({ name: "suggestion", text: s })),
    ],
  }),
  decimalTextBox: (c, refId, label) => numberBox("decimalTextBox", c, refId, label),
  longDecimalTextBox: (c, refId, label) => numberBox("longDecimalTextBox", c, refId, label),
  checkBox: (c, refId, label) => ({
    name: "checkBox",
    attributes: [
      ["refId", refId],
      ["defaultChecked", c.defaultChecked ? "true" : undefined],
    ],
    text: label,
  }),
  dropdownList: (c, refId, label) => ({
    name: "dropdownList",
    attributes: [
      ["refId", refId],
      ["noSort", c.noSort ? "true" : undefined],
      ["defaultItem", c.defaultItem],
    ],
    text: label,
  }),
  listBox: (_c, refId, label) => ({ name: "listBox", attributes: [["refId", refId]], text: label }),
  multiTextBox: (c, refId, label) => ({
    name: "multiTextBox",
    attributes: [
      ["refId", refId],
      ["showAsDialog", c.showAsDialog ? "true" : undefined],
      ["defaultHeight", c.defaultHeight],
    ],
    text: label,
  }),
} satisfies { [T in ControlType]: Handler<T> };

function numberBox(
  name: string,
  c: Extract<Control, { type: "decimalTextBox" | "longDecimalTextBox" }>,
  refId: string,
  label: string,
): XmlElement {
  return {
    name,
    attributes: [
      ["refId", refId],
      ["defaultValue", c.defaultValue],
      // spin defaults to true in the schema: only its absence needs saying.
      ["spin", c.spin === false ? "false" : undefined],
      ["spinStep", c.spinStep],
    ],
    text: label,
  };
}

/** The ADML node of one element's control, with its label already resolved. */
export function controlNode(control: Control, refId: string, label: string): XmlElement {
  return (handlers[control.type] as Handler<ControlType>)(control as never, refId, label);
}

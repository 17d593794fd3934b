import type { Control } from "../../model/types.js";
import type { ReadControl } from "../types.js";
import { child, children, flagAttr, textOf, uintAttr } from "../xml/query.js";
import type { XmlElement } from "../xml/tree.js";
import { defined } from "../admx/read-values.js";

type ControlType = Control["type"];
type Reader<T extends ControlType> = (e: XmlElement) => Extract<ReadControl, { type: T }>;

/** The text of a child element, or undefined when there is no such child. */
function childText(e: XmlElement, name: string): string | undefined {
  const c = child(e, name);
  return c && textOf(c);
}

/**
 * One reader per presentation control; `satisfies` makes the compiler refuse a control without one.
 * Text boxes and combo boxes carry their label in a `<label>` child, the other controls as their own
 * text. Attributes left at the schema default read as absent, as the ADML writer leaves them out.
 */
const readers = {
  textBox: (e) =>
    defined({
      type: "textBox",
      label: childText(e, "label") ?? "",
      defaultValue: childText(e, "defaultValue"),
    }),
  comboBox: (e) => {
    const suggestions = children(e, "suggestion").map(textOf);
    return defined({
      type: "comboBox",
      label: childText(e, "label") ?? "",
      defaultValue: childText(e, "default"),
      suggestions: suggestions.length > 0 ? suggestions : undefined,
      noSort: flagAttr(e, "noSort"),
    });
  },
  decimalTextBox: (e) =>
    defined({
      type: "decimalTextBox",
      label: textOf(e),
      defaultValue: uintAttr(e, "defaultValue"),
      spin: flagAttr(e, "spin", true),
      spinStep: uintAttr(e, "spinStep"),
    }),
  longDecimalTextBox: (e) =>
    defined({
      type: "longDecimalTextBox",
      label: textOf(e),
      defaultValue: uintAttr(e, "defaultValue"),
      spin: flagAttr(e, "spin", true),
      spinStep: uintAttr(e, "spinStep"),
    }),
  checkBox: (e) =>
    defined({ type: "checkBox", label: textOf(e), defaultChecked: flagAttr(e, "defaultChecked") }),
  dropdownList: (e) =>
    defined({
      type: "dropdownList",
      label: textOf(e),
      defaultItem: uintAttr(e, "defaultItem"),
      noSort: flagAttr(e, "noSort"),
    }),
  listBox: (e) => ({ type: "listBox", label: textOf(e) }),
  multiTextBox: (e) =>
    defined({
      type: "multiTextBox",
      label: textOf(e),
      defaultHeight: uintAttr(e, "defaultHeight"),
      showAsDialog: flagAttr(e, "showAsDialog"),
    }),
} satisfies { [T in ControlType]: Reader<T> };

/** True when the local name is a presentation control. */
export function isControlType(name: string): name is ControlType {
  return Object.hasOwn(readers, name);
}

/** Reads a control element. */
export function readControl(e: XmlElement & { local: ControlType }): ReadControl {
  return (readers[e.local] as Reader<ControlType>)(e);
}

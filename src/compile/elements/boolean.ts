import type { BooleanElement } from "../../model/types.js";
import { delEntry, dwordEntry } from "../../pol/index.js";
import { registryValueEntry, valueListEntries } from "../registry-values.js";
import type { ElementContext, ElementHandler } from "./handler.js";

/**
 * A check box's state: trueValue (absent: REG_DWORD 1) and trueList when checked; falseValue (absent:
 * `**del.`) and falseList when not — the editor's rules (MS-GPREG §3.3; PolicyPlus PolicyProcessing).
 */
function writeCheckState(element: BooleanElement, checked: boolean, context: ElementContext): void {
  const { key } = context;
  if (checked) {
    context.emit(
      element.trueValue
        ? registryValueEntry(key, element.valueName, element.trueValue)
        : dwordEntry(key, element.valueName, 1),
    );
    for (const entry of valueListEntries(element.trueList, key)) context.emit(entry);
  } else {
    context.emit(
      element.falseValue
        ? registryValueEntry(key, element.valueName, element.falseValue)
        : delEntry(key, element.valueName),
    );
    for (const entry of valueListEntries(element.falseList, key)) context.emit(entry);
  }
}

/** `<boolean>`: a check box; a missing option takes the control's defaultChecked (schema default false). */
export const booleanHandler: ElementHandler<"boolean"> = {
  enabled(element, value, context) {
    const checked = value ?? element.control.defaultChecked ?? false;
    if (typeof checked !== "boolean") return context.problem("OPTION_NOT_BOOLEAN");
    writeCheckState(element, checked, context);
  },
  disabled(element, context) {
    // The real editor writes a check box's explicit "off" data when the policy is Disabled, rather than
    // deleting the value (observed against the Local Group Policy Editor: Fleex255/PolicyPlus#38). Only
    // a check box without falseValue or falseList gets `**del.` like the other elements.
    if (element.falseValue || element.falseList) {
      if (element.falseValue)
        context.emit(registryValueEntry(context.key, element.valueName, element.falseValue));
      for (const entry of valueListEntries(element.falseList, context.key)) context.emit(entry);
    } else {
      context.emit(delEntry(context.key, element.valueName));
    }
  },
};

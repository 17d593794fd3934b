/**
 * Test helper: a policy set to Enabled with its defaults, plus a plain sample value for each option the
 * policy cannot do without (Enabled with a required element and no default is refused, as the editor
 * refuses OK on such a dialog).
 */
import { enumItemOption } from "../../src/compile/elements/enum.js";
import { compilePolicy, type OptionValue, type PolicyState } from "../../src/compile/index.js";
import type { Element, EnumElement, Policy } from "../../src/model/types.js";

/**
 * The option that selects item `index` of a drop-down: its id, or the number it writes when its id is
 * shared (a number is never a position). An item neither names falls back to its id, which selects the
 * first item of that id.
 */
export function itemOption(element: EnumElement, index: number): OptionValue {
  return enumItemOption(element, index) ?? element.items[index]!.displayName;
}

/** A value each element kind accepts. */
function sample(element: Element): OptionValue {
  switch (element.kind) {
    case "boolean":
      return true;
    case "decimal":
    case "longDecimal":
      return element.minValue ?? 1;
    case "enum":
      return itemOption(element, 0);
    case "list":
      return element.explicitValue ? { admxkit: "1" } : ["admxkit"];
    case "multiText":
      return ["admxkit"];
    case "text":
      return "admxkit";
  }
}

/** Enabled with defaults, with a sample value for each required option that has none. */
export function enabledState(policy: Policy): PolicyState & { state: "enabled" } {
  const first = compilePolicy(policy, { state: "enabled", options: {} });
  const required = new Set(
    first.diagnostics.filter((d) => d.code === "OPTION_REQUIRED").map((d) => String(d.params.option)),
  );
  if (required.size === 0) return { state: "enabled" };
  const options: Record<string, OptionValue> = {};
  for (const element of policy.elements ?? [])
    if (required.has(element.id)) options[element.id] = sample(element);
  return { state: "enabled", options };
}

import type { OptionValue } from "../compile/types.js";
import { AdmxkitError, diag } from "../diagnostics/diagnostic.js";
import type { ExampleOptions } from "./example-values.js";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The Enabled option values of a values file (`{ "machine": { "<Policy>": { "state": "enabled",
 * "options": {…} } }, "user": {…} }`), by policy name, for the preview's examples. Only the shape is
 * checked here; the compiler judges the values themselves and the page shows what it says. A policy
 * given in both sections takes the machine one (the preview shows one example per policy).
 */
export function examplesFromValues(values: unknown, file: string): Record<string, ExampleOptions> {
  if (!isObject(values)) {
    throw new AdmxkitError([
      diag("PREVIEW_VALUES_INVALID", { file, reason: "expected a JSON object" }, { file }),
    ]);
  }
  // No prototype: a policy named `__proto__` or `constructor` is an ordinary key.
  const examples: Record<string, ExampleOptions> = Object.create(null);
  for (const section of ["user", "machine"] as const) {
    const policies = values[section];
    if (policies === undefined) continue;
    if (!isObject(policies)) {
      const reason = `"${section}" must map policy names to states`;
      throw new AdmxkitError([diag("PREVIEW_VALUES_INVALID", { file, reason }, { file, path: [section] })]);
    }
    for (const [name, state] of Object.entries(policies)) {
      if (isObject(state) && state.state === "enabled" && isObject(state.options)) {
        examples[name] = state.options as Record<string, OptionValue>;
      }
    }
  }
  return examples;
}

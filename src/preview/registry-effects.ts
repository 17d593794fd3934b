import { compilePolicy } from "../compile/index.js";
import type { Policy } from "../model/types.js";
import type { ExampleOptions } from "./example-values.js";
import type { PolicyRegistry } from "./registry-panel.js";

/**
 * The registry entries of a policy as the compiler writes them: Enabled with the example option values,
 * and Disabled. The preview shows exactly these, so a page and a Registry.pol built from the same values
 * cannot disagree. Problems with the example values come back as diagnostics for the page to show.
 */
export function compiledRegistry(policy: Policy, options: ExampleOptions): PolicyRegistry {
  const enabled = compilePolicy(policy, { state: "enabled", options });
  const disabled = compilePolicy(policy, { state: "disabled" });
  return {
    enabled: enabled.entries,
    disabled: disabled.entries,
    diagnostics: [...enabled.diagnostics, ...disabled.diagnostics],
  };
}

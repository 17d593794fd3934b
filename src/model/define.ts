import { AdmxkitError } from "../diagnostics/diagnostic.js";
import { checkBundle, type CheckOptions } from "./check-bundle.js";
import type { Bundle, BundleInput } from "./types.js";

/**
 * Declares a bundle in TypeScript with editor completion, and validates it at once: every problem in
 * the model is reported together (an {@link AdmxkitError} whose `diagnostics` name each path), so a
 * consumer's build fails with the whole list rather than the first mistake.
 */
export function defineBundle(input: BundleInput, options: CheckOptions = {}): Bundle {
  const result = checkBundle(input, options);
  if (!result.ok) throw new AdmxkitError(result.diagnostics);
  return result.bundle;
}

import { readFileSync } from "node:fs";
import { checkBundle } from "../../src/model/check-bundle.js";
import type { Bundle } from "../../src/model/types.js";

/** Path of the fixture whose texts try to inject markup and that uses every presentation control. */
export const HOSTILE_BUNDLE_PATH = new URL("../preview/fixtures/hostile-bundle.json", import.meta.url);

/** The raw JSON of the hostile fixture (a fresh copy each call, free to modify). */
export function hostileBundleInput(): Record<string, any> {
  return JSON.parse(readFileSync(HOSTILE_BUNDLE_PATH, "utf8")) as Record<string, any>;
}

/** A bundle input checked as the CLI checks it; fails loudly when the fixture itself is invalid. */
export function checked(input: unknown): Bundle {
  const result = checkBundle(input);
  if (!result.ok) throw new Error(`fixture invalid: ${JSON.stringify(result.diagnostics)}`);
  return result.bundle;
}

/** The hostile fixture, checked. */
export function hostileBundle(): Bundle {
  return checked(hostileBundleInput());
}

import { diag, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { BundleSchema } from "./bundle.js";
import { checkCatalogs } from "./check-catalogs.js";
import { checkNames } from "./check-names.js";
import { checkPolicies } from "./check-policies.js";
import type { Bundle } from "./types.js";
import { diagnosticsFromZod } from "./zod-issues.js";

/** The outcome of checking a bundle: every problem at once, and the bundle when there is no error. */
export type BundleCheck =
  | { readonly ok: true; readonly bundle: Bundle; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface CheckOptions {
  /** Locales that will be written; default: every locale the bundle has. */
  readonly locales?: readonly string[];
}

/**
 * Validates anything claiming to be a bundle: the shape (zod), then the rules zod cannot express —
 * unique names, resolvable references, catalogs complete for each written locale, consistent elements.
 * It never throws for bad input.
 */
export function checkBundle(input: unknown, options: CheckOptions = {}): BundleCheck {
  const parsed = BundleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, diagnostics: diagnosticsFromZod(parsed.error, input) };
  const bundle = parsed.data;
  const locales = options.locales ?? Object.keys(bundle.locales);
  const diagnostics = [
    ...(locales.length === 0
      ? [diag("LOCALE_MISSING", { locale: "(none)", available: "" }, { path: ["locales"] })]
      : []),
    ...checkNames(bundle),
    ...checkPolicies(bundle),
    ...checkCatalogs(bundle, locales),
  ];
  return hasErrors(diagnostics) ? { ok: false, diagnostics } : { ok: true, bundle, diagnostics };
}

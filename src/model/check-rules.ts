import { diag, formatPath, type Diagnostic } from "../diagnostics/diagnostic.js";
import { checkCatalogs } from "./check-catalogs.js";
import { checkNames } from "./check-names.js";
import { xmlStringDiagnostics } from "./check-strings.js";
import { checkPolicies } from "./check-policies.js";
import { checkRegistryNames } from "./registry-name-uses.js";
import type { Bundle } from "./types.js";

/**
 * The rules of a bundle beyond its shape: unique names, resolvable references, registry names,
 * catalogs complete for each written locale, XML-safe strings. No zod here: a bundle whose shape is
 * known good (the built-in ones, checked by their tests) is checked without loading it.
 */
export function checkBundleRules(
  bundle: Bundle,
  options: { readonly locales?: readonly string[] } = {},
): Diagnostic[] {
  const locales = options.locales ?? Object.keys(bundle.locales);
  const names = checkRegistryNames(bundle);
  // A NUL in a registry name is both; the registry-name error says more (the policy, the character).
  const namePaths = new Set(names.map((d) => formatPath(d.path)));
  return [
    ...(locales.length === 0
      ? [diag("LOCALE_MISSING", { locale: "(none)", available: "" }, { path: ["locales"] })]
      : []),
    ...checkNames(bundle),
    ...checkPolicies(bundle),
    ...names,
    ...checkCatalogs(bundle, locales),
    ...xmlStringDiagnostics(bundle, (key) => key === "locales").filter(
      (d) => !namePaths.has(formatPath(d.path)),
    ),
  ];
}

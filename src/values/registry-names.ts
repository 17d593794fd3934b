import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { findUnsafeNameChar, visibleName } from "../pol/registry-names.js";

/**
 * Checks a registry key or value name that comes straight from a values file (a raw registry entry of a
 * `registry` section, a value name an option gives): a control character or line end in it is refused
 * (see src/pol/registry-names.ts for the set and why), as the model and the ADMX reader refuse it.
 * Returns the error, at `where`, or undefined when the name is fine.
 */
export function checkRegistryName(
  name: string,
  field: "key" | "valueName",
  where: Pick<Diagnostic, "path" | "file" | "line" | "column"> = {},
): Diagnostic | undefined {
  const unsafe = findUnsafeNameChar(name);
  if (unsafe === undefined) return undefined;
  return diag("VALUES_REGISTRY_NAME_UNSAFE", { field, name: visibleName(name), ...unsafe }, where);
}

import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { walk } from "./walk.js";

/**
 * `__proto__` as a key of a JSON object (a policy name in a values file, a catalog string id…). JSON.parse
 * keeps it as an own property, but copying it into a new object — as schema validation does — sets
 * the prototype instead, so the entry would silently vanish. It is refused up front, with its place.
 */
export function reservedKeyDiagnostics(input: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  walk(input, ({ value, path }) => {
    if (value !== null && typeof value === "object" && Object.hasOwn(value, "__proto__")) {
      out.push(diag("KEY_RESERVED", { key: "__proto__" }, { path: [...path(), "__proto__"] }));
    }
  });
  return out;
}

import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { hasNonXmlChar } from "../xml/xml-chars.js";
import { walk } from "./walk.js";

/**
 * Every string of the model outside the catalogs (registry keys, value names, string values, defaults,
 * suggestions…) ends up in an ADMX or ADML file too; one XML cannot carry makes the file unreadable
 * for GPMC, so it is refused here rather than written.
 */
export function xmlStringDiagnostics(input: unknown, skip: (key: string | number) => boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  walk(input, (visit) => {
    const path = visit.path();
    if (path.length === 1 && skip(path[0]!)) return false;
    if (typeof visit.value === "string" && hasNonXmlChar(visit.value)) {
      out.push(diag("VALUE_INVALID_CHAR", {}, { path }));
    }
  });
  return out;
}

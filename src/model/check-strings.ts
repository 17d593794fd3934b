import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { walk } from "./walk.js";

/** Characters XML 1.0 cannot carry, and UTF-16 halves that are not part of a pair. */
export const NOT_XML_TEXT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

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
    if (typeof visit.value === "string" && NOT_XML_TEXT.test(visit.value)) {
      out.push(diag("VALUE_INVALID_CHAR", {}, { path }));
    }
  });
  return out;
}

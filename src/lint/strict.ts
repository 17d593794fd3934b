/**
 * Severities follow what the Group Policy editor does, not what the published ADMX schema says: Windows'
 * own templates break the schema in many ways and still load in GPMC without a message (see
 * ../shared/corpus/README.md and docs/content/en/severities.md), so a deviation they ship is a warning
 * or an info. `--strict` is for authors who want schema-clean templates: it makes every such deviation
 * an error. Findings that GPMC itself refuses, loses or misreads are errors either way.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/**
 * The codes of deviations GPMC accepts: schema breaks and dangling references found in Microsoft's own
 * shipped templates, and schema breaks of vendors' templates that GPMC loads (Office, Adobe, EMET). Each is a warning (or an info) by default; `--strict` makes it an error.
 * XSD_LABEL_TEXT is not here: text inside a presentation control is how GPMC reads its label.
 */
export const DEVIATION_CODES: ReadonlySet<string> = new Set([
  "XML_ENCODING_UNICODE",
  "XSD_NAMESPACE_WRONG",
  "XSD_NAMESPACE_MISSING",
  "XSD_UNKNOWN_ATTRIBUTE",
  "XSD_TOLERATED_ATTRIBUTE",
  "XSD_ID_HYPHEN",
  "XSD_ID_PREFIX",
  "XSD_DEFAULT_EMPTY",
  "XSD_EMPTY_WHITESPACE",
  "XSD_STRING_TOO_LONG",
  "XSD_STRAY_TEXT",
  "ADMX_PREFIX_UNDECLARED",
  "ADMX_REFERENCE_UNRESOLVED",
  "STORE_REFERENCE_UNRESOLVED",
  "STORE_USING_UNUSED_UNRESOLVED",
]);

/** A finding as `--strict` sees it: a deviation GPMC accepts becomes an error; others stay as they are. */
export function strictDiagnostic(d: Diagnostic): Diagnostic {
  return d.severity !== "error" && DEVIATION_CODES.has(d.code) ? { ...d, severity: "error" } : d;
}

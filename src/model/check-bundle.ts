import { diag, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { checkBundleRules as ruleDiagnostics } from "./check-rules.js";
import type { Bundle } from "./types.js";
import { parseBundleShape, type BundleShape } from "./parse-bundle.js";

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
  let parsed: BundleShape;
  try {
    parsed = parseBundleShape(input);
  } catch (error) {
    // Only a JavaScript bundle gets here: a getter that throws, a proxy, a cycle zod cannot follow.
    return { ok: false, diagnostics: [diag("MODEL_UNREADABLE", { reason: describeError(error) })] };
  }
  if (!parsed.success) {
    // Ids GPMC would reject are the one shape problem that leaves the structure whole (the schema has
    // no defaults or transforms, so the input is what parsing would return): run the other rules too,
    // so that every problem is listed at once rather than after the ids are fixed.
    if (!parsed.diagnostics.every((d) => d.code === "ID_INVALID")) {
      return { ok: false, diagnostics: parsed.diagnostics };
    }
    let rest: Diagnostic[] = [];
    try {
      rest = ruleDiagnostics(input as Bundle, options);
    } catch {
      // A rule tripping over what the schema refused: the shape findings alone are the answer.
    }
    return { ok: false, diagnostics: [...parsed.diagnostics, ...rest] };
  }
  const bundle = parsed.data;
  const diagnostics = ruleDiagnostics(bundle, options);
  return hasErrors(diagnostics) ? { ok: false, diagnostics } : { ok: true, bundle, diagnostics };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return "(unprintable error)";
  }
}

import { z } from "zod";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { quoteValue } from "../diagnostics/quote-value.js";
import { CONTROLS_BY_KIND } from "./controls.js";
import { valueAt } from "./walk.js";

type Path = (string | number)[];

const ZOD_EN = z.locales.en();
const ZOD_JA = z.locales.ja();

/**
 * zod's description of an issue as `detail`, and, when it is zod's own wording rather than a message
 * of our schemas, its Japanese wording as `detail@ja-JP` (formatMessage takes a `name@locale` variant
 * of a parameter), so that Japanese messages carry no English detail. zod drops the
 * offending input from its issues; it is put back for the translation.
 */
export function zodDetailParams(issue: z.core.$ZodIssue, input: unknown): Record<string, string> {
  const withInput = { ...issue, input: valueAt(input, issue.path) } as Parameters<
    typeof ZOD_EN.localeError
  >[0];
  let japanese: string | undefined;
  try {
    const english = ZOD_EN.localeError(withInput);
    const text = typeof english === "string" ? english : english?.message;
    if (text === issue.message) {
      const ja = ZOD_JA.localeError(withInput);
      japanese = typeof ja === "string" ? ja : ja?.message;
    }
  } catch {
    // A translation that fails leaves the English detail, which is still right.
  }
  return japanese === undefined
    ? { detail: issue.message }
    : { detail: issue.message, "detail@ja-JP": japanese };
}

/**
 * Turns zod's issues into diagnostics. Two kinds get codes of their own because users hit them most and
 * the generic wording does not help: an id with characters GPMC rejects, and a presentation control that
 * does not fit its element's kind. Everything else keeps zod's description under MODEL_INVALID.
 */
export function diagnosticsFromZod(error: z.ZodError, input: unknown): Diagnostic[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol") as Path;
    const value = valueAt(input, issue.path);
    if (
      issue.code === "invalid_format" &&
      issue.format === "regex" &&
      /A-Z, a-z, 0-9 and _/.test(issue.message)
    ) {
      return diag("ID_INVALID", { value: quoteValue(value) }, { path });
    }
    if (issue.code === "invalid_union" && path.at(-1) === "type" && path.at(-2) === "control") {
      const element = valueAt(input, issue.path.slice(0, -2)) as { kind?: string; id?: string } | undefined;
      const kind = element?.kind ?? "?";
      const expected = (CONTROLS_BY_KIND as Record<string, readonly string[]>)[kind]?.join(" or ") ?? "?";
      return diag(
        "CONTROL_MISMATCH",
        { element: element?.id ?? "?", kind, control: quoteValue(value), expected },
        { path },
      );
    }
    return diag("MODEL_INVALID", { ...zodDetailParams(issue, input), value: quoteValue(value) }, { path });
  });
}

import type { z } from "zod";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { quoteValue } from "../diagnostics/quote-value.js";
import { CONTROLS_BY_KIND } from "./elements.js";
import { valueAt } from "./walk.js";

type Path = (string | number)[];

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
    return diag("MODEL_INVALID", { detail: issue.message, value: quoteValue(value) }, { path });
  });
}

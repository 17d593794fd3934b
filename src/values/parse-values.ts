import { zodDetailParams } from "../model/zod-issues.js";
import { z } from "zod";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { messageRef } from "../i18n/messages.js";
import { jsonPathKey, parseJsonText, type WrittenNumbers } from "../io/json-text.js";
import { valueAt } from "../model/walk.js";
import { quoteValue } from "./quote.js";
import { restoreValuesProtoKeys } from "./proto-keys.js";
import { ValuesFileSchema, VALUES_FILE_KEYS, type ValuesFile } from "./schema.js";
import { nearestName } from "./suggest.js";
import { rememberWrittenNumbers } from "./written-numbers.js";

/** A values file read from text: the file when it is well-formed, else every problem found. */
export type ValuesParse =
  | { readonly ok: true; readonly values: ValuesFile; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

function fromZod(
  error: z.ZodError,
  input: unknown,
  file: string | undefined,
  written: WrittenNumbers | undefined,
): Diagnostic[] {
  const place = (path: (string | number)[]) => ({ path, ...(file ? { file } : {}) });
  return error.issues.flatMap((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys" && path.length === 0) {
      return issue.keys.map((key) => {
        const suggestion = nearestName(key, VALUES_FILE_KEYS) ?? "machine";
        return diag("VALUES_UNKNOWN_SECTION", { key, suggestion }, place([key]));
      });
    }
    if (issue.code === "unrecognized_keys" && path.length === 2) {
      return issue.keys.map((key) =>
        diag("VALUES_UNKNOWN_STATE_KEY", { policy: String(path[1]), key }, place([...path, key])),
      );
    }
    const found = valueAt(input, path);
    // A number as the file writes it, where the parsed double says otherwise.
    const value = written?.get(jsonPathKey(path)) ?? (found === undefined ? "(missing)" : quoteValue(found));
    if (path[0] === "registry") {
      // zod's own description, with its Japanese wording for ja-JP; an unknown field is ours.
      const detail =
        issue.code === "unrecognized_keys"
          ? { detail: messageRef("VALUES_RAW_UNKNOWN_FIELD", { fields: issue.keys.join(", ") }) }
          : zodDetailParams(issue, input);
      return [diag("VALUES_RAW_SHAPE", { ...detail, value }, place(path))];
    }
    if (path.length === 3 && path[2] === "state") {
      return [diag("VALUES_BAD_STATE", { policy: String(path[1]), value }, place(path))];
    }
    if (path.length === 4 && path[2] === "options") {
      return [
        diag(
          "VALUES_BAD_OPTION_TYPE",
          { policy: String(path[1]), option: String(path[3]), value },
          place(path),
        ),
      ];
    }
    return [diag("VALUES_SHAPE", { ...zodDetailParams(issue, input), value }, place(path))];
  });
}

/**
 * Checks the shape of an already-parsed values file. `written` holds the numbers its text writes
 * otherwise than their doubles (from src/io/json-text.ts); they are quoted as written, and the values
 * keep them for the compiler (src/values/written-numbers.ts).
 */
export function parseValues(input: unknown, file?: string, written?: WrittenNumbers): ValuesParse {
  const parsed = ValuesFileSchema.safeParse(input);
  // `__proto__` names are ordinary names: zod's records drop them, so they are checked and put back.
  const dropped = restoreValuesProtoKeys(input, parsed.success ? parsed.data : undefined);
  const issues = [...(parsed.success ? [] : parsed.error.issues), ...dropped];
  if (issues.length === 0 && parsed.success) {
    rememberWrittenNumbers(parsed.data, written);
    return { ok: true, values: parsed.data, diagnostics: [] };
  }
  return { ok: false, diagnostics: fromZod(new z.ZodError(issues), input, file, written) };
}

/**
 * Reads a values file's text: strict JSON (a leading BOM is ignored, a key given twice in one object is
 * refused; see src/io/json-text.ts), then its shape.
 */
export function parseValuesText(text: string, file?: string): ValuesParse {
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics };
  return parseValues(parsed.value, file, parsed.written);
}

import type { z } from "zod";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { reservedKeyDiagnostics } from "../model/reserved-keys.js";
import { valueAt } from "../model/walk.js";
import { quoteValue } from "./quote.js";
import { ValuesFileSchema, VALUES_FILE_KEYS, type ValuesFile } from "./schema.js";
import { nearestName } from "./suggest.js";

/** A values file read from text: the file when it is well-formed, else every problem found. */
export type ValuesParse =
  | { readonly ok: true; readonly values: ValuesFile; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

function fromZod(error: z.ZodError, input: unknown, file: string | undefined): Diagnostic[] {
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
    const value = found === undefined ? "(missing)" : quoteValue(found);
    if (path[0] === "registry") {
      const detail =
        issue.code === "unrecognized_keys" ? `unknown field ${issue.keys.join(", ")}` : issue.message;
      return [diag("VALUES_RAW_SHAPE", { detail, value }, place(path))];
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
    return [diag("VALUES_SHAPE", { detail: issue.message, value }, place(path))];
  });
}

/** Checks the shape of an already-parsed values file. */
export function parseValues(input: unknown, file?: string): ValuesParse {
  const reserved = reservedKeyDiagnostics(input).map((d) => (file ? { ...d, file } : d));
  if (reserved.length > 0) return { ok: false, diagnostics: reserved };
  const parsed = ValuesFileSchema.safeParse(input);
  if (parsed.success) return { ok: true, values: parsed.data, diagnostics: [] };
  return { ok: false, diagnostics: fromZod(parsed.error, input, file) };
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Reads a values file's text: JSON (a leading BOM is ignored), then its shape. */
export function parseValuesText(text: string, file?: string): ValuesParse {
  const body = text.replace(/^\uFEFF/, "");
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch (error) {
    const reason = (error as Error).message;
    const position = /position (\d+)/.exec(reason);
    const where = position ? lineColumn(body, Number(position[1])) : {};
    return {
      ok: false,
      diagnostics: [diag("VALUES_JSON_INVALID", { reason }, { ...(file ? { file } : {}), ...where })],
    };
  }
  return parseValues(input, file);
}

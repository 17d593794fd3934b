import { zodDetailParams } from "../model/zod-issues.js";
import { z } from "zod";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { messageRef } from "../i18n/messages.js";
import { jsonPathKey, parseJsonText, type WrittenNumbers } from "../io/json-text.js";
import { defineOwn, isPlainRecord, ownProtoEntry, PROTO_KEY } from "../model/proto-keys.js";
import { valueAt } from "../model/walk.js";
import { quoteValue } from "./quote.js";
import {
  OptionValueSchema,
  PolicyStateInputSchema,
  ValuesFileSchema,
  VALUES_FILE_KEYS,
  VALUES_SECTIONS,
  type ValuesFile,
} from "./schema.js";
import { nearestName } from "./suggest.js";
import { rememberWrittenNumbers } from "./written-numbers.js";

type Path = (string | number)[];

/** Own entries of a plain record, `__proto__` included. */
const ownEntries = (record: Record<string, unknown>): [string, unknown][] =>
  Object.keys(record).map((key) => [key, Object.getOwnPropertyDescriptor(record, key)!.value]);

/** zod issues of a nested check, with their paths made absolute. */
function issuesAt(error: z.ZodError, path: Path): z.core.$ZodIssue[] {
  return error.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] }));
}

/** An option value's own `__proto__` value name (explicitValue lists), checked and put back. */
function restoreMap(input: unknown, output: unknown, path: Path, issues: z.core.$ZodIssue[]): void {
  const entry = ownProtoEntry(input);
  if (!entry || !isPlainRecord(output)) return;
  const checked = z.string().safeParse(entry.value);
  if (checked.success) defineOwn(output, PROTO_KEY, checked.data);
  else issues.push(...issuesAt(checked.error, [...path, PROTO_KEY]));
}

/** A policy's options: an own `__proto__` option, and `__proto__` value names inside the options. */
function restoreOptions(input: unknown, output: unknown, path: Path, issues: z.core.$ZodIssue[]): void {
  if (!isPlainRecord(input) || !isPlainRecord(output)) return;
  for (const [id, value] of ownEntries(input)) {
    if (id === PROTO_KEY) {
      const checked = OptionValueSchema.safeParse(value);
      if (!checked.success) {
        issues.push(...issuesAt(checked.error, [...path, PROTO_KEY]));
        continue;
      }
      defineOwn(output, PROTO_KEY, checked.data);
    }
    restoreMap(value, Object.getOwnPropertyDescriptor(output, id)?.value, [...path, id], issues);
  }
}

/**
 * Puts back what zod's records dropped from a values file (see src/model/proto-keys.ts): a policy
 * named `__proto__`, an option `__proto__`, a value name `__proto__` in an explicitValue list. Each is
 * checked like its siblings; `output` (when the file's shape is valid) gets them as own properties.
 * Returns the zod issues of the entries that do not fit, with paths into the file.
 */
function restoreValuesProtoKeys(input: unknown, output: ValuesFile | undefined): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  if (!isPlainRecord(input)) return issues;
  for (const section of VALUES_SECTIONS) {
    const policies = Object.getOwnPropertyDescriptor(input, section)?.value;
    if (!isPlainRecord(policies)) continue;
    const parsed = output?.[section];
    for (const [name, state] of ownEntries(policies)) {
      if (name === PROTO_KEY) {
        const checked = PolicyStateInputSchema.safeParse(state);
        if (!checked.success) {
          issues.push(...issuesAt(checked.error, [section, PROTO_KEY]));
          continue;
        }
        if (parsed) defineOwn(parsed, PROTO_KEY, checked.data);
      }
      const options = isPlainRecord(state)
        ? Object.getOwnPropertyDescriptor(state, "options")?.value
        : undefined;
      const outState = parsed && Object.getOwnPropertyDescriptor(parsed, name)?.value;
      restoreOptions(options, outState?.options, [section, name, "options"], issues);
    }
  }
  return issues;
}

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

import { z } from "zod";
import { defineOwn, isPlainRecord, ownProtoEntry, PROTO_KEY } from "../model/proto-keys.js";
import { OptionValueSchema, PolicyStateInputSchema, VALUES_SECTIONS, type ValuesFile } from "./schema.js";

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
export function restoreValuesProtoKeys(input: unknown, output: ValuesFile | undefined): z.core.$ZodIssue[] {
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

/**
 * The `registry` section of a values file: raw Registry.pol entries that no policy explains, per class,
 * in the record form of `admxkit dump --json`. `admxkit values --from` keeps there what it cannot
 * attribute to a policy, so that nothing of a GPO is lost; `admxkit pol` writes them back as they are.
 *
 * ```json
 * { "registry": { "machine": [
 *     { "key": "Software\\Policies\\Google\\Chrome", "valueName": "AuthSchemes", "type": "REG_SZ", "data": "negotiate" }
 * ] } }
 * ```
 */
import { findUnsafeNameChar } from "../pol/registry-names.js";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { messageRef } from "../i18n/messages.js";
import { checkPolEntries, type PolEntry } from "../pol/index.js";
import { fromDumpRecord, toDumpRecord } from "../formats/index.js";
import { quoteValue } from "./quote.js";
import type { RegistryRecord } from "./schema.js";

type Path = (string | number)[];

/** One entry of the section with its place in the values file. */
export interface RegistrySectionEntry {
  readonly entry: PolEntry;
  readonly path: Path;
}

function controlProblem(
  record: RegistryRecord,
  where: { path: Path; file?: string },
): Diagnostic | undefined {
  for (const field of ["key", "valueName"] as const) {
    // The one set of characters a registry name must not hold (src/pol/registry-names.ts).
    const unsafe = findUnsafeNameChar(record[field]);
    if (unsafe) {
      return diag(
        "VALUES_RAW_CONTROL_CHARACTER",
        { field, character: unsafe.char, value: quoteValue(record[field]) },
        { ...where, path: [...where.path, field] },
      );
    }
  }
  return undefined;
}

/**
 * The entries of one class's raw records, checked: a type name or number, data in the dump's form for
 * that type (or hex with its size), no control characters in names, and what Registry.pol can store.
 * Records with a problem are left out and reported. `written` gives the text of a number whose double
 * says otherwise (src/values/written-numbers.ts): such a type or data is refused, not rounded
 * (`1.00000000000000000001` would otherwise be a REG_DWORD 1).
 */
export function registrySectionEntries(
  records: readonly RegistryRecord[],
  section: "machine" | "user",
  file?: string,
  written: (path: readonly (string | number)[]) => string | undefined = () => undefined,
): { entries: RegistrySectionEntry[]; diagnostics: Diagnostic[] } {
  const entries: RegistrySectionEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  records.forEach((record, index) => {
    const path: Path = ["registry", section, index];
    const where = { path, ...(file ? { file } : {}) };
    const control = controlProblem(record, where);
    if (control) return void diagnostics.push(control);
    const typeText = written([...path, "type"]);
    if (typeText !== undefined)
      return void diagnostics.push(
        diag("VALUES_RAW_BAD_TYPE", { type: typeText }, { ...where, path: [...path, "type"] }),
      );
    if (written([...path, "data"]) !== undefined) {
      // What this type's data must be: the reader's own wording, asked with data no type accepts.
      const { size: _size, ...unsized } = record;
      const read = fromDumpRecord({ ...unsized, data: [] });
      const expected =
        !read.ok && read.error.code === "VALUES_RAW_BAD_DATA" ? read.error.params.expected : undefined;
      if (expected !== undefined)
        return void diagnostics.push(
          diag(
            "VALUES_RAW_BAD_DATA",
            { type: String(record.type), expected },
            { ...where, path: [...path, "data"] },
          ),
        );
    }
    const read = fromDumpRecord(record);
    if (!read.ok) {
      const { error } = read;
      const field = error.code === "VALUES_RAW_BAD_TYPE" ? "type" : "data";
      diagnostics.push({ ...error, ...where, path: [...path, field] });
      return;
    }
    const [issue] = checkPolEntries([read.entry]);
    if (issue)
      return void diagnostics.push(
        diag("VALUES_RAW_UNSTORABLE", { detail: messageRef(issue.code, issue.params) }, where),
      );
    entries.push({ entry: read.entry, path });
  });
  return { entries, diagnostics };
}

/** Entries as records of the `registry` section (the same fields as `dump --json`). */
export function toRegistryRecords(entries: readonly PolEntry[]): RegistryRecord[] {
  return entries.map((entry) => {
    const { key, valueName, type, size, data } = toDumpRecord(entry);
    return { key, valueName, type, size, data: typeof data === "object" ? [...data] : data };
  });
}

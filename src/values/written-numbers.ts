/**
 * The numbers of a values file as the file writes them, where the parsed double says otherwise
 * (`9007199254740993`, `18446744073709551615`, `1e999`; see src/io/json-text.ts). They stay with the
 * checked values file, so that the compiler judges and quotes the number the file holds, whoever
 * passes the file on (`pol`, `gpo`, `diff`, the editor's import).
 */
import { jsonPathKey, type WrittenNumbers } from "../io/json-text.js";

const WRITTEN = new WeakMap<object, WrittenNumbers>();

/** Keeps the numbers of the text `values` was read from. */
export function rememberWrittenNumbers(values: object, written: WrittenNumbers | undefined): void {
  if (written !== undefined && written.size > 0) WRITTEN.set(values, written);
}

/**
 * The text of the number at `path` of `values` (`["machine", "P", "options", "Level"]`) as its file
 * writes it, or undefined when the number is what the file says (or `values` was not read from text).
 */
export function writtenNumber(values: object, path: readonly (string | number)[]): string | undefined {
  return WRITTEN.get(values)?.get(jsonPathKey(path));
}

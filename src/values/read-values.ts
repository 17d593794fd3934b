import { readFile } from "node:fs/promises";
import { AdmxkitError, diag } from "../diagnostics/diagnostic.js";
import { parseValuesText } from "./parse-values.js";
import type { ValuesFile } from "./schema.js";

/**
 * Reads and shape-checks a values file; throws an {@link AdmxkitError} naming the file for anything
 * unreadable or malformed.
 */
export async function readValuesFile(file: string): Promise<ValuesFile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    throw new AdmxkitError([diag("VALUES_READ_FAILED", { file, reason }, { file })]);
  }
  const parsed = parseValuesText(text, file);
  if (!parsed.ok) throw new AdmxkitError(parsed.diagnostics);
  return parsed.values;
}

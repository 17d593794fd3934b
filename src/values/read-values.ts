import { AdmxkitError } from "../diagnostics/diagnostic.js";
import { readJsonFile } from "../io/read-json.js";
import { parseValues } from "./parse-values.js";
import type { ValuesFile } from "./schema.js";

/**
 * Reads and shape-checks a values file; throws an {@link AdmxkitError} naming the file for anything
 * unreadable or malformed: not a regular file, too large, not UTF-8, not strict JSON (see
 * src/io/read-json.ts), or not the shape of a values file.
 */
export async function readValuesFile(file: string): Promise<ValuesFile> {
  // Its own bound: a values file made from a large Registry.pol is larger than other JSON inputs.
  const read = await readJsonFile(file, "values");
  if (!read.ok) throw new AdmxkitError(read.diagnostics);
  const parsed = parseValues(read.value, file, read.written);
  if (!parsed.ok) throw new AdmxkitError(parsed.diagnostics);
  return parsed.values;
}

import { decodeJsonBytes } from "./json-bytes.js";
import { parseJsonText, type JsonParse } from "./json-text.js";
import { readInput } from "./read-input.js";

/**
 * Reads a JSON input file (a values file, a bundle): a regular file within the size bound of `format`
 * (read-input.ts; a values file has its own), UTF-8 (json-bytes.ts), strict JSON without duplicate keys (json-text.ts). Never
 * throws for what the file holds; every problem is a diagnostic naming the file.
 */
export async function readJsonFile(path: string, format: "json" | "values" = "json"): Promise<JsonParse> {
  const read = await readInput(path, format);
  if (!read.ok) return { ok: false, diagnostics: [read.diagnostic] };
  const decoded = decodeJsonBytes(read.bytes, path);
  if (!decoded.ok) return { ok: false, diagnostics: [decoded.diagnostic] };
  return parseJsonText(decoded.text, path);
}

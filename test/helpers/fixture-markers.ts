/**
 * Test helper: fixtures say what they must produce with comments on the offending line,
 * `<!-- expect: CODE[, CODE…] -->`. A fixture passes when its error and warning diagnostics are exactly
 * the marked ones, line for line (infos are compared only when marked).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { decodeXmlBytes } from "../../src/read/decode.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/lint/", import.meta.url));

/** Every file below a folder, recursively, sorted. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesBelow(path) : [path];
    });
}

/** `file:line CODE` for every marker of a file (its text decoded as the readers decode it). */
export function markersOf(path: string, base: string): string[] {
  const { text } = decodeXmlBytes(readFileSync(path), path);
  return text.split(/\r\n|\r|\n/).flatMap((line, i) => {
    const match = /<!-- expect: ([A-Z0-9_, ]+) -->/.exec(line);
    return match ? match[1]!.split(",").map((code) => `${relative(base, path)}:${i + 1} ${code.trim()}`) : [];
  });
}

/** The same shape for diagnostics: errors and warnings, and infos whose code some marker names. */
export function placesOf(
  diagnostics: readonly Diagnostic[],
  base: string,
  markers: readonly string[],
): string[] {
  const markedCodes = new Set(markers.map((m) => m.split(" ")[1]));
  return diagnostics
    .filter((d) => d.severity !== "info" || markedCodes.has(d.code))
    .map((d) => `${relative(base, d.file ?? "")}:${d.line ?? 0} ${d.code}`);
}

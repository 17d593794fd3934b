/**
 * Registry entries in each output format `pol` and `dump` write: one dispatch for both commands (and
 * for library users), each format refusing, with every entry named, what it cannot represent.
 */
import { AdmxkitError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { encodePol, type PolEntry, type PolHive } from "../pol/index.js";
import { formatJsonLines } from "./dump.js";
import { checkLgpoEntries, encodeLgpoText, formatLgpoText } from "./lgpo.js";
import * as ps1 from "./ps1/index.js";
import { checkRegEntries, encodeRegFile, formatRegText } from "./reg-file.js";

import type { EntryFormat } from "./format-list.js";

export { ENTRY_FORMATS, isUtf8TextFormat, type EntryFormat } from "./format-list.js";

/** Where the entries came from, for the diagnostics (the Registry.pol or values file). */
export interface EntriesPlace {
  readonly file?: string;
}

/** Every entry `format` cannot represent, as diagnostics; empty when all can be written. */
export function checkEntriesFor(
  format: EntryFormat,
  entries: Iterable<PolEntry>,
  hive: PolHive,
  place: EntriesPlace = {},
): Diagnostic[] {
  const where = place.file === undefined ? {} : { file: place.file };
  switch (format) {
    case "reg":
      return checkRegEntries([...entries]).map((d) => ({ ...d, ...where }));
    case "lgpo":
      return checkLgpoEntries(entries, hive).map((d) => ({ ...d, ...where }));
    case "ps1":
      return ps1.checkPowerShellEntries([{ hive, entries: [...entries] }]).map((d) => ({ ...d, ...where }));
    case "pol":
    case "json":
      // Entries come decoded or compiled: the codec's own checks ran when they were made.
      return [];
  }
}

/**
 * The entries as the text of a text format (JSON lines, LGPO text, .reg or PowerShell source), for a
 * terminal. Throws an {@link AdmxkitError} listing every entry the format cannot represent.
 */
export function formatEntries(
  format: Exclude<EntryFormat, "pol">,
  entries: readonly PolEntry[],
  hive: PolHive,
  place: EntriesPlace = {},
): string {
  const problems = checkEntriesFor(format, entries, hive, place);
  if (problems.length > 0) throw new AdmxkitError(problems);
  switch (format) {
    case "json":
      return formatJsonLines(entries);
    case "lgpo":
      return formatLgpoText(entries, hive);
    case "reg":
      return formatRegText(entries, hive);
    case "ps1":
      return ps1.formatPowerShellScript([{ hive, entries }]);
  }
}

/**
 * The bytes (or UTF-8 text) of an output file in `format`, encoded as its readers expect: Registry.pol
 * binary, .reg as UTF-16LE with BOM (regedit), LGPO text with a BOM when it needs one (LGPO.exe reads a
 * file without BOM as Latin-1), PowerShell with the encoding Windows PowerShell 5.1 reads. Throws an
 * {@link AdmxkitError} listing every entry the format cannot represent.
 */
export function encodeEntries(
  format: EntryFormat,
  entries: readonly PolEntry[],
  hive: PolHive,
  place: EntriesPlace = {},
): Uint8Array | string {
  if (format === "pol") return encodePol(entries);
  const text = formatEntries(format, entries, hive, place);
  switch (format) {
    case "json":
      return text;
    case "lgpo":
      return encodeLgpoText(text);
    case "reg":
      return encodeRegFile(entries, hive);
    case "ps1":
      return ps1.encodePowerShellScript(text);
  }
}

/**
 * What `admxkit dump` prints or saves, in one place: the chunks of a dump format for a terminal or a
 * pipe, and the chunks of the file `--out` writes (LGPO text is then encoded for LGPO.exe). Both are
 * made as they are consumed, so memory holds the entries and one chunk (see dump-stream.ts). Entries
 * are walked, never indexed: a `PolEntryStream` (src/pol/decode.ts) serves as well as an array.
 */
import { jsonLinesChunks } from "./dump-stream.js";
import { polTableChunks, type PolTableOptions } from "./dump.js";
import { lgpoFileChunks, lgpoTextChunks } from "./lgpo.js";
import type { PolEntry, PolHive } from "../pol/types.js";

/** The formats of a plain dump (without templates). */
export type PolDumpFormat = "json" | "table" | "lgpo";

/**
 * The dump of `entries` in `format` as text chunks. For `lgpo`, check the entries first with
 * `checkLgpoEntries`: an entry LGPO text cannot express throws when its turn comes. `table` says how
 * the table cuts long cells.
 */
export function dumpTextChunks(
  entries: Iterable<PolEntry>,
  format: PolDumpFormat,
  hive: PolHive,
  table: PolTableOptions = {},
): Iterable<string> {
  switch (format) {
    case "json":
      return jsonLinesChunks(entries);
    case "table":
      return polTableChunks(entries, table);
    case "lgpo":
      return lgpoTextChunks(entries, hive);
  }
}

/**
 * The content of a dump saved to a file, in chunks: the text as UTF-8, except LGPO text, which is saved
 * as LGPO.exe reads it (single bytes when ASCII, else UTF-16LE with a byte-order mark: LGPO reads a
 * file without BOM as Latin-1). A table saved to a file cuts no cell.
 */
export function dumpFileChunks(
  entries: Iterable<PolEntry>,
  format: PolDumpFormat,
  hive: PolHive,
): Iterable<string | Uint8Array> {
  return format === "lgpo"
    ? lgpoFileChunks(entries, hive)
    : dumpTextChunks(entries, format, hive, { maxCellWidth: Infinity });
}

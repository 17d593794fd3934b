/**
 * Registry entries in the forms people and other tools read and write: `.reg` text, LGPO.exe text (and
 * its reader), the JSON lines and table of `admxkit dump` (and the record form read back from them),
 * and PowerShell scripts; `entry-formats.ts` dispatches over them for `pol --format` and `dump`. The
 * Registry.pol binary itself is the codec's, in src/pol.
 */
export {
  checkEntriesFor,
  encodeEntries,
  ENTRY_FORMATS,
  formatEntries,
  isUtf8TextFormat,
} from "./entry-formats.js";
export type { EntriesPlace, EntryFormat } from "./entry-formats.js";
export { formatJsonLines, formatPolTable, polTableChunks, polTableLines, toDumpRecord } from "./dump.js";
export { jsonLinesChunks, lineChunks } from "./dump-stream.js";
export { dumpFileChunks, dumpTextChunks } from "./dump-output.js";
export type { PolDumpFormat } from "./dump-output.js";
export type { PolDumpRecord, PolTableOptions } from "./dump.js";
export { checkRegEntries, encodeRegFile, formatRegText, HIVE_ROOTS } from "./reg-file.js";
export { checkLgpoEntries, encodeLgpoText, formatLgpoText, lgpoFileChunks, lgpoTextChunks } from "./lgpo.js";
export { decodeLgpoBytes, LGPO_PARSE_ERROR_CODES, parseLgpoText } from "./lgpo-parse.js";
export type { LgpoParseResult } from "./lgpo-parse.js";
export { fromDumpRecord } from "./dump-record.js";
export type { DumpRecordInput, DumpRecordResult } from "./dump-record.js";
export {
  checkPowerShellEntries,
  commandForEntry,
  encodePowerShellScript,
  entriesToPowerShell,
  formatPowerShellScript,
} from "./ps1/index.js";

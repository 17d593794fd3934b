/**
 * `admxkit/pol`: Registry.pol files and the other forms of their entries. Bytes and entries only: no
 * templates, no model.
 */

// Entries and their values.
export {
  classifyEntry,
  decodeValue,
  delEntry,
  delvalsEntry,
  encodeValue,
  REG_TYPES,
  type BytesTypeName,
  type EncodedValue,
  type PolAction,
  type PolEntry,
  type PolHive,
  type PolValue,
  type RegTypeName,
} from "./pol/index.js";

// The Registry.pol codec: bytes to entries and back, checked against what Windows accepts.
export {
  checkPolEntries,
  decodePol,
  decodePolOrThrow,
  decodePolStream,
  encodePol,
  type PolDecodeOptions,
  type PolDecodeResult,
  type PolEntryStream,
  type PolStreamResult,
} from "./pol/index.js";
export { readPolFile } from "./io/read-gpo-input.js";

// Entries in the other formats of `admxkit pol --format` and `dump`: .reg, LGPO text, JSON lines,
// PowerShell; and LGPO text and JSON lines read back.
export {
  checkEntriesFor,
  encodeEntries,
  ENTRY_FORMATS,
  formatEntries,
  type EntriesPlace,
  type EntryFormat,
} from "./formats/index.js";
export {
  fromDumpRecord,
  parseLgpoText,
  toDumpRecord,
  type DumpRecordInput,
  type DumpRecordResult,
  type LgpoParseResult,
  type PolDumpRecord,
} from "./formats/index.js";

// What the codec finds wrong, as diagnostics with the place in the file or the entry's index (thrown
// inside an AdmxkitError by the functions that throw).
export type {
  PolDecodeDiagnostic,
  PolDecodeErrorCode,
  PolEncodeDiagnostic,
  PolEncodeErrorCode,
} from "./pol/index.js";

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
  describeLgpoParseError,
  fromDumpRecord,
  parseLgpoText,
  toDumpRecord,
  type DumpRecordInput,
  type DumpRecordProblem,
  type DumpRecordResult,
  type LgpoParseError,
  type LgpoParseResult,
  type PolDumpRecord,
} from "./pol/index.js";

// The codec's own errors, until it throws AdmxkitError with diagnostics like the rest of the library.
export {
  describePolDecodeError,
  describePolEncodeIssue,
  polDecodeMessage,
  polEncodeMessage,
  PolDecodeFailure,
  PolEncodeError,
  type PolDecodeError,
  type PolDecodeErrorCode,
  type PolEncodeErrorCode,
  type PolEncodeIssue,
} from "./pol/index.js";

/**
 * `admxkit/read`: ADMX/ADML templates read back, and validated the way the Group Policy editor reads
 * them (`admxkit validate`).
 */

// One file: the text or bytes of an ADMX or ADML, as a document with positions and diagnostics.
export { parseAdml, parseAdmx, type ReadOptions, type ReadResult } from "./read/read-file.js";
export type {
  AdmlDocument,
  AdmxDocument,
  Located,
  ReadCategory,
  ReadCondition,
  ReadControl,
  ReadDuplicate,
  ReadElement,
  ReadPolicy,
  ReadPresentation,
  ReadPresentationItem,
  ReadProduct,
  ReadString,
  ReadSupportedOn,
} from "./read/types.js";
export type { SourcePosition } from "./read/positions.js";

// Documents back into the model, and a whole store (PolicyDefinitions) read from disk.
export { decodeTemplates, type DecodedTemplates, type DecodeTemplatesOptions } from "./read/to-bundle.js";
export {
  readStore,
  type ReadStoreOptions,
  type StoreContents,
  type StorePolicy,
  type StoreTemplate,
} from "./read/read-store.js";

// Validation of a store, and its report for people and for programs.
export { validateTemplates, type ValidateOptions, type ValidationResult } from "./lint/validate-templates.js";
export { formatValidationJsonLines, formatValidationText } from "./lint/report.js";

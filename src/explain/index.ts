/** Which policy, and which part of it, writes a registry value: for `dump --admx` and the linter. */
export { createEntryExplainer, type EntryExplainer, type EntryWriter } from "./entry-explainer.js";
export {
  describeOrigins,
  describeWriter,
  explainEntries,
  explainedJsonLineChunks,
  explainedTableChunks,
  formatExplainedJsonLines,
  formatExplainedText,
  type ExplainedEntry,
} from "./format-explained.js";
export {
  registryWrites,
  type RegistryWrite,
  type WriteOrigin,
  type WriterElement,
  type WriterPolicy,
} from "../model/registry-writes.js";

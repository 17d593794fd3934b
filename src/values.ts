/**
 * `admxkit/values`: Group Policy as code. Values files (policy states by name), compiled into registry
 * entries, decoded back from them, compared, and each entry explained by the policy that writes it.
 */

// Values files: schema, parsing, reading; the check of a registry name a program reads itself.
export {
  checkRegistryName,
  parseValues,
  parseValuesText,
  ValuesFileSchema,
  valuesJsonSchema,
  type JsonSchema,
  type RegistryRecord,
  type ValuesFile,
  type ValuesParse,
} from "./values/index.js";
export type { WrittenNumbers } from "./io/json-text.js";
export { readValuesFile } from "./values/read-values.js";

// Values to registry entries (`admxkit pol`).
export {
  compileValues,
  createPolicyIndex,
  type CompileResult,
  type CompileValuesOptions,
  type OptionValue,
  type PolicyIndex,
  type PolicyLookup,
  type PolicySource,
  type PolicyState,
} from "./compile/index.js";

// Registry entries back to values (`admxkit values --from`).
export {
  createValuesDecoder,
  decodeValues,
  type DecodedPolicy,
  type DecodedValues,
  type DecodeValuesOptions,
  type RegistryPolSides,
  type ValuesDecoder,
} from "./decompile/index.js";

// Two values files compared in policies (`admxkit diff`).
export {
  diffValues,
  formatDiffJsonLines,
  formatDiffText,
  type ConfiguredState,
  type DiffValuesOptions,
  type DisplayNames,
  type ValuesChange,
  type ValuesDiff,
} from "./diff/index.js";

// Which policy writes each registry entry (`admxkit dump --admx`).
export {
  createEntryExplainer,
  explainEntries,
  formatExplainedJsonLines,
  formatExplainedText,
  type EntryExplainer,
  type EntryWriter,
  type ExplainedEntry,
  type WriteOrigin,
} from "./explain/index.js";

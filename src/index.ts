/**
 * admxkit's public API. Everything a consumer may rely on is exported here by name; modules not
 * re-exported are internal.
 */

// The model: schemas (the single source of truth), types and the typed API.
export { BundleSchema, CatalogSchema, NamespaceBindingSchema } from "./model/bundle.js";
export { CategorySchema, PolicySchema, SupportedOnDefinitionSchema } from "./model/policy.js";
export { CONTROLS_BY_KIND, ElementSchema, TEXT_FORMATS } from "./model/elements.js";
export { RegistryValueSchema, ValueListSchema, value } from "./model/values.js";
export { checkBundle, type BundleCheck, type CheckOptions } from "./model/check-bundle.js";
export { defineBundle } from "./model/define.js";
export { bundleJsonSchema } from "./model/json-schema.js";
export type {
  BooleanElement,
  Bundle,
  BundleInput,
  Category,
  Control,
  DecimalElement,
  Element,
  ElementKind,
  ElementOf,
  EnumElement,
  EnumItem,
  ListElement,
  LongDecimalElement,
  MultiTextElement,
  NamespaceBinding,
  Policy,
  RegistryValue,
  SupportedOnDefinition,
  TextElement,
  ValueItem,
  ValueList,
} from "./model/types.js";

// Writers and the build.
export { writeAdmx } from "./templates/write-admx.js";
export { POLICY_DEFINITIONS_NS } from "./xml/policy-definitions.js";
export { writeAdml } from "./templates/write-adml.js";
export {
  generateTemplates,
  type GenerateOptions,
  type OutputFile,
  type TemplateSet,
} from "./templates/generate.js";
export { removePendingOutputsSync, writeFileAtomic, writeFilesAtomic } from "./io/write-files.js";

// Built-in bundles.
export { defenderProxyBundle } from "./bundles/defender-proxy.js";
export { BUILTIN_BUNDLES, DEFAULT_BUNDLE } from "./bundles/index.js";

// Diagnostics.
export {
  AdmxkitError,
  formatDiagnostic,
  hasErrors,
  type Diagnostic,
  type Severity,
} from "./diagnostics/diagnostic.js";
export { DIAGNOSTIC_CODES, type DiagnosticCode } from "./i18n/codes.js";
export {
  formatMessage,
  TOOL_LOCALES,
  type CountRef,
  type LocaleTag,
  type MessageParam,
  type MessageRef,
} from "./i18n/messages.js";

// Registry.pol: codec, typed values, special names, text formats.
export {
  checkPolEntries,
  classifyEntry,
  decodePol,
  decodePolOrThrow,
  decodePolStream,
  decodeValue,
  delEntry,
  delvalsEntry,
  encodePol,
  encodeValue,
  REG_TYPES,
  type PolAction,
  type PolDecodeDiagnostic,
  type PolDecodeOptions,
  type PolDecodeResult,
  type PolEntryStream,
  type PolStreamResult,
  type PolEntry,
  type PolHive,
  type PolValue,
} from "./pol/index.js";
export {
  checkRegEntries,
  encodeLgpoText,
  encodeRegFile,
  formatJsonLines,
  fromDumpRecord,
  formatLgpoText,
  formatPolTable,
  formatRegText,
  parseLgpoText,
  toDumpRecord,
  type DumpRecordInput,
  type PolDumpRecord,
} from "./formats/index.js";

// The compiler and values files.
export {
  compilePolicy,
  compileValues,
  createPolicyIndex,
  nothingConfiguredWarning,
  type CompileResult,
  type OptionValue,
  type PolicyIndex,
  type PolicyState,
} from "./compile/index.js";
export {
  checkRegistryName,
  checkTextFormat,
  parseValues,
  parseValuesText,
  toRegistryRecords,
  valuesJsonSchema,
  ValuesFileSchema,
  type RegistryRecord,
  type ValuesFile,
} from "./values/index.js";
export { readValuesFile } from "./values/read-values.js";
export { INPUT_SIZE_LIMITS, readInput, type InputFormat, type InputRead } from "./io/read-input.js";

// Delivery: GPO backups and GroupPolicy-module scripts.
export {
  backupFromValues,
  buildGpoBackup,
  deterministicIdentity,
  freshIdentity,
  type GpoBackup,
  type GpoBackupInput,
} from "./gpo/index.js";
export { encodePowerShellScript, entriesToPowerShell, formatPowerShellScript } from "./formats/ps1/index.js";

// Readers and validation.
export { readAdml, readAdmx, type ReadResult } from "./read/read-file.js";
export { toBundle, type BundleFromTemplates, type ToBundleOptions } from "./read/to-bundle.js";
export {
  readStore,
  type ReadStoreOptions,
  type StoreContents,
  type StorePolicy,
  type StoreTemplate,
} from "./read/read-store.js";
export { storeDiagnostics } from "./read/store-diagnostics.js";
export type { AdmlDocument, AdmxDocument, ReadPolicy } from "./read/types.js";
export { validateTemplates, type ValidateOptions, type ValidationResult } from "./lint/validate-templates.js";
export { humanReport, jsonLines } from "./lint/report.js";

// Preview.
export {
  generatePreviewSite,
  generatePreviewSites,
  loadPreviewModel,
  PREVIEW_CSS,
  renderPolicyPreview,
  type PolicyPreviewOptions,
  type PreviewSiteOptions,
} from "./preview/index.js";

// Which policy writes a Registry.pol entry.
export {
  createEntryExplainer,
  explainEntries,
  formatExplainedJsonLines,
  formatExplainedTable,
  registryWrites,
  type EntryExplainer,
  type ExplainedEntry,
  type RegistryWrite,
} from "./explain/index.js";

// Group Policy as code: Registry.pol and GPO backups back to values files, and diffs in policies.
export {
  createValuesDecoder,
  valuesFromEntries,
  type DecodedPolicy,
  type DecodeValuesOptions,
  type RegistryPolSides,
  type ValuesDecoder,
  type ValuesFromEntries,
} from "./decompile/index.js";
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
export { readGpoInput, readPolFile, type GpoInput, type ReadGpoInputOptions } from "./io/read-gpo-input.js";
export { checkEntriesFor, encodeEntries, ENTRY_FORMATS, formatEntries } from "./formats/entry-formats.js";
export type { EntriesPlace, EntryFormat } from "./formats/entry-formats.js";

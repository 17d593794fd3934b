/**
 * `admxkit`: define a bundle of policies, check it and generate its ADMX/ADML templates; the
 * diagnostics every entry point reports with. The other entry points are subpaths of the package
 * (`admxkit/pol`, `/read`, `/values`, `/gpo`, `/preview`: see the design notes, "Public API"); a
 * module no entry re-exports is internal.
 */

// The model: schemas (the single source of truth), their types, and the typed way to write a bundle.
export { BundleSchema, CatalogSchema, NamespaceBindingSchema } from "./model/bundle.js";
export { CategorySchema, PolicySchema, SupportedOnDefinitionSchema } from "./model/policy.js";
export { ElementSchema } from "./model/elements.js";
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
  IntuneRoute,
  ListElement,
  LongDecimalElement,
  MultiTextElement,
  NamespaceBinding,
  Policy,
  PolicyClassName,
  RegistryValue,
  SupportedOnDefinition,
  TextElement,
  ValueItem,
  ValueList,
} from "./model/types.js";

// Templates of a bundle, and writing output files without leaving half-written ones (a host that handles
// its own signals removes the temporary files of a write in progress with removePendingOutputsSync).
export {
  generateTemplates,
  type GenerateOptions,
  type OutputFile,
  type TemplateSet,
} from "./templates/generate.js";
export {
  removePendingOutputsSync,
  writeFileAtomic,
  writeFilesAtomic,
  type StreamedOutputFile,
} from "./io/write-files.js";

// Built-in bundles.
export { defenderProxyBundle } from "./bundles/defender-proxy.js";
export { BUILTIN_BUNDLES, DEFAULT_BUNDLE } from "./bundles/index.js";

// Diagnostics: findings as data, the error that carries them, their wording in each tool locale.
export {
  AdmxkitError,
  formatDiagnostic,
  hasErrors,
  type Diagnostic,
  type Severity,
} from "./diagnostics/diagnostic.js";
export { DIAGNOSTIC_CODES, type DiagnosticCode } from "./i18n/codes.js";
export {
  TOOL_LOCALES,
  type CountedCode,
  type CountRef,
  type LocaleTag,
  type MessageParam,
  type MessageRef,
} from "./i18n/messages.js";

// Loading what a command works on, as the CLI does: a bundle (built-in, a module or JSON), the policies
// of a bundle or a PolicyDefinitions folder with their display names and findings, and a values file,
// Registry.pol or GPO backup read as a values file.
export { loadBundle, type LoadedBundle } from "./load/load-bundle.js";
export {
  loadPolicies,
  type LoadedPolicies,
  type LoadPoliciesOptions,
  type PolicyOrigin,
} from "./load/load-policies.js";
export { loadValues, type LoadedValues, type LoadValuesOptions } from "./load/load-values.js";
export type { DisplayNameLookup } from "./load/display-names.js";

/** Values files: their schema, reading them, the per-bundle JSON Schema and the text format checks. */
export {
  KeySpellingSchema,
  OptionValueSchema,
  POLICY_STATES,
  PolicySectionSchema,
  PolicyStateInputSchema,
  RegistryRecordSchema,
  RegistrySectionSchema,
  VALUES_SECTIONS,
  ValuesFileSchema,
  type PolicyStateInput,
  type RegistryRecord,
  type ValuesFile,
} from "./schema.js";
export { registrySectionEntries, toRegistryRecords, type RegistrySectionEntry } from "./registry-section.js";
export { parseValues, parseValuesText, type ValuesParse } from "./parse-values.js";
export {
  checkTextFormat,
  FORMAT_EXAMPLES,
  FORMAT_VALIDATORS,
  type FormatIssue,
  type FormatValidator,
  type TextFormat,
} from "./formats.js";
export { editDistance, nearestName } from "./suggest.js";
export { checkRegistryName } from "../pol/registry-names.js";
export { valuesJsonSchema } from "./json-schema.js";
export { optionJsonSchema, type JsonSchema } from "./option-schemas.js";

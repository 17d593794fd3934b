/** Registry.pol entries → policy states: the inverse of the compiler, for `admxkit values --from` and `diff`. */
export {
  createValuesDecoder,
  decodeValues,
  type DecodedPolicy,
  type DecodeValuesOptions,
  type RegistryPolSides,
  type ValuesDecoder,
  type DecodedValues,
} from "./values-decoder.js";
export {
  matchPolicy,
  readOptions,
  type PolicyMatch,
  type StateMatch,
  type StateMismatch,
} from "./policy-match.js";
export { EntryTable } from "./entry-table.js";

/** The policy compiler: policy states → the Registry.pol entries the Group Policy editor writes. */
export { compilePolicy, writePolicyState } from "./compile-policy.js";
export {
  compileValues,
  nothingConfiguredWarning,
  toState,
  type CompileValuesOptions,
} from "./compile-values.js";
export { ELEMENT_HANDLERS, type ElementContext, type ElementHandler } from "./elements/index.js";
export { createPolicyIndex, type PolicyIndex, type PolicyLookup, type PolicySource } from "./policy-index.js";
export { EntryCollector, type EntrySource } from "./registry-order.js";
export { registryUpcase } from "../pol/index.js";
export type { CompileContext, CompileResult, OptionValue, PolicyClassName, PolicyState } from "./types.js";

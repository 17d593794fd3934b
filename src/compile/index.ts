/** The policy compiler: policy states → the Registry.pol entries the Group Policy editor writes. */
export { compilePolicy, writePolicyState } from "./compile-policy.js";
export { compileValues, nothingConfiguredWarning, type CompileValuesOptions } from "./compile-values.js";
export { ELEMENT_HANDLERS, type ElementContext, type ElementHandler } from "./elements/index.js";
export { createPolicyIndex, type PolicyIndex, type PolicyLookup, type PolicySource } from "./policy-index.js";
export { EntryCollector, registryUpcase, type EntrySource } from "./registry-order.js";
export type { CompileContext, CompileResult, OptionValue, PolicyClassName, PolicyState } from "./types.js";

/** `admxkit diff`: two values files (or decoded GPOs) compared in policies. */
export {
  diffValues,
  type ConfiguredState,
  type DiffValuesOptions,
  type ValuesChange,
  type ValuesDiff,
} from "./diff-values.js";
export { formatDiffJsonLines, formatDiffText, type DisplayNames } from "./format-diff.js";

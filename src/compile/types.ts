import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { PolEntry } from "../pol/index.js";

/**
 * What a values file (or an API caller) gives for one element of an enabled policy: a string (text,
 * enum item id), a number (decimal, longDecimal, enum index), a string of digits (longDecimal beyond
 * 2^53), a boolean (check box), a list of strings (list, multiText) or name → value pairs (a list with
 * explicitValue).
 */
export type OptionValue = string | number | boolean | readonly string[] | Readonly<Record<string, string>>;

/** The three states the Group Policy editor offers for a policy. */
export type PolicyState =
  | { readonly state: "enabled"; readonly options?: Readonly<Record<string, OptionValue>> }
  | { readonly state: "disabled" }
  | { readonly state: "notConfigured" };

export type { PolicyClassName } from "../model/types.js";

/** Entries in the order the Group Policy editor writes them, and every problem found on the way. */
export interface CompileResult {
  readonly entries: PolEntry[];
  readonly diagnostics: Diagnostic[];
}

/** Where a policy sits, for messages: its path in the values file. */
export interface CompileContext {
  /** Model path prefix of the policy's state, e.g. `["machine", "ProxyServer"]`. */
  readonly path?: readonly (string | number)[];
  /** The values file, added to every diagnostic. */
  readonly file?: string;
  /**
   * The number at a full path of the values file as the file writes it, where its double says
   * otherwise (src/values/written-numbers.ts); options are judged and quoted by that text.
   */
  readonly writtenNumber?: (path: readonly (string | number)[]) => string | undefined;
}

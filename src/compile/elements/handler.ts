import type { DiagnosticCode, Severity } from "../../diagnostics/diagnostic.js";
import type { ElementKind, ElementOf, Policy } from "../../model/types.js";
import type { PolEntry } from "../../pol/index.js";
import type { OptionValue } from "../types.js";

/** What a handler needs while compiling one element of one policy. */
export interface ElementContext {
  readonly policy: Policy;
  /** The key the element writes to: its own `key`, else the policy's. */
  readonly key: string;
  /**
   * The option's number as the values file writes it, when its double says otherwise
   * (`9007199254740993`, `1e999`): numbers are judged by this text, and messages quote it.
   */
  readonly written?: string;
  /** Adds an entry, in the order the Group Policy editor writes it. */
  emit(entry: PolEntry): void;
  /**
   * Reports a problem with this element's option value. `policy`, `option` and (unless given) `value`
   * are added to the params, and the option's path in the values file to the place.
   */
  problem(code: DiagnosticCode, params?: Record<string, string | number>, severity?: Severity): void;
}

/**
 * How one ADMX element kind turns a policy state into entries. `enabled` checks the option value
 * against the element's ADMX constraints and writes it (`undefined` when the values file gives none);
 * `disabled` writes what the editor writes for the element when the policy is Disabled.
 */
export interface ElementHandler<K extends ElementKind> {
  enabled(element: ElementOf<K>, value: OptionValue | undefined, context: ElementContext): void;
  disabled(element: ElementOf<K>, context: ElementContext): void;
}

export { quoteValue } from "../../values/quote.js";

/** True for a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

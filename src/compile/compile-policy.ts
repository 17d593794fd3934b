/**
 * One policy state → the entries the Group Policy editor writes for it (MS-GPREG §3.3; FIELD-NOTES
 * "How the editor writes states"). The editor's own sequence is: the policy's value, its
 * enabledList/disabledList, then each element in document order; {@link EntryCollector} then puts them
 * in the order the saved file has.
 */
import {
  AdmxkitError,
  diag,
  type Diagnostic,
  type DiagnosticCode,
  type Severity,
} from "../diagnostics/diagnostic.js";
import { messageRef } from "../i18n/messages.js";
import { own } from "../model/own.js";
import type { Element, Policy } from "../model/types.js";
import { delEntry, dwordEntry, type PolEntry } from "../pol/index.js";
import { listNames, nearestName } from "../values/suggest.js";
import { compileDisabledElement, compileEnabledElement, type ElementContext } from "./elements/index.js";
import { quoteValue } from "./elements/handler.js";
import { registryValueEntry, valueListEntries } from "./registry-values.js";
import { EntryCollector } from "./registry-order.js";
import type { CompileContext, CompileResult, OptionValue, PolicyState } from "./types.js";

type Path = (string | number)[];

function placeOf(context: CompileContext, rest: Path): Pick<Diagnostic, "path" | "file"> {
  return { path: [...(context.path ?? []), ...rest], ...(context.file ? { file: context.file } : {}) };
}

/** Option ids that name no element of the policy, with the nearest element id suggested. */
function checkOptionIds(
  policy: Policy,
  options: Readonly<Record<string, OptionValue>>,
  context: CompileContext,
): Diagnostic[] {
  const ids = (policy.elements ?? []).map((element) => element.id);
  return Object.keys(options)
    .filter((option) => !ids.includes(option))
    .map((option) => {
      const where = placeOf(context, ["options", option]);
      if (ids.length === 0) return diag("OPTION_UNKNOWN_NONE", { policy: policy.name, option }, where);
      const suggestion = nearestName(option, ids);
      return suggestion
        ? diag("OPTION_UNKNOWN", { policy: policy.name, option, suggestion }, where)
        : diag("OPTION_UNKNOWN_LIST", { policy: policy.name, option, valid: listNames(ids) }, where);
    });
}

function elementContext(
  policy: Policy,
  element: Element,
  raw: OptionValue | undefined,
  context: CompileContext,
  emit: (entry: PolEntry) => void,
  diagnostics: Diagnostic[],
): ElementContext {
  const where = placeOf(context, ["options", element.id]);
  const written = raw === undefined ? undefined : context.writtenNumber?.(where.path ?? []);
  return {
    policy,
    key: element.key ?? policy.key,
    ...(written === undefined ? {} : { written }),
    emit,
    problem(
      code: DiagnosticCode,
      params: Record<string, string | number> = {},
      severity: Severity = "error",
    ) {
      const value = raw === undefined ? "(missing)" : (written ?? quoteValue(raw));
      diagnostics.push(
        diag(code, { policy: policy.name, option: element.id, value, ...params }, where, severity),
      );
    },
  };
}

/** Runs `write`, turning a value Registry.pol cannot store into a diagnostic instead of an exception. */
function guarded(
  policy: Policy,
  write: () => void,
  where: Pick<Diagnostic, "path" | "file">,
  diagnostics: Diagnostic[],
): void {
  try {
    write();
  } catch (error) {
    // Only the codec throws one here: a value Registry.pol cannot store (its findings name no entry).
    if (!(error instanceof AdmxkitError)) throw error;
    for (const { code, params } of error.diagnostics)
      diagnostics.push(
        diag("COMPILE_VALUE_UNSTORABLE", { policy: policy.name, detail: messageRef(code, params) }, where),
      );
  }
}

/**
 * Writes the entries of one policy state through `emit`, in the editor's sequence, and reports problems
 * with option values into `diagnostics`. Entries of an element whose value is invalid are left out.
 */
export function writePolicyState(
  policy: Policy,
  state: PolicyState,
  context: CompileContext,
  emit: (entry: PolEntry) => void,
  diagnostics: Diagnostic[],
): void {
  const { key, valueName } = policy;
  const elements = policy.elements ?? [];
  switch (state.state) {
    case "notConfigured":
      // Not Configured: the editor removes the policy's entries and writes nothing.
      return;
    case "enabled": {
      const options = state.options ?? {};
      diagnostics.push(...checkOptionIds(policy, options, context));
      // No enabledValue: the editor writes REG_DWORD 1 to the policy's valueName.
      if (valueName)
        emit(
          policy.enabledValue
            ? registryValueEntry(key, valueName, policy.enabledValue)
            : dwordEntry(key, valueName, 1),
        );
      for (const entry of valueListEntries(policy.enabledList, key)) emit(entry);
      for (const element of elements) {
        const raw = own(options, element.id);
        const ctx = elementContext(policy, element, raw, context, emit, diagnostics);
        guarded(
          policy,
          () => compileEnabledElement(element, raw, ctx),
          placeOf(context, ["options", element.id]),
          diagnostics,
        );
      }
      return;
    }
    case "disabled": {
      // No disabledValue: the editor deletes the policy's value with `**del.`.
      if (valueName)
        emit(
          policy.disabledValue
            ? registryValueEntry(key, valueName, policy.disabledValue)
            : delEntry(key, valueName),
        );
      for (const entry of valueListEntries(policy.disabledList, key)) emit(entry);
      for (const element of elements) {
        const ctx = elementContext(policy, element, undefined, context, emit, diagnostics);
        guarded(policy, () => compileDisabledElement(element, ctx), placeOf(context, []), diagnostics);
      }
      return;
    }
  }
}

/**
 * The entries the Group Policy editor writes for one policy in one state, in the order of the saved
 * Registry.pol, and every problem with the option values (errors and warnings). Entries are only
 * trustworthy when `diagnostics` holds no error.
 */
export function compilePolicy(
  policy: Policy,
  state: PolicyState,
  context: CompileContext = {},
): CompileResult {
  const collector = new EntryCollector();
  const diagnostics: Diagnostic[] = [];
  const source = {
    policy: policy.name,
    ...(context.path ? { path: context.path } : {}),
    ...(context.file ? { file: context.file } : {}),
  };
  writePolicyState(policy, state, context, (entry) => collector.add(entry, source), diagnostics);
  return { entries: collector.entries(), diagnostics: [...diagnostics, ...collector.diagnostics] };
}

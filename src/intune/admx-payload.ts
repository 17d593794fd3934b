/**
 * The payload of an ADMX-backed Policy CSP setting (in-box or ingested): what an MDM server sends, as
 * SyncML `chr` data, to set one ADMX policy. Facts from Microsoft's "Understanding ADMX-backed policies"
 * (learn.microsoft.com/windows/client-management/understanding-admx-backed-policies):
 * - Enabled is `<enabled/>` followed by one `<data id="…" value="…"/>` per element of the policy, in
 *   the ADMX's element order: every field the editor's Options pane shows must be supplied.
 * - Disabled is `<disabled/>`; Not Configured has no payload (the server sends a SyncML Delete).
 * - text: the string; decimal: the number; boolean: `true`/`false`; enum: the chosen item's value;
 *   multiText: the strings joined by U+F000; list: name and data of every value, all joined by U+F000
 *   (the Policy CSP ignores valuePrefix, explicitValue and additive: the server gives the names).
 *
 * The option values are first judged by the compiler, so a payload says exactly what the Registry.pol
 * of the same values file says, and a value the compiler refuses is refused here with the same message.
 */
import { compilePolicy, type CompileContext, type OptionValue, type PolicyState } from "../compile/index.js";
import type { ElementContext } from "../compile/elements/handler.js";
import { enumItemMatches } from "../compile/elements/enum.js";
import { listPairs } from "../compile/elements/list.js";
import { numberOption } from "../compile/elements/numbers.js";
import { AdmxkitError, diag, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { own } from "../model/own.js";
import type { Element, ElementKind, ElementOf, Policy } from "../model/types.js";
import { describeChar } from "../pol/registry-names.js";
import { escapeAttribute } from "../xml/write-xml.js";
import { NOT_XML_CHAR } from "../xml/xml-chars.js";

/** The character that separates the strings of a multiText or list in a payload. */
const PAYLOAD_SEPARATOR = "\uf000";

/** An element's value: one string, or the strings to join with {@link PAYLOAD_SEPARATOR}. */
type PayloadValue = string | readonly string[];

/**
 * The payload value of one element of an Enabled policy, after the compiler accepted the option: the
 * option, or what the editor fills in when the values file leaves it out. Undefined when there is
 * neither (an optional number box or drop-down list without a default).
 */
type PayloadHandler<K extends ElementKind> = (
  element: ElementOf<K>,
  value: OptionValue | undefined,
  context: ElementContext,
) => PayloadValue | undefined;

const PAYLOAD_HANDLERS = {
  boolean: (element, value) => String(value ?? element.control.defaultChecked ?? false),
  decimal: (element, value, context) => numberOption(element, value, context, 0xffff_ffffn)?.toString(),
  longDecimal: (element, value, context) =>
    numberOption(element, value, context, 0xffff_ffff_ffff_ffffn)?.toString(),
  text: (element, value) => (value as string | undefined) ?? element.control.defaultValue ?? "",
  // An empty box is a valid state (the editor writes nothing); the payload still names the element.
  multiText: (_element, value) => (value as readonly string[] | undefined) ?? [],
  enum: (element, value, context) => {
    const index =
      value === undefined ? element.control.defaultItem : enumItemMatches(element, value, context.written)[0];
    const item = index === undefined ? undefined : element.items[index];
    if (!item) return undefined;
    // An item that deletes the value has no value to send: it is sent empty.
    return item.value.type === "delete" ? "" : String(item.value.value);
  },
  list: (element, value, context) => (listPairs(element, value, context) ?? []).flat(),
} satisfies { [K in ElementKind]: PayloadHandler<K> };

const payloadOf = (element: Element) => PAYLOAD_HANDLERS[element.kind] as PayloadHandler<ElementKind>;

/** An element context for handlers of options the compiler has already accepted: nothing is emitted. */
function acceptedContext(policy: Policy, element: Element, written: string | undefined): ElementContext {
  return {
    policy,
    key: element.key ?? policy.key,
    ...(written === undefined ? {} : { written }),
    emit: () => undefined,
    problem: () => undefined,
  };
}

/** `value` as an attribute value; U+F000 as a character reference, as Microsoft's examples write it. */
function attribute(value: string): string {
  return escapeAttribute(value).replaceAll(PAYLOAD_SEPARATOR, "&#xF000;");
}

/** The first problem that keeps an element's value out of a payload, or undefined. */
function payloadProblem(
  policy: Policy,
  element: Element,
  value: PayloadValue,
  where: Pick<Diagnostic, "path" | "file">,
): Diagnostic | undefined {
  const parts = typeof value === "string" ? [value] : value;
  for (const part of parts) {
    const bad = NOT_XML_CHAR.exec(part);
    if (bad) {
      const params = { policy: policy.name, option: element.id, char: describeChar(bad[0]) };
      return diag("MDM_PAYLOAD_NOT_XML", { ...params, position: bad.index + 1 }, where);
    }
    // A separator inside a string of a multiText or list would split it in two on the device.
    if (typeof value !== "string" && part.includes(PAYLOAD_SEPARATOR))
      return diag("MDM_PAYLOAD_SEPARATOR", { policy: policy.name, option: element.id }, where);
  }
  return undefined;
}

/**
 * The ADMX-backed CSP payload of one policy state: `<enabled/><data id="…" value="…"/>…`,
 * `<disabled/>`, or `""` for Not Configured (which is sent as a SyncML Delete, without payload).
 * Throws an {@link AdmxkitError} when an option is invalid (the compiler's diagnostics), when an
 * element has neither an option nor a default, or when a value cannot travel in the payload.
 * `context` places the diagnostics in the values file, as for {@link compilePolicy}.
 */
export function admxPayload(policy: Policy, state: PolicyState, context: CompileContext = {}): string {
  if (state.state === "notConfigured") return "";
  if (state.state === "disabled") return "<disabled/>";
  const compiled = compilePolicy(policy, state, context);
  if (hasErrors(compiled.diagnostics)) throw new AdmxkitError(compiled.diagnostics);
  const options = state.options ?? {};
  const problems: Diagnostic[] = [];
  let payload = "<enabled/>";
  for (const element of policy.elements ?? []) {
    const path = [...(context.path ?? []), "options", element.id];
    const where = { path, ...(context.file ? { file: context.file } : {}) };
    const raw = own(options, element.id);
    const written = raw === undefined ? undefined : context.writtenNumber?.(path);
    const value = payloadOf(element)(element, raw, acceptedContext(policy, element, written));
    if (value === undefined) {
      problems.push(diag("MDM_PAYLOAD_NO_VALUE", { policy: policy.name, option: element.id }, where));
      continue;
    }
    const problem = payloadProblem(policy, element, value, where);
    if (problem) problems.push(problem);
    const text = typeof value === "string" ? value : value.join(PAYLOAD_SEPARATOR);
    payload += `<data id="${attribute(element.id)}" value="${attribute(text)}"/>`;
  }
  if (problems.length > 0) throw new AdmxkitError(problems);
  return payload;
}

/**
 * Every registry value a policy can write, and which part of the policy writes it. The Group Policy
 * editor writes a policy's own value (enabledValue / disabledValue under `valueName`), its enabled and
 * disabled value lists, one value per element, the true/false lists of a check box and the value list
 * of the chosen dropdown item. A list element is different: it owns its whole key, because the editor
 * clears the key (`**delvals.`) and writes generated or user-chosen value names into it.
 *
 * This is the one home of that knowledge, in the model below its readers: the linter's duplicate-value
 * rule (src/lint/rules), `admxkit dump --admx` (which policy wrote this entry?) and the decoder of
 * Registry.pol files back to values all read it.
 */
import type { Element, ElementKind, ValueList } from "./types.js";

/** Omit over each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An element as far as registry writes go: a model element, or one read from an ADMX (no control). */
export type WriterElement = DistributiveOmit<Element, "control">;

/**
 * The parts of a policy that decide what it writes. Both the model's `Policy` and the readers'
 * `ReadPolicy` fit, so templates read from a store need no conversion.
 */
export interface WriterPolicy {
  readonly key: string;
  readonly valueName?: string;
  readonly enabledList?: ValueList;
  readonly disabledList?: ValueList;
  readonly elements?: readonly WriterElement[];
}

/** Which part of a policy writes a value. */
export type WriteOrigin =
  | { readonly kind: "policyValue" }
  | { readonly kind: "enabledList" }
  | { readonly kind: "disabledList" }
  | { readonly kind: "element"; readonly element: string }
  | { readonly kind: "trueList"; readonly element: string }
  | { readonly kind: "falseList"; readonly element: string }
  | { readonly kind: "itemValueList"; readonly element: string; readonly item: string }
  | { readonly kind: "list"; readonly element: string };

/**
 * One registry write: a single value (`scope: "value"`), or a whole key a list element owns
 * (`scope: "key"`). Keys are spelled as the template spells them; compare them case-insensitively.
 */
export type RegistryWrite =
  | {
      readonly scope: "value";
      readonly key: string;
      readonly valueName: string;
      readonly origin: WriteOrigin;
    }
  | {
      readonly scope: "key";
      readonly key: string;
      readonly origin: { readonly kind: "list"; readonly element: string };
    };

/** The writes of a value list; an item's key falls back to the list's default key, then to `key`. */
function listWrites(list: ValueList | undefined, key: string, origin: WriteOrigin): RegistryWrite[] {
  return (list?.items ?? []).map((item) => ({
    scope: "value",
    key: item.key ?? list?.defaultKey ?? key,
    valueName: item.valueName,
    origin,
  }));
}

type ElementWrites<K extends ElementKind> = (
  element: Extract<WriterElement, { kind: K }>,
  key: string,
) => RegistryWrite[];

const valueOf = (e: { id: string; valueName: string }, key: string): RegistryWrite => ({
  scope: "value",
  key,
  valueName: e.valueName,
  origin: { kind: "element", element: e.id },
});

/** What each element kind writes; `key` is the element's own key or, without one, the policy's. */
const ELEMENT_WRITES: { readonly [K in ElementKind]: ElementWrites<K> } = {
  boolean: (e, key) => [
    valueOf(e, key),
    ...listWrites(e.trueList, key, { kind: "trueList", element: e.id }),
    ...listWrites(e.falseList, key, { kind: "falseList", element: e.id }),
  ],
  decimal: (e, key) => [valueOf(e, key)],
  longDecimal: (e, key) => [valueOf(e, key)],
  text: (e, key) => [valueOf(e, key)],
  multiText: (e, key) => [valueOf(e, key)],
  enum: (e, key) => [
    valueOf(e, key),
    ...e.items.flatMap((item) =>
      listWrites(item.valueList, key, { kind: "itemValueList", element: e.id, item: item.displayName }),
    ),
  ],
  list: (e, key) => [{ scope: "key", key, origin: { kind: "list", element: e.id } }],
};

function elementWrites<K extends ElementKind>(
  element: Extract<WriterElement, { kind: K }>,
  policyKey: string,
) {
  return (ELEMENT_WRITES[element.kind] as ElementWrites<K>)(element, element.key ?? policyKey);
}

/**
 * The registry writes of a policy, in the order the editor writes them: the policy's value, the
 * enabled and disabled lists, then each element (its value, then its lists).
 */
export function registryWrites(policy: WriterPolicy): RegistryWrite[] {
  const writes: RegistryWrite[] = [];
  if (policy.valueName !== undefined) {
    writes.push({
      scope: "value",
      key: policy.key,
      valueName: policy.valueName,
      origin: { kind: "policyValue" },
    });
  }
  writes.push(...listWrites(policy.enabledList, policy.key, { kind: "enabledList" }));
  writes.push(...listWrites(policy.disabledList, policy.key, { kind: "disabledList" }));
  for (const element of policy.elements ?? []) writes.push(...elementWrites(element, policy.key));
  return writes;
}

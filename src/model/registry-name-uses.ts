/**
 * The registry names a policy writes, walked in document order, and the check of them all: the bundle check runs it on the
 * model; the ADMX reader runs it on the policies of a file, whose shape is the model's without the
 * controls. The characters refused, and the check of one name, are src/pol/registry-names.ts.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { findUnsafeNameChar, visibleName } from "../pol/registry-names.js";
import type { Bundle, Element, Policy, ValueList } from "./types.js";

/** A place inside the policy, e.g. `["elements", 0, "trueList", "items", 1, "valueName"]`. */
type Path = (string | number)[];

/** A policy as far as its registry names go: a model policy, or a policy read from an ADMX. */
export type PolicyNames = Pick<Policy, "name" | "key" | "valueName" | "enabledList" | "disabledList"> & {
  readonly elements?: readonly DistributiveOmit<Element, "control">[];
};
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The ADMX attribute a registry name comes from. */
type NameField = "key" | "valueName" | "defaultKey" | "valuePrefix";

/**
 * Calls `visit` with every registry name of a policy, in document order. `path` is one array that the
 * walk keeps changing: a visitor that keeps a path copies it. The readers check every policy of every
 * file, and nearly all names are fine, so nothing is made per name until one needs reporting.
 */
function eachName(policy: PolicyNames, visit: (field: NameField, name: string, path: Path) => void): void {
  const path: Path = [];
  const named = (field: NameField, name: string) => {
    path.push(field);
    visit(field, name, path);
    path.pop();
  };
  const list = (value: ValueList | undefined, ...at: Path) => {
    if (!value) return;
    path.push(...at);
    if (value.defaultKey !== undefined) named("defaultKey", value.defaultKey);
    value.items.forEach((item, i) => {
      path.push("items", i);
      if (item.key !== undefined) named("key", item.key);
      named("valueName", item.valueName);
      path.length -= 2;
    });
    path.length -= at.length;
  };
  named("key", policy.key);
  if (policy.valueName !== undefined) named("valueName", policy.valueName);
  list(policy.enabledList, "enabledList");
  list(policy.disabledList, "disabledList");
  policy.elements?.forEach((element, e) => {
    path.push("elements", e);
    if (element.key !== undefined) named("key", element.key);
    if (element.kind === "list") {
      if (element.valuePrefix !== undefined) named("valuePrefix", element.valuePrefix);
    } else {
      named("valueName", element.valueName);
      if (element.kind === "boolean") {
        list(element.trueList, "trueList");
        list(element.falseList, "falseList");
      } else if (element.kind === "enum") {
        element.items.forEach((item, i) => list(item.valueList, "items", i, "valueList"));
      }
    }
    path.length -= 2;
  });
}

/**
 * The `REGISTRY_NAME_CONTROL_CHAR` errors of one policy, each with the policy's name and the path of
 * the name inside the policy (`at` turns it into the place to report: a model path, a file position).
 */
export function registryNameDiagnostics(
  policy: PolicyNames,
  at: (path: Path) => Pick<Diagnostic, "path" | "file" | "line" | "column">,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  eachName(policy, (field, name, path) => {
    const unsafe = findUnsafeNameChar(name);
    if (unsafe === undefined) return;
    const params = { policy: policy.name, field, name: visibleName(name), ...unsafe };
    out.push(diag("REGISTRY_NAME_CONTROL_CHAR", params, at([...path])));
  });
  return out;
}

/** The registry-name errors of every policy of a bundle, at their model paths. */
export function checkRegistryNames(bundle: Bundle): Diagnostic[] {
  return bundle.policies.flatMap((policy, p) =>
    registryNameDiagnostics(policy, (path) => ({ path: ["policies", p, ...path] })),
  );
}

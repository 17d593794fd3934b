/**
 * Every registry name a policy writes, and the check of them all: the bundle check runs it on the
 * model; the ADMX reader runs it on the policies of a file, whose shape is the model's without the
 * controls. The characters refused, and the check of one name, are src/pol/registry-names.ts.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { findUnsafeNameChar, visibleName } from "../pol/registry-names.js";
import type { Bundle, Element, Policy, ValueList } from "./types.js";

type Path = (string | number)[];

/** A policy as far as its registry names go: a model policy, or a policy read from an ADMX. */
export type PolicyNames = Pick<Policy, "name" | "key" | "valueName" | "enabledList" | "disabledList"> & {
  readonly elements?: readonly DistributiveOmit<Element, "control">[];
};
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** One registry name a policy writes: the attribute it comes from, the name, and its model path. */
export interface RegistryNameUse {
  /** The ADMX attribute: `key`, `valueName`, `defaultKey` or `valuePrefix`. */
  readonly field: "key" | "valueName" | "defaultKey" | "valuePrefix";
  readonly name: string;
  /** Path inside the policy, e.g. `["elements", 0, "trueList", "items", 1, "valueName"]`. */
  readonly path: Path;
}

function listNames(list: ValueList | undefined, path: Path, out: RegistryNameUse[]): void {
  if (!list) return;
  if (list.defaultKey !== undefined)
    out.push({ field: "defaultKey", name: list.defaultKey, path: [...path, "defaultKey"] });
  list.items.forEach((item, i) => {
    if (item.key !== undefined)
      out.push({ field: "key", name: item.key, path: [...path, "items", i, "key"] });
    out.push({ field: "valueName", name: item.valueName, path: [...path, "items", i, "valueName"] });
  });
}

/** Every registry name of a policy, in document order. */
export function registryNameUses(policy: PolicyNames): RegistryNameUse[] {
  const out: RegistryNameUse[] = [{ field: "key", name: policy.key, path: ["key"] }];
  if (policy.valueName !== undefined)
    out.push({ field: "valueName", name: policy.valueName, path: ["valueName"] });
  listNames(policy.enabledList, ["enabledList"], out);
  listNames(policy.disabledList, ["disabledList"], out);
  policy.elements?.forEach((element, e) => {
    const at = (...rest: Path): Path => ["elements", e, ...rest];
    if (element.key !== undefined) out.push({ field: "key", name: element.key, path: at("key") });
    if (element.kind === "list") {
      if (element.valuePrefix !== undefined)
        out.push({ field: "valuePrefix", name: element.valuePrefix, path: at("valuePrefix") });
      return;
    }
    out.push({ field: "valueName", name: element.valueName, path: at("valueName") });
    if (element.kind === "boolean") {
      listNames(element.trueList, at("trueList"), out);
      listNames(element.falseList, at("falseList"), out);
    } else if (element.kind === "enum") {
      element.items.forEach((item, i) => listNames(item.valueList, at("items", i, "valueList"), out));
    }
  });
  return out;
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
  for (const use of registryNameUses(policy)) {
    const unsafe = findUnsafeNameChar(use.name);
    if (unsafe === undefined) continue;
    const params = { policy: policy.name, field: use.field, name: visibleName(use.name), ...unsafe };
    out.push(diag("REGISTRY_NAME_CONTROL_CHAR", params, at(use.path)));
  }
  return out;
}

/** The registry-name errors of every policy of a bundle, at their model paths. */
export function checkRegistryNames(bundle: Bundle): Diagnostic[] {
  return bundle.policies.flatMap((policy, p) =>
    registryNameDiagnostics(policy, (path) => ({ path: ["policies", p, ...path] })),
  );
}

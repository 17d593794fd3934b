import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { registryUpcase } from "../pol/index.js";
import type { Bundle, Element, Policy, ValueList } from "./types.js";

type Path = (string | number)[];

/** A registry value a policy writes: as the file spells it, and where the policy says so. */
interface Target {
  readonly target: string;
  readonly path: Path;
}

/** The registry values an element, or the policy itself, can write: `key\valueName`. */
function writtenValues(policy: Policy): Target[] {
  const out: Target[] = [];
  const add = (key: string | undefined, name: string, path: Path) =>
    out.push({ target: `${key ?? policy.key}\\${name}`, path });
  if (policy.valueName) add(policy.key, policy.valueName, ["valueName"]);
  policy.elements?.forEach((element, e) => {
    if (element.kind !== "list") add(element.key, element.valueName, ["elements", e, "valueName"]);
  });
  return out;
}

function listTargets(list: ValueList | undefined, policy: Policy, path: Path): Target[] {
  return (list?.items ?? []).map((item, i) => ({
    target: `${item.key ?? list?.defaultKey ?? policy.key}\\${item.valueName}`,
    path: [...path, "items", i, "valueName"],
  }));
}

function checkElement(element: Element, path: Path, out: Diagnostic[]): void {
  const at = (...rest: Path) => [...path, ...rest];
  switch (element.kind) {
    case "decimal":
    case "longDecimal": {
      const min = BigInt(element.minValue ?? 0);
      const max = BigInt(element.maxValue ?? 9999);
      if (min > max)
        out.push(
          diag(
            "RANGE_EMPTY",
            { element: element.id, min: String(min), max: String(max) },
            { path: at("minValue") },
          ),
        );
      const def = element.control.defaultValue;
      if (def !== undefined && (BigInt(def) < min || BigInt(def) > max)) {
        out.push(
          diag(
            "DEFAULT_OUT_OF_RANGE",
            { element: element.id, value: def, min: String(min), max: String(max) },
            { path: at("control", "defaultValue") },
          ),
        );
      }
      break;
    }
    case "text": {
      const def = element.control.defaultValue;
      const max = element.maxLength ?? 1023;
      if (def !== undefined && def.length > max) {
        out.push(
          diag(
            "DEFAULT_TOO_LONG",
            { element: element.id, length: def.length, max },
            { path: at("control", "defaultValue") },
          ),
        );
      }
      break;
    }
    case "enum": {
      const def = element.control.defaultItem;
      if (def !== undefined && def >= element.items.length) {
        out.push(
          diag(
            "DEFAULT_ITEM_OUT_OF_RANGE",
            { element: element.id, index: def, count: element.items.length },
            { path: at("control", "defaultItem") },
          ),
        );
      }
      break;
    }
    case "list":
      // The editor ignores valuePrefix when explicitValue is set: the user types every value name.
      if (element.explicitValue && element.valuePrefix !== undefined) {
        out.push(diag("LIST_PREFIX_WITH_EXPLICIT", { element: element.id }, { path: at("valuePrefix") }));
      }
      break;
    case "boolean":
    case "multiText":
      break;
  }
}

/** Per-policy consistency: element ids, layouts, value ranges and two writers of one registry value. */
export function checkPolicies(bundle: Bundle): Diagnostic[] {
  const out: Diagnostic[] = [];
  bundle.policies.forEach((policy, p) => {
    const at = (...rest: Path): Path => ["policies", p, ...rest];
    const elements = policy.elements ?? [];
    const ids = new Map<string, number>();
    elements.forEach((element, e) => {
      const key = element.id.toLowerCase();
      if (ids.has(key))
        out.push(
          diag(
            "DUPLICATE_NAME",
            { kind: `element of ${policy.name}`, name: element.id, first: `elements.${ids.get(key)}` },
            { path: at("elements", e, "id") },
          ),
        );
      else ids.set(key, e);
      checkElement(element, at("elements", e), out);
    });

    if ((policy.enabledValue || policy.disabledValue) && !policy.valueName) {
      out.push(
        diag(
          "VALUE_WITHOUT_NAME",
          { policy: policy.name },
          { path: at(policy.enabledValue ? "enabledValue" : "disabledValue") },
        ),
      );
    }

    if (policy.layout) {
      const placed = new Set<string>();
      policy.layout.forEach((entry, l) => {
        if (typeof entry !== "string") return;
        if (!ids.has(entry.toLowerCase()))
          out.push(
            diag(
              "LAYOUT_UNKNOWN_ELEMENT",
              { policy: policy.name, element: entry },
              { path: at("layout", l) },
            ),
          );
        else if (placed.has(entry.toLowerCase()))
          out.push(
            diag(
              "LAYOUT_DUPLICATE_ELEMENT",
              { policy: policy.name, element: entry },
              { path: at("layout", l) },
            ),
          );
        placed.add(entry.toLowerCase());
      });
      for (const element of elements) {
        if (!placed.has(element.id.toLowerCase()))
          out.push(
            diag(
              "LAYOUT_MISSING_ELEMENT",
              { policy: policy.name, element: element.id },
              { path: at("layout") },
            ),
          );
      }
    }

    // Two writers of one value inside a policy: the later silently overwrites the earlier in Registry.pol.
    const seen = new Map<string, Path>();
    const targets = [...writtenValues(policy), ...listTargets(policy.enabledList, policy, ["enabledList"])];
    for (const { target, path } of targets) {
      // Compared as the registry compares names (one key and value however they are cased).
      const id = registryUpcase(target);
      const first = seen.get(id);
      if (first)
        out.push(
          diag(
            "VALUE_WRITTEN_TWICE",
            { policy: policy.name, value: target, first: first.join(".") },
            { path: at(...path) },
          ),
        );
      else seen.set(id, path);
    }
  });
  return out;
}

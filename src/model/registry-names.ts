/**
 * Registry key and value names: the characters admxkit refuses in them, wherever a name enters (the
 * model, the ADMX reader, values files, and Registry.pol entries written as `.reg` text), the check of
 * one name, and every name a policy writes with the check of them all. The bundle check runs it on the
 * model; the ADMX reader runs it on the policies of a file, whose shape is the model's without the
 * controls.
 *
 * The set (one home for it, {@link UNSAFE_NAME_CHAR}):
 * - **U+0000 NUL**: Registry.pol ends each name with a NUL, so the name would be cut short.
 * - **Line ends**: CR, LF, NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029).
 *   A `.reg` file is read line by line: a line break inside a `[key]` header ends the header early and
 *   whatever follows is read as a new section of the file's own choosing (a forged value under
 *   `…\CurrentVersion\Run` runs a program when an admin double-clicks the file). LGPO text and the
 *   PowerShell script are line-based too.
 * - **Every other C0 and C1 control character and DEL** (U+0001–U+001F, U+007F–U+009F), tab included:
 *   invisible in GPMC, regedit and the terminal (ESC starts terminal escape sequences), so a name that
 *   holds one cannot be reviewed. No template Windows ships uses any of them in a key or value name.
 *
 * Everything else passes: the registry itself stores any other UTF-16 code unit, and `.reg` quoting
 * escapes `\` and `"` in value names.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Bundle, Element, Policy, ValueList } from "./types.js";

/** One character of {@link UNSAFE_NAME_CHAR}'s set, or none. */
export const UNSAFE_NAME_CHAR = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const ABBREVIATIONS: Readonly<Record<number, string>> = {
  0x00: "NUL",
  0x09: "TAB",
  0x0a: "LF",
  0x0d: "CR",
  0x1b: "ESC",
  0x7f: "DEL",
  0x85: "NEL",
  0x2028: "LS",
  0x2029: "PS",
};

/** A character as messages show it: `U+000D (CR)`, `U+0001`. */
export function describeChar(char: string): string {
  const code = char.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = ABBREVIATIONS[code];
  return name === undefined ? hex : `${hex} (${name})`;
}

/** The first refused character of a name: which one (described) and where (1-based position). */
export interface UnsafeNameChar {
  readonly char: string;
  readonly position: number;
}

/** The first character of `name` that a registry name must not hold, or undefined. */
export function findUnsafeNameChar(name: string): UnsafeNameChar | undefined {
  const match = UNSAFE_NAME_CHAR.exec(name);
  return match ? { char: describeChar(match[0]), position: match.index + 1 } : undefined;
}

/** A name with every refused character shown as `<U+000D>`, so that a message never carries it raw. */
export function visibleName(name: string): string {
  return name.replace(new RegExp(UNSAFE_NAME_CHAR.source, "g"), (c) => `<${describeChar(c).split(" ")[0]}>`);
}

/**
 * Checks a registry key or value name that comes straight from a values file (a raw registry entry of a
 * `registry` section, a value name an option gives): a control character or line end in it is refused
 * (see the set above and why), as the model and the ADMX reader refuse it.
 * Returns the error, at `where`, or undefined when the name is fine.
 */
export function checkRegistryName(
  name: string,
  field: "key" | "valueName",
  where: Pick<Diagnostic, "path" | "file" | "line" | "column"> = {},
): Diagnostic | undefined {
  const unsafe = findUnsafeNameChar(name);
  if (unsafe === undefined) return undefined;
  return diag("VALUES_REGISTRY_NAME_UNSAFE", { field, name: visibleName(name), ...unsafe }, where);
}

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

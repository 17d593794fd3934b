import type { ReadPolicy } from "../../read/types.js";
import type { ValueList } from "../../model/types.js";

/** The hives a policy class writes to. */
function hives(policyClass: string): string[] {
  if (policyClass === "Machine") return ["HKLM"];
  if (policyClass === "User") return ["HKCU"];
  return ["HKLM", "HKCU"];
}

/**
 * The registry values a policy can write, as `HIVE\key\valueName` keyed in lower case (the registry
 * ignores case) with the spelling of the file as the value: the policy's own value, its value lists,
 * each element's value and the value lists of booleans and enum items. A list element writes a whole
 * key of generated names and is left out.
 */
export function registryTargets(policy: ReadPolicy): Map<string, string> {
  const targets = new Map<string, string>();
  const add = (key: string | undefined, valueName: string) => {
    if (valueName === "") return;
    for (const hive of hives(policy.class)) {
      const target = `${hive}\\${key ?? policy.key}\\${valueName}`;
      targets.set(target.toLowerCase(), target);
    }
  };
  const addList = (list: ValueList | undefined, fallbackKey: string | undefined) => {
    for (const item of list?.items ?? []) add(item.key ?? list?.defaultKey ?? fallbackKey, item.valueName);
  };
  if (policy.valueName !== undefined) add(policy.key, policy.valueName);
  addList(policy.enabledList, policy.key);
  addList(policy.disabledList, policy.key);
  for (const e of policy.elements) {
    if (e.kind === "list") continue;
    add(e.key, e.valueName);
    if (e.kind === "boolean") {
      addList(e.trueList, e.key);
      addList(e.falseList, e.key);
    }
    if (e.kind === "enum") for (const item of e.items) addList(item.valueList, e.key);
  }
  return targets;
}

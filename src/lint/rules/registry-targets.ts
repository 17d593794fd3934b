import type { ReadPolicy } from "../../read/types.js";
import { registryWrites } from "../../model/registry-writes.js";
import { registryUpcase } from "../../pol/index.js";

/** The hives a policy class writes to. */
function hives(policyClass: string): string[] {
  if (policyClass === "Machine") return ["HKLM"];
  if (policyClass === "User") return ["HKCU"];
  return ["HKLM", "HKCU"];
}

/**
 * The registry values a policy can write, as `HIVE\key\valueName` keyed by {@link registryUpcase} (the
 * registry ignores case) with the spelling of the file as the value: the policy's own value, its value lists,
 * each element's value and the value lists of booleans and enum items (see src/model/registry-writes.ts,
 * which `dump --admx` shares). A list element writes a whole key of generated names and is left out, as
 * is the unnamed default value.
 */
export function registryTargets(policy: ReadPolicy): Map<string, string> {
  const targets = new Map<string, string>();
  for (const write of registryWrites(policy)) {
    if (write.scope === "key" || write.valueName === "") continue;
    for (const hive of hives(policy.class)) {
      const target = `${hive}\\${write.key}\\${write.valueName}`;
      targets.set(registryUpcase(target), target);
    }
  }
  return targets;
}

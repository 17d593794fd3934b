/**
 * An ADMX-backed setting is read by Windows against its own template, so the `<data id=…>` of the
 * payload must be the element ids of Windows' ADMX. A bundle modelling the same policy may name its
 * elements otherwise; its `intune.elementIds` says which of its ids Windows spells differently.
 */
import type { OptionValue, PolicyState } from "../compile/index.js";
import type { Policy } from "../model/types.js";

/** The policy and state with Windows' element ids (as given when the bundle renames none). */
export function windowsPolicy(policy: Policy, state: PolicyState): { policy: Policy; state: PolicyState } {
  const renames = policy.intune?.route === "admxBackedCsp" ? policy.intune.elementIds : undefined;
  if (renames === undefined) return { policy, state };
  const windowsId = (id: string) => renames[id] ?? id;
  const elements = policy.elements?.map((e) => ({ ...e, id: windowsId(e.id) }));
  const renamed: Policy = { ...policy, ...(elements ? { elements } : {}) };
  if (state.state !== "enabled") return { policy: renamed, state };
  const options: Record<string, OptionValue> = {};
  for (const [id, value] of Object.entries(state.options ?? {})) options[windowsId(id)] = value;
  return { policy: renamed, state: { state: "enabled", options } };
}

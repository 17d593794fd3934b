/**
 * `validate --intune`: the limits of Intune's custom ADMX import. It refuses a template with a policy
 * writing where ADMX ingestion may not (allow-list.ts), has no comboBox, uses the en-US ADML only, caps
 * text values at 1023 characters, and needs each `using` namespace imported before the file that uses it.
 */
import { diag, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { INTUNE_CUSTOM_ADMX_TEXT_MAX_LENGTH } from "../../pol/limits.js";
import type { AdmlDocument, AdmxDocument, ReadPolicy } from "../../read/types.js";
import { intuneRefusedKeys } from "./allow-list.js";

/**
 * Checks an ADMX against Intune's import. `admls` are the ADMLs found for it (locale and root position);
 * `enUs` is the en-US one, the only one Intune reads, when it could be read.
 */
export function checkIntune(
  admx: AdmxDocument,
  admls: readonly { locale: string; at: AdmlDocument["at"] }[],
  enUs: AdmlDocument | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  let refused = 0;
  for (const policy of admx.policies) {
    const bad = intuneRefusedKeys(policy);
    if (bad.length > 0) refused++;
    for (const { key, root } of bad)
      out.push(diag("INTUNE_KEY_REFUSED", { policy: policy.name, key, root }, policy.at));
    for (const e of policy.elements) {
      if (e.kind === "text" && (e.maxLength ?? 0) > INTUNE_CUSTOM_ADMX_TEXT_MAX_LENGTH) {
        const params = {
          element: e.id,
          maxLength: e.maxLength ?? 0,
          max: INTUNE_CUSTOM_ADMX_TEXT_MAX_LENGTH,
        };
        out.push(diag("INTUNE_TEXT_LENGTH", params, e.at, "warning"));
      }
    }
  }
  if (refused > 0) {
    const params = { file: admx.file, count: refused, total: admx.policies.length };
    out.push(diag("INTUNE_REFUSED", params, admx.target?.at ?? admx.at));
  }
  for (const u of admx.using)
    out.push(diag("INTUNE_USING", { namespace: u.namespace, prefix: u.prefix }, u.at, "warning"));

  if (!admls.some((a) => a.locale.toLowerCase() === "en-us")) {
    out.push(diag("INTUNE_EN_US_MISSING", { file: admx.file }, admx.at));
  }
  for (const { locale, at } of admls) {
    if (locale.toLowerCase() !== "en-us") out.push(diag("INTUNE_LOCALE_IGNORED", { locale }, at, "info"));
  }
  for (const presentation of enUs?.presentations.values() ?? []) {
    for (const item of presentation.items) {
      if (item.kind === "control" && item.control.type === "comboBox") {
        out.push(diag("INTUNE_COMBOBOX", { presentation: presentation.id, refId: item.refId }, item.at));
      }
    }
  }
  return out;
}

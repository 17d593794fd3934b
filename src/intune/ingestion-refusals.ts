/**
 * What Intune refuses before a custom template can go through ADMX ingestion, checked on the model
 * (a bundle, or a store template read back) so that `admxkit intune` stops before writing a profile
 * Intune would reject at import (error 0x20101 and the like). The rules are those of `validate
 * --intune` (src/lint/intune): writes under System, Software\Microsoft or Software\Policies\Microsoft
 * outside Microsoft's allow-list, comboBox controls, a template without an en-US ADML (errors), and a
 * `using` namespace that must have been uploaded first (a warning). Intune refuses
 * the whole file for one such policy, so every policy of the template is checked, not only those the
 * values file sets.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { intuneRefusedKeys } from "../lint/intune/allow-list.js";
import type { Policy } from "../model/types.js";

/** A custom template as ingestion sees it. */
export interface IngestedTemplate {
  /** The ADMX file name, for messages. */
  readonly file: string;
  readonly namespace?: string;
  readonly policies: readonly Policy[];
  /** The ADML locales the template comes with; undefined when unknown (not checked then). */
  readonly locales?: readonly string[];
  /** The namespaces the template refers to (ADMX `using`). */
  readonly using?: readonly { readonly prefix: string; readonly namespace: string }[];
}

/**
 * The refusals of one template; no error when Intune would import it. Every policy counts, but a key
 * refusal is spelled out only for the policies in `used` (all when undefined), and the others are
 * counted in one INTUNE_REFUSED: a vendor template such as msedge.admx would otherwise print hundreds
 * of lines about policies the values file does not set.
 */
export function ingestionRefusals(template: IngestedTemplate, used?: ReadonlySet<Policy>): Diagnostic[] {
  const where = { file: template.file };
  const out: Diagnostic[] = [];
  let refused = 0;
  let spelled = 0;
  for (const policy of template.policies) {
    const shown = used === undefined || used.has(policy);
    const bad = intuneRefusedKeys(policy);
    if (bad.length > 0) refused++;
    if (shown && bad.length > 0) spelled++;
    if (shown) {
      for (const { key, root } of bad)
        out.push(diag("INTUNE_KEY_REFUSED", { policy: policy.name, key, root }, where));
    }
    for (const e of policy.elements ?? []) {
      if (e.kind === "text" && e.control.type === "comboBox") {
        const params = { presentation: policy.presentationId ?? policy.name, refId: e.id };
        out.push(diag("INTUNE_COMBOBOX", params, where));
      }
    }
  }
  if (refused > 0 && spelled < refused) {
    const params = { file: template.file, count: refused, total: template.policies.length };
    out.push(diag("INTUNE_REFUSED", params, where));
  }
  if (template.locales && !template.locales.some((l) => l.toLowerCase() === "en-us")) {
    out.push(diag("INTUNE_EN_US_MISSING", { file: template.file }, where));
  }
  // As `validate --intune` says it: a warning, since the namespace may have been uploaded already.
  for (const u of template.using ?? []) {
    out.push(diag("INTUNE_USING", { namespace: u.namespace, prefix: u.prefix }, where, "warning"));
  }
  return out;
}

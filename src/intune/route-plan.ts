/**
 * The route of each policy of a values file to an Intune-managed device, as data that the outputs
 * (profile.json, SyncML, Remediations scripts, the report) render. Five routes, tried in this order:
 *
 * - a native Policy CSP setting the policy declares (`intune.route: "nativeCsp"` in a bundle);
 * - an ADMX-backed Policy CSP setting: declared by a bundle (`admxBackedCsp`), or found in Microsoft's
 *   mapping for a policy of one of Windows' own templates (csp-map.ts);
 * - a Remediations script the bundle asks for (`remediation`), for registry values no CSP carries;
 * - ADMX ingestion, for any other policy of a custom template (a bundle, or a store's own ADMX);
 * - none: a policy of a Windows template that no CSP setting maps, as Group Policy analytics lists it.
 */
import type { PolicyState } from "../compile/index.js";
import { messageRef, type MessageRef } from "../i18n/messages.js";
import { isInboxTemplate } from "../model/inbox-templates.js";
import type { Policy, PolicyClassName } from "../model/types.js";
import { findAdmxBackedCsp, type AdmxBackedCsp, type CspScope } from "./csp-map.js";

/** The routes, as the report names them. */
export const ROUTE_KINDS = ["nativeCsp", "admxBackedCsp", "ingestedAdmx", "remediation", "none"] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

/** Where a policy was read from: an ADMX file of a store, or a bundle. */
export interface TemplateOrigin {
  /** The ADMX file name (no folder) the policy comes from, or the bundle's `<fileName>.admx`. */
  readonly admxFile: string;
  /** True for a store's template; false for a bundle (whose policies may declare their route). */
  readonly fromStore: boolean;
}

/** One policy of the values file and how it reaches the device. */
export interface PolicyRoute {
  readonly section: PolicyClassName;
  /** The key the values file names the policy by. */
  readonly key: string;
  readonly policy: Policy;
  readonly origin: TemplateOrigin;
  readonly state: PolicyState;
  readonly route: RouteKind;
  /** The setting's OMA-URI, for the CSP routes (ingestion adds its own, see compile-intune.ts). */
  readonly omaUri?: string;
  /** The native setting's data type. */
  readonly format?: "string" | "integer";
  /** The mapping entry of an ADMX-backed setting (its element ids are Windows' own). */
  readonly csp?: AdmxBackedCsp;
  /** Why this route, worded in the report's language. */
  readonly reason: MessageRef;
}

type Decided = Pick<PolicyRoute, "route" | "omaUri" | "format" | "csp" | "reason">;

/** The CSP scope of each section of the values file: ./Device for machine, ./User for user. */
const SCOPE = { machine: "Device", user: "User" } as const satisfies Record<PolicyClassName, CspScope>;

function admxBacked(
  csp: AdmxBackedCsp | undefined,
  file: string,
  name: string,
  section: PolicyClassName,
): Decided {
  if (csp === undefined) {
    return { route: "none", reason: messageRef("MDM_WHY_NO_CSP", { file, policy: name }) };
  }
  const omaUri = csp.omaUris[SCOPE[section]];
  if (omaUri === undefined) {
    const params = { setting: `${csp.area}/${csp.policy}`, scope: SCOPE[section] };
    return { route: "none", csp, reason: messageRef("MDM_WHY_SCOPE", params) };
  }
  const params = { file, policy: name, area: csp.area };
  return { route: "admxBackedCsp", omaUri, csp, reason: messageRef("MDM_WHY_ADMX_BACKED", params) };
}

/** The route of one policy in one section of the values file. */
export function decideRoute(policy: Policy, origin: TemplateOrigin, section: PolicyClassName): Decided {
  const declared = policy.intune;
  switch (declared?.route) {
    case "nativeCsp": {
      if (!declared.omaUri.startsWith(`./${SCOPE[section]}/`)) {
        const params = { setting: declared.omaUri, scope: SCOPE[section] };
        return { route: "none", reason: messageRef("MDM_WHY_SCOPE", params) };
      }
      const reason = messageRef("MDM_WHY_NATIVE", { omaUri: declared.omaUri, format: declared.format });
      return { route: "nativeCsp", omaUri: declared.omaUri, format: declared.format, reason };
    }
    case "admxBackedCsp":
      return admxBacked(
        findAdmxBackedCsp(declared.admxFile, declared.policy),
        declared.admxFile,
        declared.policy,
        section,
      );
    case "remediation":
      return { route: "remediation", reason: messageRef("MDM_WHY_REMEDIATION", { key: policy.key }) };
    case undefined:
      break;
  }
  if (origin.fromStore && isInboxTemplate(origin.admxFile)) {
    return admxBacked(findAdmxBackedCsp(origin.admxFile, policy.name), origin.admxFile, policy.name, section);
  }
  return {
    route: "ingestedAdmx",
    reason: messageRef("MDM_WHY_INGESTED", { file: origin.admxFile }),
  };
}

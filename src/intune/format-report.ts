/**
 * The report of `admxkit intune`: each policy of the values file, the route it takes to the device and
 * why, as text (one block per policy) or as JSON (the same facts, worded in the chosen language).
 */
import { formatMessage, messageRef, type LocaleTag } from "../i18n/messages.js";
import type { PolicyRoute, RouteKind } from "./route-plan.js";

const ROUTE_NAMES = {
  nativeCsp: "MDM_ROUTE_NATIVE_CSP",
  admxBackedCsp: "MDM_ROUTE_ADMX_BACKED_CSP",
  ingestedAdmx: "MDM_ROUTE_INGESTED_ADMX",
  remediation: "MDM_ROUTE_REMEDIATION",
  none: "MDM_ROUTE_NONE",
} as const satisfies Record<RouteKind, string>;

const STATE_NAMES = {
  enabled: "MDM_STATE_ENABLED",
  disabled: "MDM_STATE_DISABLED",
  notConfigured: "MDM_STATE_NOT_CONFIGURED",
} as const;

/** The route's name in a language ("ADMX-backed CSP"). */
export function routeName(route: RouteKind, locale: LocaleTag = "en-US"): string {
  return formatMessage(ROUTE_NAMES[route], {}, locale);
}

/** One policy of the report as JSON data. */
export interface RouteRecord {
  readonly section: string;
  readonly policy: string;
  readonly state: string;
  readonly route: RouteKind;
  readonly omaUri?: string;
  readonly reason: { readonly code: string; readonly message: string };
}

/** The report as data, for `--json`. */
export function routeRecords(routes: readonly PolicyRoute[], locale: LocaleTag = "en-US"): RouteRecord[] {
  return routes.map((r) => ({
    section: r.section,
    policy: r.key,
    state: r.state.state,
    route: r.route,
    ...(r.omaUri ? { omaUri: r.omaUri } : {}),
    reason: { code: r.reason.code, message: formatMessage(r.reason.code, r.reason.params, locale) },
  }));
}

/** The report as text: per policy a title line, the OMA-URI when there is one, and the reason. */
export function formatRoutesText(routes: readonly PolicyRoute[], locale: LocaleTag = "en-US"): string {
  const lines: string[] = [];
  for (const r of routes) {
    const params = {
      policy: r.key,
      section: messageRef(r.section === "machine" ? "MDM_SECTION_MACHINE" : "MDM_SECTION_USER"),
      state: messageRef(STATE_NAMES[r.state.state]),
      route: messageRef(ROUTE_NAMES[r.route]),
    };
    lines.push(formatMessage("MDM_REPORT_POLICY", params, locale));
    if (r.omaUri) lines.push(`  ${r.omaUri}`);
    lines.push(`  ${formatMessage(r.reason.code, r.reason.params, locale)}`);
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

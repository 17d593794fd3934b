/**
 * `admxkit/intune`: a values file delivered by Intune instead of a GPO — the route each policy takes
 * (native CSP, ADMX-backed CSP, ingested custom ADMX, Remediations script, none) and the files that
 * carry it: a custom configuration profile (Graph JSON, SyncML) and a detection/remediation pair.
 */

// The policies' origin: a bundle as it is, or what `loadPolicies` read (a bundle or a store).
export { createIntuneSource } from "./intune/bundle-source.js";
export { loadIntuneSource } from "./load/intune-source.js";

// Policy states to Intune deliverables, each policy's route and why, and the route report as text.
export {
  compileIntune,
  type IntuneOptions,
  type IntuneResult,
  type IntuneSource,
} from "./intune/compile-intune.js";
export { formatRoutesText } from "./intune/format-report.js";
export { ROUTE_KINDS, type PolicyRoute, type RouteKind, type TemplateOrigin } from "./intune/route-plan.js";
export type { IngestionSource } from "./intune/ingestion-settings.js";
export type { AdmxBackedCsp, CspScope } from "./intune/csp-map.js";
export type { IngestedTemplate } from "./intune/ingestion-refusals.js";

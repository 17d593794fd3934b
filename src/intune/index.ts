/** The Intune route: a values file as an Intune custom profile, Remediations scripts and a route report. */
export { createIntuneSource } from "./bundle-source.js";
export { compileIntune, type IntuneOptions, type IntuneResult, type IntuneSource } from "./compile-intune.js";
export { formatRoutesText, routeName, routeRecords, type RouteRecord } from "./format-report.js";
export { ingestionRefusals, type IngestedTemplate } from "./ingestion-refusals.js";
export { profileJson, profileSyncml, type OmaSetting, type SyncCommand } from "./profile.js";
export {
  decideRoute,
  ROUTE_KINDS,
  type TemplateOrigin,
  type PolicyRoute,
  type RouteKind,
} from "./route-plan.js";

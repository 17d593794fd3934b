/**
 * What ADMX ingestion needs of a custom template (a bundle, or a store's own ADMX) and the two kinds of
 * setting it gives the profile: the ADMX upload (`ADMXInstall`) and each policy's own OMA-URI. The
 * OMA-URIs themselves come from ingestion.ts.
 */
import { writeAdmx } from "../templates/write-admx.js";
import { parseAdmx } from "../read/read-file.js";
import type { Bundle, Category, Policy, PolicyClassName } from "../model/types.js";
import type { IngestedTemplate } from "./ingestion-refusals.js";
import { admxInstallUri, ingestedPolicyUris } from "./ingestion.js";
import type { OmaSetting } from "./profile.js";

/** A custom template as the profile uploads it. */
export interface IngestionSource extends IngestedTemplate {
  /** The ADMX text the `ADMXInstall` setting carries. */
  readonly admx: string;
  /** The template's own categories, for each policy's category path. */
  readonly categories: readonly Category[];
}

/** A bundle's template, as `admxkit build` writes it. */
export function bundleIngestionSource(bundle: Bundle): IngestionSource {
  return {
    file: `${bundle.fileName}.admx`,
    namespace: bundle.target.namespace,
    policies: bundle.policies,
    locales: Object.keys(bundle.locales),
    using: bundle.using ?? [],
    admx: writeAdmx(bundle),
    categories: bundle.categories ?? [],
  };
}

/** A store's own template, with the ADMX text as read from disk and the ADML locales found beside it. */
export function storeIngestionSource(
  template: Omit<IngestionSource, "categories" | "using">,
): IngestionSource {
  const read = parseAdmx(template.admx, template.file).document;
  const using = read?.using.map((u) => ({ prefix: u.prefix, namespace: u.namespace })) ?? [];
  return { ...template, categories: read?.categories ?? [], using };
}

/**
 * The AppName and FileUid of a template: its file name without `.admx`, keeping only what one URI
 * segment may hold (letters, digits, `_`), so `Contoso-Sync.admx` is `ContosoSync`.
 */
function ingestionName(template: IngestedTemplate): string {
  return template.file.replace(/\.admx$/i, "").replace(/[^A-Za-z0-9_]/g, "");
}

/**
 * The upload setting of a template and the OMA-URI of one of its policies in a section. Throws an
 * AdmxkitError when ingestion cannot name the policy (see ingestion.ts).
 */
export function ingestionSettings(
  template: IngestionSource,
  policy: Policy,
  section: PolicyClassName,
): { install: OmaSetting; omaUri: string } {
  const name = ingestionName(template);
  const install: OmaSetting = {
    displayName: template.file,
    description: template.namespace ?? template.file,
    omaUri: admxInstallUri(name, name),
    format: "string",
    value: template.admx,
  };
  const uris = ingestedPolicyUris(name, policy, template.categories);
  const omaUri = section === "machine" ? uris.Device : uris.User;
  return { install, omaUri: omaUri ?? "" };
}

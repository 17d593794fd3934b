/**
 * The OMA-URIs of ADMX ingestion: how an MDM server installs a custom ADMX on a device through the
 * Policy CSP, and then sets its policies. Facts from Microsoft's "Win32 and Desktop Bridge app ADMX
 * policy Ingestion" (learn.microsoft.com/windows/client-management/win32-and-centennial-app-policy-configuration):
 * - the ADMX text is added at `./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/<AppName>/Policy/<FileUid>`;
 * - each policy is then at `./<Device|User>/Vendor/MSFT/Policy/Config/<AppName>~Policy~<category path>/<policy>`,
 *   where the category path is the policy's category and its parentCategory chain, root first, joined
 *   with `~`; class Machine gives `./Device`, User `./User`, Both either.
 * A parentCategory into another template (`prefix:Name`) ends the path: Microsoft's Intune page on
 * Chrome's ADMX uses `Chrome~Policy~googlechrome~Extensions`, though chrome.admx puts its `googlechrome`
 * category under google.admx's `Google:Cat_Google`.
 */
import { AdmxkitError, diag } from "../diagnostics/diagnostic.js";
import type { Category, Policy } from "../model/types.js";
import { policyCspUri, type CspScope } from "./csp-map.js";

/**
 * What an AppName or FileUid may hold: each is one segment of an OMA-URI, and the area joins AppName
 * with `~`. Letters, digits and `_` are what Microsoft's examples use (ContosoCompanyApp, AppAdmxFile01)
 * and what is safe in every LocURI.
 */
const INGESTION_NAME = /^[A-Za-z0-9_]+$/;

function checkName(what: "AppName" | "FileUid", name: string): void {
  if (!INGESTION_NAME.test(name)) throw new AdmxkitError([diag("MDM_INGESTION_NAME", { what, name })]);
}

/** Where the ADMX text is installed: `./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/…`. */
export function admxInstallUri(appName: string, fileUid: string): string {
  checkName("AppName", appName);
  checkName("FileUid", fileUid);
  return `./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/${appName}/Policy/${fileUid}`;
}

/**
 * The ids of the policy's category and its ancestors in the same template, root first. It stops at a
 * reference into another template (`prefix:Name`) or to a category the template does not define.
 */
export function ingestedCategoryPath(policy: Policy, categories: readonly Category[]): string[] {
  const byName = new Map(categories.map((category) => [category.name, category]));
  const path: string[] = [];
  let ref: string | undefined = policy.category;
  while (ref !== undefined && !ref.includes(":")) {
    const category = byName.get(ref);
    if (!category) break;
    if (path.includes(category.name))
      throw new AdmxkitError([diag("CATEGORY_CYCLE", { name: category.name })]);
    path.unshift(category.name);
    ref = category.parent;
  }
  return path;
}

/**
 * The characters that split an ingested policy's OMA-URI: `/` ends a segment, `~` a category of the
 * area. The ADMX schema's names (letters, digits, `_`) hold neither, but GPMC loads vendor templates
 * whose names do, and the device could not tell where such a name ends.
 */
const URI_SEPARATOR = /[/~]/;

/** The ingested policy's area: `<AppName>~Policy~<category path>`. */
export function ingestedArea(appName: string, policy: Policy, categories: readonly Category[]): string {
  checkName("AppName", appName);
  const path = ingestedCategoryPath(policy, categories);
  if (path.length === 0)
    throw new AdmxkitError([
      diag("MDM_INGESTION_NO_CATEGORY", { policy: policy.name, category: policy.category }),
    ]);
  const split = [...path, policy.name].find((name) => URI_SEPARATOR.test(name));
  if (split !== undefined) {
    const char = URI_SEPARATOR.exec(split)![0];
    throw new AdmxkitError([diag("MDM_INGESTION_SEPARATOR", { policy: policy.name, name: split, char })]);
  }
  return [appName, "Policy", ...path].join("~");
}

/** The scopes a policy class can be set in over MDM. */
function scopesOfClass(policyClass: Policy["class"]): CspScope[] {
  return policyClass === "Both" ? ["Device", "User"] : [policyClass === "User" ? "User" : "Device"];
}

/** The OMA-URI of an ingested policy in each scope its class allows. */
export function ingestedPolicyUris(
  appName: string,
  policy: Policy,
  categories: readonly Category[],
): Readonly<Partial<Record<CspScope, string>>> {
  const area = ingestedArea(appName, policy, categories);
  return Object.fromEntries(
    scopesOfClass(policy.class).map((scope) => [scope, policyCspUri(scope, area, policy.name)]),
  );
}

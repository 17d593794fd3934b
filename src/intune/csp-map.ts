/**
 * Which Policy CSP setting carries a policy of a Windows in-box template over MDM (an "ADMX-backed"
 * setting), e.g. WindowsDefender.admx `ProxyServer` →
 * `./Device/Vendor/MSFT/Policy/Config/ADMX_MicrosoftDefenderAntivirus/ProxyServer`. The CSP area is not
 * derived from the file name (WindowsDefender.admx is `ADMX_MicrosoftDefenderAntivirus`, appv.admx is
 * `AppVirtualization`), so the mapping is data: `data/intune/admx-backed-csp.json`, trimmed by
 * scripts/intune-csp-data.js from facts of Microsoft's Policy CSP DDF files (the file's `source` field
 * names the edition and where it was read). It ships in the package beside `dist/`, like `locales/`.
 */
import { readFileSync } from "node:fs";

/** The two OMA-URI roots of the Policy CSP: settings of the device, and of the signed-in user. */
export type CspScope = "Device" | "User";

/** One ADMX-backed Policy CSP setting and the in-box ADMX policy behind it. */
export interface AdmxBackedCsp {
  /** The CSP area, e.g. `ADMX_MicrosoftDefenderAntivirus`. */
  readonly area: string;
  /** The CSP's name of the setting, e.g. `ProxyServer` (not always the ADMX policy name). */
  readonly policy: string;
  /** The ADMX file as the Windows 11 21H2 store spells it (Microsoft's DDF spelling where it lacks it). */
  readonly admxFile: string;
  /** The ADMX policy name. */
  readonly admxPolicy: string;
  /** The OMA-URI of each scope the CSP exposes the setting in. */
  readonly omaUris: Readonly<Partial<Record<CspScope, string>>>;
}

/** The shape of the data file (see its `format` field). */
interface CspData {
  readonly files: Readonly<Record<string, readonly (readonly [string, string, string, string])[]>>;
}

const SCOPE_LETTERS: Readonly<Record<string, CspScope>> = { D: "Device", U: "User" };

/** The OMA-URI of a Policy CSP setting in one scope. */
export function policyCspUri(scope: CspScope, area: string, policy: string): string {
  return `./${scope}/Vendor/MSFT/Policy/Config/${area}/${policy}`;
}

let index: ReadonlyMap<string, readonly AdmxBackedCsp[]> | undefined;

/** `lower-case file name / policy name` → its settings, read once. */
function cspIndex(): ReadonlyMap<string, readonly AdmxBackedCsp[]> {
  if (index) return index;
  // The data sits two folders above this module both in src/ and in dist/ (the CLI bundle rewrites
  // import.meta.url to the module's dist/ place, vite.cli.config.ts).
  const url = new URL("../../data/intune/admx-backed-csp.json", import.meta.url);
  const data = JSON.parse(readFileSync(url, "utf8")) as CspData;
  const built = new Map<string, AdmxBackedCsp[]>();
  for (const [admxFile, rows] of Object.entries(data.files)) {
    for (const [admxPolicy, area, policy, scopes] of rows) {
      const omaUris: Partial<Record<CspScope, string>> = {};
      for (const letter of scopes) {
        const scope = SCOPE_LETTERS[letter];
        if (scope) omaUris[scope] = policyCspUri(scope, area, policy);
      }
      const key = `${admxFile.toLowerCase()}/${admxPolicy}`;
      const list = built.get(key) ?? [];
      list.push({ area, policy, admxFile, admxPolicy, omaUris });
      built.set(key, list);
    }
  }
  index = built;
  return built;
}

/**
 * Every Policy CSP setting backed by one in-box ADMX policy. A few policies back two settings: an
 * `ADMX_…` area and an older named one (w32time.admx's NTP client policies are also MixedReality
 * settings; removablestorage.admx's WPD policies also Storage settings).
 */
export function admxBackedCsps(admxFileName: string, policyName: string): readonly AdmxBackedCsp[] {
  return cspIndex().get(`${admxFileName.toLowerCase()}/${policyName}`) ?? [];
}

/**
 * The Policy CSP setting that carries an in-box ADMX policy, or undefined when the policy has none
 * (Group Policy only). File names compare case-insensitively, as Windows matches them; policy names
 * exactly. Where two settings are backed by the policy, the `ADMX_…` area's is chosen: it is the
 * general-purpose one (the other is a product's own, such as HoloLens' MixedReality).
 */
export function findAdmxBackedCsp(admxFileName: string, policyName: string): AdmxBackedCsp | undefined {
  const all = admxBackedCsps(admxFileName, policyName);
  return all.find((csp) => csp.area.startsWith("ADMX_")) ?? all[0];
}

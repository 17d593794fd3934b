import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PolicyState } from "../../src/compile/index.js";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import { admxPayload } from "../../src/intune/admx-payload.js";
import {
  admxInstallUri,
  ingestedArea,
  ingestedCategoryPath,
  ingestedPolicyUris,
} from "../../src/intune/ingestion.js";
import type { Bundle, Category, Policy } from "../../src/model/types.js";
import { parseAdml, parseAdmx } from "../../src/read/read-file.js";
import { decodeTemplates } from "../../src/read/to-bundle.js";
import { parseValuesText } from "../../src/values/index.js";
import { REPO_ROOT } from "../helpers/cli.js";
import { thrownCodes } from "../helpers/compile-kit.js";

function policy(name: string, category: string, policyClass: Policy["class"] = "Machine"): Policy {
  return {
    name,
    class: policyClass,
    displayName: name,
    explainText: `${name}_Help`,
    key: "Software\\Contoso",
    category,
    supportedOn: "SUPPORTED_Any",
  };
}

const CATEGORIES: Category[] = [
  { name: "Root", displayName: "Root", parent: "windows:WindowsComponents" },
  { name: "Mid", displayName: "Mid", parent: "Root" },
  { name: "Leaf", displayName: "Leaf", parent: "Mid" },
];

describe("ingestion URIs", () => {
  it("installs the ADMX under ConfigOperations/ADMXInstall/<AppName>/Policy/<FileUid>", () => {
    expect(admxInstallUri("Contoso_Proxy", "ContosoProxy01")).toBe(
      "./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/Contoso_Proxy/Policy/ContosoProxy01",
    );
  });

  it("refuses an AppName or FileUid that is not one plain URI segment", () => {
    expect(thrownCodes(() => admxInstallUri("contoso-proxy", "F1"))).toEqual(["MDM_INGESTION_NAME"]);
    expect(thrownCodes(() => admxInstallUri("App", "a/b"))).toEqual(["MDM_INGESTION_NAME"]);
    expect(thrownCodes(() => admxInstallUri("App~Policy", "F1"))).toEqual(["MDM_INGESTION_NAME"]);
    expect(thrownCodes(() => ingestedArea("", policy("P", "Leaf"), CATEGORIES))).toEqual([
      "MDM_INGESTION_NAME",
    ]);
  });

  it("walks the parentCategory chain root first and stops at another template's category", () => {
    expect(ingestedCategoryPath(policy("P", "Leaf"), CATEGORIES)).toEqual(["Root", "Mid", "Leaf"]);
    expect(ingestedArea("App", policy("P", "Mid"), CATEGORIES)).toBe("App~Policy~Root~Mid");
  });

  it("gives ./Device for Machine, ./User for User and both for Both", () => {
    expect(ingestedPolicyUris("App", policy("P", "Root"), CATEGORIES)).toEqual({
      Device: "./Device/Vendor/MSFT/Policy/Config/App~Policy~Root/P",
    });
    expect(ingestedPolicyUris("App", policy("P", "Root", "User"), CATEGORIES)).toEqual({
      User: "./User/Vendor/MSFT/Policy/Config/App~Policy~Root/P",
    });
    expect(ingestedPolicyUris("App", policy("P", "Root", "Both"), CATEGORIES)).toEqual({
      Device: "./Device/Vendor/MSFT/Policy/Config/App~Policy~Root/P",
      User: "./User/Vendor/MSFT/Policy/Config/App~Policy~Root/P",
    });
  });

  it("refuses a policy placed directly in another template's category, naming it", () => {
    const foreign = policy("P", "windows:WindowsComponents");
    let error: AdmxkitError | undefined;
    try {
      ingestedPolicyUris("App", foreign, CATEGORIES);
    } catch (e) {
      error = e as AdmxkitError;
    }
    expect(error?.diagnostics).toMatchObject([
      { code: "MDM_INGESTION_NO_CATEGORY", params: { policy: "P", category: "windows:WindowsComponents" } },
    ]);
  });

  it("refuses a category cycle instead of looping", () => {
    const cycle: Category[] = [
      { name: "A", displayName: "A", parent: "B" },
      { name: "B", displayName: "B", parent: "A" },
    ];
    expect(thrownCodes(() => ingestedCategoryPath(policy("P", "A"), cycle))).toEqual(["CATEGORY_CYCLE"]);
  });
});

/**
 * Microsoft's example of ADMX ingestion, reproduced with a fixture ADMX of the same names and ids
 * (test/fixtures/intune/admx-ingestion) and an equivalent values file. Source: "Win32 and Desktop Bridge
 * app ADMX policy Ingestion",
 * https://learn.microsoft.com/windows/client-management/win32-and-centennial-app-policy-configuration
 * (MicrosoftDocs/windows-itpro-docs, windows/client-management/win32-and-centennial-app-policy-configuration.md).
 */
describe('Microsoft\'s example on "Win32 and Desktop Bridge app ADMX policy Ingestion"', () => {
  const dir = join(REPO_ROOT, "test", "fixtures", "intune", "admx-ingestion");
  const admxFile = join(dir, "ContosoCompanyApp.admx");
  const admlFile = join(dir, "en-US", "ContosoCompanyApp.adml");
  const admx = parseAdmx(readFileSync(admxFile), admxFile).document!;
  const adml = parseAdml(readFileSync(admlFile), admlFile).document!;
  const bundle: Bundle = decodeTemplates(admx, { "en-US": adml }).bundle!;
  const categories = bundle.categories ?? [];
  const named = (name: string) => bundle.policies.find((p) => p.name === name)!;
  const APP = "ContosoCompanyApp";

  it("ingests the file at …/ADMXInstall/ContosoCompanyApp/Policy/AppAdmxFile01", () => {
    // The page writes the device-wide form ./Vendor/MSFT/…, which the Policy CSP reads as ./Device/Vendor/MSFT/….
    expect(admxInstallUri(APP, "AppAdmxFile01")).toBe(
      "./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/ContosoCompanyApp/Policy/AppAdmxFile01",
    );
  });

  it("derives the URI of L_PolicyPreventRun_1, a User policy three categories deep", () => {
    // The page spells the root ./user; the Policy CSP reference spells it ./User.
    expect(ingestedPolicyUris(APP, named("L_PolicyPreventRun_1"), categories)).toEqual({
      User: "./User/Vendor/MSFT/Policy/Config/ContosoCompanyApp~Policy~ParentCategoryArea~Category2~Category3/L_PolicyPreventRun_1",
    });
  });

  it("gives every policy of the file its scope and area", () => {
    const uris = Object.fromEntries(
      bundle.policies.map((p) => [p.name, ingestedPolicyUris(APP, p, categories)]),
    );
    const base = "/Vendor/MSFT/Policy/Config/ContosoCompanyApp~Policy~ParentCategoryArea";
    expect(uris).toEqual({
      L_PolicyConfigurationMode: { Device: `./Device${base}~Category1/L_PolicyConfigurationMode` },
      L_PolicyEnableSIPHighSecurityMode: {
        Device: `./Device${base}~Category1/L_PolicyEnableSIPHighSecurityMode`,
      },
      L_PolicySipCompression: { Device: `./Device${base}~Category1/L_PolicySipCompression` },
      L_PolicyPreventRun: { Device: `./Device${base}~Category1/L_PolicyPreventRun` },
      L_PolicyConfiguredServerCheckValues: {
        Device: `./Device${base}~Category2/L_PolicyConfiguredServerCheckValues`,
      },
      L_PolicySipCompression_1: { User: `./User${base}~Category2/L_PolicySipCompression_1` },
      L_PolicyPreventRun_1: { User: `./User${base}~Category2~Category3/L_PolicyPreventRun_1` },
      L_PolicyGalDownloadInitialDelay_1: {
        User: `./User${base}~Category2~Category3/L_PolicyGalDownloadInitialDelay_1`,
      },
    });
  });

  it("enables, disables and unsets L_PolicyConfigurationMode, payload for payload", () => {
    const parsed = parseValuesText(
      JSON.stringify({
        machine: {
          L_PolicyConfigurationMode: {
            state: "enabled",
            options: {
              L_ServerAddressInternal_VALUE: "TextValue1",
              L_ServerAddressExternal_VALUE: "TextValue2",
            },
          },
        },
      }),
    );
    if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
    const state = parsed.values.machine!.L_PolicyConfigurationMode as PolicyState;
    const target = named("L_PolicyConfigurationMode");
    // The page's LocURI has a stray space after the first `~` ("ContosoCompanyApp~ Policy~…"), a typo
    // its own derivation section does not have.
    expect(ingestedPolicyUris(APP, target, categories).Device).toBe(
      "./Device/Vendor/MSFT/Policy/Config/ContosoCompanyApp~Policy~ParentCategoryArea~Category1/L_PolicyConfigurationMode",
    );
    expect(admxPayload(target, state)).toBe(
      '<enabled/><data id="L_ServerAddressInternal_VALUE" value="TextValue1"/><data id="L_ServerAddressExternal_VALUE" value="TextValue2"/>',
    );
    expect(admxPayload(target, { state: "disabled" })).toBe("<disabled/>");
    expect(admxPayload(target, { state: "notConfigured" })).toBe("");
  });
});

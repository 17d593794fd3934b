/** The route of a policy (route-plan.ts) and what ADMX ingestion refuses (ingestion-refusals.ts). */
import { describe, expect, it } from "vitest";
import { decideRoute, ingestionRefusals } from "../../src/intune/index.js";
import type { Policy } from "../../src/model/types.js";

const policy = (patch: Partial<Policy> = {}): Policy => ({
  name: "ProxyServer",
  class: "Machine",
  displayName: "ProxyServer",
  explainText: "ProxyServer_Explain",
  key: "Software\\Policies\\Contoso",
  category: "Contoso",
  supportedOn: "SUPPORTED_Contoso",
  ...patch,
});

const store = (admxFile: string) => ({ admxFile, fromStore: true });
const bundle = { admxFile: "Contoso.admx", fromStore: false };

describe("decideRoute", () => {
  it("a policy of a Windows template: its ADMX-backed setting, in the section's scope", () => {
    const decided = decideRoute(policy(), store("windowsdefender.ADMX"), "machine");
    expect(decided.route).toBe("admxBackedCsp");
    expect(decided.omaUri).toBe(
      "./Device/Vendor/MSFT/Policy/Config/ADMX_MicrosoftDefenderAntivirus/ProxyServer",
    );
    const user = decideRoute(policy({ name: "NoRun", class: "User" }), store("StartMenu.admx"), "user");
    expect(user.omaUri).toBe("./User/Vendor/MSFT/Policy/Config/ADMX_StartMenu/NoRun");
  });

  it("a policy of a Windows template no setting maps: no MDM route, with the reason", () => {
    const decided = decideRoute(policy({ name: "AutoUpdateCfg" }), store("WindowsUpdate.admx"), "machine");
    expect(decided.route).toBe("none");
    expect(decided.reason).toEqual({
      code: "MDM_WHY_NO_CSP",
      params: { file: "WindowsUpdate.admx", policy: "AutoUpdateCfg" },
    });
  });

  it("a Device-only setting asked for in the user section: no route, the scope named", () => {
    const decided = decideRoute(policy(), store("WindowsDefender.admx"), "user");
    expect(decided.route).toBe("none");
    expect(decided.reason.code).toBe("MDM_WHY_SCOPE");
  });

  it("a custom template (a bundle, or a store's non-Windows ADMX) is ingested", () => {
    expect(decideRoute(policy(), bundle, "machine").route).toBe("ingestedAdmx");
    expect(decideRoute(policy(), store("chrome.admx"), "machine").route).toBe("ingestedAdmx");
  });

  it("what a bundle declares comes first: native CSP, ADMX-backed setting, Remediations script", () => {
    const omaUri = "./Device/Vendor/MSFT/Policy/Config/System/TelemetryProxy";
    const native = decideRoute(
      policy({ intune: { route: "nativeCsp", omaUri, format: "string" } }),
      bundle,
      "machine",
    );
    expect([native.route, native.omaUri, native.format]).toEqual(["nativeCsp", omaUri, "string"]);
    const backed = decideRoute(
      policy({ intune: { route: "admxBackedCsp", admxFile: "WindowsDefender.admx", policy: "ProxyPacUrl" } }),
      bundle,
      "machine",
    );
    expect(backed.omaUri).toBe(
      "./Device/Vendor/MSFT/Policy/Config/ADMX_MicrosoftDefenderAntivirus/ProxyPacUrl",
    );
    const missing = decideRoute(
      policy({
        intune: { route: "admxBackedCsp", admxFile: "WindowsDefender.admx", policy: "NoSuchPolicy" },
      }),
      bundle,
      "machine",
    );
    expect(missing.route).toBe("none");
    expect(decideRoute(policy({ intune: { route: "remediation" } }), bundle, "machine").route).toBe(
      "remediation",
    );
  });
});

describe("ingestionRefusals", () => {
  it("names each rule Intune applies to an imported template", () => {
    const combo = policy({
      key: "Software\\Policies\\Microsoft\\Windows Defender",
      elements: [
        {
          kind: "text",
          id: "Server",
          valueName: "Server",
          control: { type: "comboBox", label: "Server_Label" },
        },
      ],
    });
    const found = ingestionRefusals({ file: "Contoso.admx", policies: [combo], locales: ["ja-JP"] });
    expect(found.map((d) => [d.code, d.severity])).toEqual([
      ["INTUNE_KEY_REFUSED", "error"],
      ["INTUNE_COMBOBOX", "error"],
      ["INTUNE_EN_US_MISSING", "error"],
    ]);
    expect(found[0]!.params).toMatchObject({ policy: "ProxyServer", root: "Software\\Policies\\Microsoft" });
  });

  it("spells out the refused policies used and counts the others in one finding", () => {
    const key = "Software\\Policies\\Microsoft\\Edge";
    const policies = [policy({ name: "A", key }), policy({ name: "B", key }), policy({ name: "C" })];
    const found = ingestionRefusals({ file: "msedge.admx", policies }, new Set([policies[0]!]));
    expect(found.map((d) => [d.code, d.params.policy ?? d.params.count])).toEqual([
      ["INTUNE_KEY_REFUSED", "A"],
      ["INTUNE_REFUSED", 2],
    ]);
  });

  it("accepts keys of Microsoft's allow-list and keys of one's own", () => {
    const ok = [policy(), policy({ name: "Edge", key: "Software\\Microsoft\\Edge\\Contoso" })];
    expect(ingestionRefusals({ file: "Contoso.admx", policies: ok, locales: ["en-US"] })).toEqual([]);
  });
});

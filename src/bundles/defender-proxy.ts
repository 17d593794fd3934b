import { loadToolCatalog } from "../i18n/messages.js";
import type { Bundle } from "../model/types.js";
import { value } from "../model/value-helpers.js";

const DATA_COLLECTION = "Software\\Policies\\Microsoft\\Windows\\DataCollection";
const DEFENDER = "Software\\Policies\\Microsoft\\Windows Defender";
const SPYNET = "Software\\Policies\\Microsoft\\Windows Defender\\Spynet";
const ATP = "Software\\Policies\\Microsoft\\Windows Advanced Threat Protection";

/**
 * How Intune carries each policy (`admxkit intune`). Sources, Microsoft's Policy CSP reference
 * (learn.microsoft.com windows/client-management/mdm): policy-csp-system (TelemetryProxy, a string
 * `host:port`, and DisableEnterpriseAuthProxy, an integer; both also listed as members of the
 * MDM_Policy_Config01_System02 WMI bridge class) and policy-csp-admx-microsoftdefenderantivirus
 * (ProxyServer, ProxyPacUrl, ProxyBypass, ADMX-backed by WindowsDefender.admx). SSLOptions and
 * PreferStaticProxyForHttpRequest have no CSP setting, and their keys lie under Software\Policies\Microsoft,
 * which ADMX ingestion may not write: a Remediations script is the only MDM route.
 */
const POLICY_CSP = "./Device/Vendor/MSFT/Policy/Config";

/** The locales this bundle is written in; their texts live in `locales/<tag>.json` under "defender-proxy". */
export const DEFENDER_PROXY_LOCALES = ["en-US", "ja-JP"] as const;

function catalogs(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    DEFENDER_PROXY_LOCALES.map((locale) => [locale, loadToolCatalog(locale)["defender-proxy"] ?? {}]),
  );
}

/** A single required text box: how all four proxy strings are presented. */
function textPolicyElement(id: string, format: "hostPort" | "proxyUrl" | "httpUrl" | "proxyBypass") {
  return {
    kind: "text" as const,
    id,
    valueName: id,
    required: true,
    format,
    control: { type: "textBox" as const, label: `${id}_Label` },
  };
}

/**
 * The built-in bundle: the seven registry settings that connect Microsoft Defender for Endpoint through
 * a proxy. Five of them exist in Windows' own templates under other policy names (DataCollection.admx,
 * WindowsDefender.admx); this bundle gathers all seven in one place, in its own namespace, with the
 * offline-device settings no Microsoft template has.
 */
export function defenderProxyBundle() {
  // Not through defineBundle: its zod shape check is the one heavy module `build` would load. Its test
  // (test/model/every-problem.test.ts) holds it to checkBundle, and loadBundle runs the other rules.
  const bundle: Bundle = {
    id: "defender-proxy",
    fileName: "AdmxkitDefenderProxy",
    target: { prefix: "defenderproxy", namespace: "Admxkit.Policies.DefenderProxy" },
    using: [{ prefix: "windows", namespace: "Microsoft.Policies.Windows" }],
    revision: "1.0",
    minRequiredRevision: "1.0",
    displayName: "DefenderProxy_DisplayName",
    description: "DefenderProxy_Description",
    supportedOn: [
      { name: "SUPPORTED_EdrStaticProxy", displayName: "SUPPORTED_EdrStaticProxy" },
      { name: "SUPPORTED_DefenderAntivirus", displayName: "SUPPORTED_DefenderAntivirus" },
      { name: "SUPPORTED_MsSense_10_8210", displayName: "SUPPORTED_MsSense_10_8210" },
    ],
    categories: [
      {
        name: "DefenderProxy",
        displayName: "Category_DefenderProxy",
        explainText: "Category_DefenderProxy_Explain",
        parent: "windows:WindowsComponents",
      },
      { name: "DefenderProxy_Edr", displayName: "Category_Edr", parent: "DefenderProxy" },
      { name: "DefenderProxy_Antivirus", displayName: "Category_Antivirus", parent: "DefenderProxy" },
      { name: "DefenderProxy_Offline", displayName: "Category_Offline", parent: "DefenderProxy" },
    ],
    policies: [
      {
        name: "TelemetryProxyServer",
        class: "Machine",
        displayName: "TelemetryProxyServer",
        explainText: "TelemetryProxyServer_Explain",
        key: DATA_COLLECTION,
        category: "DefenderProxy_Edr",
        supportedOn: "SUPPORTED_EdrStaticProxy",
        elements: [textPolicyElement("TelemetryProxyServer", "hostPort")],
        intune: { route: "nativeCsp", omaUri: `${POLICY_CSP}/System/TelemetryProxy`, format: "string" },
      },
      {
        name: "DisableEnterpriseAuthProxy",
        class: "Machine",
        displayName: "DisableEnterpriseAuthProxy",
        explainText: "DisableEnterpriseAuthProxy_Explain",
        key: DATA_COLLECTION,
        valueName: "DisableEnterpriseAuthProxy",
        enabledValue: value.decimal(1),
        disabledValue: value.decimal(0),
        category: "DefenderProxy_Edr",
        supportedOn: "SUPPORTED_EdrStaticProxy",
        intune: {
          route: "nativeCsp",
          omaUri: `${POLICY_CSP}/System/DisableEnterpriseAuthProxy`,
          format: "integer",
        },
      },
      {
        name: "ProxyServer",
        class: "Machine",
        displayName: "ProxyServer",
        explainText: "ProxyServer_Explain",
        key: DEFENDER,
        category: "DefenderProxy_Antivirus",
        supportedOn: "SUPPORTED_DefenderAntivirus",
        intune: { route: "admxBackedCsp", admxFile: "WindowsDefender.admx", policy: "ProxyServer" },
        elements: [textPolicyElement("ProxyServer", "proxyUrl")],
      },
      {
        name: "ProxyPacUrl",
        class: "Machine",
        displayName: "ProxyPacUrl",
        explainText: "ProxyPacUrl_Explain",
        key: DEFENDER,
        category: "DefenderProxy_Antivirus",
        supportedOn: "SUPPORTED_DefenderAntivirus",
        intune: { route: "admxBackedCsp", admxFile: "WindowsDefender.admx", policy: "ProxyPacUrl" },
        elements: [textPolicyElement("ProxyPacUrl", "httpUrl")],
      },
      {
        name: "ProxyBypass",
        class: "Machine",
        displayName: "ProxyBypass",
        explainText: "ProxyBypass_Explain",
        key: DEFENDER,
        category: "DefenderProxy_Antivirus",
        supportedOn: "SUPPORTED_DefenderAntivirus",
        intune: { route: "admxBackedCsp", admxFile: "WindowsDefender.admx", policy: "ProxyBypass" },
        elements: [textPolicyElement("ProxyBypass", "proxyBypass")],
      },
      {
        name: "SSLOptions",
        class: "Machine",
        displayName: "SSLOptions",
        explainText: "SSLOptions_Explain",
        key: SPYNET,
        valueName: "SSLOptions",
        enabledValue: value.decimal(0),
        // Disabled removes the value rather than writing another number: 0 is the only documented setting.
        disabledValue: value.delete(),
        category: "DefenderProxy_Offline",
        supportedOn: "SUPPORTED_DefenderAntivirus",
        intune: { route: "remediation" },
      },
      {
        name: "PreferStaticProxyForHttpRequest",
        class: "Machine",
        displayName: "PreferStaticProxyForHttpRequest",
        explainText: "PreferStaticProxyForHttpRequest_Explain",
        key: ATP,
        valueName: "PreferStaticProxyForHttpRequest",
        enabledValue: value.decimal(1),
        disabledValue: value.decimal(0),
        category: "DefenderProxy_Offline",
        supportedOn: "SUPPORTED_MsSense_10_8210",
        intune: { route: "remediation" },
      },
    ],
    locales: catalogs(),
  };
  return bundle;
}

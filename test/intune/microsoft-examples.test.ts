import { basename } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyState } from "../../src/compile/index.js";
import { admxPayload } from "../../src/intune/admx-payload.js";
import { findAdmxBackedCsp } from "../../src/intune/csp-map.js";
import type { Policy } from "../../src/model/types.js";
import type { StoreContents } from "../../src/read/read-store.js";
import { parseValuesText } from "../../src/values/index.js";
import { readInboxStore } from "../helpers/inbox-store.js";

/**
 * Microsoft's own SyncML examples of ADMX-backed policies, reproduced from an equivalent values file
 * against the Windows 11 21H2 store: the OMA-URI (csp-map) and the payload (admx-payload), payload for
 * payload. Source: "Understanding ADMX-backed policies",
 * https://learn.microsoft.com/windows/client-management/understanding-admx-backed-policies
 * (MicrosoftDocs/windows-itpro-docs, windows/client-management/mdm/understanding-admx-backed-policies.md).
 * The expected strings are the examples' payloads with the line breaks between elements taken out.
 */
const VALUES = JSON.stringify({
  machine: {
    // "Enabling a policy": App-V "Publishing Server 2 Settings", the payload block of the example.
    Publishing_Server2_Policy: {
      state: "enabled",
      options: {
        Publishing_Server2_Name_Prompt: "Name",
        Publishing_Server_URL_Prompt: "http://someuri",
        Global_Publishing_Refresh_Options: "True",
        Global_Refresh_OnLogon_Options: "False",
        Global_Refresh_Interval_Prompt: 15,
        Global_Refresh_Unit_Options: "Hour",
        User_Publishing_Refresh_Options: "False",
        User_Refresh_OnLogon_Options: "False",
        User_Refresh_Interval_Prompt: 15,
        User_Refresh_Unit_Options: "Day",
      },
    },
    // "MultiText Element"
    Virtualization_JITVAllowList: {
      state: "enabled",
      options: {
        Virtualization_JITVAllowList_Prompt: [
          "C:\\QuickPatch\\TEST\\snot.exe",
          "C:\\QuickPatch\\TEST\\foo.exe",
          "C:\\QuickPatch\\TEST\\bar.exe",
        ],
      },
    },
    // "Decimal Element"
    Streaming_Reestablishment_Interval: {
      state: "enabled",
      options: { Streaming_Reestablishment_Interval_Prompt: 4 },
    },
    // "No Elements"
    NoUpdateCheck: { state: "enabled" },
    // "Boolean Element" (with the policy's list)
    DeviceInstall_Classes_Deny: {
      state: "enabled",
      options: {
        DeviceInstall_Classes_Deny_List: ["deviceId1", "deviceId2"],
        DeviceInstall_Classes_Deny_Retroactive: true,
      },
    },
  },
  user: {
    // "Text Element"
    RestrictHomePage: { state: "enabled", options: { EnterHomePagePrompt: "mystartpage" } },
    // "List Element (and its variations)": an additive list without valuePrefix.
    SecondaryHomePages: {
      state: "enabled",
      options: { SecondaryHomePagesList: ["http://name1", "http://name2"] },
    },
  },
});

const URI = "./Device/Vendor/MSFT/Policy/Config/";

let store: StoreContents;
let states: Record<string, PolicyState>;

beforeAll(async () => {
  store = await readInboxStore("windows11-21h2");
  const parsed = parseValuesText(VALUES, "microsoft-examples.values.json");
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
  states = { ...parsed.values.machine, ...parsed.values.user } as Record<string, PolicyState>;
}, 120_000);

/** The store's policy of that file and name, and its OMA-URI in `scope`. */
function inStore(file: string, name: string, scope: "Device" | "User" = "Device") {
  const found = store.policies.find(
    (p) => basename(p.file).toLowerCase() === file.toLowerCase() && p.policy.name === name,
  );
  expect(found, `${file} ${name}`).toBeDefined();
  const policy: Policy = found!.policy;
  return {
    policy,
    uri: findAdmxBackedCsp(file, name)?.omaUris[scope],
    payload: () => admxPayload(policy, states[name]!),
  };
}

describe('Microsoft\'s examples on "Understanding ADMX-backed policies"', () => {
  it("Enabling a policy: App-V Publishing Server 2, ten data elements", () => {
    const example = inStore("appv.admx", "Publishing_Server2_Policy");
    expect(example.uri).toBe(`${URI}AppVirtualization/PublishingAllowServer2`);
    expect(example.payload()).toBe(
      '<enabled/><data id="Publishing_Server2_Name_Prompt" value="Name"/><data id="Publishing_Server_URL_Prompt" value="http://someuri"/><data id="Global_Publishing_Refresh_Options" value="1"/><data id="Global_Refresh_OnLogon_Options" value="0"/><data id="Global_Refresh_Interval_Prompt" value="15"/><data id="Global_Refresh_Unit_Options" value="0"/><data id="User_Publishing_Refresh_Options" value="0"/><data id="User_Refresh_OnLogon_Options" value="0"/><data id="User_Refresh_Interval_Prompt" value="15"/><data id="User_Refresh_Unit_Options" value="1"/>',
    );
  });

  it("Disabling a policy and setting it to Not Configured (a Delete, no payload)", () => {
    const { policy } = inStore("appv.admx", "Publishing_Server2_Policy");
    expect(admxPayload(policy, { state: "disabled" })).toBe("<disabled/>");
    expect(admxPayload(policy, { state: "notConfigured" })).toBe("");
  });

  it("Text Element: Internet Explorer home page, a User setting", () => {
    const example = inStore("inetres.admx", "RestrictHomePage", "User");
    expect(example.uri).toBe("./User/Vendor/MSFT/Policy/Config/InternetExplorer/DisableHomePageChange");
    expect(example.payload()).toBe('<enabled/><data id="EnterHomePagePrompt" value="mystartpage"/>');
  });

  it("MultiText Element: the strings separated by U+F000", () => {
    const example = inStore("appv.admx", "Virtualization_JITVAllowList");
    expect(example.uri).toBe(`${URI}AppVirtualization/VirtualComponentsAllowList`);
    expect(example.payload()).toBe(
      '<enabled/><data id="Virtualization_JITVAllowList_Prompt" value="C:\\QuickPatch\\TEST\\snot.exe&#xF000;C:\\QuickPatch\\TEST\\foo.exe&#xF000;C:\\QuickPatch\\TEST\\bar.exe"/>',
    );
  });

  it("List Element: name/value pairs (the example's <Enabled/><Data> capitals aside)", () => {
    const example = inStore("inetres.admx", "SecondaryHomePages", "User");
    expect(example.uri).toBe(
      "./User/Vendor/MSFT/Policy/Config/InternetExplorer/DisableSecondaryHomePageChange",
    );
    expect(example.payload()).toBe(
      '<enabled/><data id="SecondaryHomePagesList" value="http://name1&#xF000;http://name1&#xF000;http://name2&#xF000;http://name2"/>',
    );
  });

  it("No Elements: <enabled/> alone", () => {
    const example = inStore("inetres.admx", "NoUpdateCheck");
    expect(example.uri).toBe(`${URI}InternetExplorer/DisableUpdateCheck`);
    expect(example.payload()).toBe("<enabled/>");
  });

  it("Decimal Element: the number", () => {
    const example = inStore("appv.admx", "Streaming_Reestablishment_Interval");
    expect(example.uri).toBe(`${URI}AppVirtualization/StreamingAllowReestablishmentInterval`);
    expect(example.payload()).toBe(
      '<enabled/><data id="Streaming_Reestablishment_Interval_Prompt" value="4"/>',
    );
  });

  it('Boolean Element: true, with the list of valuePrefix="" as numbered pairs', () => {
    const example = inStore("DeviceInstallation.admx", "DeviceInstall_Classes_Deny");
    expect(example.uri).toBe(`${URI}DeviceInstallation/PreventInstallationOfMatchingDeviceSetupClasses`);
    // The example lists the boolean before the list; the ADMX (and this payload) has the list first. The
    // CSP pairs each <data> with its element by id, so the data elements are compared by id.
    const dataOf = (payload: string) =>
      Object.fromEntries(
        (
          new XMLParser({ ignoreAttributes: false, isArray: () => true, htmlEntities: true }).parse(
            `<p>${payload.replace(/<(\/?)Data\b/g, "<$1data")}</p>`,
          ).p[0].data as { "@_id": string; "@_value": string }[]
        ).map((d) => [d["@_id"], d["@_value"]]),
      );
    expect(dataOf(example.payload())).toEqual(
      dataOf(
        '<enabled/><data id="DeviceInstall_Classes_Deny_Retroactive" value="true"/><Data id="DeviceInstall_Classes_Deny_List" value="1&#xF000;deviceId1&#xF000;2&#xF000;deviceId2"/>',
      ),
    );
    expect(example.payload().startsWith("<enabled/>")).toBe(true);
  });
});

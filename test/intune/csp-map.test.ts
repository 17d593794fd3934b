import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { admxBackedCsps, findAdmxBackedCsp } from "../../src/intune/csp-map.js";
import type { StoreContents } from "../../src/read/read-store.js";
import { readInboxStore } from "../helpers/inbox-store.js";
import { REPO_ROOT } from "../helpers/cli.js";

interface CspData {
  readonly source: string;
  readonly files: Record<string, [string, string, string, string][]>;
  readonly absentFrom21H2: string[];
}

const data = JSON.parse(
  readFileSync(join(REPO_ROOT, "data", "intune", "admx-backed-csp.json"), "utf8"),
) as CspData;

describe("findAdmxBackedCsp", () => {
  it("gives the ADMX-backed Defender proxy setting (Policy CSP reference, ADMX_MicrosoftDefenderAntivirus)", () => {
    expect(findAdmxBackedCsp("WindowsDefender.admx", "ProxyServer")).toEqual({
      area: "ADMX_MicrosoftDefenderAntivirus",
      policy: "ProxyServer",
      admxFile: "WindowsDefender.admx",
      admxPolicy: "ProxyServer",
      omaUris: { Device: "./Device/Vendor/MSFT/Policy/Config/ADMX_MicrosoftDefenderAntivirus/ProxyServer" },
    });
  });

  it("compares file names case-insensitively, policy names exactly", () => {
    expect(findAdmxBackedCsp("windowsdefender.ADMX", "ProxyPacUrl")?.policy).toBe("ProxyPacUrl");
    expect(findAdmxBackedCsp("WindowsDefender.admx", "proxypacurl")).toBeUndefined();
  });

  it("maps a CSP name that differs from the ADMX name (appv.admx Publishing_Server2_Policy)", () => {
    expect(findAdmxBackedCsp("appv.admx", "Publishing_Server2_Policy")?.omaUris).toEqual({
      Device: "./Device/Vendor/MSFT/Policy/Config/AppVirtualization/PublishingAllowServer2",
    });
  });

  it("gives both scopes where the CSP has both", () => {
    const both = Object.values(data.files)
      .flat()
      .find((row) => row[3] === "DU")!;
    const file = Object.keys(data.files).find((f) => data.files[f]!.includes(both))!;
    const csp = findAdmxBackedCsp(file, both[0])!;
    expect(Object.keys(csp.omaUris).sort()).toEqual(["Device", "User"]);
    expect(csp.omaUris.User).toBe(`./User/Vendor/MSFT/Policy/Config/${csp.area}/${csp.policy}`);
  });

  it("prefers the ADMX_ area where one policy backs two settings", () => {
    const ntp = admxBackedCsps("w32time.admx", "W32TIME_POLICY_CONFIGURE_NTPCLIENT").map((c) => c.area);
    expect(ntp.sort()).toEqual(["ADMX_W32Time", "MixedReality"]);
    expect(findAdmxBackedCsp("W32Time.admx", "W32TIME_POLICY_CONFIGURE_NTPCLIENT")?.area).toBe(
      "ADMX_W32Time",
    );
  });

  it("is undefined for a policy no CSP carries and for an unknown file", () => {
    expect(findAdmxBackedCsp("WindowsDefender.admx", "NoSuchPolicy")).toBeUndefined();
    expect(findAdmxBackedCsp("contoso.admx", "ProxyServer")).toBeUndefined();
  });
});

describe("the mapping data (data/intune/admx-backed-csp.json)", () => {
  let store: StoreContents;
  beforeAll(async () => {
    store = await readInboxStore("windows11-21h2");
  }, 120_000);

  it("names its source", () => {
    expect(data.source).toMatch(/Policy CSP DDF/);
  });

  it("names a policy of the Windows 11 21H2 store in every entry, except those listed as absent there", () => {
    const inStore = new Set(store.policies.map((p) => `${basename(p.file).toLowerCase()}/${p.policy.name}`));
    const absent = new Set(
      data.absentFrom21H2.map((entry) => {
        const [file, policy] = entry.split("/");
        return `${file!.toLowerCase()}/${policy}`;
      }),
    );
    const missing: string[] = [];
    const listedButPresent: string[] = [];
    for (const [file, rows] of Object.entries(data.files)) {
      for (const [admxPolicy] of rows) {
        const key = `${file.toLowerCase()}/${admxPolicy}`;
        if (absent.has(key) && inStore.has(key)) listedButPresent.push(key);
        if (!absent.has(key) && !inStore.has(key)) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
    expect(listedButPresent).toEqual([]);
    expect(data.absentFrom21H2).toHaveLength(40);
  });

  it("spells each file as the store does, where the store has it", () => {
    const onDisk = new Map(store.templates.map((t) => [basename(t.file).toLowerCase(), basename(t.file)]));
    const misspelt = Object.keys(data.files).filter(
      (file) => onDisk.has(file.toLowerCase()) && onDisk.get(file.toLowerCase()) !== file,
    );
    expect(misspelt).toEqual([]);
  });
});

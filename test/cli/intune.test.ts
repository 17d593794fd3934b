/**
 * `admxkit intune` end to end: the built-in bundle's four files and its report (text, --json, ja-JP);
 * refusals of what Intune's ADMX ingestion refuses, with the rule named and nothing written; a custom
 * bundle through ingestion; and a real-shaped GPO of Windows' own policies read back against the
 * Windows 11 21H2 store, where every policy gets a route or a reason. That GPO
 * (test/fixtures/intune/gpo-21h2/backup: thirteen policies of nine templates, machine and user, three
 * with no MDM route) was written by `admxkit gpo --admx <21H2 store> --values source.values.json
 * --name "Contoso workstation baseline" --deterministic`.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { REPO_ROOT, runCli, tempDir } from "../helpers/cli.js";
import { smallBundle } from "../helpers/bundle-fixtures.js";
import { listFiles } from "../helpers/golden.js";
import { inboxStorePath } from "../helpers/inbox-store.js";

const FIXTURES = join(REPO_ROOT, "test", "fixtures", "intune");
const VALUES = join(REPO_ROOT, "examples", "defender-proxy.values.json");
const STORE_21H2 = inboxStorePath("windows11-21h2");
const graphSchema = z.fromJSONSchema(
  JSON.parse(readFileSync(join(FIXTURES, "graph-windows10CustomConfiguration.schema.json"), "utf8")),
);

interface Report {
  files: string[];
  policies: {
    section: string;
    policy: string;
    state: string;
    route: string;
    omaUri?: string;
    reason: { code: string; message: string };
  }[];
}

let cwd: string;
beforeAll(async () => {
  cwd = await tempDir("admxkit-intune-");
});

/** The profile's settings, each checked: Graph's schema for the whole, XML for every ADMX payload. */
async function checkedProfile(dir: string): Promise<{ omaUri: string; value: string | number }[]> {
  const profile = JSON.parse(await readFile(join(dir, "profile.json"), "utf8"));
  expect(graphSchema.safeParse(profile).error?.issues ?? []).toEqual([]);
  expect(XMLValidator.validate(await readFile(join(dir, "profile.syncml.xml"), "utf8"))).toBe(true);
  for (const s of profile.omaSettings as { omaUri: string; value: string }[]) {
    if (typeof s.value === "string" && s.value.startsWith("<")) {
      expect(XMLValidator.validate(`<payload>${s.value}</payload>`), s.omaUri).toBe(true);
    }
  }
  return profile.omaSettings;
}

describe("admxkit intune: the built-in bundle", () => {
  it("writes profile.json, profile.syncml.xml and the Remediations pair, and reports each route", async () => {
    const out = join(cwd, "built-in");
    const result = await runCli(["intune", "--values", VALUES, "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(await listFiles(out)).toEqual([
      "profile.json",
      "profile.syncml.xml",
      "remediation/detect.ps1",
      "remediation/remediate.ps1",
    ]);
    expect(result.stdout).toContain("TelemetryProxyServer (machine, Enabled): native CSP");
    expect(result.stdout).toContain("ProxyBypass (machine, Enabled): ADMX-backed CSP");
    expect(result.stdout).toContain("SSLOptions (machine, Enabled): Remediations script");
    const settings = await checkedProfile(out);
    expect(settings.map((s) => s.omaUri)).toEqual([
      "./Device/Vendor/MSFT/Policy/Config/System/TelemetryProxy",
      "./Device/Vendor/MSFT/Policy/Config/System/DisableEnterpriseAuthProxy",
      "./Device/Vendor/MSFT/Policy/Config/ADMX_MicrosoftDefenderAntivirus/ProxyServer",
      "./Device/Vendor/MSFT/Policy/Config/ADMX_MicrosoftDefenderAntivirus/ProxyPacUrl",
      "./Device/Vendor/MSFT/Policy/Config/ADMX_MicrosoftDefenderAntivirus/ProxyBypass",
    ]);
  });

  it("--json gives the routes as data; --lang ja-JP words them in Japanese", async () => {
    const out = join(cwd, "built-in-json");
    const result = await runCli(["intune", "--values", VALUES, "--out", out, "--json", "--lang", "ja-JP"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files).toHaveLength(4);
    expect(report.policies.map((p) => [p.policy, p.route])).toEqual([
      ["TelemetryProxyServer", "nativeCsp"],
      ["DisableEnterpriseAuthProxy", "nativeCsp"],
      ["ProxyServer", "admxBackedCsp"],
      ["ProxyPacUrl", "admxBackedCsp"],
      ["ProxyBypass", "admxBackedCsp"],
      ["SSLOptions", "remediation"],
      ["PreferStaticProxyForHttpRequest", "remediation"],
    ]);
    expect(report.policies[5]!.reason.message).toContain("修復スクリプト");
    const text = await runCli(["intune", "--values", VALUES, "--out", join(cwd, "ja"), "--lang", "ja-JP"]);
    expect(text.stdout).toContain("SSLOptions (コンピューターの構成、有効): 修復スクリプト");
  });

  it("refuses a values file with errors as pol does, and writes nothing", async () => {
    const bad = join(cwd, "bad.json");
    await writeFile(bad, JSON.stringify({ machine: { ProxyServr: { state: "enabled" } } }));
    const out = join(cwd, "bad-out");
    const result = await runCli(["intune", "--values", bad, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("VALUES_UNKNOWN_POLICY");
    expect(existsSync(out)).toBe(false);
  });

  it("never writes over its input: a values file named profile.json in the --out folder", async () => {
    const dir = join(cwd, "same");
    await mkdir(dir);
    const values = join(dir, "profile.json");
    await writeFile(values, await readFile(VALUES));
    const before = await readFile(values);
    const result = await runCli(["intune", "--values", values, "--out", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("OUTPUT_IS_INPUT");
    expect(await readFile(values)).toEqual(before);
    expect(await listFiles(dir)).toEqual(["profile.json"]);
  });
});

describe("admxkit intune: what ADMX ingestion refuses", () => {
  it("refuses a custom bundle writing under Software\\Policies\\Microsoft, naming the rule and the policy", async () => {
    const bundle = smallBundle() as any;
    bundle.policies[0].key = "Software\\Policies\\Microsoft\\Tiny";
    const file = join(cwd, "refused.bundle.json");
    await writeFile(file, JSON.stringify(bundle));
    const values = join(cwd, "tiny.values.json");
    await writeFile(
      values,
      JSON.stringify({ machine: { Proxy: { state: "enabled", options: { Server: "p:1" } } } }),
    );
    const out = join(cwd, "refused-out");
    const result = await runCli(["intune", "--bundle", file, "--values", values, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("INTUNE_KEY_REFUSED");
    expect(result.stderr).toContain("policy Proxy writes to Software\\Policies\\Microsoft\\Tiny");
    expect(result.stderr).toContain("MDM_TEMPLATE_REFUSED");
    expect(existsSync(out)).toBe(false);
  });

  it("refuses admxkit's own built-in template read from a store, and points to --bundle defender-proxy", async () => {
    const out = join(cwd, "templates-out");
    const store = join(REPO_ROOT, "templates", "PolicyDefinitions");
    const result = await runCli(["intune", "--admx", store, "--values", VALUES, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("INTUNE_KEY_REFUSED");
    expect(result.stderr).toContain("MDM_BUILT_IN_TEMPLATE");
    expect(result.stderr).toContain("admxkit intune --bundle defender-proxy");
    expect(result.stderr).toContain("System/TelemetryProxy");
    expect(existsSync(out)).toBe(false);
    const ja = await runCli(["intune", "--admx", store, "--values", VALUES, "--out", out, "--lang", "ja-JP"]);
    expect(ja.stderr).toContain("組み込み defender-proxy テンプレート");
  });

  it("a vendor template of the store (msedge.admx): the policy used is named, the others counted", async () => {
    const values = join(cwd, "edge.values.json");
    const edge = {
      "Microsoft.Policies.Edge:ProxyServer": { state: "enabled", options: { ProxyServer: "p:1" } },
    };
    await writeFile(values, JSON.stringify({ machine: edge }));
    const out = join(cwd, "edge-out");
    const result = await runCli(["intune", "--admx", STORE_21H2, "--values", values, "--out", out]);
    expect(result.code).toBe(1);
    const errors = result.stderr.split("\n").filter((line) => line.includes(" error "));
    expect(errors.map((line) => /error (\w+)/.exec(line)![1])).toEqual([
      "INTUNE_KEY_REFUSED",
      "INTUNE_REFUSED",
      "MDM_TEMPLATE_REFUSED",
    ]);
    expect(errors[0]).toContain("policy ProxyServer writes to Software\\Policies\\Microsoft\\Edge");
    expect(existsSync(out)).toBe(false);
  });

  it("ingests a custom bundle Intune accepts: the ADMX upload, then the policy's own OMA-URI", async () => {
    const file = join(cwd, "tiny.bundle.json");
    await writeFile(file, JSON.stringify(smallBundle()));
    const values = join(cwd, "tiny-ok.values.json");
    await writeFile(
      values,
      JSON.stringify({
        machine: { Proxy: { state: "enabled", options: { Server: "proxy:8080", Mode: 1 } } },
      }),
    );
    const out = join(cwd, "tiny-out");
    const result = await runCli(["intune", "--bundle", file, "--values", values, "--out", out, "--json"]);
    expect(result.stderr).toContain("INTUNE_USING");
    expect(result.code).toBe(0);
    const settings = await checkedProfile(out);
    expect(settings.map((s) => s.omaUri)).toEqual([
      "./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/Tiny/Policy/Tiny",
      "./Device/Vendor/MSFT/Policy/Config/Tiny~Policy~Tiny/Proxy",
    ]);
    expect(settings[0]!.value).toContain("<policyDefinitions");
    expect(settings[1]!.value).toBe(
      '<enabled/><data id="Server" value="proxy:8080"/><data id="Mode" value="1"/>',
    );
    expect((JSON.parse(result.stdout) as Report).policies[0]!.route).toBe("ingestedAdmx");
  });
});

describe("admxkit intune: a GPO of Windows' own policies, read back against the 21H2 store", () => {
  it("gives every policy a route or a reason, as Group Policy analytics would", async () => {
    const backup = join(FIXTURES, "gpo-21h2", "backup");
    const values = join(cwd, "gpo.values.json");
    const back = await runCli(["values", "--from", backup, "--admx", STORE_21H2, "--out", values]);
    expect(back.code).toBe(0);
    const out = join(cwd, "gpo-out");
    const result = await runCli(["intune", "--admx", STORE_21H2, "--values", values, "--out", out, "--json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    const file = JSON.parse(await readFile(values, "utf8"));
    const named = [...Object.keys(file.machine ?? {}), ...Object.keys(file.user ?? {})];
    expect(report.policies.map((p) => p.policy).sort()).toEqual(named.sort());
    expect(named).toHaveLength(13);
    for (const p of report.policies) {
      expect(p.reason.message.length, p.policy).toBeGreaterThan(0);
      if (p.route === "admxBackedCsp")
        expect(p.omaUri, p.policy).toMatch(/^\.\/(Device|User)\/Vendor\/MSFT\/Policy\/Config\//);
      else expect(p.route, p.policy).toBe("none");
    }
    const routes = Object.fromEntries(report.policies.map((p) => [p.policy, p.omaUri ?? p.reason.code]));
    expect(routes).toMatchObject({
      "Microsoft.Policies.WindowsDefender:ProxyServer":
        "./Device/Vendor/MSFT/Policy/Config/ADMX_MicrosoftDefenderAntivirus/ProxyServer",
      TS_DISABLE_CONNECTIONS:
        "./Device/Vendor/MSFT/Policy/Config/RemoteDesktopServices/AllowUsersToConnectRemotely",
      ACStandbyTimeOut_2: "./Device/Vendor/MSFT/Policy/Config/Power/StandbyTimeoutPluggedIn",
      NoRun: "./User/Vendor/MSFT/Policy/Config/ADMX_StartMenu/NoRun",
      AutoUpdateCfg: "MDM_WHY_NO_CSP",
      RemoveWindowsUpdate: "MDM_WHY_NO_CSP",
    });
    const settings = await checkedProfile(out);
    expect(settings).toHaveLength(report.policies.filter((p) => p.route !== "none").length);
    const power = settings.find((s) => s.omaUri.endsWith("/StandbyTimeoutPluggedIn"))!;
    expect(power.value).toBe('<enabled/><data id="EnterACStandbyTimeOut" value="1800"/>');
    expect(existsSync(join(out, "remediation"))).toBe(false);
  });
});

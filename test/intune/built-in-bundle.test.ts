/**
 * `compileIntune` on the built-in defender-proxy bundle: golden files of the four outputs (and the
 * report) for all enabled, all disabled and a mix; the SyncML and every ADMX-backed payload are XML;
 * profile.json holds to a JSON Schema of the Graph types; the Remediations pair writes exactly what
 * `pol` compiles for the policies routed to it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { compileValues, createPolicyIndex } from "../../src/compile/index.js";
import {
  createIntuneSource,
  compileIntune,
  formatRoutesText,
  type IntuneSource,
} from "../../src/intune/index.js";
import type { ValuesFile } from "../../src/values/schema.js";
import { expectGoldenFiles } from "../helpers/golden.js";
import {
  applyEntries,
  commandLines,
  DETECTION_COMMANDS,
  failedChecks,
  REMEDIATION_COMMANDS,
  runRemediation,
  type Registry,
} from "../helpers/remediation-kit.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "intune");
const CASES = ["all-enabled", "all-disabled", "mixed"] as const;

const graphSchema = z.fromJSONSchema(
  JSON.parse(readFileSync(join(FIXTURES, "graph-windows10CustomConfiguration.schema.json"), "utf8")),
);

function values(name: string): ValuesFile {
  return JSON.parse(readFileSync(join(FIXTURES, "values", `${name}.json`), "utf8")) as ValuesFile;
}

function builtInSource(): IntuneSource {
  return createIntuneSource(defenderProxyBundle());
}

function compile(name: string, locale: "en-US" | "ja-JP" = "en-US") {
  const bundle = defenderProxyBundle();
  const displayNames = new Map(bundle.policies.map((p) => [p, bundle.locales[locale]![p.displayName]!]));
  return compileIntune(builtInSource(), values(name), {
    name: `Defender proxy (${name})`,
    file: `${name}.json`,
    source: "defender-proxy",
    locale,
    displayNames,
  });
}

describe("intune: the built-in defender-proxy bundle", () => {
  it.each(CASES)(
    "%s: profile.json, SyncML, the Remediations pair and the report match the golden files",
    async (name) => {
      const result = compile(name);
      expect(result.diagnostics).toEqual([]);
      const report = { path: "report.txt", content: formatRoutesText(result.routes, "en-US") };
      const ja = compile(name, "ja-JP");
      const reportJa = { path: "ja-JP/report.txt", content: formatRoutesText(ja.routes, "ja-JP") };
      const profileJa = {
        path: "ja-JP/profile.json",
        content: ja.files.find((f) => f.path === "profile.json")!.content,
      };
      await expectGoldenFiles(join(FIXTURES, "golden", name), [...result.files, report, reportJa, profileJa]);
    },
  );

  it("routes each policy as Microsoft's Policy CSP reference says", () => {
    const routes = Object.fromEntries(compile("all-enabled").routes.map((r) => [r.key, [r.route, r.omaUri]]));
    expect(routes).toEqual({
      TelemetryProxyServer: ["nativeCsp", "./Device/Vendor/MSFT/Policy/Config/System/TelemetryProxy"],
      DisableEnterpriseAuthProxy: [
        "nativeCsp",
        "./Device/Vendor/MSFT/Policy/Config/System/DisableEnterpriseAuthProxy",
      ],
      ProxyServer: [
        "admxBackedCsp",
        "./Device/Vendor/MSFT/Policy/Config/ADMX_MicrosoftDefenderAntivirus/ProxyServer",
      ],
      ProxyPacUrl: [
        "admxBackedCsp",
        "./Device/Vendor/MSFT/Policy/Config/ADMX_MicrosoftDefenderAntivirus/ProxyPacUrl",
      ],
      ProxyBypass: [
        "admxBackedCsp",
        "./Device/Vendor/MSFT/Policy/Config/ADMX_MicrosoftDefenderAntivirus/ProxyBypass",
      ],
      SSLOptions: ["remediation", undefined],
      PreferStaticProxyForHttpRequest: ["remediation", undefined],
    });
  });

  it.each(CASES)(
    "%s: profile.json holds to the Graph schema; SyncML and every ADMX payload are XML",
    (name) => {
      const files = Object.fromEntries(compile(name).files.map((f) => [f.path, f.content]));
      const profile = JSON.parse(files["profile.json"]!);
      expect(graphSchema.safeParse(profile).error?.issues ?? []).toEqual([]);
      expect(XMLValidator.validate(files["profile.syncml.xml"]!)).toBe(true);
      const admx = (profile.omaSettings as { omaUri: string; value: string }[]).filter((s) =>
        s.omaUri.includes("/ADMX_"),
      );
      expect(admx.length).toBeGreaterThan(0);
      for (const setting of admx)
        expect(XMLValidator.validate(`<payload>${setting.value}</payload>`)).toBe(true);
    },
  );

  it("SyncML deletes what the values file sets to notConfigured, and a native setting whose state only deletes", () => {
    const syncml = (name: string) =>
      compile(name).files.find((f) => f.path === "profile.syncml.xml")!.content;
    const deleted = (text: string) =>
      [...text.matchAll(/<Delete>[\s\S]*?<LocURI>([^<]+)<\/LocURI>/g)].map((m) => m[1]);
    expect(deleted(syncml("mixed"))).toEqual([
      "./Device/Vendor/MSFT/Policy/Config/ADMX_MicrosoftDefenderAntivirus/ProxyPacUrl",
    ]);
    // Disabled TelemetryProxyServer writes only **del.TelemetryProxyServer: the native string goes.
    expect(deleted(syncml("all-disabled"))).toEqual([
      "./Device/Vendor/MSFT/Policy/Config/System/TelemetryProxy",
    ]);
    expect(deleted(syncml("all-enabled"))).toEqual([]);
    const profile = JSON.parse(compile("all-disabled").files.find((f) => f.path === "profile.json")!.content);
    expect(
      profile.omaSettings.map((s: { omaUri: string; value: unknown }) => [
        s.omaUri.split("/").pop(),
        s.value,
      ]),
    ).toEqual([
      ["DisableEnterpriseAuthProxy", 0],
      ["ProxyServer", "<disabled/>"],
      ["ProxyPacUrl", "<disabled/>"],
      ["ProxyBypass", "<disabled/>"],
    ]);
  });

  it("writes Windows' element ids in the ADMX-backed payloads (WindowsDefender.admx, from the shared mapping)", () => {
    const mapping = JSON.parse(
      readFileSync(
        join(import.meta.dirname, "..", "..", "..", "shared", "intune", "admx-backed-csp.json"),
        "utf8",
      ),
    ) as { policies: { area: string; policy: string; elements?: { id: string }[] }[] };
    const profile = JSON.parse(compile("all-enabled").files.find((f) => f.path === "profile.json")!.content);
    for (const name of ["ProxyServer", "ProxyPacUrl", "ProxyBypass"]) {
      const entry = mapping.policies.find(
        (p) => p.area === "ADMX_MicrosoftDefenderAntivirus" && p.policy === name,
      )!;
      const setting = profile.omaSettings.find((s: { omaUri: string }) => s.omaUri.endsWith(`/${name}`));
      const ids = [...(setting.value as string).matchAll(/<data id="([^"]+)"/g)].map((m) => m[1]);
      expect(ids).toEqual(entry.elements!.map((e) => e.id));
    }
  });

  it("a bundle naming other element ids than Windows' is renamed to Windows' ids in the payload", () => {
    const bundle = defenderProxyBundle();
    const proxy = bundle.policies.find((p) => p.name === "ProxyServer")!;
    const renamed = {
      ...proxy,
      elements: proxy.elements!.map((e) => ({ ...e, id: "Server" })),
      intune: {
        route: "admxBackedCsp" as const,
        admxFile: "WindowsDefender.admx",
        policy: "ProxyServer",
        elementIds: { Server: "ProxyServer" },
      },
    };
    const source: IntuneSource = {
      index: createPolicyIndex([{ policies: [renamed] }]),
      originOf: () => ({ admxFile: "Own.admx", fromStore: false }),
      templateOf: () => undefined,
    };
    const result = compileIntune(
      source,
      { machine: { ProxyServer: { state: "enabled", options: { Server: "http://p:8080" } } } },
      { name: "x" },
    );
    const profile = JSON.parse(result.files.find((f) => f.path === "profile.json")!.content);
    expect(profile.omaSettings[0].value).toContain('<data id="ProxyServer" value="http://p:8080"/>');
  });

  it.each(CASES)(
    "%s: the Remediations pair parses, and does exactly what pol's entries for its policies do",
    (name) => {
      const file = values(name);
      const bundle = defenderProxyBundle();
      const scripted = ["SSLOptions", "PreferStaticProxyForHttpRequest"];
      const only: ValuesFile = {
        machine: Object.fromEntries(scripted.map((k) => [k, file.machine![k]!])),
      };
      const expected = compileValues(bundle.policies, only, "machine").entries;
      expect(expected.length).toBeGreaterThan(0);
      const files = Object.fromEntries(compile(name).files.map((f) => [f.path, f.content]));
      const remediate = commandLines(files["remediation/remediate.ps1"]!, REMEDIATION_COMMANDS);
      const detect = commandLines(files["remediation/detect.ps1"]!, DETECTION_COMMANDS);
      // A registry where another tool left other values: the script must end where Group Policy would.
      const seeded = (): Registry =>
        new Map([
          [
            "SOFTWARE\\POLICIES\\MICROSOFT\\WINDOWS DEFENDER\\SPYNET",
            new Map([["SSLOPTIONS", { name: "SSLOptions", type: "DWord", value: 7n }]]),
          ],
        ]);
      const byClient = seeded();
      applyEntries(byClient, expected);
      const byScript = seeded();
      runRemediation(byScript, remediate);
      expect(byScript).toEqual(byClient);
      expect(failedChecks(byScript, detect)).toEqual([]);
      expect(failedChecks(seeded(), detect).length).toBeGreaterThan(0);
    },
  );
});

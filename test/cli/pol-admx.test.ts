import { cp, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli, SHARED, tempDir } from "../helpers/cli.js";
import { listFiles } from "../helpers/golden.js";

/** Windows' own templates (WindowsDefender.admx defines ProxyServer, ProxyPacUrl, ProxyBypass). */
const MICROSOFT = join(SHARED, "reference", "microsoft");
/** Two namespaces that both define a policy `Same` (and one policy of their own each). */
const SAME_NAME = join(REPO_ROOT, "test", "fixtures", "cli-admx", "same-name");

const DEFENDER_VALUES = {
  machine: {
    ProxyServer: { state: "enabled", options: { ProxyServer: "http://proxy.contoso.com:8080" } },
    ProxyPacUrl: { state: "disabled" },
    ProxyBypass: { state: "enabled", options: { ProxyBypass: "<local>;10.*;*.contoso.com" } },
  },
};

/** A temp folder holding `v.json`. */
async function withValues(values: unknown): Promise<string> {
  const cwd = await tempDir("admxkit-admx-");
  await writeFile(join(cwd, "v.json"), JSON.stringify(values));
  return cwd;
}

const STORE_SUMMARY =
  /info ADMX_STORE_OTHER_FINDINGS: these templates also have (\d+) other findings? \((\d+) errors?, (\d+) warnings?\)/;

describe("admxkit pol --admx: compile against the policies of a PolicyDefinitions folder", () => {
  it("Windows' own ProxyServer gives the bytes of the bundle's ProxyServer", async () => {
    const cwd = await withValues({ machine: { ProxyServer: DEFENDER_VALUES.machine.ProxyServer } });
    const windows = await runCli(["pol", "--admx", MICROSOFT, "--values", "v.json", "--out", "windows.pol"], {
      cwd,
    });
    const bundle = await runCli(
      ["pol", "--bundle", "defender-proxy", "--values", "v.json", "--out", "bundle.pol"],
      {
        cwd,
      },
    );
    expect(windows.code, windows.stderr).toBe(0);
    expect(bundle.code, bundle.stderr).toBe(0);
    const bytes = await readFile(join(cwd, "windows.pol"));
    expect(bytes).toEqual(await readFile(join(cwd, "bundle.pol")));
    const dump = await runCli(["dump", "windows.pol", "--json"], { cwd });
    expect(JSON.parse(dump.stdout)).toEqual({
      key: "Software\\Policies\\Microsoft\\Windows Defender",
      valueName: "ProxyServer",
      type: "REG_SZ",
      size: 60,
      data: "http://proxy.contoso.com:8080",
    });
  });

  it("the three Defender proxy policies, enabled and disabled, match the bundle in every output format", async () => {
    const cwd = await withValues(DEFENDER_VALUES);
    for (const format of ["pol", "reg", "lgpo"]) {
      const windows = await runCli(
        ["pol", "--admx", MICROSOFT, "--values", "v.json", "--format", format, "--out", `w.${format}`],
        { cwd },
      );
      const bundle = await runCli(["pol", "--values", "v.json", "--format", format, "--out", `b.${format}`], {
        cwd,
      });
      expect([windows.code, bundle.code], windows.stderr + bundle.stderr).toEqual([0, 0]);
      expect(await readFile(join(cwd, `w.${format}`))).toEqual(await readFile(join(cwd, `b.${format}`)));
    }
  });

  it("does not bury the output under Microsoft's known defects: one summary line, no warning", async () => {
    const cwd = await withValues(DEFENDER_VALUES);
    const result = await runCli(["pol", "--admx", MICROSOFT, "--values", "v.json", "--out", "R.pol"], {
      cwd,
    });
    expect(result.code).toBe(0);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    // WindowsDefender.admx: minValue/maxValue on a <text>; WindowsDefender.adml: its namespace, a stray "d".
    expect(lines[0]).toMatch(STORE_SUMMARY);
    expect(STORE_SUMMARY.exec(lines[0]!)!.slice(1)).toEqual(["4", "0", "4"]);
    expect(lines[0]).toContain(`admxkit validate ${MICROSOFT} lists them`);
  });

  it("shows the findings inside a policy the values file uses, and counts the rest", async () => {
    const cwd = await withValues({
      machine: {
        DeviceControl_DataDuplicationMaximumQuota: {
          state: "enabled",
          options: { DeviceControl_DataDuplicationMaximumQuota: "100" },
        },
      },
    });
    const result = await runCli(["pol", "--admx", MICROSOFT, "--values", "v.json", "--out", "R.pol"], {
      cwd,
    });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain("WindowsDefender.admx:169:");
    expect(lines[0]).toContain("warning XSD_TOLERATED_ATTRIBUTE");
    expect(lines[1]).toContain("warning XSD_TOLERATED_ATTRIBUTE");
    expect(STORE_SUMMARY.exec(lines[2]!)!.slice(1)).toEqual(["2", "0", "2"]);
  });

  it("a name two namespaces define: exit 1 naming both, nothing written", async () => {
    const cwd = await withValues({ machine: { Same: { state: "enabled", options: { Label: "x" } } } });
    const result = await runCli(["pol", "--admx", SAME_NAME, "--values", "v.json", "--out", "R.pol"], {
      cwd,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      "v.json: error VALUES_AMBIGUOUS_POLICY: several templates define a policy Same (Admxkit.Fixture.NsA:Same, Admxkit.Fixture.NsB:Same); write the key as namespace:name (machine.Same)",
    );
    expect(await readdir(cwd)).toEqual(["v.json"]);
  });

  it("namespace:name (or prefix:name) picks one of them; a name one namespace defines stays bare", async () => {
    const cwd = await withValues({
      machine: {
        "Admxkit.Fixture.NsB:Same": { state: "enabled", options: { Label: "from B" } },
        "fixtureA:Same": { state: "disabled" },
        OnlyA: { state: "enabled" },
      },
    });
    const result = await runCli(
      ["pol", "--admx", SAME_NAME, "--values", "v.json", "--format", "json", "--out", "R.jsonl"],
      { cwd },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    const entries = (await readFile(join(cwd, "R.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { key: string; valueName: string; data: unknown });
    expect(entries.map((e) => [e.key, e.valueName, e.data])).toEqual([
      // Values of one key in the order they were first written: Same (disabled) before OnlyA.
      ["Software\\Policies\\Admxkit\\FixtureA", "**del.LabelA", " "],
      ["Software\\Policies\\Admxkit\\FixtureA", "OnlyA", 1],
      ["Software\\Policies\\Admxkit\\FixtureB", "LabelB", "from B"],
    ]);
  });

  it("an error in a template the values file uses fails the run; one elsewhere is not even read", async () => {
    const store = join(await tempDir("admxkit-store-"), "PolicyDefinitions");
    await cp(SAME_NAME, store, { recursive: true });
    await writeFile(join(store, "en-US", "NsA.adml"), "<policyDefinitionResources");
    const usesA = await withValues({ machine: { OnlyA: { state: "enabled" } } });
    const a = await runCli(["pol", "--admx", store, "--values", "v.json", "--out", "R.pol"], { cwd: usesA });
    expect(a.code).toBe(1);
    expect(a.stderr).toContain(`${join(store, "en-US", "NsA.adml")}:`);
    expect(await readdir(usesA)).toEqual(["v.json"]);
    const usesB = await withValues({ machine: { OnlyB: { state: "enabled" } } });
    const b = await runCli(["pol", "--admx", store, "--values", "v.json", "--out", "R.pol"], { cwd: usesB });
    expect(b.code, b.stderr).toBe(0);
    // Only the templates defining the values file's policies are read in full (read-store.ts).
    expect(b.stderr).not.toContain("NsA");
  });

  it("a folder that does not exist or holds no policy (ADMLs only): exit 1 naming it", async () => {
    const cwd = await withValues(DEFENDER_VALUES);
    const missing = await runCli(["pol", "--admx", "nowhere", "--values", "v.json", "--out", "R.pol"], {
      cwd,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nowhere: error INPUT_NOT_FOUND: no such file or folder: nowhere");
    const empty = join(cwd, "empty");
    await cp(join(SAME_NAME, "en-US"), join(empty, "en-US"), { recursive: true });
    const none = await runCli(
      ["pol", "--admx", "empty", "--values", "v.json", "--out", "R.pol", "--lang", "ja-JP"],
      {
        cwd,
      },
    );
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(
      "empty: エラー ADMX_STORE_NO_POLICIES: empty には読み取れるポリシーがありません",
    );
    expect(await readdir(cwd)).toEqual(["empty", "v.json"]);
  });

  it("names the folder when a policy is unknown", async () => {
    const cwd = await withValues({ machine: { ProxyServers: { state: "enabled" } } });
    const result = await runCli(["pol", "--admx", MICROSOFT, "--values", "v.json", "--out", "R.pol"], {
      cwd,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`there is no policy ProxyServers in ${MICROSOFT}`);
  });

  it("--bundle with --admx is a usage error (exit 2)", async () => {
    const cwd = await withValues(DEFENDER_VALUES);
    const args = ["--values", "v.json", "--admx", MICROSOFT, "--bundle", "defender-proxy"];
    const pol = await runCli(["pol", ...args, "--out", "R.pol"], { cwd });
    expect(pol.code).toBe(2);
    expect(pol.stderr).toContain("--bundle and --admx exclude each other: give only one of them");
    const gpo = await runCli(["gpo", ...args, "--name", "P", "--out", "gpo"], { cwd });
    expect(gpo.code).toBe(2);
    expect(await readdir(cwd)).toEqual(["v.json"]);
  });
});

describe("admxkit gpo --admx", () => {
  it("writes a backup whose registry.pol is what pol --admx writes", async () => {
    const cwd = await withValues(DEFENDER_VALUES);
    const gpo = await runCli(
      [
        "gpo",
        "--admx",
        MICROSOFT,
        "--values",
        "v.json",
        "--name",
        "Proxy",
        "--out",
        "gpo",
        "--deterministic",
      ],
      { cwd },
    );
    expect(gpo.code, gpo.stderr).toBe(0);
    expect(gpo.stderr).toMatch(STORE_SUMMARY);
    const id = gpo.stdout.trim();
    expect(await listFiles(join(cwd, "gpo"))).toEqual([
      `${id}/Backup.xml`,
      `${id}/DomainSysvol/GPO/Machine/registry.pol`,
      `${id}/bkupInfo.xml`,
    ]);
    const pol = await runCli(["pol", "--admx", MICROSOFT, "--values", "v.json", "--out", "R.pol"], { cwd });
    expect(pol.code).toBe(0);
    expect(await readFile(join(cwd, "gpo", id, "DomainSysvol/GPO/Machine/registry.pol"))).toEqual(
      await readFile(join(cwd, "R.pol")),
    );
  });

  it("refuses an ambiguous name like pol does (exit 1, nothing written)", async () => {
    const cwd = await withValues({ machine: { Same: { state: "disabled" } } });
    const result = await runCli(
      ["gpo", "--admx", SAME_NAME, "--values", "v.json", "--name", "P", "--out", "gpo"],
      {
        cwd,
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Admxkit.Fixture.NsA:Same, Admxkit.Fixture.NsB:Same");
    expect(await listFiles(join(cwd, "gpo"))).toEqual([]);
  });
});

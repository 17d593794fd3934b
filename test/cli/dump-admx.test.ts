import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodePol } from "../../src/pol/index.js";
import { formatPolTable } from "../../src/formats/index.js";
import { REPO_ROOT, runCli, SHARED, tempDir } from "../helpers/cli.js";

const EXAMPLE_POL = join(REPO_ROOT, "examples", "defender-proxy.Registry.pol");
/** The templates of our bundle, as `admxkit build` writes them (committed and tested elsewhere). */
const OURS = join(REPO_ROOT, "templates", "PolicyDefinitions");
const MICROSOFT = join(SHARED, "reference", "microsoft");
const SAME_NAME = join(REPO_ROOT, "test", "fixtures", "cli-admx", "same-name");

interface ExplainedRecord {
  valueName: string;
  policy: string | null;
  policyClass: string | null;
  element: string | null;
  otherPolicies?: unknown[];
}

const jsonLines = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as ExplainedRecord);

async function plainTable(file: string): Promise<string[]> {
  const decoded = decodePol(new Uint8Array(await readFile(file)));
  if (!decoded.ok) throw new Error(`${file} does not decode`);
  // As the CLI prints it into a pipe: no cell cut.
  return formatPolTable(decoded.entries, { maxCellWidth: Infinity }).trimEnd().split("\n");
}

describe("admxkit dump --admx: which policy and element write each entry", () => {
  it("our templates explain all seven entries of the example, with nothing left over", async () => {
    const result = await runCli(["dump", EXAMPLE_POL, "--admx", OURS]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^KEY\s+VALUE NAME\s+TYPE\s+SIZE\s+DATA\s+POLICY\s+ELEMENT$/);
    // The first five columns are the plain dump's, character for character.
    const plain = await plainTable(EXAMPLE_POL);
    expect(lines).toHaveLength(plain.length);
    lines.forEach((line, i) => expect(line.startsWith(plain[i]!)).toBe(true));
    const rows = Object.fromEntries(
      lines.slice(2).map((line) => [line.split(/\s{2,}/)[1], line.split(/\s{2,}/).slice(-2)]),
    );
    const ns = "Admxkit.Policies.DefenderProxy";
    expect(rows).toEqual({
      TelemetryProxyServer: [`${ns}:TelemetryProxyServer (Machine)`, "TelemetryProxyServer"],
      DisableEnterpriseAuthProxy: [`${ns}:DisableEnterpriseAuthProxy (Machine)`, "(policy value)"],
      PreferStaticProxyForHttpRequest: [`${ns}:PreferStaticProxyForHttpRequest (Machine)`, "(policy value)"],
      ProxyServer: [`${ns}:ProxyServer (Machine)`, "ProxyServer"],
      ProxyPacUrl: [`${ns}:ProxyPacUrl (Machine)`, "ProxyPacUrl"],
      ProxyBypass: [`${ns}:ProxyBypass (Machine)`, "ProxyBypass"],
      SSLOptions: [`${ns}:SSLOptions (Machine)`, "(policy value)"],
    });
  });

  it("--json adds policy, policyClass and element to each record", async () => {
    const result = await runCli(["dump", EXAMPLE_POL, "--admx", OURS, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const records = jsonLines(result.stdout);
    expect(records).toHaveLength(7);
    expect(new Set(records.map((r) => r.policy)).size).toBe(7);
    expect(records.find((r) => r.valueName === "ProxyBypass")).toEqual({
      key: "Software\\Policies\\Microsoft\\Windows Defender",
      valueName: "ProxyBypass",
      type: "REG_SZ",
      size: 54,
      data: "<local>;10.*;*.contoso.com",
      policy: "Admxkit.Policies.DefenderProxy:ProxyBypass",
      policyClass: "Machine",
      element: "ProxyBypass",
    });
  });

  it("Windows' own templates explain five entries; SSLOptions and PreferStaticProxyForHttpRequest are listed", async () => {
    const result = await runCli(["dump", EXAMPLE_POL, "--admx", MICROSOFT]);
    expect(result.code).toBe(0);
    const rows = result.stdout.trimEnd().split("\n").slice(2);
    const explained = rows.filter((row) => !/\s-\s+-$/.test(row));
    expect(explained).toHaveLength(5);
    expect(result.stdout).toMatch(
      / Microsoft\.Policies\.DataCollection:TelemetryProxy \(Machine\) +TelemetryProxyName\n/,
    );
    // Windows' DisableEnterpriseAuthProxy writes the value twice: as the policy's value and by its dropdown.
    expect(result.stdout).toMatch(
      / Microsoft\.Policies\.DataCollection:DisableEnterpriseAuthProxy \(Machine\) +\(policy value\), DisableEnterpriseAuthProxy\n/,
    );
    const warnings = result.stderr.split("\n").filter((line) => line.includes("DUMP_ENTRY_UNEXPLAINED"));
    expect(warnings).toEqual([
      `${EXAMPLE_POL}: warning DUMP_ENTRY_UNEXPLAINED: entry 3 (Software\\Policies\\Microsoft\\Windows Advanced Threat Protection / PreferStaticProxyForHttpRequest) is written by no policy of the templates in ${MICROSOFT}`,
      `${EXAMPLE_POL}: warning DUMP_ENTRY_UNEXPLAINED: entry 7 (Software\\Policies\\Microsoft\\Windows Defender\\Spynet / SSLOptions) is written by no policy of the templates in ${MICROSOFT}`,
    ]);
    // The known defects of WindowsDefender.adml/.admx concern no policy explaining an entry: one count.
    expect(result.stderr).toContain(
      "info ADMX_STORE_OTHER_FINDINGS: these templates also have 4 other findings (0 errors, 4 warnings)",
    );
  });

  it("with --json, unexplained entries have null fields and stderr carries no per-entry warning", async () => {
    const result = await runCli(["dump", EXAMPLE_POL, "--admx", MICROSOFT, "--json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain("DUMP_ENTRY_UNEXPLAINED");
    const records = jsonLines(result.stdout);
    const unexplained = records.filter((r) => r.policy === null);
    expect(unexplained.map((r) => r.valueName)).toEqual(["PreferStaticProxyForHttpRequest", "SSLOptions"]);
    for (const r of unexplained) expect([r.policyClass, r.element]).toEqual([null, null]);
    expect(records.find((r) => r.valueName === "ProxyServer")).toMatchObject({
      policy: "Microsoft.Policies.WindowsDefender:ProxyServer",
      policyClass: "Machine",
      element: "ProxyServer",
    });
  });

  it("deletions name the element they delete (**del.X → X)", async () => {
    const cwd = await tempDir();
    const values = { machine: { "fixtureA:Same": { state: "disabled" }, OnlyB: { state: "disabled" } } };
    await writeFile(join(cwd, "v.json"), JSON.stringify(values));
    expect(
      (await runCli(["pol", "--admx", SAME_NAME, "--values", "v.json", "--out", "R.pol"], { cwd })).code,
    ).toBe(0);
    const result = await runCli(["dump", "R.pol", "--admx", SAME_NAME, "--json"], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(jsonLines(result.stdout).map((r) => [r.valueName, r.policy, r.element])).toEqual([
      ["**del.LabelA", "Admxkit.Fixture.NsA:Same", "Label"],
      ["OnlyB", "Admxkit.Fixture.NsB:OnlyB", "(policy value)"],
    ]);
  });

  it("a value two templates write names both policies", async () => {
    // Our bundle beside Windows' own (as in a central store holding both): ProxyServer has two writers.
    const cwd = await tempDir();
    await cp(MICROSOFT, join(cwd, "store"), { recursive: true });
    await cp(OURS, join(cwd, "store"), { recursive: true });
    const both = await runCli(["dump", EXAMPLE_POL, "--admx", "store", "--json"], { cwd });
    expect(both.code, both.stderr).toBe(0);
    const proxy = jsonLines(both.stdout).find((r) => r.valueName === "ProxyServer")!;
    expect(proxy).toMatchObject({
      policy: "Admxkit.Policies.DefenderProxy:ProxyServer",
      element: "ProxyServer",
    });
    expect(proxy.otherPolicies).toEqual([
      {
        policy: "Microsoft.Policies.WindowsDefender:ProxyServer",
        policyClass: "Machine",
        element: "ProxyServer",
      },
    ]);
    const table = await runCli(["dump", EXAMPLE_POL, "--admx", "store"], { cwd });
    expect(table.stdout).toMatch(
      / Admxkit\.Policies\.DefenderProxy:ProxyServer \(Machine\); Microsoft\.Policies\.WindowsDefender:ProxyServer \(Machine\) +ProxyServer; ProxyServer\n/,
    );
    expect(table.stderr).not.toContain("DUMP_ENTRY_UNEXPLAINED");
  });

  it("writes the explained table to --out, warnings still on stderr", async () => {
    const cwd = await tempDir();
    const result = await runCli(["dump", EXAMPLE_POL, "--admx", MICROSOFT, "--out", "dump.txt"], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${join(cwd, "dump.txt")}\n`);
    expect(await readFile(join(cwd, "dump.txt"), "utf8")).toMatch(/^KEY .* POLICY +ELEMENT\n/);
    expect(result.stderr).toContain("DUMP_ENTRY_UNEXPLAINED");
  });

  it("usage errors exit 2 (--admx with --format lgpo); a missing folder exits 1", async () => {
    const lgpo = await runCli(["dump", EXAMPLE_POL, "--admx", MICROSOFT, "--format", "lgpo"]);
    expect(lgpo.code).toBe(2);
    expect(lgpo.stderr).toContain("--admx explains entries in the table and JSON formats");
    const missing = await runCli(["dump", EXAMPLE_POL, "--admx", "nowhere"]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain("error INPUT_NOT_FOUND");
  });
});

/**
 * `admxkit values --from` and `admxkit diff` end to end, with the built binary and Windows' own
 * Defender and DataCollection templates: a GPO backup back to a values file and to the same bytes,
 * diffs in both languages and as JSON lines, and the exit codes.
 */
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { dwordEntry, encodePol } from "../../src/pol/index.js";
import { runCli, SHARED, tempDir } from "../helpers/cli.js";

const MICROSOFT = join(SHARED, "reference", "microsoft");

const VALUES = {
  machine: {
    ProxyServer: { state: "enabled", options: { ProxyServer: "http://proxy.contoso.com:8080" } },
    ProxyPacUrl: { state: "disabled" },
    DisableEnterpriseAuthProxy: { state: "enabled", options: { DisableEnterpriseAuthProxy: 1 } },
  },
  user: {},
};

let cwd: string;
let backupId: string;
beforeAll(async () => {
  cwd = await tempDir("admxkit-values-");
  await writeFile(join(cwd, "v.json"), JSON.stringify(VALUES));
  const gpo = await runCli(
    ["gpo", "--admx", MICROSOFT, "--values", "v.json", "--name", "Proxy", "--deterministic", "--out", "bk"],
    { cwd },
  );
  expect(gpo.code, gpo.stderr).toBe(0);
  backupId = gpo.stdout.trim();
});

describe("admxkit values --from", () => {
  it("turns a GPO backup into a values file that compiles back to the backup's registry.pol", async () => {
    const values = await runCli(["values", "--from", "bk", "--admx", MICROSOFT, "--out", "back.json"], {
      cwd,
    });
    expect(values.code, values.stderr).toBe(0);
    expect(values.stdout.trim()).toBe(join(cwd, "back.json"));
    expect(values.stderr).toContain(
      "info VALUES_FROM_SUMMARY: decoded 3 Machine and 0 User policies; the values file keeps 0 entries",
    );
    const back = JSON.parse(await readFile(join(cwd, "back.json"), "utf8"));
    // The enum item by its id (index 1 is the second item), the policies in the order of the file.
    expect(back).toEqual({
      machine: {
        DisableEnterpriseAuthProxy: {
          state: "enabled",
          options: { DisableEnterpriseAuthProxy: "DisableEnterpriseAuthProxy_2" },
        },
        ProxyServer: VALUES.machine.ProxyServer,
        ProxyPacUrl: { state: "disabled" },
      },
      user: {},
    });
    const pol = await runCli(["pol", "--admx", MICROSOFT, "--values", "back.json", "--out", "m.pol"], {
      cwd,
    });
    expect(pol.code, pol.stderr).toBe(0);
    const original = await readFile(
      join(cwd, "bk", backupId, "DomainSysvol", "GPO", "Machine", "registry.pol"),
    );
    expect(await readFile(join(cwd, "m.pol"))).toEqual(original);
  });

  it("refuses entries a values file cannot carry, and writes nothing", async () => {
    await writeFile(join(cwd, "bad.pol"), encodePol([dwordEntry("Software\\Bad\u0007", "v", 1)]));
    const result = await runCli(["values", "--from", "bad.pol", "--out", "bad.json"], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error VALUES_FROM_CONTROL_CHARACTER");
    expect((await readdir(cwd)).includes("bad.json")).toBe(false);
  });
});

describe("admxkit diff", () => {
  it("prints nothing and exits 0 for a file against itself, and against its own values file", async () => {
    for (const [a, b] of [
      ["bk", "bk"],
      ["v.json", "bk"],
    ]) {
      const result = await runCli(["diff", a!, b!, "--admx", MICROSOFT], { cwd });
      expect([result.code, result.stdout, result.stderr], `${a} ${b}`).toEqual([0, "", ""]);
    }
  });

  it("shows one changed option as exactly that change, in en-US, ja-JP and JSON lines; exit 1", async () => {
    const changed = structuredClone(VALUES);
    changed.machine.ProxyServer.options.ProxyServer = "http://other.contoso.com:3128";
    await writeFile(join(cwd, "changed.json"), JSON.stringify(changed));
    const args = ["diff", "bk", "changed.json", "--admx", MICROSOFT];
    const en = await runCli(args, { cwd });
    const ja = await runCli([...args, "--lang", "ja-JP"], { cwd });
    const json = await runCli([...args, "--json"], { cwd });
    const change = '"http://proxy.contoso.com:8080" → "http://other.contoso.com:3128"';
    expect([en.code, en.stderr]).toEqual([1, ""]);
    expect(en.stdout).toBe(
      "Computer Configuration (machine)\n" +
        "  Define proxy server for connecting to the network (Microsoft.Policies.WindowsDefender:ProxyServer)\n" +
        `    ~ ProxyServer: ${change}\n`,
    );
    expect([ja.code, ja.stderr]).toEqual([1, ""]);
    expect(ja.stdout).toBe(
      "コンピューターの構成 (machine)\n" +
        "  ネットワークへ接続するためのプロキシ サーバーを定義する (Microsoft.Policies.WindowsDefender:ProxyServer)\n" +
        `    ~ ProxyServer: ${change}\n`,
    );
    expect(json.code).toBe(1);
    expect(
      json.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual([
      {
        class: "machine",
        change: "option",
        policy: "Microsoft.Policies.WindowsDefender:ProxyServer",
        option: "ProxyServer",
        from: "http://proxy.contoso.com:8080",
        to: "http://other.contoso.com:3128",
        displayName: "Define proxy server for connecting to the network",
      },
    ]);
  });

  it("exits 2 on usage errors and on inputs it cannot read", async () => {
    const missingArg = await runCli(["diff", "bk"], { cwd });
    const missingFile = await runCli(["diff", "bk", "nothing.json", "--admx", MICROSOFT], { cwd });
    expect(missingArg.code).toBe(2);
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toContain("INPUT_NOT_FOUND");
  });

  it("refuses a values file naming a policy the templates lack, rather than showing it as added", async () => {
    await writeFile(
      join(cwd, "typo.json"),
      JSON.stringify({ machine: { ProxyServr: { state: "enabled" } } }),
    );
    await writeFile(join(cwd, "empty.json"), JSON.stringify({ machine: {} }));
    const result = await runCli(["diff", "empty.json", "typo.json"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("VALUES_UNKNOWN_POLICY");
    expect(result.stderr).toContain("did you mean ProxyServer");
  });

  it("reads a .pol file as a Registry.pol even when its signature is broken", async () => {
    await writeFile(join(cwd, "broken.pol"), "not a pol");
    await writeFile(join(cwd, "empty.json"), JSON.stringify({ machine: {} }));
    const result = await runCli(["diff", "broken.pol", "empty.json", "--lang", "ja-JP"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("POL_FILE_INVALID");
    expect(result.stderr).not.toContain("JSON");
  });
});

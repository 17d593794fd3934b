import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli, tempDir } from "../helpers/cli.js";
import { listFiles } from "../helpers/golden.js";

const VALUES = join(REPO_ROOT, "examples", "defender-proxy.values.json");
const GUID = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/;

describe("admxkit gpo", () => {
  it("without --deterministic: a new backup id each run, printed and used as the folder", async () => {
    const out = await tempDir();
    const first = await runCli(["gpo", "--values", VALUES, "--name", "Defender proxy", "--out", out]);
    const second = await runCli(["gpo", "--values", VALUES, "--name", "Defender proxy", "--out", out]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const [a, b] = [first.stdout.trim(), second.stdout.trim()];
    expect(a).toMatch(GUID);
    expect(b).toMatch(GUID);
    expect(a).not.toBe(b);
    const info = await readFile(join(out, a, "bkupInfo.xml"), "utf8");
    expect(info).toContain(`<ID><![CDATA[${a}]]></ID>`);
    expect(info).not.toContain("2000-01-01T00:00:00");
    // Two backups side by side, the way GPMC keeps a backup folder.
    expect((await listFiles(out)).filter((p) => p.endsWith("/bkupInfo.xml"))).toHaveLength(2);
  });

  it("--json prints the backup id and the files written", async () => {
    const out = await tempDir();
    const result = await runCli([
      "gpo",
      "--values",
      VALUES,
      "--name",
      "Proxy",
      "--out",
      out,
      "--deterministic",
      "--json",
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { backupId: string; files: string[] };
    expect(report.backupId).toMatch(GUID);
    expect(
      report.files.map((f) =>
        f
          .slice(out.length + 1)
          .split("\\")
          .join("/"),
      ),
    ).toEqual([
      `${report.backupId}/Backup.xml`,
      `${report.backupId}/bkupInfo.xml`,
      `${report.backupId}/DomainSysvol/GPO/Machine/registry.pol`,
    ]);
  });

  it("a values file naming an unknown policy: exit 1, the file and policy on stderr, nothing written", async () => {
    const dir = await tempDir();
    const values = join(dir, "bad.values.json");
    await writeFile(values, JSON.stringify({ machine: { ProxyServr: { state: "enabled" } }, user: {} }));
    const out = join(dir, "out");
    const result = await runCli(["gpo", "--values", values, "--name", "Proxy", "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(values);
    expect(result.stderr).toContain("ProxyServr");
    expect(await listFiles(out)).toEqual([]);
  });

  it("a missing values file: exit 1 naming it", async () => {
    const out = await tempDir();
    const result = await runCli(["gpo", "--values", join(out, "nope.json"), "--name", "Proxy", "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("nope.json");
    expect(await listFiles(out)).toEqual([]);
  });

  it("a display name the backup cannot carry: exit 1 with the reason, in Japanese with --lang ja-JP", async () => {
    const out = await tempDir();
    const result = await runCli([
      "gpo",
      "--values",
      VALUES,
      "--name",
      "a]]>b",
      "--out",
      out,
      "--lang",
      "ja-JP",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("GPO_NAME_CDATA_END");
    expect(result.stderr).toContain("GPMC のバックアップ");
    expect(await listFiles(out)).toEqual([]);
  });

  // gpo --admx itself (a PolicyDefinitions store) is tested in test/cli/ (pol-admx, inbox-store).
  it("usage errors exit 2: --bundle with --admx, missing --name", async () => {
    const out = await tempDir();
    const both = await runCli([
      "gpo",
      "--values",
      VALUES,
      "--name",
      "P",
      "--out",
      out,
      "--admx",
      "x",
      "--bundle",
      "y",
    ]);
    expect(both.code).toBe(2);
    const noName = await runCli(["gpo", "--values", VALUES, "--out", out]);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain("name");
    expect(await listFiles(out)).toEqual([]);
  });
});

/**
 * Golden files of the three delivery routes for examples/defender-proxy.values.json: the GPO backup
 * folder (deterministic mode, through the built CLI), the PowerShell script and the LGPO text. The
 * backup's registry.pol must be exactly what `admxkit pol` writes for the same values.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileValues, createPolicyIndex } from "../../src/compile/index.js";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { deterministicIdentity } from "../../src/gpo/index.js";
import { encodeLgpoText, formatLgpoText } from "../../src/formats/index.js";
import { encodePowerShellScript, entriesToPowerShell } from "../../src/formats/ps1/index.js";
import { readValuesFile } from "../../src/values/read-values.js";
import { REPO_ROOT, runCli, tempDir } from "../helpers/cli.js";
import { expectGoldenFiles, listFiles } from "../helpers/golden.js";

const VALUES = join(REPO_ROOT, "examples", "defender-proxy.values.json");
const GOLDEN = join(REPO_ROOT, "test", "fixtures", "gpo", "golden");
const NAME = "Defender proxy";

async function machineEntries() {
  const bundle = defenderProxyBundle();
  const { namespace, prefix } = bundle.target;
  const index = createPolicyIndex([{ namespace, prefix, policies: bundle.policies }]);
  const result = compileValues(index, await readValuesFile(VALUES), "machine");
  expect(result.diagnostics).toEqual([]);
  return result.entries;
}

describe("golden: defender-proxy values", () => {
  it("admxkit gpo --deterministic writes the golden backup folder and prints its id", async () => {
    const out = await tempDir();
    const result = await runCli(["gpo", "--values", VALUES, "--name", NAME, "--out", out, "--deterministic"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const id = deterministicIdentity(NAME).backupId;
    expect(result.stdout).toBe(`${id}\n`);
    const paths = await listFiles(out);
    expect(paths).toEqual([
      `${id}/Backup.xml`,
      `${id}/DomainSysvol/GPO/Machine/registry.pol`,
      `${id}/bkupInfo.xml`,
    ]);
    const files = await Promise.all(
      paths.map(async (path) => ({ path, content: await readFile(join(out, path)) })),
    );
    await expectGoldenFiles(join(GOLDEN, "backup"), files);
  });

  it("the backup's registry.pol equals admxkit pol's output byte for byte", async () => {
    const out = await tempDir();
    const gpo = await runCli(["gpo", "--values", VALUES, "--name", NAME, "--out", out]);
    expect(gpo.code).toBe(0);
    const id = gpo.stdout.trim();
    const pol = await runCli(["pol", "--values", VALUES, "--out", join(out, "Registry.pol")]);
    expect(pol.code).toBe(0);
    const fromPol = await readFile(join(out, "Registry.pol"));
    const fromBackup = await readFile(join(out, id, "DomainSysvol", "GPO", "Machine", "registry.pol"));
    expect(fromPol.length).toBeGreaterThan(8);
    expect(fromBackup.equals(fromPol)).toBe(true);
  });

  it("PowerShell script", async () => {
    const script = encodePowerShellScript(entriesToPowerShell(await machineEntries(), { hive: "machine" }));
    await expectGoldenFiles(join(GOLDEN, "script"), [
      { path: "defender-proxy.machine.ps1", content: script },
    ]);
  });

  it("LGPO text", async () => {
    const text = encodeLgpoText(formatLgpoText(await machineEntries(), "machine"));
    await expectGoldenFiles(join(GOLDEN, "lgpo"), [
      { path: "defender-proxy.machine.lgpo.txt", content: text },
    ]);
  });
});

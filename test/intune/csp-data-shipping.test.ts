import { execFile } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.js";

const exec = promisify(execFile);

/**
 * The ADMX-backed CSP mapping is a data file beside dist/, found from the module's own URL: it must be
 * in the package and readable by the built module (the CLI bundle keeps each module's dist/ URL).
 */
describe("the CSP mapping data in the package", () => {
  it("is listed by npm pack", { timeout: 120_000 }, async () => {
    const { stdout } = await exec("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: REPO_ROOT,
    });
    const [pack] = JSON.parse(stdout) as { files: { path: string }[] }[];
    expect(pack!.files.map((f) => f.path)).toContain("data/intune/admx-backed-csp.json");
  });

  it("is read by the built module in dist/", { timeout: 60_000 }, async () => {
    const module = pathToFileURL(join(REPO_ROOT, "dist", "intune", "csp-map.js")).href;
    const script = `const m = await import(${JSON.stringify(module)}); process.stdout.write(m.findAdmxBackedCsp("WindowsDefender.admx", "ProxyBypass").omaUris.Device);`;
    const { stdout } = await exec(process.execPath, ["--input-type=module", "-e", script]);
    expect(stdout).toBe("./Device/Vendor/MSFT/Policy/Config/ADMX_MicrosoftDefenderAntivirus/ProxyBypass");
  });
});

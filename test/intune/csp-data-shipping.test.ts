import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.js";

/**
 * The ADMX-backed CSP mapping is a data file beside dist/, found from the module's own URL: it must be
 * readable by the built module (the CLI bundle keeps each module's dist/ URL). That `npm pack` ships
 * it, and that the installed package's module reads it, is checked by test/pack/pack.test.ts.
 */
describe("the CSP mapping data beside the built module", () => {
  it("is read by the built module in dist/", async () => {
    const module = pathToFileURL(join(REPO_ROOT, "dist", "intune", "csp-map.js")).href;
    const { findAdmxBackedCsp } = (await import(module)) as typeof import("../../src/intune/csp-map.js");
    expect(findAdmxBackedCsp("WindowsDefender.admx", "ProxyBypass")?.omaUris.Device).toBe(
      "./Device/Vendor/MSFT/Policy/Config/ADMX_MicrosoftDefenderAntivirus/ProxyBypass",
    );
  });
});

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { compileValues } from "../../src/compile/index.js";
import { decodePol, encodePol } from "../../src/pol/index.js";
import { parseValuesText } from "../../src/values/parse-values.js";
import { REPO_ROOT } from "../helpers/cli.js";
import { expectGoldenFiles } from "../helpers/golden.js";
import { dword, records, sz } from "../helpers/compile-kit.js";

const EXAMPLES = join(REPO_ROOT, "examples");
const DATA_COLLECTION = "Software\\Policies\\Microsoft\\Windows\\DataCollection";
const DEFENDER = "Software\\Policies\\Microsoft\\Windows Defender";

async function compileExample() {
  const parsed = parseValuesText(await readFile(join(EXAMPLES, "defender-proxy.values.json"), "utf8"));
  if (!parsed.ok) throw new Error("the example values file does not parse");
  return compileValues(defenderProxyBundle().policies, parsed.values, "machine");
}

it("compiles the example values file (all seven policies enabled) without any diagnostic", async () => {
  const result = await compileExample();
  expect(result.diagnostics).toEqual([]);
  expect(records(result.entries)).toEqual([
    sz(DATA_COLLECTION, "TelemetryProxyServer", "proxy.contoso.com:8080"),
    dword(DATA_COLLECTION, "DisableEnterpriseAuthProxy", 1),
    dword(
      "Software\\Policies\\Microsoft\\Windows Advanced Threat Protection",
      "PreferStaticProxyForHttpRequest",
      1,
    ),
    sz(DEFENDER, "ProxyServer", "http://proxy.contoso.com:8080"),
    sz(DEFENDER, "ProxyPacUrl", "http://proxy.contoso.com/proxy.pac"),
    sz(DEFENDER, "ProxyBypass", "<local>;10.*;*.contoso.com"),
    dword(`${DEFENDER}\\Spynet`, "SSLOptions", 0),
  ]);
});

it("matches examples/defender-proxy.Registry.pol byte for byte", async () => {
  const bytes = encodePol((await compileExample()).entries);
  await expectGoldenFiles(
    EXAMPLES,
    [{ path: "defender-proxy.Registry.pol", content: bytes }],
    "defender-proxy.Registry.pol",
  );
  // The golden file itself is a well-formed Registry.pol.
  const decoded = decodePol(new Uint8Array(await readFile(join(EXAMPLES, "defender-proxy.Registry.pol"))));
  expect(decoded.ok && decoded.entries.length).toBe(7);
});

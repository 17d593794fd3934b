import { cp, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateTemplates } from "../../src/templates/generate.js";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { compilePolicy } from "../../src/compile/compile-policy.js";
import { createPolicyIndex } from "../../src/compile/policy-index.js";
import { writeFilesAtomic } from "../../src/io/write-files.js";
import { readStore } from "../../src/read/read-store.js";
import { SHARED, tempDir } from "../helpers/cli.js";

const MICROSOFT = join(SHARED, "reference", "microsoft");

describe("readStore", () => {
  it("reads every policy of a store with its namespace, file and position", async () => {
    const store = await readStore(MICROSOFT);
    expect(store.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(store.templates.map((t) => [t.namespace, t.policies.length])).toEqual([
      ["Microsoft.Policies.DataCollection", 19],
      ["Microsoft.Policies.WindowsDefender", 152],
    ]);
    const proxy = store.policies.find((p) => p.policy.name === "ProxyServer")!;
    expect(proxy).toMatchObject({
      namespace: "Microsoft.Policies.WindowsDefender",
      prefix: "windef",
      line: 236,
      column: 9,
    });
    expect(proxy.file.endsWith("WindowsDefender.admx")).toBe(true);
    expect(proxy.policy.elements?.[0]).toMatchObject({
      kind: "text",
      id: "ProxyServer",
      control: { type: "textBox" },
    });
    // Controls come from the ADML: the dropdown's default item is there, not in the ADMX.
    const telemetry = store.policies.find((p) => p.policy.name === "AllowTelemetry")!.policy;
    expect(telemetry.elements?.[0]?.control).toMatchObject({
      type: "dropdownList",
      defaultItem: 1,
      noSort: true,
    });
  });

  it("compiling Windows' own ProxyServer gives the same entries as our bundle's ProxyServer", async () => {
    const store = await readStore(MICROSOFT);
    const windows = store.policies.find((p) => p.policy.name === "ProxyServer")!.policy;
    const ours = defenderProxyBundle().policies.find((p) => p.name === "ProxyServer")!;
    for (const state of [
      { state: "enabled", options: { ProxyServer: "http://proxy.contoso.com:8080" } },
      { state: "disabled" },
    ] as const) {
      const a = compilePolicy(windows, state);
      const b = compilePolicy(ours, state);
      expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(a.entries).toEqual(b.entries);
      expect(a.entries.length).toBeGreaterThan(0);
    }
  });

  it("a name in two namespaces must be qualified: the store feeds the compiler's policy index", async () => {
    const dir = await tempDir();
    await writeFilesAtomic(dir, generateTemplates(defenderProxyBundle()).files);
    await mkdir(join(dir, "PolicyDefinitions", "en-US"), { recursive: true });
    await cp(join(MICROSOFT, "WindowsDefender.admx"), join(dir, "PolicyDefinitions", "WindowsDefender.admx"));
    await cp(
      join(MICROSOFT, "en-US", "WindowsDefender.adml"),
      join(dir, "PolicyDefinitions", "en-US", "WindowsDefender.adml"),
    );
    const store = await readStore(join(dir, "PolicyDefinitions"));
    const index = createPolicyIndex(store.templates);
    expect(index.lookup("ProxyServer")).toMatchObject({ ok: false, reason: "ambiguous" });
    const qualified = index.lookup("Microsoft.Policies.WindowsDefender:ProxyServer");
    expect(qualified.ok && qualified.policy.key).toBe("Software\\Policies\\Microsoft\\Windows Defender");
    expect(index.lookup("SSLOptions")).toMatchObject({ ok: true });
  });

  it("an element no ADML presents still compiles, with a stand-in control that has no default", async () => {
    const store = await readStore(join(MICROSOFT, "DataCollection.admx"), { locale: "fr-FR" });
    const proxy = store.policies.find((p) => p.policy.name === "TelemetryProxy")!;
    expect(proxy.withoutControl).toEqual(["TelemetryProxyName"]);
    expect(proxy.policy.elements?.[0]?.control).toEqual({ type: "textBox", label: "" });
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeXmlBytes } from "../../src/read/decode.js";
import { parseAdmx } from "../../src/read/read-file.js";
import { readStore } from "../../src/read/read-store.js";
import { scanTemplateNames } from "../../src/read/template-names.js";
import { SHARED } from "../helpers/cli.js";
import { readInboxStore } from "../helpers/inbox-store.js";

const STORES = ["windows11-21h2", "windows10-1903"].map((s) =>
  join(SHARED, "corpus", s, "PolicyDefinitions"),
);
const W11 = STORES[0]!;

describe("scanTemplateNames: the cheap index of a store", () => {
  it("finds exactly the target and policy names a full read finds, in every ADMX of both stores", () => {
    let checked = 0;
    for (const store of STORES) {
      for (const name of readdirSync(store).filter((n) => n.toLowerCase().endsWith(".admx"))) {
        const bytes = readFileSync(join(store, name));
        const full = parseAdmx(bytes, name, { schema: false }).document!;
        const scan = scanTemplateNames(decodeXmlBytes(bytes, name).text);
        expect(scan, name).toEqual({
          namespace: full.target?.namespace,
          prefix: full.target?.prefix,
          policies: full.policies.map((p) => p.name),
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  it("skips policies inside comments and CDATA, decodes references, reads prefixed and single-quoted tags", () => {
    const text =
      "<policyDefinitions><!-- <policy name=\"Commented\"/> --><![CDATA[<policy name='InCdata'/>]]>" +
      "<policyNamespaces><p:target xmlns:p='x' prefix='a' namespace='N&amp;S'/></policyNamespaces>" +
      "<policies><policy class='Machine' name='A&#x42;' displayName=\"x>y\"/><policy\n name=\"C\"></policy>" +
      '<policyX name="NotAPolicy"/></policies></policyDefinitions>';
    expect(scanTemplateNames(text)).toEqual({ namespace: "N&S", prefix: "a", policies: ["AB", "C"] });
  });
});

describe("readStore({ policies }): only the templates a values file needs", () => {
  it("reads in full only the templates defining the named policies, in store order", async () => {
    const store = await readStore(W11, {
      policies: ["windef:ProxyServer", "microsoft.policies.datacollection:AllowTelemetry", "DisableBackoff"],
    });
    expect(store.templates.map((t) => t.namespace)).toEqual([
      "Microsoft.Policies.DataCollection",
      "FullArmor.Policies.3B9EA2B5_A1D1_4CD5_9EDE_75B22990BC21",
      "Microsoft.Policies.WindowsDefender",
    ]);
    expect(store.policies.some((p) => p.policy.name === "ProxyServer")).toBe(true);
    // Findings come only from what was read.
    const files = new Set(store.diagnostics.map((d) => (d.file ?? "").split("/").pop()!.toLowerCase()));
    for (const file of files) expect(file).toMatch(/^(datacollection|search|windowsdefender)\.adm[lx]$/);
  });

  it("a bare name several templates define reads all of them (the index then reports the ambiguity)", async () => {
    const all = await readInboxStore("windows11-21h2");
    const counts = new Map<string, number>();
    for (const p of all.policies) counts.set(p.policy.name, (counts.get(p.policy.name) ?? 0) + 1);
    const shared = [...counts].find(([, n]) => n > 1)![0];
    const store = await readStore(W11, { policies: [shared] });
    expect(store.policies.filter((p) => p.policy.name === shared).length).toBe(counts.get(shared));
  });

  it("a key no template defines reads the whole store, so the error and its suggestions see everything", async () => {
    const all = await readInboxStore("windows11-21h2");
    const store = await readStore(W11, { policies: ["ProxyServer", "NoSuchPolicyAnywhere"] });
    expect(store.templates.length).toBe(all.templates.length);
    expect(store.policies.length).toBe(all.policies.length);
  });
});

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHARED } from "./cli.js";
import { validateXml } from "./xsd.js";

const MICROSOFT_DIR = join(SHARED, "reference", "microsoft");

function readReference(relativePath: string): Promise<string> {
  return readFile(join(MICROSOFT_DIR, relativePath), "utf8");
}

const NS = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions";

/** Minimal hand-written ADMX with one category and one boolean policy; `extra` goes inside <policy>. */
function smallAdmx(extra = ""): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitions revision="1.0" schemaVersion="1.0" xmlns="${NS}">
  <policyNamespaces>
    <target prefix="contoso" namespace="Contoso.Policies.Example" />
    <using prefix="windows" namespace="Microsoft.Policies.Windows" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <categories>
    <category name="Example" displayName="$(string.Example)" />
  </categories>
  <policies>
    <policy name="TurnOnWidget" class="Machine" displayName="$(string.TurnOnWidget)"
        explainText="$(string.TurnOnWidget_Help)" key="Software\\Policies\\Contoso\\Example"
        valueName="Widget">
      <parentCategory ref="Example" />
      <supportedOn ref="windows:SUPPORTED_Windows_10_0" />
      <enabledValue><decimal value="1" /></enabledValue>
      <disabledValue><decimal value="0" /></disabledValue>${extra}
    </policy>
  </policies>
</policyDefinitions>
`;
}

const SMALL_ADML = `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitionResources revision="1.0" schemaVersion="1.0" xmlns="${NS}">
  <displayName>Example</displayName>
  <description>Example policies</description>
  <resources>
    <stringTable>
      <string id="Example">Example</string>
      <string id="TurnOnWidget">Turn on the widget</string>
      <string id="TurnOnWidget_Help">Turns the widget on or off.</string>
    </stringTable>
  </resources>
</policyDefinitionResources>
`;

describe("validateXml", () => {
  it.each([
    ["DataCollection.admx", "admx"],
    ["en-US/DataCollection.adml", "adml"],
    ["ja-JP/DataCollection.adml", "adml"],
  ] as const)("accepts Microsoft's %s", async (file, kind) => {
    const result = await validateXml(await readReference(file), kind);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("rejects Microsoft's WindowsDefender.admx (minValue/maxValue on <text>)", async () => {
    const result = await validateXml(await readReference("WindowsDefender.admx"), "admx");
    expect(result.valid).toBe(false);
    expect(result.errors.some((e) => e.includes("'minValue'"))).toBe(true);
    expect(result.errors.some((e) => e.includes("'maxValue'"))).toBe(true);
  });

  it("accepts a small hand-written ADMX and ADML", async () => {
    const admx = await validateXml(smallAdmx(), "admx");
    expect(admx).toEqual({ valid: true, errors: [] });
    const adml = await validateXml(SMALL_ADML, "adml");
    expect(adml).toEqual({ valid: true, errors: [] });
  });

  it("accepts a document without a kind", async () => {
    expect(await validateXml(smallAdmx())).toEqual({ valid: true, errors: [] });
  });

  it("rejects an unknown element and names it", async () => {
    const result = await validateXml(smallAdmx("\n      <frobnicate />"), "admx");
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toContain("frobnicate");
  });

  it("rejects XML that is not well-formed", async () => {
    const result = await validateXml(smallAdmx().replace("</policies>", ""), "admx");
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it("rejects a file whose root does not match the requested kind", async () => {
    const result = await validateXml(SMALL_ADML, "admx");
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toContain("policyDefinitionResources");
  });
});

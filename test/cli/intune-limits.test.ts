/**
 * `admxkit intune` against the limits of Intune that no single policy shows: at most 20 custom ADMX
 * files of at most 1 MB in one profile, an integer OMA-URI setting that holds an Int32, and vendor
 * names holding `/` or `~`, which would split the OMA-URI of an ingested policy. Each is refused with
 * the rule named (in en-US and ja-JP), and nothing is written. Last, a vendor template in UTF-16 is
 * uploaded as the text it holds.
 */
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileIntune, createIntuneSource } from "../../src/intune/index.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { testBundle } from "../helpers/compile-kit.js";

let cwd: string;
beforeAll(async () => {
  cwd = await tempDir("admxkit-intune-limits-");
});

interface TinyTemplate {
  /** The file name without `.admx`, also the namespace's last part. */
  readonly base: string;
  readonly category?: string;
  readonly policy?: string;
  /** Characters of XML comment that pad the ADMX file. */
  readonly padding?: number;
  /** Written in UTF-16 LE with a byte order mark, as some vendors ship their templates. */
  readonly utf16?: boolean;
}

/** A store template of one policy (one text box), with its en-US ADML, as a vendor would ship it. */
async function writeTemplate(store: string, t: TinyTemplate): Promise<string> {
  const category = t.category ?? "Cat";
  const policy = t.policy ?? "Sync";
  const admx = `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitions revision="1.0" schemaVersion="1.0">
  <policyNamespaces>
    <target prefix="${t.base.toLowerCase()}" namespace="Fixture.${t.base}"/>
  </policyNamespaces>
  <resources minRequiredRevision="1.0"/>
  <supportedOn>
    <definitions><definition name="SUPPORTED_Any" displayName="$(string.SUPPORTED_Any)"/></definitions>
  </supportedOn>
  <categories><category name="${category}" displayName="$(string.Cat)"/></categories>
  <policies>
    <policy name="${policy}" class="Machine" displayName="$(string.Sync)" explainText="$(string.Sync_Help)" presentation="$(presentation.Sync)" key="Software\\Policies\\Fixture\\${t.base}">
      <parentCategory ref="${category}"/>
      <supportedOn ref="SUPPORTED_Any"/>
      <elements><text id="Server" valueName="Server"/></elements>
    </policy>
  </policies>
</policyDefinitions>
${t.padding ? `<!--${"x".repeat(t.padding)}-->\n` : ""}`;
  const adml = `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitionResources revision="1.0" schemaVersion="1.0">
  <displayName>${t.base}</displayName>
  <description>${t.base}</description>
  <resources>
    <stringTable>
      <string id="SUPPORTED_Any">Any</string>
      <string id="Cat">${t.base}</string>
      <string id="Sync">Sync server</string>
      <string id="Sync_Help">Sets the sync server.</string>
    </stringTable>
    <presentationTable>
      <presentation id="Sync"><textBox refId="Server"><label>Server:</label></textBox></presentation>
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
  await mkdir(join(store, "en-US"), { recursive: true });
  const bytes = t.utf16
    ? Buffer.from(`\ufeff${admx.replace('encoding="utf-8"', 'encoding="utf-16"')}`, "utf16le")
    : admx;
  await writeFile(join(store, `${t.base}.admx`), bytes);
  await writeFile(join(store, "en-US", `${t.base}.adml`), adml);
  return `Fixture.${t.base}:${policy}`;
}

let runs = 0;

/** Runs `intune --admx <store>` setting each key enabled; returns the result and its own --out folder. */
async function intuneOfStore(name: string, keys: readonly string[], lang?: string) {
  const run = ++runs;
  const values = join(cwd, `${name}-${run}.values.json`);
  const machine = Object.fromEntries(keys.map((k) => [k, { state: "enabled", options: { Server: "s:1" } }]));
  await writeFile(values, JSON.stringify({ machine }));
  const out = join(cwd, `${name}-${run}-out`);
  const args = ["intune", "--admx", join(cwd, name), "--values", values, "--out", out];
  return { result: await runCli(lang ? [...args, "--lang", lang] : args), out };
}

describe("admxkit intune: Intune's limits on the custom ADMX files of one profile", () => {
  it("refuses a 21st custom ADMX file, naming the limit and the files; 20 go through", async () => {
    const store = join(cwd, "many");
    const keys: string[] = [];
    for (let i = 1; i <= 21; i++) keys.push(await writeTemplate(store, { base: `Vendor${i}` }));

    const { result, out } = await intuneOfStore("many", keys);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("MDM_INGESTION_FILE_COUNT");
    expect(result.stderr).toContain("would import 21 custom ADMX files");
    expect(result.stderr).toContain("Intune imports at most 20");
    expect(result.stderr).toContain("Vendor21.admx");
    expect(existsSync(out)).toBe(false);
    const ja = await intuneOfStore("many", keys, "ja-JP");
    expect(ja.result.stderr).toContain("インポートできるのは 20 個までです");

    const twenty = await intuneOfStore("many", keys.slice(0, 20));
    expect(twenty.result.stderr).not.toContain("MDM_INGESTION_FILE_COUNT");
    expect(twenty.result.code).toBe(0);
  });

  it("refuses a custom ADMX file over 1 MB, naming the file and its size; 1 MB goes through", async () => {
    const store = join(cwd, "large");
    // Padding that brings the file to exactly 1 MiB: the comment's frame `<!---->` and its line end
    // come on top of the unpadded template.
    await writeTemplate(store, { base: "Large" });
    const padding = 1024 * 1024 - statSync(join(store, "Large.admx")).size - "<!---->\n".length;
    const key = await writeTemplate(store, { base: "Large", padding });
    expect(statSync(join(store, "Large.admx")).size).toBe(1024 * 1024);

    const fits = await intuneOfStore("large", [key]);
    expect(fits.result.stderr).not.toContain("MDM_INGESTION_FILE_SIZE");
    expect(fits.result.code).toBe(0);

    await writeTemplate(store, { base: "Large", padding: padding + 1 });
    const { result, out } = await intuneOfStore("large", [key]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("MDM_INGESTION_FILE_SIZE");
    expect(result.stderr).toContain("Large.admx is 1048577 bytes");
    expect(result.stderr).toContain("MDM_TEMPLATE_REFUSED");
    const ja = await intuneOfStore("large", [key], "ja-JP");
    expect(ja.result.stderr).toContain("1 MB (1048576 バイト) までです");
    expect(existsSync(out)).toBe(false);
  });
});

describe("admxkit intune: vendor names that would split an OMA-URI", () => {
  it.each([
    ["a policy name with /", { base: "Slash", policy: "Sync/Mode" }, "Sync/Mode", "/"],
    ["a category name with ~", { base: "Tilde", category: "Apps~Sync" }, "Apps~Sync", "~"],
  ])("refuses %s, naming the policy and the character", async (_, template, name, char) => {
    const store = join(cwd, template.base);
    const key = await writeTemplate(store, template);
    const { result, out } = await intuneOfStore(template.base, [key]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("MDM_INGESTION_SEPARATOR");
    expect(result.stderr).toContain(`the name ${name}`);
    expect(result.stderr).toContain(`contains ${char}`);
    expect(result.stderr).toContain(`${template.base}.admx`);
    expect(existsSync(out)).toBe(false);
    const ja = await intuneOfStore(template.base, [key], "ja-JP");
    expect(ja.result.stderr).toContain(`名前 ${name}`);
  });
});

describe("compileIntune: an integer native CSP setting holds an Int32", () => {
  const omaUri = "./Device/Vendor/MSFT/Policy/Config/Contoso/Level";
  const bundleOf = (value: number) =>
    testBundle({
      name: "Level",
      valueName: "Level",
      enabledValue: { type: "decimal", value },
      intune: { route: "nativeCsp", omaUri, format: "integer" },
    });
  const compile = (value: number) =>
    compileIntune(
      createIntuneSource(bundleOf(value)),
      { machine: { Level: { state: "enabled" } } },
      {
        name: "Levels",
        file: "levels.json",
      },
    );

  it("refuses a REG_DWORD above 2147483647 with the range, and writes no file", () => {
    const result = compile(2_147_483_648);
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.path])).toEqual([
      ["MDM_NATIVE_INT32", "levels.json", ["machine", "Level"]],
    ]);
    expect(result.diagnostics[0]!.message).toContain("-2147483648 to 2147483647");
    expect(result.diagnostics[0]!.message).toContain("writes 2147483648");
  });

  it("sends 2147483647 as the integer it is", () => {
    const result = compile(2_147_483_647);
    expect(result.diagnostics).toEqual([]);
    const profile = JSON.parse(result.files.find((f) => f.path === "profile.json")!.content);
    expect(profile.omaSettings[0]).toMatchObject({ omaUri, value: 2_147_483_647 });
  });
});

describe("admxkit intune: a vendor template in UTF-16", () => {
  it("uploads the ADMX text as the store holds it, not its bytes read as UTF-8", async () => {
    const store = join(cwd, "utf16");
    const key = await writeTemplate(store, { base: "Wide", utf16: true });
    const { result, out } = await intuneOfStore("utf16", [key]);
    expect(result.stderr).not.toContain(" error ");
    expect(result.code).toBe(0);
    const profile = JSON.parse(await readFile(join(out, "profile.json"), "utf8"));
    const [install, policy] = profile.omaSettings as { omaUri: string; value: string }[];
    expect(install!.value).toContain('<policy name="Sync" class="Machine"');
    expect(install!.value).not.toContain("\ufffd");
    expect(policy!.omaUri).toBe("./Device/Vendor/MSFT/Policy/Config/Wide~Policy~Cat/Sync");
  });
});

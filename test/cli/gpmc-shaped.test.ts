/**
 * `admxkit values --from … --admx …` then `admxkit pol`, with the built binary, on Registry.pol files in
 * the shape GPMC writes them (keys in tree order, one spelling per key component, values in the order
 * of the policy's elements): how the key spelling comes back, a GPO saved with older templates, and
 * alike policies of two templates. Windows' own templates come from the 21H2 store of the corpus; the
 * two alike templates are written here, as vendors ship x86 and x64 copies of one template.
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodePolOrThrow, delvalsEntry, dwordEntry, encodePol, type PolEntry } from "../../src/pol/index.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { inboxStorePath } from "../helpers/inbox-store.js";

const WINDOWS = inboxStorePath("windows11-21h2");
const TEMPLATES = ["CredentialProviders", "ActiveXInstallService", "Passport"];

/** A template of the vendor "Contoso App" in one of its two builds: BlockMacros is in both, alike. */
function contosoAdmx(build: "X86" | "X64"): string {
  const policy = (name: string, valueName: string) =>
    `<policy name="${name}" class="Machine" displayName="$(string.${name})" explainText="$(string.${name})" key="Software\\Policies\\Contoso\\App" valueName="${valueName}">` +
    `<parentCategory ref="ContosoApp" /><supportedOn ref="windows:SUPPORTED_Windows_10_0" />` +
    `<enabledValue><decimal value="1" /></enabledValue><disabledValue><decimal value="0" /></disabledValue></policy>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitions revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="contoso${build.toLowerCase()}" namespace="Contoso.App.${build}" />
    <using prefix="windows" namespace="Microsoft.Policies.Windows" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <categories><category name="ContosoApp" displayName="$(string.ContosoApp)" /></categories>
  <policies>${policy("BlockMacros", "BlockMacros")}${policy(`Only${build}`, `Only${build}`)}</policies>
</policyDefinitions>
`;
}

function contosoAdml(build: "X86" | "X64"): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitionResources revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <displayName>Contoso App</displayName>
  <description>Contoso App ${build}</description>
  <resources>
    <stringTable>
      <string id="ContosoApp">Contoso App</string>
      <string id="BlockMacros">Block macros</string>
      <string id="Only${build}">Only in the ${build} build</string>
    </stringTable>
  </resources>
</policyDefinitionResources>
`;
}

let cwd: string;
beforeAll(async () => {
  cwd = await tempDir("admxkit-gpmc-shaped-");
  await mkdir(join(cwd, "store", "en-US"), { recursive: true });
  for (const name of TEMPLATES) {
    await copyFile(join(WINDOWS, `${name}.admx`), join(cwd, "store", `${name}.admx`));
    await copyFile(join(WINDOWS, "en-US", `${name}.adml`), join(cwd, "store", "en-US", `${name}.adml`));
  }
  for (const build of ["X86", "X64"] as const) {
    await writeFile(join(cwd, "store", `ContosoApp${build}.admx`), contosoAdmx(build));
    await writeFile(join(cwd, "store", "en-US", `ContosoApp${build}.adml`), contosoAdml(build));
  }
});

/** Decodes `entries` written as a machine Registry.pol, then compiles the values file back. */
async function roundTrip(name: string, entries: readonly PolEntry[], lang = "en-US") {
  await writeFile(join(cwd, `${name}.pol`), encodePol(entries));
  const from = await runCli(
    ["values", "--from", `${name}.pol`, "--admx", "store", "--out", `${name}.json`, "--lang", lang],
    { cwd },
  );
  expect(from.code, from.stderr).toBe(0);
  const values = JSON.parse(await readFile(join(cwd, `${name}.json`), "utf8"));
  const pol = await runCli(
    ["pol", "--values", `${name}.json`, "--admx", "store", "--out", `${name}.back.pol`],
    { cwd },
  );
  expect(pol.code, pol.stderr).toBe(0);
  const back = await readFile(join(cwd, `${name}.back.pol`));
  return { values, stderr: from.stderr, back, original: Buffer.from(encodePol(entries)) };
}

// CredentialProviders.admx spells Software\Policies\…\System (AllowDomainPINLogon, one entry);
// ActiveXInstallService.admx spells SOFTWARE\Policies\…\AxInstaller (the list policy Disabled: two).
const axInstaller = (root: string) => [
  dwordEntry(`${root}\\Policies\\Microsoft\\Windows\\AxInstaller`, "ApprovedList", 0),
  delvalsEntry(`${root}\\Policies\\Microsoft\\Windows\\AxInstaller\\ApprovedActiveXInstallSites`),
  dwordEntry(`${root}\\Policies\\Microsoft\\Windows\\System`, "AllowDomainPINLogon", 1),
];

describe("key spelling of a GPMC-written file", () => {
  it("keeps a spelling the compiler would not choose (the admin's first click) in keySpelling", async () => {
    // The admin set the PIN logon first: GPMC spelled the root Software for the whole file, where two
    // of the three entries' templates spell SOFTWARE.
    const { values, back, original } = await roundTrip("first-click", axInstaller("Software"));
    expect(values).toEqual({
      machine: {
        ApprovedActiveXInstallSites: { state: "disabled" },
        AllowDomainPINLogon: { state: "enabled" },
      },
      keySpelling: { machine: ["Software"] },
    });
    expect(back).toEqual(original);
  });

  it("writes no keySpelling when the spelling most entries use is the file's", async () => {
    const { values, back, original } = await roundTrip("majority", axInstaller("SOFTWARE"));
    expect(values.keySpelling).toBeUndefined();
    expect(back).toEqual(original);
  });
});

describe("a GPO saved with older templates", () => {
  // Passport's RequireSecurityDevice in the shape of a GPO saved with templates whose version of the
  // policy had no TPM 1.2 check box: the policy's own value only, no ExcludeSecurityDevices\TPM12.
  const older = [dwordEntry("SOFTWARE\\Policies\\Microsoft\\PassportForWork", "RequireSecurityDevice", 1)];
  const missing = "SOFTWARE\\Policies\\Microsoft\\PassportForWork\\ExcludeSecurityDevices\\TPM12";

  it("decodes the policy as the editor shows it, names the missing value, and pol writes it", async () => {
    const { values, stderr, back } = await roundTrip("passport", older);
    expect(values).toEqual({ machine: { MSPassport_RequireSecurityDevice: { state: "enabled" } } });
    expect(stderr).toContain(
      `passport.pol: warning VALUES_FROM_OLDER_TEMPLATE: policy MSPassport_RequireSecurityDevice is decoded as enabled, as the Group Policy editor shows it, although the file lacks 1 of the values that state writes: ${missing} (REG_DWORD 0).`,
    );
    expect(decodePolOrThrow(back).map((e) => [e.key, e.valueName])).toEqual([
      ["SOFTWARE\\Policies\\Microsoft\\PassportForWork", "RequireSecurityDevice"],
      ["SOFTWARE\\Policies\\Microsoft\\PassportForWork\\ExcludeSecurityDevices", "TPM12"],
    ]);
  });

  it("words the warning in Japanese", async () => {
    const { stderr } = await roundTrip("passport-ja", older, "ja-JP");
    expect(stderr).toContain(
      `警告 VALUES_FROM_OLDER_TEMPLATE: ポリシー MSPassport_RequireSecurityDevice は、グループ ポリシー エディターでの表示と同じく enabled としてデコードしましたが、この状態で書き込まれる値のうち 1 件がファイルにありません: ${missing} (REG_DWORD 0)。`,
    );
  });
});

describe("alike policies of two templates", () => {
  const key = "Software\\Policies\\Contoso\\App";

  it("decodes the copy of the template the file uses for a policy only it has", async () => {
    const entries = [dwordEntry(key, "BlockMacros", 1), dwordEntry(key, "OnlyX64", 1)];
    const { values, stderr, back, original } = await roundTrip("alike", entries);
    expect(values).toEqual({
      machine: { "Contoso.App.X64:BlockMacros": { state: "enabled" }, OnlyX64: { state: "enabled" } },
    });
    expect(stderr).toContain(
      "info VALUES_FROM_PREFERRED_TEMPLATE: Contoso.App.X86:BlockMacros write the same entries as Contoso.App.X64:BlockMacros; the values file sets Contoso.App.X64:BlockMacros, because the file's other policies come from its template Contoso.App.X64",
    );
    expect(back).toEqual(original);
  });

  it("keeps the entries raw when nothing decides", async () => {
    const { values, stderr, back, original } = await roundTrip("alone", [dwordEntry(key, "BlockMacros", 1)]);
    expect(values.machine).toEqual({});
    expect(values.registry.machine).toHaveLength(1);
    expect(stderr).toContain("warning VALUES_FROM_AMBIGUOUS");
    expect(back).toEqual(original);
  });
});

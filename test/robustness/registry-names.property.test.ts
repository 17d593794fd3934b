/**
 * `.reg` injection (issue 15 item 1): a registry key or value name with a line break would end a `.reg`
 * section header early and let the rest of the name forge sections of its own. Control characters and
 * line ends are refused in names everywhere they enter — the model, the ADMX reader, values files — and
 * the `.reg` writer itself refuses what it cannot represent.
 */
import { readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileValues, createPolicyIndex } from "../../src/compile/index.js";
import { AdmxkitError, formatPath } from "../../src/diagnostics/diagnostic.js";
import { validateTemplates } from "../../src/lint/validate-templates.js";
import { checkBundle } from "../../src/model/check-bundle.js";
import { delEntry, deleteKeysEntry, deleteValuesEntry, szEntry, valueEntry } from "../../src/pol/index.js";
import { checkRegEntries, formatRegText } from "../../src/formats/index.js";
import { parseAdmx } from "../../src/read/read-file.js";
import { checkRegistryName, UNSAFE_NAME_CHAR } from "../../src/pol/registry-names.js";
import { smallBundle } from "../helpers/bundle-fixtures.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { entry as polEntry } from "../helpers/pol-arbitraries.js";
import { expectTypedDiagnostic } from "../helpers/hostile-kit.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";
import { inboxStorePath } from "../helpers/inbox-store.js";

/** One of every kind of refused character: line ends, NUL, tab, ESC, DEL, C1, the Unicode separators. */
const UNSAFE = [
  "\r\n",
  "\n",
  "\r",
  "\0",
  "\t",
  "\u0001",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u009b",
  "\u2028",
  "\u2029",
];
const unsafeChar = fc
  .oneof(
    fc.integer({ min: 0, max: 0x1f }),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.constantFrom(0x2028, 0x2029),
  )
  .map((code) => String.fromCharCode(code));

/** The small bundle with a boolean (true list), an enum item value list and a list element added. */
function richBundle(): any {
  const b: any = smallBundle();
  b.policies[0].enabledList = {
    defaultKey: "Software\\Policies\\Example\\On",
    items: [{ valueName: "On", value: { type: "decimal", value: 1 } }],
  };
  b.policies[0].elements.push(
    {
      kind: "boolean",
      id: "Flag",
      key: "Software\\Policies\\Example\\Bool",
      valueName: "Flag",
      trueList: {
        items: [
          {
            key: "Software\\Policies\\Example\\Flag",
            valueName: "Set",
            value: { type: "decimal", value: 1 },
          },
        ],
      },
      control: { type: "checkBox", label: "Server_Label" },
    },
    {
      kind: "list",
      id: "Sites",
      key: "Software\\Policies\\Example\\Sites",
      valuePrefix: "Site",
      control: { type: "listBox", label: "Mode_Label" },
    },
  );
  b.policies[0].elements[1].items[0].valueList = {
    items: [{ valueName: "Extra", value: { type: "string", value: "x" } }],
  };
  return b;
}

/** Every place a registry name sits in {@link richBundle}'s policy, as a path inside the policy. */
const PLACES: (string | number)[][] = [
  ["key"],
  ["enabledList", "defaultKey"],
  ["enabledList", "items", 0, "valueName"],
  ["elements", 0, "valueName"],
  ["elements", 2, "key"],
  ["elements", 2, "valueName"],
  ["elements", 2, "trueList", "items", 0, "key"],
  ["elements", 2, "trueList", "items", 0, "valueName"],
  ["elements", 1, "items", 0, "valueList", "items", 0, "valueName"],
  ["elements", 3, "key"],
  ["elements", 3, "valuePrefix"],
];

function setAt(root: any, path: (string | number)[], edit: (old: string) => string): void {
  const parent = path.slice(0, -1).reduce((node, part) => node[part], root);
  parent[path.at(-1)!] = edit(parent[path.at(-1)!]);
}

function nameErrors(input: unknown): string[] {
  const result = checkBundle(input);
  for (const d of result.diagnostics) expectTypedDiagnostic(d);
  return result.diagnostics
    .filter((d) => d.code === "REGISTRY_NAME_CONTROL_CHAR")
    .map((d) => `${formatPath(d.path)} ${d.params.policy} ${d.params.char} @${d.params.position}`);
}

describe("the model refuses control characters in registry names, with the policy named", () => {
  it("the rich bundle is valid as it is", () => {
    expect(checkBundle(richBundle()).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it.each(PLACES.map((p) => [p.join("."), p] as const))("%s", (_, place) => {
    for (const char of UNSAFE) {
      const b = richBundle();
      setAt(b.policies[0], place, (old) => `${old}${char}[HKEY_LOCAL_MACHINE\\Run]`);
      const expected = formatPath(["policies", 0, ...place]);
      const errors = nameErrors(b);
      expect(errors, JSON.stringify(char)).toHaveLength(1);
      expect(errors[0]!.startsWith(`${expected} Proxy U+`), errors[0]).toBe(true);
      // A NUL is also a character XML cannot carry; one finding says it, not two.
      expect(
        checkBundle(b).diagnostics.filter((d) => d.path && formatPath(d.path) === expected),
      ).toHaveLength(1);
    }
  });

  it("any refused character anywhere in any name is found, and names without one pass (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLACES),
        fc.nat(20),
        unsafeChar,
        fc
          .string({ unit: "grapheme", maxLength: 6 })
          .filter((s) => !UNSAFE_NAME_CHAR.test(s) && !s.includes("\\")),
        (place, at, char, clean) => {
          const good = richBundle();
          setAt(good.policies[0], place, (old) => old + clean);
          expect(nameErrors(good)).toEqual([]);
          const bad = richBundle();
          let position = 0;
          setAt(bad.policies[0], place, (old) => {
            const cut = Math.min(at, old.length);
            position = cut + 1;
            return old.slice(0, cut) + char + old.slice(cut);
          });
          const errors = nameErrors(bad);
          expect(errors).toHaveLength(1);
          expect(errors[0]).toContain(`@${position}`);
        },
      ),
      { numRuns: fuzzRuns(200) },
    );
  });
});

const KITCHEN = join(import.meta.dirname, "..", "fixtures", "lint", "stores", "valid");
/** The part of Kitchen.admx's Simple policy the tests replace. */
const SIMPLE_KEY = 'key="Software\\Policies\\Admxkit\\Kitchen" valueName="Simple"';
const FORGED =
  'key="Software\\Policies\\Admxkit\\Kitchen]&#13;&#10;&#13;&#10;[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run]&#13;&#10;&quot;x&quot;=&quot;calc.exe&quot;" valueName="Simple"';

/** A copy of the Kitchen store whose ADMX has `replacement` for the Simple policy's key and valueName. */
async function kitchenStore(replacement: string): Promise<string> {
  const dir = await tempDir();
  const store = join(dir, "PolicyDefinitions");
  await mkdir(join(store, "en-US"), { recursive: true });
  const admx = await readFile(join(KITCHEN, "Kitchen.admx"), "utf8");
  expect(admx).toContain(SIMPLE_KEY);
  await writeFile(join(store, "Kitchen.admx"), admx.replace(SIMPLE_KEY, replacement));
  await writeFile(
    join(store, "en-US", "Kitchen.adml"),
    await readFile(join(KITCHEN, "en-US", "Kitchen.adml")),
  );
  return store;
}

describe("the ADMX reader reports names decoded from character references", () => {
  it.each([
    ["a forged section in a key (&#13;&#10;)", FORGED, "key", "U+000D (CR)"],
    ["a tab in a value name", SIMPLE_KEY.replace('"Simple"', '"Sim&#9;ple"'), "valueName", "U+0009 (TAB)"],
    ["NEL in a value name", SIMPLE_KEY.replace('"Simple"', '"Simple&#x85;"'), "valueName", "U+0085 (NEL)"],
  ])("%s: an error with the policy and its line; validate counts it", async (_, replacement, field, char) => {
    const store = await kitchenStore(replacement);
    const admx = parseAdmx(await readFile(join(store, "Kitchen.admx")), "Kitchen.admx");
    const found = admx.diagnostics.filter((d) => d.code === "REGISTRY_NAME_CONTROL_CHAR");
    expect(found).toMatchObject([
      { severity: "error", file: "Kitchen.admx", line: 65, params: { policy: "Simple", field, char } },
    ]);
    expect(String(found[0]!.params.name)).not.toMatch(UNSAFE_NAME_CHAR);
    const validated = await validateTemplates([store]);
    expect(validated.diagnostics.filter((d) => d.code === "REGISTRY_NAME_CONTROL_CHAR")).toHaveLength(1);
  });
});

describe("Windows' own templates", () => {
  it("no policy of the Windows 11 21H2 store has a refused character in a registry name", async () => {
    const store = inboxStorePath("windows11-21h2");
    let policies = 0;
    for (const file of (await readdir(store)).filter((f) => /\.admx$/i.test(f))) {
      const read = parseAdmx(await readFile(join(store, file)), file);
      policies += read.document?.policies.length ?? 0;
      expect(read.diagnostics.filter((d) => d.code === "REGISTRY_NAME_CONTROL_CHAR")).toEqual([]);
    }
    expect(policies).toBeGreaterThan(3000);
  });
});

describe("the .reg writer refuses what it cannot represent", () => {
  const K = "Software\\Policies\\X";
  it.each([
    ["a line break in a key", [szEntry(`${K}]\r\n[HKEY_LOCAL_MACHINE\\Run`, "a", "b")], "key"],
    ["a line break in a value name", [szEntry(K, 'a"\r\n"x"="calc', "b")], "valueName"],
    ["ESC in a value name", [szEntry(K, "a\u001b[2J", "b")], "valueName"],
    ["a line break in a **del. name", [delEntry(K, "x\ny")], "valueName"],
    ["a line break in a **DeleteKeys subkey", [deleteKeysEntry(K, ["a\r\n[HKEY_LOCAL_MACHINE\\Run"])], "key"],
    ["a line break in a **DeleteValues name", [deleteValuesEntry(K, ["a\nb"])], "valueName"],
  ])("%s: an AdmxkitError, and checkRegEntries lists it", (_, entries, field) => {
    expect(() => formatRegText(entries, "machine")).toThrow(AdmxkitError);
    const [issue, ...rest] = checkRegEntries(entries);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: "REG_NAME_UNSAFE", params: { index: 1, field } });
    expect(issue!.params.name).not.toMatch(UNSAFE_NAME_CHAR);
  });

  it("string data with control characters is written as hex(1), not raw", () => {
    const text = formatRegText([szEntry("Software\\X", "v", "a\u001b[2Jb\r\nc")], "machine");
    expect(text).toContain('"v"=hex(1):61,00,1b,00');
    expect(formatRegText([szEntry("Software\\X", "v", "a\tb")], "machine")).toContain('"v"="a\tb"');
  });

  it("any entries: refused exactly when a name holds a refused character; otherwise every line is plain (property)", () => {
    const LINE =
      /^(?:Windows Registry Editor Version 5\.00|\[-?HKEY_LOCAL_MACHINE\\[^\r\n]*\]|(?:"|@|; |  )[^\r\n]*|)$/;
    fc.assert(
      fc.property(fc.array(polEntry, { maxLength: 6 }), (entries) => {
        const issues = checkRegEntries(entries);
        let text: string | undefined;
        try {
          text = formatRegText(entries, "machine");
        } catch (error) {
          expect(error).toBeInstanceOf(AdmxkitError);
        }
        expect(text === undefined).toBe(issues.length > 0);
        if (text === undefined) return;
        expect(text.endsWith("\r\n")).toBe(true);
        for (const line of text.slice(0, -2).split("\r\n")) {
          expect(line).toMatch(LINE);
          expect(line.replace(/\t/g, "")).not.toMatch(UNSAFE_NAME_CHAR);
        }
        // One header per run of a key (or per deleted subkey): a name can never open a section.
        const headers = text.split("\r\n").filter((l) => l.startsWith("[")).length;
        expect(headers).toBeLessThanOrEqual(entries.length + entries.reduce((n, e) => n + e.data.length, 0));
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});

describe("values files: names that come from a values file", () => {
  it("checkRegistryName: the reusable check for raw registry entries", () => {
    expect(checkRegistryName("Software\\Policies\\X", "key")).toBeUndefined();
    const d = checkRegistryName("a\r\nb", "valueName", { file: "v.json", path: ["machine"] });
    expect(d).toMatchObject({
      code: "VALUES_REGISTRY_NAME_UNSAFE",
      file: "v.json",
      params: { field: "valueName", name: "a<U+000D><U+000A>b", char: "U+000D (CR)", position: 2 },
    });
    expectTypedDiagnostic(d!);
  });

  it("a list option's value names (explicitValue) are checked like any other name", () => {
    const b = richBundle();
    b.policies[0].elements[3] = { ...b.policies[0].elements[3], explicitValue: true };
    delete b.policies[0].elements[3].valuePrefix;
    const checked = checkBundle(b);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const index = createPolicyIndex([
      { namespace: "Example.Policies.Tiny", prefix: "tiny", policies: checked.bundle.policies },
    ]);
    const values = {
      machine: {
        Proxy: {
          state: "enabled" as const,
          options: { Server: "s", Mode: 0, Sites: { "a\r\n[HKEY_LOCAL_MACHINE\\Run]": "x" } },
        },
      },
    };
    const result = compileValues(index, values, "machine");
    expect(result.diagnostics.map((d) => d.code)).toContain("OPTION_LIST_NAME_UNSAFE");
  });
});

describe("the CLI refuses, writing nothing (en-US and ja-JP)", () => {
  it("validate, pol --admx --format reg, and build of a JSON bundle", async () => {
    const store = await kitchenStore(FORGED);
    const dir = join(store, "..");
    await writeFile(join(dir, "v.json"), JSON.stringify({ user: { Simple: { state: "enabled" } } }));
    const validate = await runCli(["validate", store]);
    expect(validate.code).toBe(1);
    expect(validate.stderr + validate.stdout).toContain("REGISTRY_NAME_CONTROL_CHAR");
    const reg = await runCli(
      [
        "pol",
        "--admx",
        store,
        "--values",
        "v.json",
        "--class",
        "user",
        "--format",
        "reg",
        "--out",
        "x.reg",
        "--lang",
        "ja-JP",
      ],
      { cwd: dir },
    );
    expect(reg.code).toBe(1);
    expect(reg.stderr).toContain("エラー REGISTRY_NAME_CONTROL_CHAR: ポリシー Simple: レジストリの key ");
    expect(reg.stderr).not.toMatch(/\r/);
    const bundle: any = smallBundle();
    bundle.policies[0].key = "Software\\Policies\\Example]\r\n[HKEY_LOCAL_MACHINE\\Run";
    await writeFile(join(dir, "bundle.json"), JSON.stringify(bundle));
    const build = await runCli(["build", "--bundle", "bundle.json", "--out", "out"], { cwd: dir });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(
      "error REGISTRY_NAME_CONTROL_CHAR: policy Proxy: the registry key Software\\Policies\\Example]<U+000D><U+000A>[HKEY_LOCAL_MACHINE\\Run contains U+000D (CR) at character 27",
    );
    expect((await readdir(dir)).sort()).toEqual(["PolicyDefinitions", "bundle.json", "v.json"]);
  });
});

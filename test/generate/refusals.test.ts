import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateTemplates } from "../../src/templates/generate.js";
import { AdmxkitError, formatPath } from "../../src/diagnostics/diagnostic.js";
import type { BundleInput } from "../../src/model/types.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { smallBundle } from "../helpers/bundle-fixtures.js";

type Mutation = (b: any) => void;

/** One case per refusal rule: how to break the small bundle, the code it must give, and where. */
const CASES: { rule: string; code: string; path: string; mutate: Mutation; locales?: string[] }[] = [
  {
    rule: "policy name with a dot",
    code: "ID_INVALID",
    path: "policies[0].name",
    mutate: (b) => (b.policies[0].name = "Proxy.Server"),
  },
  {
    rule: "string id with a hyphen",
    code: "ID_INVALID",
    path: "policies[0].displayName",
    mutate: (b) => (b.policies[0].displayName = "Proxy-Title"),
  },
  {
    rule: "element id with a space",
    code: "ID_INVALID",
    path: "policies[0].elements[0].id",
    mutate: (b) => (b.policies[0].elements[0].id = "My Server"),
  },
  {
    rule: "string missing in one locale",
    code: "STRING_MISSING",
    path: "policies[0].explainText",
    mutate: (b) => delete b.locales["ja-JP"].Proxy_Help,
  },
  {
    rule: "label missing in one locale",
    code: "STRING_MISSING",
    path: "policies[0].elements[1].control.label",
    mutate: (b) => delete b.locales["en-US"].Mode_Label,
  },
  {
    rule: "requested locale absent",
    code: "LOCALE_MISSING",
    path: "locales",
    mutate: () => {},
    locales: ["en-US", "de-DE"],
  },
  {
    rule: "duplicate policy name (case-insensitive)",
    code: "DUPLICATE_NAME",
    path: "policies[1].name",
    mutate: (b) =>
      b.policies.push({ ...structuredClone(b.policies[0]), name: "PROXY", presentationId: "Other" }),
  },
  {
    rule: "duplicate element id",
    code: "DUPLICATE_NAME",
    path: "policies[0].elements[1].id",
    mutate: (b) => (b.policies[0].elements[1].id = "Server"),
  },
  {
    rule: "control of another kind",
    code: "CONTROL_MISMATCH",
    path: "policies[0].elements[0].control.type",
    mutate: (b) => (b.policies[0].elements[0].control = { type: "checkBox", label: "Server_Label" }),
  },
  {
    rule: "title over the limit",
    code: "TEXT_TOO_LONG",
    path: "locales.en-US.Proxy",
    mutate: (b) => (b.locales["en-US"].Proxy = "x".repeat(256)),
  },
  {
    rule: "control character in a text",
    code: "TEXT_INVALID_CHAR",
    path: "locales.ja-JP.Proxy_Help",
    mutate: (b) => (b.locales["ja-JP"].Proxy_Help = "bell\u0007"),
  },
  {
    rule: "in-box ADMX file name",
    code: "INBOX_FILE_NAME",
    path: "fileName",
    mutate: (b) => (b.fileName = "WindowsDefender"),
  },
  {
    rule: "in-box target namespace",
    code: "INBOX_NAMESPACE",
    path: "target.namespace",
    mutate: (b) => (b.target.namespace = "Microsoft.Policies.WindowsDefender"),
  },
  {
    rule: "three-part revision",
    code: "MODEL_INVALID",
    path: "revision",
    mutate: (b) => (b.revision = "1.04.0000"),
  },
  {
    rule: "unknown own category",
    code: "REFERENCE_UNRESOLVED",
    path: "policies[0].category",
    mutate: (b) => (b.policies[0].category = "Nope"),
  },
  {
    rule: "unknown prefix",
    code: "PREFIX_UNKNOWN",
    path: "policies[0].supportedOn",
    mutate: (b) => (b.policies[0].supportedOn = "office:SUPPORTED_X"),
  },
  {
    rule: "category cycle",
    code: "CATEGORY_CYCLE",
    path: "categories[0].parent",
    mutate: (b) => (b.categories[0].parent = "Tiny"),
  },
  {
    rule: "two elements writing one value",
    code: "VALUE_WRITTEN_TWICE",
    path: "policies[0].elements[1].valueName",
    mutate: (b) => (b.policies[0].elements[1].valueName = "SERVER"),
  },
  {
    rule: "dropdown default past the items",
    code: "DEFAULT_ITEM_OUT_OF_RANGE",
    path: "policies[0].elements[1].control.defaultItem",
    mutate: (b) => (b.policies[0].elements[1].control.defaultItem = 2),
  },
  {
    rule: "enabledValue without valueName",
    code: "VALUE_WITHOUT_NAME",
    path: "policies[0].enabledValue",
    mutate: (b) => (b.policies[0].enabledValue = { type: "decimal", value: 1 }),
  },
  {
    rule: "layout forgets an element",
    code: "LAYOUT_MISSING_ELEMENT",
    path: "policies[0].layout",
    mutate: (b) => (b.policies[0].layout = ["Server"]),
  },
  {
    rule: "empty decimal range",
    code: "RANGE_EMPTY",
    path: "policies[0].elements[2].minValue",
    mutate: (b) =>
      b.policies[0].elements.push({
        kind: "decimal",
        id: "Port",
        valueName: "Port",
        minValue: 10000,
        control: { type: "decimalTextBox", label: "Server_Label" },
      }),
  },
  {
    rule: "key naming the hive",
    code: "MODEL_INVALID",
    path: "policies[0].key",
    mutate: (b) => (b.policies[0].key = "HKLM\\Software\\Policies\\X"),
  },
];

function broken(mutate: Mutation): BundleInput {
  const bundle = smallBundle();
  mutate(bundle);
  return bundle;
}

describe("the small bundle", () => {
  it("is valid, so each case below fails for its own reason only", () => {
    expect(generateTemplates(smallBundle()).files).toHaveLength(3);
  });
});

describe.each(CASES)("refuses: $rule", ({ code, path, mutate, locales }) => {
  it(`reports ${code} at ${path}`, () => {
    let error: unknown;
    try {
      generateTemplates(broken(mutate), locales ? { locales } : {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AdmxkitError);
    const diagnostics = (error as AdmxkitError).diagnostics;
    const match = diagnostics.find((d) => d.code === code);
    expect(match, JSON.stringify(diagnostics, null, 1)).toBeDefined();
    expect(match!.severity).toBe("error");
    expect(formatPath(match!.path)).toBe(path);
  });

  it(`admxkit build exits 1 with ${code} on stderr and writes nothing`, async () => {
    const dir = await tempDir();
    const file = join(dir, "bundle.json");
    await writeFile(file, JSON.stringify(broken(mutate)));
    const out = join(dir, "out");
    const result = await runCli([
      "build",
      "--bundle",
      file,
      "--out",
      out,
      ...(locales ?? []).flatMap((l) => ["--locale", l]),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(code);
    expect(result.stderr).toContain(file);
    expect(result.stdout).toBe("");
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });
});

describe("every problem at once", () => {
  it("lists all errors of a bundle broken in three places", () => {
    const bundle = broken((b) => {
      b.fileName = "WindowsDefender";
      b.policies[0].category = "Nope";
      delete b.locales["ja-JP"].Proxy;
    });
    expect(() => generateTemplates(bundle)).toThrow(AdmxkitError);
    try {
      generateTemplates(bundle);
    } catch (e) {
      expect((e as AdmxkitError).diagnostics.map((d) => d.code).sort()).toEqual([
        "INBOX_FILE_NAME",
        "REFERENCE_UNRESOLVED",
        "STRING_MISSING",
      ]);
    }
  });
});

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPolicyIndex } from "../../src/compile/index.js";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { exportFiles, valuesFileText } from "../../src/editor/export-files.js";
import { importFile } from "../../src/editor/import-file.js";
import { editorDataFile } from "../../src/editor/site-data.js";
import { parseValues } from "../../src/values/parse-values.js";
import type { ValuesFile } from "../../src/values/schema.js";
import { REPO_ROOT } from "../helpers/cli.js";

const bundle = defenderProxyBundle();
const sources = [
  { namespace: bundle.target.namespace, prefix: bundle.target.prefix, policies: bundle.policies },
];
const index = createPolicyIndex(sources);
const examplePath = join(REPO_ROOT, "examples", "defender-proxy.values.json");
const example = async (): Promise<ValuesFile> => {
  const parsed = parseValues(JSON.parse(await readFile(examplePath, "utf8")));
  if (!parsed.ok) throw new Error("example values file does not parse");
  return parsed.values;
};

describe("the editor's downloads", () => {
  it("writes the example Registry.pol byte for byte, and the values file as values --from does", async () => {
    const values = await example();
    const result = exportFiles(index, values, bundle.id);
    expect(result.diagnostics).toEqual([]);
    expect(result.files.map((f) => f.name)).toEqual([
      "values.json",
      "Machine-Registry.pol",
      "Machine.reg",
      "Machine.ps1",
      "Machine.lgpo.txt",
    ]);
    const pol = result.files.find((f) => f.name === "Machine-Registry.pol")!;
    const golden = new Uint8Array(await readFile(join(REPO_ROOT, "examples", "defender-proxy.Registry.pol")));
    expect(Buffer.from(pol.bytes).equals(Buffer.from(golden))).toBe(true);
    expect(new TextDecoder().decode(result.files[0]!.bytes)).toBe(`${JSON.stringify(values, null, 2)}\n`);
  });

  it("offers nothing while a value is wrong, and says what the compiler says", () => {
    const values = {
      machine: { ProxyServer: { state: "enabled" as const, options: { ProxyServer: "http://bad host" } } },
    };
    const result = exportFiles(index, values, bundle.id);
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => [d.severity, d.code])).toEqual([["error", "FORMAT_PROXY_URL"]]);
  });

  it("offers nothing for a class with nothing configured", () => {
    expect(exportFiles(index, {}, bundle.id)).toEqual({ files: [], diagnostics: [] });
  });
});

describe("the editor's import", () => {
  it("decodes the example Registry.pol back into the example's states", async () => {
    const bytes = new Uint8Array(await readFile(join(REPO_ROOT, "examples", "defender-proxy.Registry.pol")));
    const result = importFile(bytes, "Registry.pol", "machine", sources, {}, bundle.id);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const values = await example();
    expect(result.values?.machine).toEqual(values.machine);
    // Compiled again, the decoded states give the very same file.
    const again = exportFiles(index, result.values!, bundle.id).files.find((f) => f.format === "pol")!;
    expect(Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it("keeps the other class when a Registry.pol replaces one", () => {
    const current: ValuesFile = { user: { Other: { state: "disabled" } } };
    const bytes = exportFiles(index, { machine: { SSLOptions: { state: "enabled" } } }, bundle.id).files.find(
      (f) => f.format === "pol",
    )!.bytes;
    const result = importFile(bytes, "m.pol", "machine", sources, current, bundle.id);
    expect(result.values).toEqual({
      user: { Other: { state: "disabled" } },
      machine: { SSLOptions: { state: "enabled" } },
    });
  });

  it("reads a values file, and refuses a broken one or a broken Registry.pol with the CLI's codes", async () => {
    const text = await readFile(examplePath);
    expect(importFile(new Uint8Array(text), "v.json", "machine", sources, {}, bundle.id).values).toEqual(
      await example(),
    );
    const bad = new TextEncoder().encode('{"machine": {"ProxyServer": {"state": "on"}}}');
    expect(
      importFile(bad, "v.json", "machine", sources, {}, bundle.id).diagnostics.map((d) => d.code),
    ).toEqual(["VALUES_BAD_STATE"]);
    const utf16 = new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]);
    expect(
      importFile(utf16, "v.json", "machine", sources, {}, bundle.id).diagnostics.map((d) => d.code),
    ).toEqual(["JSON_NOT_UTF8"]);
    const truncated = new Uint8Array([0x50, 0x52, 0x65, 0x67, 1, 0, 0, 0, 0x5b]);
    const pol = importFile(truncated, "r.pol", "machine", sources, {}, bundle.id);
    expect(pol.values).toBeUndefined();
    expect(pol.diagnostics.map((d) => d.code)).toEqual(["POL_FILE_INVALID"]);
  });
});

describe("the editor's data script", () => {
  const shown = (names: readonly string[]) =>
    bundle.policies
      .filter((p) => names.includes(p.name))
      .map((policy) => ({ policy, displayName: "<b>x</b>", page: `${policy.name}.html` }));
  const run = (text: string) => {
    const holder: Record<string, unknown> = {};
    new Function("globalThis", text)(holder);
    return holder.ADMXKIT_EDITOR_DATA as {
      uiLocale: string;
      scope: string;
      pages: { key: string; name: string; template: number; displayName: string; page: string }[];
    };
  };

  it("is a script that assigns the data, with < escaped, one entry per page", () => {
    const file = editorDataFile({
      source: bundle.id,
      locale: "ja-JP",
      templates: [
        { ...sources[0]!, shown: [...shown(["ProxyServer", "SSLOptions"]), ...shown(["SSLOptions"])] },
      ],
      qualified: new Set(["proxyserver"]),
    });
    expect(file.path).toBe("ja-JP/editor-data.js");
    const text = String(file.content);
    expect(text).not.toContain("<");
    const data = run(text);
    expect(data.uiLocale).toBe("ja-JP");
    expect(data.scope).toBe(bundle.target.namespace);
    expect(data.pages.map((p) => [p.page, p.key])).toEqual([
      ["ProxyServer.html", `${bundle.target.namespace}:ProxyServer`],
      ["SSLOptions.html", "SSLOptions"],
    ]);
    expect(data.pages[1]!.displayName).toBe("<b>x</b>");
  });

  it("escapes line and paragraph separators and every <, and reads back as the same texts", () => {
    const title = "a\u2028b\u2029c </script><!-- <<";
    const policy = bundle.policies[0]!;
    const file = editorDataFile({
      source: bundle.id,
      locale: "en-US",
      templates: [{ ...sources[0]!, shown: [{ policy, displayName: title, page: "P<1>.html" }] }],
    });
    const text = String(file.content);
    expect(text).not.toMatch(/[<\u2028\u2029]/);
    expect(text).toContain("a\\u2028b\\u2029c \\u003c/script>\\u003c!-- \\u003c\\u003c");
    expect(run(text).pages.map((p) => [p.displayName, p.page])).toEqual([[title, "P<1>.html"]]);
  });

  it("qualifies a name two of its templates define, case-insensitively, and no other", () => {
    const other = { namespace: "Other.Ns", prefix: "other", policies: bundle.policies.slice(0, 1) };
    const renamed = {
      ...other,
      policies: [{ ...bundle.policies[0]!, name: bundle.policies[0]!.name.toUpperCase() }],
    };
    const data = run(
      String(
        editorDataFile({
          source: "store",
          locale: "en-US",
          templates: [
            { ...sources[0]!, shown: shown(bundle.policies.slice(0, 2).map((p) => p.name)) },
            { ...renamed, shown: [{ policy: renamed.policies[0]!, displayName: "y", page: "Other/X.html" }] },
          ],
        }).content,
      ),
    );
    const first = bundle.policies[0]!.name;
    expect(data.pages.map((p) => [p.template, p.key])).toEqual([
      [0, `${bundle.target.namespace}:${first}`],
      [0, bundle.policies[1]!.name],
      [1, `Other.Ns:${first.toUpperCase()}`],
    ]);
  });
});

it("valuesFileText ends in one line break", () => {
  expect(valuesFileText({ machine: {} })).toBe('{\n  "machine": {}\n}\n');
});

/**
 * Names that are special on JavaScript objects (`__proto__`, `constructor`, `toString`,
 * `hasOwnProperty`…) are ordinary names everywhere (issue 15 item 5): as every kind of id, through every
 * reader (ADMX, ADML, bundle JSON, values JSON), the model and its catalogs, the compiler, the writers
 * and the preview. Each is found when it is defined, reported when it is missing, and never resolves to
 * a property every object inherits; no built-in prototype changes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { writeAdml } from "../../src/templates/write-adml.js";
import { writeAdmx } from "../../src/templates/write-admx.js";
import { compileValues, createPolicyIndex } from "../../src/compile/index.js";
import { checkBundle } from "../../src/model/check-bundle.js";
import { decodeValue } from "../../src/pol/index.js";
import {
  examplesFromValues,
  generatePreviewSite,
  loadPreviewModel,
  previewSiteOptions,
} from "../../src/preview/index.js";
import { parseAdml, parseAdmx } from "../../src/read/read-file.js";
import { decodeTemplates } from "../../src/read/to-bundle.js";
import { parseValuesText } from "../../src/values/parse-values.js";
import {
  expectPrototypesIntact,
  expectTypedDiagnostic,
  prototypeSnapshot,
  PROTOTYPE_NAMES,
} from "../helpers/hostile-kit.js";

let prototypes: string[][];
beforeAll(() => {
  prototypes = prototypeSnapshot();
});

/**
 * A bundle where `name` is every id at once: policy, element, category, supportedOn definition,
 * presentation, target prefix, every catalog string id, and the registry value name. Built as JSON
 * text and parsed, as a bundle file would be, so that `__proto__` is an own key of the catalogs.
 */
function bundleText(name: string): string {
  const n = JSON.stringify(name);
  return `{
    "id": "names", "fileName": "Names",
    "target": {"prefix": ${n}, "namespace": "Admxkit.Test.Names"},
    "revision": "1.0", "minRequiredRevision": "1.0", "displayName": ${n}, "description": ${n},
    "supportedOn": [{"name": ${n}, "displayName": ${n}}],
    "categories": [{"name": ${n}, "displayName": ${n}}],
    "policies": [{
      "name": ${n}, "class": "Machine", "displayName": ${n}, "explainText": ${n},
      "key": "Software\\\\Policies\\\\Admxkit\\\\Names", "category": ${n}, "supportedOn": ${n}, "presentationId": ${n},
      "elements": [
        {"kind": "text", "id": ${n}, "valueName": ${n}, "control": {"type": "textBox", "label": ${n}}},
        {"kind": "list", "id": "L", "key": "Software\\\\Policies\\\\Admxkit\\\\Names\\\\L", "explicitValue": true,
         "control": {"type": "listBox", "label": ${n}}}
      ]
    }],
    "locales": {"en-US": {${n}: "Text of ${name}"}, "ja-JP": {${n}: "${name} のテキスト"}}
  }`;
}

describe.each(PROTOTYPE_NAMES)("%s as every kind of id", (name) => {
  it("the model accepts it, and the ADMX and ADML carry it", () => {
    const checked = checkBundle(JSON.parse(bundleText(name)));
    for (const d of checked.diagnostics) expectTypedDiagnostic(d);
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    if (!checked.ok) return;
    expect(Object.hasOwn(checked.bundle.locales["en-US"]!, name)).toBe(true);
    const admx = writeAdmx(checked.bundle);
    const adml = writeAdml(checked.bundle, "ja-JP");
    expect(admx).toContain(`<policy name="${name}"`);
    expect(admx).toContain(`displayName="$(string.${name})"`);
    expect(adml).toContain(`<string id="${name}">${name} のテキスト</string>`);
    expect(adml).toContain(`<presentation id="${name}">`);
    expectPrototypesIntact(prototypes);
  });

  it("the readers read it back, and decodeTemplates keeps its texts", () => {
    const checked = checkBundle(JSON.parse(bundleText(name)));
    if (!checked.ok) throw new Error("the bundle is valid");
    const admx = parseAdmx(writeAdmx(checked.bundle), "Names.admx");
    const adml = parseAdml(writeAdml(checked.bundle, "en-US"), "en-US/Names.adml");
    expect(admx.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(admx.document!.policies[0]).toMatchObject({ name, displayName: name, presentation: name });
    expect(adml.document!.strings.get(name)?.text).toBe(`Text of ${name}`);
    expect(adml.document!.presentations.get(name)?.items[0]).toMatchObject({ kind: "control", refId: name });
    const back = decodeTemplates(admx.document!, { "en-US": adml.document! });
    expect(back.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(back.bundle?.locales["en-US"]?.[name]).toBe(`Text of ${name}`);
    expect(Object.hasOwn(back.bundle!.locales["en-US"]!, name)).toBe(true);
    expectPrototypesIntact(prototypes);
  });

  it("a string the ADML lacks is reported missing, not found on Object.prototype", () => {
    const checked = checkBundle(JSON.parse(bundleText(name)));
    if (!checked.ok) throw new Error("the bundle is valid");
    const admx = parseAdmx(writeAdmx(checked.bundle), "Names.admx").document!;
    const empty = writeAdml(checked.bundle, "en-US").replace(/<string id="[^"]*">[^<]*<\/string>/, "");
    const adml = parseAdml(empty, "en-US/Names.adml").document!;
    const back = decodeTemplates(admx, { "en-US": adml });
    expect(back.diagnostics.map((d) => d.code)).toContain("READ_LOCALE_INCOMPLETE");
    const catalogLess = JSON.parse(bundleText(name));
    catalogLess.locales["en-US"] = {};
    expect(checkBundle(catalogLess).diagnostics.map((d) => d.code)).toContain("STRING_MISSING");
  });

  it("a values file names it as policy, option and value name; the compiler finds each", () => {
    const checked = checkBundle(JSON.parse(bundleText(name)));
    if (!checked.ok) throw new Error("the bundle is valid");
    const n = JSON.stringify(name);
    const values = parseValuesText(
      `{"machine": {${n}: {"state": "enabled", "options": {${n}: "value of ${name}", "L": {${n}: "listed"}}}}}`,
      "v.json",
    );
    expect(values.diagnostics).toEqual([]);
    if (!values.ok) return;
    const index = createPolicyIndex([
      { namespace: "Admxkit.Test.Names", prefix: name, policies: checked.bundle.policies },
    ]);
    const result = compileValues(index, values.values, "machine", { file: "v.json" });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const written = result.entries.map((e) => [e.valueName, decodeValue(e.type, e.data)]);
    expect(written).toContainEqual([name, { type: "REG_SZ", value: `value of ${name}` }]);
    expect(written).toContainEqual([name, { type: "REG_SZ", value: "listed" }]);
    // Given nothing for it, a policy of that name is Not Configured: nothing inherited is compiled.
    const none = compileValues(index, { machine: {} }, "machine");
    expect(none.entries).toEqual([]);
    expectPrototypesIntact(prototypes);
  });

  it("the preview resolves its texts and takes its example values", () => {
    const checked = checkBundle(JSON.parse(bundleText(name)));
    if (!checked.ok) throw new Error("the bundle is valid");
    const model = loadPreviewModel(checked.bundle);
    const n = JSON.stringify(name);
    const examples = examplesFromValues(
      JSON.parse(`{"machine": {${n}: {"state": "enabled", "options": {${n}: "example of ${name}"}}}}`),
      "v.json",
    );
    expect(Object.keys(examples)).toEqual([name]);
    const files = generatePreviewSite(model.bundle, previewSiteOptions(model, { examples }));
    const pages = files.map((f) => String(f.content)).join("\n");
    expect(pages).not.toContain("$(string.");
    expect(pages).toContain(`Text of ${name}`);
    expect(pages).toContain(`example of ${name}`);
    expectPrototypesIntact(prototypes);
  });
});

describe("entity references named like prototype members", () => {
  it.each(PROTOTYPE_NAMES)("&%s; is no entity: reported, never decoded to a built-in", (name) => {
    const text = `<?xml version="1.0" encoding="utf-8"?><policyDefinitions xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions" revision="1.0" schemaVersion="1.0"><policyNamespaces><target prefix="p&${name};" namespace="X.Y"/></policyNamespaces><resources minRequiredRevision="1.0"/></policyDefinitions>`;
    const read = parseAdmx(text, "entity.admx");
    expect(read.diagnostics.some((d) => d.severity === "error")).toBe(true);
    expect(JSON.stringify(read.document ?? {})).not.toContain("native code");
    const inText = `<?xml version="1.0" encoding="utf-8"?><policyDefinitionResources xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions" revision="1.0" schemaVersion="1.0"><displayName>x</displayName><description>x</description><resources><stringTable><string id="a">x&${name};y</string></stringTable></resources></policyDefinitionResources>`;
    const adml = parseAdml(inText, "entity.adml");
    expect(adml.diagnostics.some((d) => d.severity === "error")).toBe(true);
    expect(adml.document?.strings.get("a")?.text ?? "").not.toContain("native code");
  });
});

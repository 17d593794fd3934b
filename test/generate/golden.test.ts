import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateTemplates } from "../../src/templates/generate.js";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { contosoSync } from "../../examples/custom-bundle/bundle.js";
import { REPO_ROOT } from "../helpers/cli.js";
import { expectGoldenFiles } from "../helpers/golden.js";
import { validateXmlAllowingKnownGaps } from "../helpers/xsd.js";

const CASES = [
  { name: "built-in defender-proxy → templates/", bundle: defenderProxyBundle, dir: "templates" },
  {
    name: "example contoso-sync → examples/custom-bundle/",
    bundle: () => contosoSync,
    dir: "examples/custom-bundle",
  },
];

describe.each(CASES)("$name", ({ bundle, dir }) => {
  const { files, diagnostics } = generateTemplates(bundle());

  it("has no warnings", () => {
    expect(diagnostics).toEqual([]);
  });

  it("writes one ADMX and an ADML per locale in its locale folder", () => {
    const paths = files.map((f) => f.path);
    expect(paths[0]).toMatch(/^PolicyDefinitions\/[A-Za-z]+\.admx$/);
    expect(paths.slice(1)).toEqual([
      paths[0]!.replace("PolicyDefinitions/", "PolicyDefinitions/en-US/").replace(".admx", ".adml"),
      paths[0]!.replace("PolicyDefinitions/", "PolicyDefinitions/ja-JP/").replace(".admx", ".adml"),
    ]);
  });

  it("equals the committed files byte for byte", async () => {
    await expectGoldenFiles(join(REPO_ROOT, dir), files, "PolicyDefinitions/");
  });

  it.each(files.map((f) => [f.path, f.content] as const))(
    "%s validates against the ADMX schema",
    async (_path, content) => {
      const result = await validateXmlAllowingKnownGaps(content as string);
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    },
  );

  it("uses CRLF line endings only, a UTF-8 declaration, no BOM and no DOCTYPE", () => {
    for (const { content } of files) {
      const text = content as string;
      expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      expect(text.endsWith("\r\n")).toBe(true);
      expect(text).not.toMatch(/<!DOCTYPE/i);
    }
  });

  it("is deterministic", () => {
    expect(generateTemplates(bundle()).files).toEqual(files);
  });
});

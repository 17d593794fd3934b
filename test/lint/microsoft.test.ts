import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateTemplates } from "../../src/lint/validate-templates.js";
import { SHARED } from "../helpers/cli.js";

const MICROSOFT = join(SHARED, "reference", "microsoft");
const summary = (list: { code: string; severity: string; file?: string; line?: number }[]) =>
  list.map((d) => `${d.severity} ${d.code} ${d.file?.slice(MICROSOFT.length + 1)}:${d.line}`);

describe("Microsoft's own templates", () => {
  it("validate for en-US with no errors; their known defects are warnings at the right lines", async () => {
    const { diagnostics, files } = await validateTemplates([MICROSOFT], { locales: ["en-US"] });
    expect(files).toBe(6);
    expect(summary(diagnostics.filter((d) => d.severity !== "info"))).toEqual([
      "warning XSD_NAMESPACE_WRONG en-US/WindowsDefender.adml:1",
      "warning XSD_STRAY_TEXT en-US/WindowsDefender.adml:1070",
      "warning XSD_NAMESPACE_WRONG ja-JP/WindowsDefender.adml:1",
      "warning XSD_TOLERATED_ATTRIBUTE WindowsDefender.admx:169",
      "warning XSD_TOLERATED_ATTRIBUTE WindowsDefender.admx:169",
    ]);
    // Windows.admx is not among them: references into Microsoft.Policies.Windows are not checked.
    expect(diagnostics.filter((d) => d.severity === "info").map((d) => d.code)).toEqual([
      "STORE_USING_INBOX",
      "STORE_USING_INBOX",
    ]);
  });

  it("for ja-JP, the errors are exactly the strings the 1903 ADMLs lack for 25H2 policies", async () => {
    // PROVENANCE.md: the ja-JP ADMLs are Windows 10 1903 resources paired with newer ADMX files.
    const { diagnostics } = await validateTemplates([MICROSOFT], { locales: ["ja-JP"] });
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(new Set(errors.map((d) => d.code))).toEqual(
      new Set(["ADML_STRING_MISSING", "ADML_PRESENTATION_MISSING"]),
    );
    expect(errors.every((d) => d.params.locale === "ja-JP")).toBe(true);
    const dataCollection = errors
      .filter((d) => d.file?.endsWith("DataCollection.admx"))
      .map((d) => d.params.id);
    expect(dataCollection).toContain("LimitDumpCollection");
    expect(dataCollection).not.toContain("TelemetryProxy");
  });
});

import { cp } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, SHARED, tempDir } from "../helpers/cli.js";

const MICROSOFT = join(SHARED, "reference", "microsoft");
const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Our built-in bundle built into a temporary store, with Windows' DataCollection templates beside it. */
let store: string;
beforeAll(async () => {
  const dir = await tempDir();
  const built = await runCli(["build", "--out", dir]);
  expect(built.code).toBe(0);
  store = join(dir, "PolicyDefinitions");
  await cp(join(MICROSOFT, "DataCollection.admx"), join(store, "DataCollection.admx"));
  await cp(join(MICROSOFT, "en-US", "DataCollection.adml"), join(store, "en-US", "DataCollection.adml"));
});

describe("admxkit validate", () => {
  it("Microsoft's templates for en-US: exit 0, findings grouped by file, then the counts", async () => {
    const r = await runCli(["validate", MICROSOFT, "--locale", "en-US"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /en-US\/WindowsDefender\.adml\n {2}1:1 +warning XSD_NAMESPACE_WRONG .*\n {2}1070:144 +warning XSD_STRAY_TEXT {2}stray text "d" inside <stringTable>/,
    );
    expect(r.stderr).toMatch(/0 errors, 5 warnings, 2 notes in 6 files\n$/);
  });

  it("--strict: the same templates' schema deviations are errors (exit 1)", async () => {
    const r = await runCli(["validate", MICROSOFT, "--locale", "en-US", "--strict"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1:1 +error +XSD_NAMESPACE_WRONG /);
    expect(r.stderr).toMatch(/1070:144 +error +XSD_STRAY_TEXT /);
    expect(r.stderr).toMatch(/\n5 errors, 0 warnings, 2 notes in 6 files\n$/);
  });

  it("errors give exit 1", async () => {
    const r = await runCli(["validate", MICROSOFT]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error   ADML_STRING_MISSING");
  });

  it("--json prints one object per line on stdout with exactly code, severity, file, line, column, message", async () => {
    const r = await runCli(["validate", MICROSOFT, "--locale", "en-US", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(7);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(["code", "severity", "file", "line", "column", "message"]);
      expect(["error", "warning", "info"]).toContain(line.severity);
      expect(typeof line.line === "number" && typeof line.column === "number").toBe(true);
    }
    expect(lines).toContainEqual(
      expect.objectContaining({
        code: "XSD_TOLERATED_ATTRIBUTE",
        line: 169,
        column: 110,
        severity: "warning",
      }),
    );
  });

  it("our bundle beside Windows' DataCollection.admx: a warning names both policies writing one value", async () => {
    const r = await runCli(["validate", store, "--json"]);
    expect(r.code).toBe(0);
    const duplicates = jsonLines(r.stdout).filter((d) => d.code === "STORE_REGISTRY_DUPLICATE");
    expect(duplicates.map((d) => d.message)).toContainEqual(
      expect.stringMatching(
        /policy TelemetryProxy writes HKLM\\Software\\Policies\\Microsoft\\Windows\\DataCollection\\TelemetryProxyServer, which policy TelemetryProxyServer of .*AdmxkitDefenderProxy\.admx also writes/,
      ),
    );
    expect(duplicates.every((d) => d.severity === "warning")).toBe(true);
  });

  it("--intune on our bundle: Intune will refuse it, and the message says why", async () => {
    const r = await runCli(["validate", join(store, "AdmxkitDefenderProxy.admx"), "--intune"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Intune will refuse to import");
    expect(r.stderr).toMatch(/7 of its 7 policies write to registry keys reserved for Windows/);
    expect(r.stderr).toMatch(
      /INTUNE_KEY_REFUSED {2}policy ProxyServer writes to Software\\Policies\\Microsoft\\Windows Defender, inside Software\\Policies\\Microsoft/,
    );
    expect(r.stderr).toContain("INTUNE_LOCALE_IGNORED");
  });

  it("messages follow --lang", async () => {
    const r = await runCli([
      "validate",
      join(store, "AdmxkitDefenderProxy.admx"),
      "--intune",
      "--lang",
      "ja-JP",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Intune は");
    expect(r.stderr).toMatch(/エラー 8 件/);
  });

  it("a path that does not exist is invalid input (exit 1); a missing path or unknown option is a usage error (exit 2)", async () => {
    const missing = await runCli(["validate", "no/such/store"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("INPUT_NOT_FOUND");
    expect((await runCli(["validate"])).code).toBe(2);
    expect((await runCli(["validate", MICROSOFT, "--no-such-option"])).code).toBe(2);
  });
});

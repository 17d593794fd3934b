import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli, SHARED, tempDir } from "../helpers/cli.js";
import { HOSTILE_BUNDLE_PATH } from "../helpers/preview-fixtures.js";
import { inboxStorePath } from "../helpers/inbox-store.js";

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe("admxkit preview", () => {
  it("writes the site of the built-in bundle in both languages", async () => {
    const out = await tempDir();
    const result = await runCli(["preview", "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const files = await listFiles(out);
    // The start page, the editor's page script, and per language 8 pages and the editor's data.
    expect(files).toHaveLength(2 + 2 * 9);
    expect(files).toContain(join("ja-JP", "TelemetryProxyServer.html"));
    expect(files).toContain("editor.js");
    expect(files).toContain(join("ja-JP", "editor-data.js"));
    expect(result.stdout.trim().split("\n").sort()).toEqual(files.map((f) => join(out, f)));
    const ja = await readFile(join(out, "ja-JP", "TelemetryProxyServer.html"), "utf8");
    expect(ja).toContain("EDR センサーとテレメトリの静的プロキシ");
    expect(ja).toContain('href="../en-US/TelemetryProxyServer.html"');
  });

  it("writes static pages without any script with --no-editor", async () => {
    const out = await tempDir();
    const result = await runCli(["preview", "--no-editor", "--locale", "en-US", "--out", out]);
    expect(result.code).toBe(0);
    const files = await listFiles(out);
    expect(files.filter((f) => f.endsWith(".js"))).toEqual([]);
    const page = await readFile(join(out, "en-US", "ProxyServer.html"), "utf8");
    expect(page).not.toContain("<script");
    expect(page).not.toContain("script-src");
  });

  it("renders one locale of a bundle file and takes examples from a values file", async () => {
    const out = await tempDir();
    const values = join(out, "values.json");
    await writeFile(
      values,
      JSON.stringify({ machine: { EveryControl: { state: "enabled", options: { Retries: 9 } } } }),
    );
    const bundle = fileURLToPath(HOSTILE_BUNDLE_PATH);
    const result = await runCli([
      "preview",
      "--bundle",
      bundle,
      "--locale",
      "ja-JP",
      "--values",
      values,
      "--out",
      join(out, "site"),
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(await listFiles(join(out, "site"))).toEqual(
      [
        "editor.js",
        "index.html",
        "ja-JP/EveryControl.html",
        "ja-JP/PlainSwitch.html",
        "ja-JP/editor-data.js",
        "ja-JP/index.html",
      ].map((p) => join(...p.split("/"))),
    );
    const page = await readFile(join(out, "site", "ja-JP", "EveryControl.html"), "utf8");
    expect(page).toContain("&quot;Retries&quot;=dword:00000009");
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;window.__pwned=&#39;help&#39;&lt;/script&gt;");
  });

  it("previews a PolicyDefinitions folder with --admx, from the files alone", async () => {
    const out = await tempDir();
    const built = await runCli(["build", "--bundle", fileURLToPath(HOSTILE_BUNDLE_PATH), "--out", out]);
    expect(built.code).toBe(0);
    const fromFiles = await runCli([
      "preview",
      "--admx",
      join(out, "PolicyDefinitions"),
      "--out",
      join(out, "a"),
    ]);
    // Only infos: the reader notes what GPMC tolerates in admxkit's own output.
    expect(fromFiles.stderr).not.toMatch(/(error|warning) [A-Z_]+:/);
    expect(fromFiles.code).toBe(0);
    const fromBundle = await runCli([
      "preview",
      "--bundle",
      fileURLToPath(HOSTILE_BUNDLE_PATH),
      "--out",
      join(out, "b"),
    ]);
    expect(fromBundle.code).toBe(0);
    // The bundle's own preview is rendered from its generated files read back: the same pages. The
    // editor's data differs on purpose: with a bundle it compiles with the bundle's own definitions
    // (which know the text formats no ADMX carries) and names the bundle in messages.
    const files = await listFiles(join(out, "a"));
    expect(files).toEqual(await listFiles(join(out, "b")));
    expect(files).toContain(join("en-US", "editor-data.js"));
    for (const file of files.filter((f) => !f.endsWith("editor-data.js"))) {
      expect(await readFile(join(out, "a", file), "utf8"), file).toBe(
        await readFile(join(out, "b", file), "utf8"),
      );
    }
  });

  it("previews a folder of several templates as one store, reporting what GPMC tolerates", async () => {
    const out = await tempDir();
    const result = await runCli([
      "preview",
      "--admx",
      join(SHARED, "reference", "microsoft"),
      "--locale",
      "en-US",
      "--out",
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("warning XSD_NAMESPACE_WRONG");
    const files = await listFiles(out);
    expect(files).toContain("index.html");
    expect(files).toContain(join("en-US", "DataCollection", "TelemetryProxy.html"));
    expect(files).toContain(join("en-US", "WindowsDefender", "ProxyServer.html"));
    expect(files).toContain(join("en-US", "index.html"));
    expect(files).toContain(join("en-US", "search-index.js"));
    expect(files).not.toContain(join("ja-JP", "index.html"));
    expect(result.stdout.trim().split("\n").sort()).toEqual(files.map((f) => join(out, f)));
    const page = await readFile(join(out, "en-US", "DataCollection", "TelemetryProxy.html"), "utf8");
    expect(page).toContain('data-control="textBox"');
    const tree = await readFile(join(out, "en-US", "index.html"), "utf8");
    expect(tree).toContain('href="./WindowsDefender/ProxyServer.html"');
  });

  it("resolves a bundle's references into Windows' templates with --store", async () => {
    const out = await tempDir();
    const bundle = fileURLToPath(HOSTILE_BUNDLE_PATH);
    const store = inboxStorePath("windows10-1903");
    const result = await runCli(["preview", "--bundle", bundle, "--store", store, "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // PlainSwitch is supported on windows:SUPPORTED_Windows_10_0: Windows.adml's own wording, per language.
    const en = await readFile(join(out, "en-US", "PlainSwitch.html"), "utf8");
    expect(en).toContain('<div class="box supported">At least Windows Server 2016, Windows 10</div>');
    const ja = await readFile(join(out, "ja-JP", "PlainSwitch.html"), "utf8");
    expect(ja).toContain('<div class="box supported">Windows Server 2016 以降または Windows 10 以降</div>');
    const without = await runCli(["preview", "--bundle", bundle, "--out", join(out, "plain")]);
    expect(without.code).toBe(0);
    const plain = await readFile(join(out, "plain", "en-US", "PlainSwitch.html"), "utf8");
    expect(plain).toContain("Windows 10.0 (its wording is in Microsoft.Policies.Windows");
  });

  it("writes nothing from a store with a broken template, and names the file", async () => {
    const dir = await tempDir();
    const store = join(dir, "PolicyDefinitions");
    await mkdir(join(store, "en-US"), { recursive: true });
    const microsoft = join(SHARED, "reference", "microsoft");
    await copyFile(join(microsoft, "DataCollection.admx"), join(store, "DataCollection.admx"));
    await copyFile(
      join(microsoft, "en-US", "DataCollection.adml"),
      join(store, "en-US", "DataCollection.adml"),
    );
    await writeFile(join(store, "Broken.admx"), "<policyDefinitions");
    const result = await runCli(["preview", "--admx", store, "--out", join(dir, "out")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Broken\.admx.* error [A-Z_]+/);
    expect(result.stdout).toBe("");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("refuses an --admx folder without templates, and one that does not exist", async () => {
    const empty = await tempDir();
    const none = await runCli(["preview", "--admx", empty, "--out", join(empty, "out")]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("error PREVIEW_ADMX_EMPTY");
    const missing = await runCli(["preview", "--admx", join(empty, "nope"), "--out", join(empty, "out")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("error INPUT_NOT_FOUND");
  });

  it("refuses --bundle together with --admx, and a missing --out", async () => {
    expect((await runCli(["preview", "--bundle", "defender-proxy", "--admx", "d", "--out", "x"])).code).toBe(
      2,
    );
    const noOut = await runCli(["preview"]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/out/);
  });

  it("reports a bad values file with its name and exit code 1, writing nothing", async () => {
    const out = await tempDir();
    const values = join(out, "values.json");
    await writeFile(values, "{ not json");
    const result = await runCli(["preview", "--values", values, "--out", join(out, "site")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${values}:1:3: error JSON_EXPECTED_KEY`);
    expect(await readdir(out)).toEqual(["values.json"]);
  });

  it("reports an unknown bundle and a locale the bundle lacks in Japanese with --lang ja-JP", async () => {
    const unknown = await runCli(["preview", "--bundle", "nope", "--out", "x", "--lang", "ja-JP"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("BUNDLE_NOT_FOUND");
    const locale = await runCli(["preview", "--locale", "de-DE", "--out", "x"]);
    expect(locale.code).toBe(1);
    expect(locale.stderr).toContain("LOCALE_MISSING");
  });
});

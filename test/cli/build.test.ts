import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateTemplates } from "../../src/templates/generate.js";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { listFiles } from "../helpers/golden.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { smallBundle } from "../helpers/bundle-fixtures.js";

describe("admxkit build", () => {
  it("writes ./out/PolicyDefinitions for defender-proxy by default, equal to the generator", async () => {
    const cwd = await tempDir();
    const result = await runCli(["build"], { cwd });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const files = await listFiles(join(cwd, "out"));
    expect(files).toEqual([
      "PolicyDefinitions/AdmxkitDefenderProxy.admx",
      "PolicyDefinitions/en-US/AdmxkitDefenderProxy.adml",
      "PolicyDefinitions/ja-JP/AdmxkitDefenderProxy.adml",
    ]);
    for (const file of generateTemplates(defenderProxyBundle()).files) {
      expect(await readFile(join(cwd, "out", file.path), "utf8")).toBe(file.content);
    }
    expect(result.stdout.trim().split("\n")).toHaveLength(3);
  });

  it("writes only the requested locales with --locale, to --out", async () => {
    const cwd = await tempDir();
    const result = await runCli(["build", "--locale", "ja-JP", "--out", "dist"], { cwd });
    expect(result.code).toBe(0);
    expect(await listFiles(join(cwd, "dist"))).toEqual([
      "PolicyDefinitions/AdmxkitDefenderProxy.admx",
      "PolicyDefinitions/ja-JP/AdmxkitDefenderProxy.adml",
    ]);
  });

  it("builds a bundle from a JSON file and from a JS module", async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "tiny.json"), JSON.stringify(smallBundle()));
    await writeFile(join(cwd, "tiny.mjs"), `export default ${JSON.stringify(smallBundle())};`);
    for (const spec of ["tiny.json", "tiny.mjs"]) {
      const result = await runCli(["build", "--bundle", spec, "--out", `out-${spec}`], { cwd });
      expect(result.code, result.stderr).toBe(0);
      expect(await listFiles(join(cwd, `out-${spec}`))).toEqual([
        "PolicyDefinitions/Tiny.admx",
        "PolicyDefinitions/en-US/Tiny.adml",
        "PolicyDefinitions/ja-JP/Tiny.adml",
      ]);
    }
  });

  it("keeps the previous output intact when a later build fails", async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "tiny.json"), JSON.stringify(smallBundle()));
    expect((await runCli(["build", "--bundle", "tiny.json"], { cwd })).code).toBe(0);
    const before = await readFile(join(cwd, "out/PolicyDefinitions/Tiny.admx"));
    const broken = smallBundle() as any;
    broken.policies[0].category = "Missing";
    await writeFile(join(cwd, "tiny.json"), JSON.stringify(broken));
    expect((await runCli(["build", "--bundle", "tiny.json"], { cwd })).code).toBe(1);
    expect(await readFile(join(cwd, "out/PolicyDefinitions/Tiny.admx"))).toEqual(before);
    expect((await readdir(join(cwd, "out/PolicyDefinitions"))).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("reports unreadable bundle files with the file and the reason", async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "bad.json"), "{ not json");
    const bad = await runCli(["build", "--bundle", "bad.json"], { cwd });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'bad.json:1:3: error JSON_EXPECTED_KEY: expected a key in double quotes; found "not"',
    );
    const missing = await runCli(["build", "--bundle", "nowhere.json"], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no such file");
    const unknown = await runCli(["build", "--bundle", "no-such-bundle"], { cwd });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("BUNDLE_NOT_FOUND");
  });

  it("speaks Japanese with --lang ja-JP or a Japanese environment locale", async () => {
    const cwd = await tempDir();
    const viaFlag = await runCli(["build", "--bundle", "no-such-bundle", "--lang", "ja-JP"], { cwd });
    expect(viaFlag.stderr).toContain("バンドル no-such-bundle が見つかりません");
    const viaEnv = await runCli(["build", "--bundle", "no-such-bundle"], {
      cwd,
      env: { LANG: "ja_JP.UTF-8" },
    });
    expect(viaEnv.stderr).toContain("バンドル no-such-bundle が見つかりません");
  });
});

describe("usage", () => {
  it("exits 2 on an unknown command or option, with a hint on stderr", async () => {
    const cases: [string[], string][] = [
      [["nonsense"], "admxkit --help"],
      [["build", "--no-such-option"], "admxkit build --help"],
      [[], "admxkit --help"],
    ];
    for (const [args, help] of cases) {
      const result = await runCli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(help);
      expect(result.stdout).toBe("");
    }
  });

  it("has --help for the program and each command", async () => {
    const top = await runCli(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("admxkit build");
    for (const command of ["build", "schema"]) {
      const help = await runCli([command, "--help"]);
      expect(help.code, command).toBe(0);
      expect(help.stdout).toContain(`admxkit ${command}`);
    }
  });
});

describe("admxkit schema bundle", () => {
  it("prints the JSON Schema of the bundle format, generated from the model", async () => {
    const result = await runCli(["schema", "bundle"]);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.required).toEqual(
      expect.arrayContaining(["id", "fileName", "target", "policies", "locales"]),
    );
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["policies", "categories", "supportedOn"]),
    );
  });
});

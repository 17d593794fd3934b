import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { helpText } from "../../src/cli/main.js";
import { REPO_ROOT, runCli, runInProcess, tempDir } from "../helpers/cli.js";
import { smallBundle } from "../helpers/bundle-fixtures.js";

/** yargs' wording in both languages, which must never reach a user again (issue 13.5). */
const YARGS_WORDING =
  /Not enough non-option arguments|Unknown argument|Missing required argument|Invalid values|Choices:|選択してください|不正な値|未知の引数|\[required\]|\[default: |\[必須\]|Run "admxkit --help" for usage|for usage/;

const EXAMPLE_POL = join(REPO_ROOT, "examples", "defender-proxy.Registry.pol");

describe("admxkit --version (issue 13.1)", () => {
  it("prints admxkit's own version, not the one of the project it runs in", async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "package.json"), JSON.stringify({ name: "consumer", version: "9.9.9" }));
    const own = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8")).version as string;
    const result = await runCli(["--version"], { cwd });
    expect(result).toEqual({ code: 0, stdout: `${own}\n`, stderr: "" });
  });
});

describe("TypeScript bundles (issue 13.2)", () => {
  it("builds examples/custom-bundle/bundle.ts to the committed templates", async () => {
    const cwd = await tempDir();
    const bundle = join(REPO_ROOT, "examples", "custom-bundle", "bundle.ts");
    const result = await runCli(["build", "--bundle", bundle, "--out", "out"], { cwd });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    for (const file of ["ContosoSync.admx", "en-US/ContosoSync.adml", "ja-JP/ContosoSync.adml"]) {
      const built = await readFile(join(cwd, "out", "PolicyDefinitions", file), "utf8");
      const committed = join(REPO_ROOT, "examples", "custom-bundle", "PolicyDefinitions", file);
      expect(built, file).toBe(await readFile(committed, "utf8"));
    }
  });

  it("names the extensions it loads, TypeScript among them, in Japanese too", async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "bundle.yaml"), "id: x\n");
    const en = await runCli(["build", "--bundle", "bundle.yaml"], { cwd });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain("nor a JavaScript or TypeScript module (.js, .mjs, .cjs, .ts, .mts, .cts)");
    await writeFile(join(cwd, "broken.mts"), `export default ${JSON.stringify(smallBundle())} as = ;\n`);
    const ja = await runCli(["build", "--bundle", "broken.mts", "--lang", "ja-JP"], { cwd });
    expect(ja.code).toBe(1);
    expect(ja.stderr).toMatch(/エラー BUNDLE_LOAD_FAILED: バンドル \S*broken\.mts を読み込めません: /);
  });
});

describe("usage errors in admxkit's own words (issues 13.5, 15.4)", () => {
  it("suggests --out for --outt and points at the command's help once, in en-US and ja-JP (binary)", async () => {
    const en = await runCli(["build", "--outt", "x"]);
    expect(en).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "admxkit: build has no option --outt; did you mean --out?\nSee admxkit build --help for its options.\n",
    });
    const ja = await runCli(["build", "--outt", "x"], { env: { LANG: "ja_JP.UTF-8" } });
    expect(ja.code).toBe(2);
    expect(ja.stderr).toBe(
      "admxkit: build には --outt というオプションはありません。--out のことですか?\n" +
        "オプションは admxkit build --help で確認できます。\n",
    );
  });

  it("refuses a repeated single-value option with exit 2, naming both values (binary)", async () => {
    const cwd = await tempDir();
    const pol = await runCli(["pol", "--values", "v.json", "--out", "a", "--out", "b"], { cwd });
    expect(pol.code).toBe(2);
    expect(pol.stderr).toBe(
      'admxkit: --out was given 2 times ("a", "b"), but it takes a single value: give it once\n' +
        "See admxkit pol --help for its options.\n",
    );
    const ja = await runCli([
      "dump",
      EXAMPLE_POL,
      "--format",
      "lgpo",
      "--class",
      "user",
      "--class",
      "user",
      "--lang",
      "ja-JP",
    ]);
    expect(ja.code).toBe(2);
    expect(ja.stdout).toBe("");
    expect(ja.stderr).toContain('--class が 2 回指定されています ("user", "user")');
  });

  it.each([
    [["build", "--out", "a", "--out", "b"], "--out was given 2 times"],
    [["gpo", "--values", "v", "--out", "o", "--name", "a", "--name", "b"], "--name was given 2 times"],
    [["build", "--lang", "en-US", "--lang", "ja-JP"], "--lang was given 2 times"],
    [["--lang", "en-US", "--lang", "ja-JP", "build"], '--lang was given 2 times ("en-US", "ja-JP")'],
    [["--lang=en-US", "build", "--lang", "ja-JP"], "--lang was given 2 times"],
    [
      ["pol", "--values", "v", "--out", "o", "--format", "ps1", "--format", "reg"],
      "--format was given 2 times",
    ],
    [["validate"], "validate needs the argument <paths> (ADMX or ADML files, or PolicyDefinitions folders)"],
    [["dump", "x.pol", "--class", "foo"], "foo is not a value of --class; choose one of: machine, user"],
    [["validate", "x", "--jobs", "two"], "--jobs takes a whole number, not two"],
    [["build", "--out"], "--out needs a value after it"],
    [["pol", "--values", "v"], "pol needs --out"],
    [["gpo"], "gpo needs --values, --name, --out"],
    [["dump", "a.pol", "b.pol"], "dump does not take the extra argument b.pol"],
    [
      ["pol", "--bundle", "x", "--admx", "y", "--values", "v", "--out", "o"],
      "--bundle and --admx exclude each other",
    ],
    [["biuld"], "there is no command biuld; did you mean build?"],
    [["build", "--json=yes"], "admxkit: build has no option --json"],
    [["validate", "x", "--json=yes"], "--json is a switch and takes no value (yes given)"],
    [["--nonsense"], "admxkit has no option --nonsense"],
    // Options before the command follow the rules of a command's own options: one parser reads both.
    [["--lang"], "--lang needs a value after it"],
    [["--version=yes"], "--version is a switch and takes no value (yes given)"],
  ])("%j → exit 2: %s", async (args, message) => {
    const result = await runInProcess(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(YARGS_WORDING);
    // One message line and one pointer to the help: never the hint twice.
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(2);
    expect(result.stderr).toMatch(/See admxkit (\w+ )?--help/);
  });

  it("speaks Japanese for every kind of usage error, without yargs' words", async () => {
    const cases = [
      [
        ["validate", "--lang", "ja-JP"],
        "validate には引数 <paths> (ADMX ファイル、ADML ファイル、または PolicyDefinitions フォルダー) が必要です",
      ],
      [
        ["dump", "x.pol", "--class", "foo", "--lang", "ja-JP"],
        "foo は --class の値として使えません。次のいずれかを指定してください: machine, user",
      ],
      [["pol", "--values", "v", "--lang", "ja-JP"], "pol には --out の指定が必要です"],
      [["biuld", "--lang", "ja-JP"], "biuld というコマンドはありません。build のことですか?"],
    ] as const;
    for (const [args, message] of cases) {
      const result = await runInProcess(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(YARGS_WORDING);
      expect(result.stderr).toMatch(/admxkit (\w+ )?--help で確認できます。\n$/);
      expect(result.stderr).not.toMatch(/[:：]\n/);
    }
  });

  it("accepts --name=value, --no-flag, -- and a leading --lang", async () => {
    const help = await runInProcess(["--lang", "ja-JP", "build", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("使い方: admxkit build");
    const dir = await tempDir();
    const built = await runInProcess(["build", `--out=${dir}`, "--locale=en-US"]);
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    expect(built.stdout.trim().split("\n")).toHaveLength(2);
  });

  it("lays out help with examples on lines of their own, never cut inside a command", () => {
    for (const locale of ["en-US", "ja-JP"] as const) {
      for (const command of [
        "build",
        "validate",
        "pol",
        "dump",
        "gpo",
        "values",
        "diff",
        "preview",
        "schema",
      ]) {
        const help = helpText(command, locale, 60);
        const examples = help.slice(help.search(/^(Examples|例):$/m));
        const commands = examples.split("\n").filter((line) => /^ {2}\S/.test(line));
        expect(commands.length, command).toBeGreaterThan(0);
        for (const line of commands) expect(line, command).toMatch(/^ {2}admxkit \S/);
        // Every example command is whole on its line: the next line is its (indented) description.
        expect(help).not.toMatch(YARGS_WORDING);
      }
    }
    expect(helpText("validate", "en-US")).toContain(
      "<paths>  ADMX or ADML files, or PolicyDefinitions folders",
    );
    expect(helpText("pol", "en-US")).toMatch(/--values <file> +[^\n]*\(required\)/);
    expect(helpText("pol", "ja-JP")).toMatch(/--class <machine\|user> +[^]*?\(既定値:\s+machine\)/);
    // Kinsoku: no line of the Japanese help ends with an opening bracket or starts with a closing mark.
    for (const line of helpText("pol", "ja-JP").split("\n")) {
      expect(line).not.toMatch(/[（(「]$|^ +[、。）)」]/);
    }
  });
});

describe("validate wording (issue 13.6)", () => {
  it("counts with plural forms, shows no 0:0 for a missing path, in en-US and ja-JP (binary)", async () => {
    const en = await runCli(["validate", "no-such-dir"]);
    expect(en.code).toBe(1);
    expect(en.stderr).toBe(
      "no-such-dir\n  -         error   INPUT_NOT_FOUND  no such file or folder: no-such-dir\n\n" +
        "1 error, 0 warnings, 0 notes in 0 files\n",
    );
    const ja = await runCli(["validate", "no-such-dir", "--lang", "ja-JP"]);
    expect(ja.stderr).toContain("ファイルまたはフォルダーがありません: no-such-dir");
    expect(ja.stderr).toMatch(/\n0 個のファイルでエラー 1 件、警告 0 件、情報 0 件\n$/);
    expect(ja.stderr).not.toMatch(/0:0|no such file/);
  });

  it("says once, on stderr, that --lang de and --lang fr-FR fall back to English (binary)", async () => {
    const de = await runCli(["validate", "no-such-dir", "--lang", "de"]);
    const notice =
      "admxkit: messages are available in en-US and ja-JP; --lang de is not one of them, so they are shown in English\n";
    expect(de.stderr.startsWith(notice)).toBe(true);
    expect(de.stderr.split("--lang de").length).toBe(2);
    expect(de.stderr).toContain("1 error, 0 warnings, 0 notes in 0 files");
    const fr = await runInProcess(["--lang", "fr-FR", "--version"]);
    expect(fr.stderr).toContain("--lang fr-FR is not one of them");
    for (const quiet of ["en", "en-GB", "ja", "ja_JP.UTF-8"]) {
      expect((await runInProcess(["--lang", quiet, "--version"])).stderr, quiet).toBe("");
    }
  });
});

describe("dump --bundle (issue 13.7)", () => {
  it("names the bundle's policy for each entry, in en-US and ja-JP (binary)", async () => {
    const en = await runCli(["dump", EXAMPLE_POL, "--bundle", "defender-proxy", "--json"]);
    expect(en.code).toBe(0);
    const lines = en.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(7);
    expect(lines.map((l) => l.policy)).toEqual(
      [
        "TelemetryProxyServer",
        "DisableEnterpriseAuthProxy",
        "PreferStaticProxyForHttpRequest",
        "ProxyServer",
        "ProxyPacUrl",
        "ProxyBypass",
        "SSLOptions",
      ].map((name) => `Admxkit.Policies.DefenderProxy:${name}`),
    );
    const ja = await runCli([
      "dump",
      EXAMPLE_POL,
      "--bundle",
      "defender-proxy",
      "--format",
      "lgpo",
      "--lang",
      "ja-JP",
    ]);
    expect(ja.code).toBe(2);
    expect(ja.stderr).toBe(
      "admxkit: --bundle によるエントリの説明は table 形式と JSON 形式でのみ表示できます。--format lgpo とは併用できません\n" +
        "オプションは admxkit dump --help で確認できます。\n",
    );
  });
});

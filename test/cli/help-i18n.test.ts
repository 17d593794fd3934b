import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_BUNDLE } from "../../src/bundles/index.js";
import { COMMANDS } from "../../src/cli/main.js";
import { cliText, loadToolCatalog, type LocaleTag } from "../../src/i18n/messages.js";
import { REPO_ROOT, runCli } from "../helpers/cli.js";

const EN = loadToolCatalog("en-US").cli;
const JA = loadToolCatalog("ja-JP").cli;
const NAMES = COMMANDS.map((m) => m.spec.name);

/**
 * One phrase per command that its Japanese help must show, written here rather than read from the
 * catalog, so that the test does not merely compare the catalog with itself.
 */
const JAPANESE_PHRASE: Record<string, string> = {
  build: "PolicyDefinitions フォルダーの構成で書き出します",
  validate: "ファイル間の規則に照らして検証します",
  preview: "グループ ポリシー エディターでの表示どおり",
  pol: "Registry.pol にコンパイルします",
  dump: "表形式または JSON Lines 形式で表示します",
  gpo: "GPO のバックアップ フォルダー",
  intune: "カスタム構成プロファイル",
  values: "値ファイルに戻します",
  diff: "ポリシー単位で比較します",
  schema: "JSON スキーマを出力します",
};

/**
 * Help wraps long descriptions to the terminal width, and Japanese text (no spaces between words) at
 * any character: texts are compared with all white space removed.
 */
const squash = (text: string) => text.replace(/\s+/g, "");

/** Whether the help shows a catalog text (white space aside). */
const shows = (output: string, text: string) => squash(output).includes(text);

/** A catalog text as the help shows it (the one placeholder filled), without white space. */
const shown = (id: string, locale: LocaleTag) => squash(cliText(id, locale, { bundle: DEFAULT_BUNDLE }));

/** The ids of a command's own texts: its description, positionals, options and examples. */
const idsOf = (name: string) => Object.keys(EN).filter((id) => id.startsWith(`${name}.`));

/** The ids whose `locale` text the output shows, for asserting that no text of the other language leaks. */
function idsShown(output: string, locale: LocaleTag): string[] {
  return Object.keys(locale === "en-US" ? EN : JA).filter((id) => shows(output, shown(id, locale)));
}

/** Every `cliText("id"` in the sources, and every `text: "id"` of a command's options and examples. */
async function idsUsedInSources(): Promise<Set<string>> {
  const ids = new Set<string>();
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".ts")) {
        const source = await readFile(path, "utf8");
        for (const match of source.matchAll(/\bcliText\(\s*"([^"]+)"|\btext: "([^"]+)"/g))
          ids.add((match[1] ?? match[2])!);
      }
    }
  };
  await walk(join(REPO_ROOT, "src"));
  return ids;
}

describe("the cli catalog section", () => {
  it("has exactly the texts the sources use, each in Japanese in ja-JP", async () => {
    const used = [...(await idsUsedInSources())].sort();
    expect(used.length).toBeGreaterThan(40);
    expect(used).toEqual(Object.keys(EN).sort());
    for (const [id, text] of Object.entries(JA)) expect(text, id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it("names a phrase for every command", () => {
    expect(Object.keys(JAPANESE_PHRASE).sort()).toEqual([...NAMES].sort());
  });
});

describe("admxkit --help", () => {
  it("describes every command in Japanese with --lang ja-JP or a Japanese environment", async () => {
    for (const options of [
      { args: ["--help", "--lang", "ja-JP"] },
      { args: ["--help"], env: { LANG: "ja_JP.UTF-8" } },
    ]) {
      const result = await runCli(options.args, { env: options.env ?? {} });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("コマンド:");
      for (const name of NAMES) {
        expect(squash(result.stdout), name).toContain(squash(JAPANESE_PHRASE[name]!));
        expect(squash(result.stdout), name).toContain(shown(`${name}.describe`, "ja-JP"));
      }
      expect(idsShown(result.stdout, "en-US")).toEqual([]);
    }
  });

  it("stays English with --lang en-US, and in the C locale the docs site builds with", async () => {
    for (const options of [
      { args: ["--help", "--lang", "en-US"], env: { LANG: "ja_JP.UTF-8" } },
      { args: ["--help"], env: {} },
    ]) {
      const result = await runCli(options.args, { env: options.env });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("Commands:");
      expect(result.stdout).toContain("admxkit build  ");
      expect(result.stdout).toContain(EN["build.describe"]);
      for (const name of NAMES)
        expect(squash(result.stdout), name).toContain(shown(`${name}.describe`, "en-US"));
      expect(idsShown(result.stdout, "ja-JP")).toEqual([]);
    }
  });

  it("asks for a command in the chosen language", async () => {
    const ja = await runCli(["--lang", "ja-JP"]);
    expect(ja.code).toBe(2);
    expect(ja.stderr).toBe(
      "admxkit: コマンドを指定してください: build, validate, preview, pol, dump, gpo, intune, values, diff, schema\n" +
        "コマンドの一覧は admxkit --help で確認できます。\n",
    );
    const en = await runCli([]);
    expect(en.code).toBe(2);
    // The pointer to the help is printed once.
    expect(en.stderr).toBe(
      "admxkit: name a command: build, validate, preview, pol, dump, gpo, intune, values, diff, schema\n" +
        "See admxkit --help for the commands.\n",
    );
  });
});

describe.each(NAMES)("admxkit %s --help", (name) => {
  it("shows every description and example of the command in Japanese with --lang ja-JP", async () => {
    const result = await runCli([name, "--help", "--lang", "ja-JP"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`admxkit ${name}`);
    expect(squash(result.stdout)).toContain(squash(JAPANESE_PHRASE[name]!));
    expect(shows(result.stdout, shown("shared.option.lang", "ja-JP"))).toBe(true);
    const ids = idsOf(name);
    expect(ids).toContain(`${name}.describe`);
    expect(ids.filter((id) => !shows(result.stdout, shown(id, "ja-JP")))).toEqual([]);
    expect(idsShown(result.stdout, "en-US")).toEqual([]);
  });

  it("shows them in English with --lang en-US, even in a Japanese environment", async () => {
    const result = await runCli([name, "--help", "--lang", "en-US"], { env: { LANG: "ja_JP.UTF-8" } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Options:");
    expect(result.stdout).toContain(EN["shared.option.lang"]);
    expect(idsOf(name).filter((id) => !shows(result.stdout, shown(id, "en-US")))).toEqual([]);
    expect(idsShown(result.stdout, "ja-JP")).toEqual([]);
  });
});

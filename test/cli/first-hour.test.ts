/**
 * What a newcomer met in the first hour with the CLI: a store preview's closing summary, counts worded
 * for one and for many, `--out -` for values and pol, and arguments named for what they are.
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { wrapText } from "../../src/cli/help.js";
import { dwordEntry, encodePol } from "../../src/pol/index.js";
import { BIN, REPO_ROOT, runCli, tempDir } from "../helpers/cli.js";
import { inboxStorePath } from "../helpers/inbox-store.js";

const STORE_1903 = inboxStorePath("windows10-1903");
const VALUES = join(REPO_ROOT, "examples", "defender-proxy.values.json");
const POL = join(REPO_ROOT, "examples", "defender-proxy.Registry.pol");

/** A store of Windows.admx (en-US, ja-JP) and WorkplaceJoin.admx, whose one policy has no ja-JP ADML. */
async function smallStore(): Promise<string> {
  const store = await tempDir();
  for (const locale of ["en-US", "ja-JP"]) await mkdir(join(store, locale));
  const copy = (path: string) => copyFile(join(STORE_1903, path), join(store, path));
  await Promise.all(
    [
      "Windows.admx",
      "en-US/Windows.adml",
      "ja-JP/Windows.adml",
      "WorkplaceJoin.admx",
      "en-US/WorkplaceJoin.adml",
    ].map(copy),
  );
  return store;
}

/** Runs the binary in a process and gives its standard output as bytes. */
function spawnBytes(
  args: readonly string[],
): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LANG: "C", LC_ALL: "" } });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(chunks), stderr }));
  });
}

describe("preview --admx", () => {
  it("ends with a summary line, and counts one setting as one (en-US)", async () => {
    const out = join(await tempDir(), "site");
    const result = await runCli(["preview", "--admx", await smallStore(), "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0]).toContain("the ja-JP pages leave out its 1 setting (");
    const files = result.stdout.trimEnd().split("\n").length;
    expect(lines.at(-1)).toBe(
      `wrote ${files} files to ${out}; the templates have 1 warning and 0 notes (admxkit validate lists them by file)`,
    );
  });

  it("ends with a summary line in ja-JP too", async () => {
    const out = join(await tempDir(), "site");
    const result = await runCli(["preview", "--lang", "ja-JP", "--admx", await smallStore(), "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0]).toContain("その 1 件の設定は ja-JP のページに含めません");
    const files = result.stdout.trimEnd().split("\n").length;
    expect(lines.at(-1)).toBe(
      `${out} に ${files} 個のファイルを書き込みました。テンプレートには警告 1 件、情報 0 件があります (admxkit validate でファイルごとに一覧を表示できます)`,
    );
  });
});

describe("--out - writes to standard output", () => {
  it("values: the values file, with the findings on stderr", async () => {
    const result = await runCli(["values", "--from", POL, "--out", "-"]);
    expect(result.code, result.stderr).toBe(0);
    const file = join(await tempDir(), "out.json");
    const written = await runCli(["values", "--from", POL, "--out", file]);
    expect(result.stdout).toBe(await readFile(file, "utf8"));
    expect(JSON.parse(result.stdout).machine).toEqual(JSON.parse(await readFile(VALUES, "utf8")).machine);
    expect(result.stderr).toBe(written.stderr);
    expect(result.stderr).toContain("VALUES_FROM_SUMMARY");
  });

  it("pol: the Registry.pol bytes into a pipe", async () => {
    const result = await spawnBytes(["pol", "--values", VALUES, "--out", "-"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.equals(await readFile(POL))).toBe(true);
    expect(result.stderr).toBe("");
  });
});

describe("diff names its arguments", () => {
  it.each([
    ["en-US", "admxkit: diff needs the argument <new> (The new side, of the same kinds)"],
    ["ja-JP", "admxkit: diff には引数 <new> (変更後: 同じ種類のいずれか) が必要です"],
  ])("a missing second side is <new> (%s)", async (lang, message) => {
    const result = await runCli(["diff", "--lang", lang, POL]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(message);
    const help = await runCli(["diff", "--help"]);
    expect(help.stdout).toContain("admxkit diff <old> <new>");
  });
});

describe("pol --out - in a terminal", () => {
  it.each([
    ["en-US", "admxkit: --out - writes the pol output to standard output, which is a terminal here"],
    ["ja-JP", "admxkit: --out - は pol 形式の出力を標準出力に書き込みますが、標準出力がターミナルで"],
  ])("refuses to write binary there, exit 2 (%s)", (lang, start) => {
    // util-linux `script` gives the command a pseudo-terminal as standard output.
    const command = `"${process.execPath}" "${BIN}" pol --lang ${lang} --values "${VALUES}" --out -; echo "exit $?"`;
    const result = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8" });
    const lines = result.stdout.replace(/\r/g, "").trimEnd().split("\n");
    expect(lines[0]!.startsWith(start)).toBe(true);
    expect(lines.at(-1)).toBe("exit 2");
    expect(result.stdout).not.toContain("PReg");
  });
});

describe("Japanese output", () => {
  it("help breaks lines between phrases, never inside a word", async () => {
    const catalog = JSON.parse(await readFile(join(REPO_ROOT, "locales", "ja-JP.json"), "utf8")) as {
      cli: Record<string, string>;
    };
    const texts = Object.values(catalog.cli).filter((text) => text.length > 20);
    for (const text of texts) {
      for (const width of [30, 40, 50, 60, 70]) {
        const lines = wrapText(text, width);
        // Where each line ends in the text: a break at a space is always allowed.
        let at = 0;
        lines.forEach((line, i) => {
          at = text.indexOf(line, at) + line.length;
          const next = lines[i + 1];
          if (next === undefined || /\s/u.test(text[at]!)) return;
          const [a, b] = [line.at(-1)!, next[0]!];
          const where = `${JSON.stringify(line)} | ${JSON.stringify(next)}`;
          // Not before hiragana (a particle, a word's ending: 適用す|る), nor inside a kanji compound
          // (名前|空間) or a katakana word.
          expect(b, where).not.toMatch(/[\u3041-\u309f\u30fc、。]/u);
          expect(/\p{sc=Han}/u.test(a) && /\p{sc=Han}/u.test(b), where).toBe(false);
          expect(/\p{sc=Katakana}/u.test(a) && /\p{sc=Katakana}/u.test(b), where).toBe(false);
        });
      }
    }
    // Through the binary: the --admx option's text keeps 名前空間 whole at the widths the help uses.
    for (const columns of ["60", "80", "100"]) {
      const help = await runCli(["pol", "--help", "--lang", "ja-JP"], { env: { COLUMNS: columns } });
      expect(help.stdout).toMatch(/複数の\n? *名前空間で/u);
      expect(help.stdout).not.toMatch(/名前\n *空間|適用す\n/u);
    }
  });

  it("one word for the default and one phrasing of 'did you mean'", async () => {
    const help = await runCli(["pol", "--help", "--lang", "ja-JP"]);
    expect(help.stdout).toContain("(既定値: defender-proxy)");
    expect(help.stdout).not.toMatch(/既定: /);
    const option = await runCli(["pol", "--valus", "x", "--lang", "ja-JP"]);
    expect(option.stderr).toContain("--values のことですか?");
    const values = join(await tempDir(), "v.json");
    await writeFile(values, JSON.stringify({ machine: { ProxyServr: { state: "enabled" } } }));
    const policy = await runCli([
      "pol",
      "--values",
      values,
      "--out",
      join(await tempDir(), "R.pol"),
      "--lang",
      "ja-JP",
    ]);
    expect(policy.stderr).toContain("ProxyServer のことですか?");
    expect(policy.stderr).not.toContain("誤りではありませんか");
  });

  it("severity words are Japanese for people; codes and --json keep English", async () => {
    const store = await smallStore();
    const human = await runCli(["validate", store, "--lang", "ja-JP"]);
    expect(human.stderr).toMatch(/^ {2}3:1 +警告 {3}ADML_MISSING {2}/m);
    expect(human.stderr).toMatch(/ 情報 {3}STORE_USING_INBOX /);
    expect(human.stderr).not.toMatch(/ (error|warning|info) [A-Z]/);
    const json = await runCli(["validate", store, "--lang", "ja-JP", "--json"]);
    expect(`${json.stdout}${json.stderr}`).toContain('"code":"ADML_MISSING","severity":"warning"');
    const pol = await runCli([
      "pol",
      "--values",
      join(store, "nope.json"),
      "--out",
      "x.pol",
      "--lang",
      "ja-JP",
    ]);
    expect(pol.stderr).toMatch(/: エラー INPUT_NOT_FOUND: /);
    const en = await runCli(["pol", "--values", join(store, "nope.json"), "--out", "x.pol"]);
    expect(en.stderr).toMatch(/: error INPUT_NOT_FOUND: /);
  });
});

describe("counts of entries", () => {
  it.each([
    ["en-US", "no policy of defender-proxy writes 1 entry of Software\\Contoso; the values file keeps them"],
    ["ja-JP", "Software\\Contoso の 1 件のエントリを書き込むポリシーは defender-proxy にありません"],
  ])("one entry no policy writes is one entry (%s)", async (lang, message) => {
    const pol = join(await tempDir(), "one.pol");
    await writeFile(pol, encodePol([dwordEntry("Software\\Contoso", "On", 1)]));
    const result = await runCli(["values", "--from", pol, "--out", "-", "--lang", lang]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(message);
    // The closing count: one entry kept raw.
    expect(result.stderr).toContain(
      lang === "en-US"
        ? "the values file keeps 1 entry as raw registry entries"
        : "1 件のエントリはレジストリの生エントリとして残します",
    );
  });
});

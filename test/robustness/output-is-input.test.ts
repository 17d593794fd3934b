/**
 * No output replaces an input of the same run: `pol --values v.json --out v.json` used to exit 0 with
 * the reviewed values file turned into Registry.pol bytes. Every command writes through write-files.ts,
 * which refuses a target that is a file the run read (inputs-read.ts) — the same path, a hard link, a
 * symbolic link to it, a file inside an input folder, or a file an output folder would replace — with
 * exit 2, both paths named, before anything is written.
 */
import {
  copyFile,
  cp,
  link,
  lstat,
  mkdir,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallBundle } from "../helpers/bundle-fixtures.js";
import { REPO_ROOT, runCli, spawnCli, tempDir } from "../helpers/cli.js";

const VALUES = join(REPO_ROOT, "examples", "defender-proxy.values.json");
const POL = join(REPO_ROOT, "examples", "defender-proxy.Registry.pol");
const STORE = join(REPO_ROOT, "templates", "PolicyDefinitions");

/** A folder holding copies of the example values file and Registry.pol; it is the working folder. */
async function workspace(): Promise<string> {
  const dir = await tempDir();
  await copyFile(VALUES, join(dir, "v.json"));
  await copyFile(POL, join(dir, "x.pol"));
  return dir;
}

/** The files of `dir` and below, with their bytes: what a refused run must leave exactly as it was. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(dir, { recursive: true })) {
    const path = join(dir, name);
    const info = await lstat(path);
    if (info.isSymbolicLink()) files[name] = "link";
    else if (info.isFile()) files[name] = (await readFile(path)).toString("base64");
  }
  return files;
}

const en = (output: string, input: string) =>
  `${output}: error OUTPUT_IS_INPUT: the output ${output} is ${input}, a file this run reads (the same ` +
  "file, a hard link or a symbolic link to it): writing it would replace the input. Nothing was " +
  "written; choose another --out\n";

/** Runs in `dir` and checks the refusal: exit 2, the message, and every file as it was. */
async function expectRefused(dir: string, args: readonly string[], output: string, input: string) {
  const before = await snapshot(dir);
  const result = await runCli(args, { cwd: dir });
  // Findings about the input (values --from's summary) may come first; the refusal is the one error.
  expect(result.stderr.endsWith(en(output, input)), result.stderr).toBe(true);
  expect(result.stderr.match(/: error /g)).toHaveLength(1);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(await snapshot(dir)).toEqual(before);
}

describe("an output that is one of the inputs", () => {
  it("pol --values v.json --out v.json, values --from x.pol --out x.pol, dump x.pol --out x.pol", async () => {
    const dir = await workspace();
    await expectRefused(dir, ["pol", "--values", "v.json", "--out", "v.json"], "v.json", "v.json");
    await expectRefused(dir, ["values", "--from", "x.pol", "--out", "x.pol"], "x.pol", "x.pol");
    await expectRefused(dir, ["dump", "x.pol", "--out", "x.pol"], "x.pol", "x.pol");
    await expectRefused(dir, ["dump", "x.pol", "--format", "lgpo", "--out", "./x.pol"], "x.pol", "x.pol");
  });

  it("says it in Japanese with --lang ja-JP, and the real binary exits 2 too", async () => {
    const dir = await workspace();
    const ja = await runCli(["pol", "--values", "v.json", "--out", "v.json", "--lang", "ja-JP"], {
      cwd: dir,
    });
    expect(ja.code).toBe(2);
    expect(ja.stderr).toBe(
      "v.json: エラー OUTPUT_IS_INPUT: 出力先 v.json は、この実行で読み取る入力ファイル v.json と同じファイルです " +
        "(同じパス、ハード リンク、またはシンボリック リンク)。書き込むと入力ファイルが置き換えられるため、何も" +
        "書き込んでいません。--out には別のパスを指定してください\n",
    );
    const spawned = await spawnCli(["values", "--from", "x.pol", "--out", "x.pol"], { cwd: dir });
    expect(spawned).toMatchObject({ code: 2, stdout: "" });
    expect(spawned.stderr.endsWith(en("x.pol", "x.pol"))).toBe(true);
    expect(await readFile(join(dir, "x.pol"))).toEqual(await readFile(POL));
  });

  it("a hard link, a symbolic link, and a path through a linked folder are the input too", async () => {
    const dir = await workspace();
    await link(join(dir, "v.json"), join(dir, "hard.json"));
    await symlink(join(dir, "x.pol"), join(dir, "soft.pol"));
    await symlink(dir, join(dir, "here"));
    await expectRefused(dir, ["pol", "--values", "v.json", "--out", "hard.json"], "hard.json", "v.json");
    await expectRefused(dir, ["dump", "x.pol", "--out", "soft.pol"], "soft.pol", "x.pol");
    await expectRefused(dir, ["values", "--from", "x.pol", "--out", "here/x.pol"], "here/x.pol", "x.pol");
    // Read through the link, written by its own name: the same file all the same.
    await expectRefused(dir, ["pol", "--values", "here/v.json", "--out", "v.json"], "v.json", "here/v.json");
  });

  it("a file inside an input folder: values --from <backup> --out <its registry.pol>, pol --admx", async () => {
    const dir = await workspace();
    const made = await runCli(
      ["gpo", "--values", "v.json", "--name", "In", "--out", "g", "--deterministic"],
      {
        cwd: dir,
      },
    );
    expect(made.code).toBe(0);
    const pol = join("g", made.stdout.trim(), "DomainSysvol", "GPO", "Machine", "registry.pol");
    await expectRefused(dir, ["values", "--from", "g", "--out", pol], pol, pol);
    await cp(STORE, join(dir, "store"), { recursive: true });
    const admx = join("store", "AdmxkitDefenderProxy.admx");
    // The store walk names its files by their full path.
    const args = ["pol", "--admx", "store", "--values", "v.json", "--out", admx];
    await expectRefused(dir, args, admx, join(dir, admx));
  });

  it("an output folder that would replace an input: gpo, intune, preview and build --out", async () => {
    const dir = await workspace();
    const gpo = (values: string) => [
      "gpo",
      "--values",
      values,
      "--name",
      "Again",
      "--out",
      "g",
      "--deterministic",
    ];
    const made = await runCli(gpo("v.json"), { cwd: dir });
    const info = join("g", made.stdout.trim(), "bkupInfo.xml");
    // The values file kept where the backup writes bkupInfo.xml: the next backup would overwrite it.
    await copyFile(VALUES, join(dir, info));
    await expectRefused(dir, gpo(info), info, info);
    // A page of the site that is a hard link to the values file it shows.
    await mkdir(join(dir, "site"));
    await link(join(dir, "v.json"), join(dir, "site", "index.html"));
    await expectRefused(dir, ["preview", "--values", "v.json", "--out", "site"], "site/index.html", "v.json");
    // The values file linked where intune writes its profile.
    await mkdir(join(dir, "mdm"));
    await link(join(dir, "v.json"), join(dir, "mdm", "profile.json"));
    await expectRefused(dir, ["intune", "--values", "v.json", "--out", "mdm"], "mdm/profile.json", "v.json");
    // A template in the output folder that is a link to the bundle it is built from.
    await writeFile(join(dir, "bundle.json"), JSON.stringify(smallBundle()));
    const built = await runCli(["build", "--bundle", "bundle.json", "--out", "o"], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    const admx = join("o", "PolicyDefinitions", "Tiny.admx");
    await rm(join(dir, admx));
    await symlink(join(dir, "bundle.json"), join(dir, admx));
    await expectRefused(dir, ["build", "--bundle", "bundle.json", "--out", "o"], admx, "bundle.json");
  });

  it("an output beside the inputs that is none of them is written as before", async () => {
    const dir = await workspace();
    await runCli(["values", "--from", "x.pol", "--out", "again.json"], { cwd: dir });
    // The second run replaces its own earlier output, which it does not read.
    const second = await runCli(["values", "--from", "x.pol", "--out", "again.json"], { cwd: dir });
    expect(second.code).toBe(0);
    expect(await readFile(join(dir, "x.pol"))).toEqual(await readFile(POL));
  });
});

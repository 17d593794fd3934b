/**
 * The GPO backup reader of `values --from` and `diff` (src/io/read-gpo-input.ts) on backups with
 * symbolic links, special files and names that differ only in case, through the built binary: links
 * are followed as the store walk follows them, a link that leads nowhere and a name given twice in
 * two cases are errors naming them, and what is not a file is refused as what it is — never a GPO
 * that seems to hold no Machine policies.
 */
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, readdir, readFile, rename, symlink } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli, tempDir } from "../helpers/cli.js";

const VALUES = join(REPO_ROOT, "examples", "defender-proxy.values.json");

/** A backup of the example values, made by `admxkit gpo`; its folder, its GPO folder and the pol. */
async function backup() {
  const dir = await tempDir();
  const out = join(dir, "backups");
  const made = await runCli(["gpo", "--values", VALUES, "--name", "Links", "--out", out, "--deterministic"]);
  expect(made.code).toBe(0);
  const gpo = join(out, made.stdout.trim(), "DomainSysvol", "GPO");
  return { dir, out, gpo, pol: join(gpo, "Machine", "registry.pol") };
}

/** The values file `values --from` writes for the untouched backup: what every followed link must give. */
async function expectedValues(): Promise<string> {
  const { dir, out } = await backup();
  const result = await runCli(["values", "--from", out, "--out", join(dir, "v.json")]);
  expect(result.code).toBe(0);
  return readFile(join(dir, "v.json"), "utf8");
}

describe("values --from and diff on a backup with links and special files", () => {
  it("follows a registry.pol that is a symbolic link, and a Machine folder that is one", async () => {
    const expected = await expectedValues();
    expect(JSON.parse(expected).policies).not.toEqual({});
    for (const linked of ["file", "folder"] as const) {
      const { dir, out, gpo, pol } = await backup();
      const moved = join(dir, linked === "file" ? "elsewhere.pol" : "elsewhere");
      const link = linked === "file" ? pol : join(gpo, "Machine");
      await rename(link, moved);
      await symlink(moved, link);
      const result = await runCli(["values", "--from", out, "--out", join(dir, "v.json")]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).not.toContain("decoded 0 Machine");
      expect(await readFile(join(dir, "v.json"), "utf8")).toBe(expected);
      // diff of the backup against its own values: equal, not every policy "newly enabled".
      const diff = await runCli(["diff", out, join(dir, "v.json")]);
      expect(diff).toMatchObject({ code: 0, stdout: "" });
    }
  });

  it("refuses a registry.pol link that leads nowhere, naming it (en-US, ja-JP), and writes nothing", async () => {
    const { dir, out, pol } = await backup();
    await rename(pol, join(dir, "gone.pol"));
    await symlink(join(dir, "missing.pol"), pol);
    const en = await runCli(["values", "--from", out, "--out", join(dir, "v.json")]);
    expect(en.code).toBe(1);
    expect(en.stderr).toBe(
      `${pol}: error GPO_LINK_BROKEN: ${pol} is a symbolic link to ${join(dir, "missing.pol")}, which does not ` +
        "exist; Windows, following the link, would not find this part of the GPO either, and admxkit does " +
        "not read the GPO as if it were absent. Fix or remove the link\n",
    );
    const ja = await runCli(["values", "--from", out, "--out", join(dir, "v.json"), "--lang", "ja-JP"]);
    expect(ja.code).toBe(1);
    expect(ja.stderr).toContain(
      `エラー GPO_LINK_BROKEN: ${pol} は存在しない ${join(dir, "missing.pol")} を指す`,
    );
    const diff = await runCli(["diff", out, VALUES]);
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain("GPO_LINK_BROKEN");
    expect(await readdir(dir)).not.toContain("v.json");
  });

  it("refuses a dangling Machine folder link the same way", async () => {
    const { dir, out, gpo } = await backup();
    await rename(join(gpo, "Machine"), join(dir, "old"));
    await symlink(join(dir, "no-such-folder"), join(gpo, "Machine"));
    const result = await runCli(["values", "--from", out, "--out", join(dir, "v.json")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error GPO_LINK_BROKEN: ${join(gpo, "Machine")} is a symbolic link`);
  });

  it("refuses a FIFO as registry.pol as a FIFO (INPUT_IS_FIFO), not as an empty GPO", async () => {
    const { dir, out, pol } = await backup();
    await rename(pol, join(dir, "old.pol"));
    execFileSync("mkfifo", [pol]);
    const result = await runCli(["values", "--from", out, "--out", join(dir, "v.json")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${pol}: error INPUT_IS_FIFO: ${pol} is a named pipe (FIFO)`);
    expect(await readdir(dir)).not.toContain("v.json");
  });
});

describe("names that differ only in case, side by side in a backup", () => {
  it("Registry.pol beside registry.pol: refused, naming both (en-US, ja-JP)", async () => {
    const { dir, out, gpo, pol } = await backup();
    await copyFile(
      join(REPO_ROOT, "examples", "defender-proxy.Registry.pol"),
      join(gpo, "Machine", "Registry.pol"),
    );
    const machine = join(gpo, "Machine");
    const en = await runCli(["values", "--from", out, "--out", join(dir, "v.json")]);
    expect(en.code).toBe(1);
    expect(en.stderr).toBe(
      `${machine}: error GPO_INPUT_CASE_CLASH: ${machine} holds Registry.pol, registry.pol, names that ` +
        "differ only in case: on Windows they are one name, so a copy of this GPO keeps only one of them, " +
        "and admxkit does not guess which. Keep one and remove the others\n",
    );
    const ja = await runCli(["diff", out, VALUES, "--lang", "ja-JP"]);
    expect(ja.code).toBe(2);
    expect(ja.stderr).toContain(
      `エラー GPO_INPUT_CASE_CLASH: ${machine} には大文字と小文字だけが異なる名前 (Registry.pol, registry.pol) があります`,
    );
    expect(await readFile(pol)).toBeDefined();
    expect(await readdir(dir)).not.toContain("v.json");
  });

  it("Backup.xml beside backup.xml, and Machine beside MACHINE: refused too", async () => {
    const first = await backup();
    const backupFolder = join(first.gpo, "..", "..");
    await copyFile(join(backupFolder, "Backup.xml"), join(backupFolder, "backup.xml"));
    const xml = await runCli(["values", "--from", first.out, "--out", join(first.dir, "v.json")]);
    expect(xml.code).toBe(1);
    expect(xml.stderr).toContain("GPO_INPUT_CASE_CLASH");
    expect(xml.stderr).toContain("holds Backup.xml, backup.xml,");

    const second = await backup();
    await mkdir(join(second.gpo, "MACHINE"));
    await copyFile(second.pol, join(second.gpo, "MACHINE", "registry.pol"));
    const folders = await runCli(["values", "--from", second.out, "--out", join(second.dir, "v.json")]);
    expect(folders.code).toBe(1);
    expect(folders.stderr).toContain(`${second.gpo} holds MACHINE, Machine,`);
  });
});

/** readGpoInput: the shapes of GPO folders `values --from` and `diff` accept, and what they refuse. */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import { generateGpoBackup, deterministicIdentity } from "../../src/gpo/index.js";
import { writeFilesAtomic } from "../../src/io/write-files.js";
import { readGpoInput } from "../../src/io/read-gpo-input.js";
import { dwordEntry, encodePol, szEntry } from "../../src/pol/index.js";
import { tempDir } from "../helpers/cli.js";
import { records } from "../helpers/compile-kit.js";
import type { GpoInput } from "../../src/io/read-gpo-input.js";

/** The sides as dump records (decoded data are Buffer views, not plain Uint8Arrays). */
const sidesOf = (input: GpoInput) =>
  Object.fromEntries(Object.entries(input.sides).map(([side, entries]) => [side, records(entries)]));

const MACHINE = [dwordEntry("Software\\Policies\\Contoso", "On", 1)];
const USER = [szEntry("Software\\Policies\\Contoso", "Greeting", "こんにちは")];

async function backupIn(dir: string, name: string, user = USER): Promise<string> {
  const backup = generateGpoBackup({
    displayName: name,
    machine: MACHINE,
    user,
    identity: deterministicIdentity(name),
  });
  await writeFilesAtomic(dir, backup.files);
  return backup.backupId;
}

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "no error",
    (error) => (error instanceof AdmxkitError ? error.diagnostics[0]!.code : String(error)),
  );

describe("readGpoInput", () => {
  it("reads both sides of a backup: its own folder, or the folder that holds it", async () => {
    const dir = await tempDir();
    const id = await backupIn(dir, "One");
    for (const path of [dir, join(dir, id)]) {
      const input = await readGpoInput(path);
      expect(input.kind).toBe("backup");
      expect(sidesOf(input)).toEqual({ machine: records(MACHINE), user: records(USER) });
      expect(input.files.machine).toBe(join(dir, id, "DomainSysvol", "GPO", "Machine", "registry.pol"));
    }
    // --class: one side only.
    expect(sidesOf(await readGpoInput(dir, { policyClass: "user" }))).toEqual({ user: records(USER) });
  });

  it("gives an empty side for a backup without that registry.pol", async () => {
    const dir = await tempDir();
    await backupIn(dir, "Machine only", []);
    expect(sidesOf(await readGpoInput(dir))).toEqual({ machine: records(MACHINE), user: [] });
  });

  it("matches folder and file names without regard to case, as Windows does (a SYSVOL GPO folder)", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "MACHINE"));
    await writeFile(join(dir, "MACHINE", "Registry.pol"), encodePol(MACHINE));
    expect(sidesOf(await readGpoInput(dir))).toEqual({ machine: records(MACHINE), user: [] });
  });

  it("reads a single Registry.pol as the side given (default machine)", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "x.pol"), encodePol(USER));
    const input = await readGpoInput(join(dir, "x.pol"), { policyClass: "user" });
    expect([input.kind, sidesOf(input), input.files]).toEqual([
      "pol",
      { user: records(USER) },
      { user: join(dir, "x.pol") },
    ]);
  });

  it("refuses a folder with several backups, one with none, and files that are not Registry.pol", async () => {
    const several = await tempDir();
    await backupIn(several, "One");
    await backupIn(several, "Two");
    expect(await codeOf(readGpoInput(several))).toBe("GPO_INPUT_SEVERAL");
    expect(await codeOf(readGpoInput(await tempDir()))).toBe("GPO_INPUT_NOT_FOUND");
    const dir = await tempDir();
    await writeFile(join(dir, "x.pol"), "not a pol");
    expect(await codeOf(readGpoInput(join(dir, "x.pol")))).toBe("POL_FILE_INVALID");
    expect(await codeOf(readGpoInput(join(dir, "missing")))).toBe("INPUT_NOT_FOUND");
  });
});

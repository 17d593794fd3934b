/**
 * Output writes are atomic: a process killed (SIGKILL, no clean-up possible) in the middle of writing
 * leaves every previous output file exactly as it was, and no target file half-written. What may remain
 * are temporary files, and only under the temporary name pattern
 * `<target>.admxkit-<pid>-<8 hex digits>.tmp` beside their targets, or, for an output folder that did
 * not exist, its staging folder under the same pattern beside it (see docs/content/en/robustness.md).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateTemplates } from "../../src/templates/generate.js";
import { smallBundle } from "../helpers/bundle-fixtures.js";
import { BIN, REPO_ROOT, runCli, tempDir } from "../helpers/cli.js";
import { distUrl } from "../helpers/bounded-child.js";
import { PAUSE_ENV, paused } from "../helpers/write-pause.js";

/** The temporary name writeFilesAtomic gives a file beside its target. */
const TEMP = /^(.+)\.admxkit-(\d+)-[0-9a-f]{8}\.tmp$/;

/** Every file under `dir`, as `/`-separated relative paths. */
async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), `${rel}/`)));
    else out.push(rel);
  }
  return out.sort();
}

/**
 * A Node process that writes 1 MiB to each of `names` in `out` with `writeFilesAtomic`, and stops after
 * its first temporary file (the test-only pause of src/io/write-files.ts): killed there, it is always
 * mid-write, whatever the machine's load. (Polling for a temporary file of a 192 MiB write instead was a
 * race the writer could win on a busy machine.)
 */
function spawnWriter(out: string, names: readonly string[]): ChildProcess {
  const source = `
    import { writeFilesAtomic } from ${JSON.stringify(distUrl("io/write-files.js"))};
    const payload = new Uint8Array(1024 * 1024).fill(0x41);
    await writeFilesAtomic(${JSON.stringify(out)}, ${JSON.stringify(names)}.map((path) => ({ path, content: payload })));
    console.log("finished");
  `;
  return spawn(process.execPath, ["--input-type=module", "-e", source], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...PAUSE_ENV },
    stdio: ["ignore", "ignore", "pipe"],
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/** Asserts every file under `dir` is either a target with one of its allowed contents, or a temp file. */
async function expectIntactOrTemp(dir: string, allowed: Map<string, readonly Buffer[]>): Promise<string[]> {
  const temps: string[] = [];
  for (const file of await listFiles(dir)) {
    const name = file.slice(file.lastIndexOf("/") + 1);
    const temp = TEMP.exec(name);
    if (temp) {
      expect(
        allowed.has(file.slice(0, file.length - name.length) + temp[1]),
        `${file} belongs to a target`,
      ).toBe(true);
      temps.push(file);
      continue;
    }
    const versions = allowed.get(file);
    expect(versions, `unexpected file ${file}`).toBeDefined();
    const content = await readFile(join(dir, file));
    expect(
      versions!.some((v) => v.equals(content)),
      `${file} (${content.length} bytes) is one complete version, not a partial write`,
    ).toBe(true);
  }
  for (const target of allowed.keys())
    expect(await readFile(join(dir, target)).catch(() => null)).not.toBeNull();
  return temps;
}

/** Folders the tests wrote into: the killed writers leave temporary files there. */
const written: string[] = [];
afterAll(async () => {
  await Promise.all(written.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("killing the writer mid-write", () => {
  it("writeFilesAtomic: SIGKILL mid-write leaves the previous outputs intact", async () => {
    const out = await tempDir();
    written.push(out);
    const names = [
      "PolicyDefinitions/A.admx",
      "PolicyDefinitions/en-US/A.adml",
      "PolicyDefinitions/ja-JP/A.adml",
    ];
    const previous = new Map(names.map((n) => [n, [Buffer.from(`previous ${n}\n`)]] as const));
    for (const [name, [content]] of previous) {
      await mkdir(join(out, name, ".."), { recursive: true });
      await writeFile(join(out, name), content!);
    }
    const child = spawnWriter(out, names);
    expect(await paused(child), "the writer paused mid-write").toBe(true);
    await killed(child);
    const temps = await expectIntactOrTemp(out, previous);
    expect(temps.length).toBeGreaterThan(0);
    for (const name of names) expect(await readFile(join(out, name), "utf8")).toBe(`previous ${name}\n`);
  });

  it("writeFilesAtomic into a new folder: SIGKILL mid-write leaves no output folder, only its stage", async () => {
    const dir = await tempDir();
    written.push(dir);
    const out = join(dir, "site");
    // A new output folder is written under a staging name beside it and renamed once at the end.
    const child = spawnWriter(out, ["A.admx", "en-US/A.adml", "ja-JP/A.adml"]);
    expect(await paused(child), "the writer paused mid-write").toBe(true);
    await killed(child);
    // No `site` at all, so nothing half-written under the name the user gave; the stage is named by
    // the temporary pattern after it.
    const left = await readdir(dir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(TEMP);
    expect(TEMP.exec(left[0]!)![1]).toBe("site");
    expect(String(child.pid)).toBe(TEMP.exec(left[0]!)![2]);
  });

  it("admxkit build: SIGKILL during the write leaves each file old or new, complete", async () => {
    const dir = await tempDir();
    written.push(dir);
    const out = join(dir, "out");
    // Previous output: the small bundle's build.
    const small = smallBundle();
    await writeFile(join(dir, "small.json"), JSON.stringify(small));
    expect((await runCli(["build", "--bundle", "small.json", "--out", "out"], { cwd: dir })).code).toBe(0);
    // New input: the same file names, other contents (a second policy). The writer stops after its first
    // temporary file (the test-only pause signals.test.ts uses too) and is killed there: always mid-write,
    // with no need for an input large enough that a poll catches the write under way.
    const next: any = smallBundle();
    next.policies.push({ ...structuredClone(next.policies[0]), name: "P1", presentationId: "P1" });
    await writeFile(join(dir, "next.json"), JSON.stringify(next));
    const versions = new Map<string, Buffer[]>();
    const oldFiles = generateTemplates(small).files;
    const newFiles = generateTemplates(next).files;
    for (const [i, file] of oldFiles.entries()) {
      const [previous, updated] = [file.content, newFiles[i]!.content].map((c) => Buffer.from(c as string));
      expect(updated!.equals(previous!), file.path).toBe(false);
      versions.set(file.path, [previous!, updated!]);
    }
    const before = await listFiles(out);
    expect(before).toEqual([...versions.keys()].sort());
    for (const [path, [old]] of versions) expect((await readFile(join(out, path))).equals(old!)).toBe(true);

    const child = spawn(process.execPath, [BIN, "build", "--bundle", "next.json", "--out", "out"], {
      cwd: dir,
      env: { ...process.env, ...PAUSE_ENV },
      stdio: ["ignore", "ignore", "pipe"],
    });
    expect(await paused(child), "the writer paused mid-write").toBe(true);
    await killed(child);
    const temps = await expectIntactOrTemp(out, versions);
    expect(temps.length).toBeGreaterThan(0);
  });
});

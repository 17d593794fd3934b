/**
 * `admxkit dump` writing to a pipe: a reader that stops early (`| head -1`) ends the dump quietly with
 * the shell's SIGPIPE status, and a slow reader holds the writing back (each chunk waits for the last
 * to drain) instead of the output piling up in memory.
 */
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { dwordEntry, encodePol } from "../../src/pol/index.js";
import { BIN, tempDir } from "../helpers/cli.js";

/** A Registry.pol of `count` DWORD values (about 90 bytes of JSON each when dumped). */
async function bigPol(count: number): Promise<string> {
  const entries = Array.from({ length: count }, (_, i) =>
    dwordEntry(`Software\\Policies\\Contoso\\K${i % 100}`, `Value${i}`, i),
  );
  const file = join(await tempDir(), "big.pol");
  await writeFile(file, encodePol(entries));
  return file;
}

describe("dump to a pipe", () => {
  it("a reader that leaves after the first line: exit 141, no stack trace", async () => {
    const file = await bigPol(50_000);
    const child = spawn(process.execPath, [BIN, "dump", file, "--json"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
    const first = await new Promise<string>((resolve) =>
      child.stdout.setEncoding("utf8").once("data", (chunk: string) => resolve(chunk)),
    );
    child.stdout.destroy(); // the reader goes away, as head does
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(first.startsWith('{"key":"Software\\\\Policies\\\\Contoso\\\\K0"')).toBe(true);
    expect(code).toBe(141);
    expect(stderr).toBe("");
  });

  it("waits for each chunk to drain before making the next", async () => {
    const file = await bigPol(20_000);
    const chunks: string[] = [];
    let pending = 0;
    let mostPending = 0;
    let release: () => void = () => undefined;
    const code = await main(["dump", file, "--json"], {
      // A full pipe: every write must wait until the reader catches up.
      stdout: (text) => {
        chunks.push(text);
        pending++;
        mostPending = Math.max(mostPending, pending);
        return new Promise<void>((resolve) => {
          release = () => {
            pending--;
            resolve();
          };
          setImmediate(() => release());
        });
      },
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    expect(chunks.length).toBeGreaterThan(1);
    expect(mostPending).toBe(1);
    expect(chunks.join("").split("\n")).toHaveLength(20_001);
  });
});

/**
 * Benchmark 8: peak memory per Registry.pol entry, whole processes. A Registry.pol of tiny entries
 * (bench/workloads/tiny-pol.js) at the 64 MiB bound — 2.58 million entries — and at a quarter of it,
 * to show that time and memory grow linearly, is written to a temporary folder and read by `dump`,
 * `dump --json`, `values --from` and `diff` (the file against itself: two inputs). Each command runs
 * once in its own process (these runs take seconds to minutes); its peak RSS comes from the child's
 * own `process.resourceUsage()` (bench/lib/child.js), output goes to a file in the temporary folder.
 * The goal: peak memory at most 8 times the input (both files for diff).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runNodeWithUsage } from "../lib/child.js";
import { TINY_ENTRIES_64_MIB, tinyPolBytes } from "../workloads/tiny-pol.js";

// ADMXKIT_BENCH_BIN names another build's launcher, to measure a before and an after in one session.
const BIN = process.env.ADMXKIT_BENCH_BIN ?? fileURLToPath(new URL("../../bin/admxkit.js", import.meta.url));
/** The goal: peak RSS at most this many times the bytes of the inputs. */
const GOAL = 8;

/** The commands measured, each with the arguments after `admxkit` and how many inputs it reads. */
function commands(pol, dir) {
  return [
    { name: "dump", args: ["dump", pol, "--out", join(dir, "dump.txt")], inputs: 1 },
    { name: "dump --json", args: ["dump", pol, "--json", "--out", join(dir, "dump.jsonl")], inputs: 1 },
    { name: "values --from", args: ["values", "--from", pol, "--out", join(dir, "values.json")], inputs: 1 },
    { name: "diff", args: ["diff", pol, pol], inputs: 2 },
  ];
}

/** Runs the commands over files of `sizes` entries (default: the 64 MiB file and a quarter of it). */
export async function benchMemory({
  sizes = [TINY_ENTRIES_64_MIB, Math.floor(TINY_ENTRIES_64_MIB / 4)],
} = {}) {
  const rows = [];
  for (const entries of sizes) {
    const dir = mkdtempSync(join(tmpdir(), "admxkit-bench-memory-"));
    try {
      const pol = join(dir, "Registry.pol");
      writeFileSync(pol, tinyPolBytes(entries));
      const bytes = statSync(pol).size;
      for (const command of commands(pol, dir)) {
        const run = await runNodeWithUsage([BIN, ...command.args]);
        // diff exits 0 for equal sides; anything else is a failure of the workload.
        if (run.code !== 0)
          throw new Error(`admxkit ${command.name} exited ${run.code}: ${run.stderr.slice(0, 500)}`);
        const peakRss = run.usage.maxRSS * 1024;
        const input = bytes * command.inputs;
        rows.push({
          name: command.name,
          entries,
          bytes,
          ms: run.ms,
          peakRss,
          perEntry: peakRss / (entries * command.inputs),
          ratio: peakRss / input,
          goalMet: peakRss <= GOAL * input,
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { goal: GOAL, rows };
}

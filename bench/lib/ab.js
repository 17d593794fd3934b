/**
 * Before and after in one run: `node bench/lib/ab.js <runs> <launcher A> <launcher B> -- <admxkit args>`
 * runs the same admxkit command with two builds' launchers (bin/admxkit.js of two trees), their runs
 * interleaved (A, B, A, B…) after one warm-up each, so that both see the same load of the machine.
 * `{out}` in the arguments becomes a fresh folder per run, removed after it. Prints the median wall
 * and CPU time and the peak RSS of each, and the ratio B / A of the medians.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runNodeWithUsage } from "./child.js";
import { median } from "./measure.js";

const [runs, a, b, dash, ...args] = process.argv.slice(2);
if (dash !== "--") throw new Error("usage: node bench/lib/ab.js <runs> <launcher A> <launcher B> -- <args>");
const work = mkdtempSync(join(tmpdir(), "admxkit-bench-ab-"));
const figures = { A: [], B: [] };
try {
  for (let i = 0; i <= Number(runs); i++) {
    for (const [side, bin] of [
      ["A", a],
      ["B", b],
    ]) {
      const out = join(work, `${side}-${i}`);
      const run = await runNodeWithUsage([bin, ...args.map((x) => x.replaceAll("{out}", out))]);
      rmSync(out, { recursive: true, force: true });
      if (run.code !== 0 && run.code !== 1)
        throw new Error(`${side} exited ${run.code}: ${run.stderr.slice(0, 1000)}`);
      const cpuMs = (run.usage.userCPUTime + run.usage.systemCPUTime) / 1000;
      if (i > 0) figures[side].push({ ms: run.ms, cpuMs, rss: run.usage.maxRSS * 1024 });
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const sum = (side) => ({
  ms: median(figures[side].map((r) => r.ms)),
  cpuMs: median(figures[side].map((r) => r.cpuMs)),
  rssMb: Math.max(...figures[side].map((r) => r.rss)) / 1e6,
  cpuRuns: figures[side].map((r) => Math.round(r.cpuMs)),
});
const A = sum("A");
const B = sum("B");
process.stdout.write(`${JSON.stringify({ A, B, wallRatio: B.ms / A.ms, cpuRatio: B.cpuMs / A.cpuMs })}\n`);

/**
 * Benchmark 10 (`--only=preview`): `admxkit preview --admx` of the Windows 11 21H2 store, en-US, with
 * the editor (the default), as a whole process: pages per second, CPU time and peak RSS. Its yardstick
 * (bench/lib/write-pages.js), measured in the same run with its runs interleaved with admxkit's: a
 * Node process that writes the same bytes with one `writeFile` per page and does nothing else.
 * Goal (issue 24): the preview at most 1.5 times the yardstick — judged on the median CPU times,
 * which move less with the machine's other jobs than wall time; the median wall times are beside them.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sharedFolder } from "../../scripts/shared-folder.js";
import { runNodeWithUsage } from "../lib/child.js";
import { median } from "../lib/measure.js";

const STORE = join(sharedFolder(), "corpus", "windows11-21h2", "PolicyDefinitions");
const WRITE_PAGES = fileURLToPath(new URL("../lib/write-pages.js", import.meta.url));
// ADMXKIT_BENCH_BIN names another build's launcher, to measure a before and an after in one session.
const BIN = process.env.ADMXKIT_BENCH_BIN ?? fileURLToPath(new URL("../../bin/admxkit.js", import.meta.url));
const GOAL = 1.5;

/** Files and bytes of a written site. */
function siteSize(dir) {
  let files = 0;
  let bytes = 0;
  const walk = (at) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else {
        files++;
        bytes += info.size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

/** One child's figures: wall and CPU milliseconds, peak RSS in bytes. */
async function measured(args, okCodes = [0]) {
  const run = await runNodeWithUsage(args);
  if (!okCodes.includes(run.code))
    throw new Error(`node ${args.join(" ")} exited ${run.code}:\n${run.stderr.slice(0, 2000)}`);
  const cpuMs = (run.usage.userCPUTime + run.usage.systemCPUTime) / 1000;
  return { ms: run.ms, cpuMs, peakRss: run.usage.maxRSS * 1024, stdout: run.stdout };
}

const summary = (runs) => ({
  medianMs: median(runs.map((r) => r.ms)),
  medianCpuMs: median(runs.map((r) => r.cpuMs)),
  peakRss: Math.max(...runs.map((r) => r.peakRss)),
  runs: runs.map((r) => Math.round(r.ms)),
});

/** Runs the store-preview benchmark: `runs` interleaved pairs after one warm-up pair (disk cache). */
export async function benchStorePreview({ runs = 3, store = STORE, bin = BIN } = {}) {
  const work = mkdtempSync(join(tmpdir(), "admxkit-bench-preview-"));
  try {
    const previews = [];
    const writes = [];
    let site;
    for (let i = 0; i <= runs; i++) {
      const out = join(work, `site-${i}`);
      const preview = await measured([bin, "preview", "--admx", store, "--locale", "en-US", "--out", out]);
      site ??= siteSize(out);
      const copy = join(work, `copy-${i}`);
      const write = await measured([WRITE_PAGES, out, copy]);
      const inside = JSON.parse(write.stdout);
      if (i > 0) {
        previews.push(preview);
        writes.push({ ...write, writeMs: inside.writeMs, writeCpuMs: inside.writeCpuMs });
      }
      rmSync(out, { recursive: true, force: true });
      rmSync(copy, { recursive: true, force: true });
    }
    const ours = summary(previews);
    const yardstick = {
      ...summary(writes),
      medianWriteMs: median(writes.map((w) => w.writeMs)),
      medianWriteCpuMs: median(writes.map((w) => w.writeCpuMs)),
    };
    const cpuRatio = ours.medianCpuMs / yardstick.medianCpuMs;
    return {
      workload: { store, pages: site.files, bytes: site.bytes },
      preview: {
        ...ours,
        pagesPerSecond: site.files / (ours.medianMs / 1000),
        pagesPerCpuSecond: site.files / (ours.medianCpuMs / 1000),
      },
      yardstick,
      ratio: ours.medianMs / yardstick.medianMs,
      cpuRatio,
      goal: GOAL,
      goalMet: cpuRatio <= GOAL,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

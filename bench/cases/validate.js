/**
 * Benchmark 3: `admxkit validate` of a generated central store — 250 ADMX files with en-US and ja-JP
 * ADML (about 60 MB) — as a child process: wall time and peak RSS. The same command on the store's first
 * 50 files shows whether memory grows with the store or stays bounded by the largest file (both stores
 * hold the same largest file); the sampled live heap of both runs separates what stays alive per
 * template (the store-wide index) from the per-file working set. Baseline: a process that only reads
 * and decodes every file.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "../lib/measure.js";
import { runNode, runNodeWithUsage } from "../lib/child.js";
import { subsetStore, writeStore } from "../workloads/store.js";

/** Environment that turns on live-heap sampling in the usage preload. */
const SAMPLE = { ADMXKIT_BENCH_SAMPLE_HEAP: "1" };

const READ_STORE = fileURLToPath(new URL("../lib/read-store.js", import.meta.url));

/** Median wall time and median peak RSS (bytes) of `runs` runs of `node ...args`; fails on exit ≠ 0. */
async function measureProcess(args, runs, cwd, okCodes = [0]) {
  const times = [];
  const rss = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = await runNodeWithUsage(args, { cwd });
    if (!okCodes.includes(last.code)) {
      throw new Error(`node ${args.join(" ")} exited ${last.code}:\n${last.stderr.slice(0, 2000)}`);
    }
    times.push(last.ms);
    rss.push((last.usage?.maxRSS ?? NaN) * 1024);
  }
  return { ms: median(times), peakRss: median(rss), runs: times, code: last.code, stderr: last.stderr };
}

/** True when the built CLI has a `validate` command (it is written separately from this benchmark). */
export async function hasValidateCommand(root) {
  const result = await runNode(["bin/admxkit.js", "--help"], { cwd: root });
  return /^\s*admxkit validate\b/m.test(result.stdout);
}

/** Runs the validate benchmark in the repository at `root`. */
export async function benchValidate(root, { admx = 250, small = 50, runs = 3 } = {}) {
  const { generateTemplates } = await import(new URL("dist/templates/generate.js", `file://${root}/`).href);
  const work = mkdtempSync(join(tmpdir(), "admxkit-bench-store-"));
  try {
    const bigRoot = join(work, `store-${admx}`);
    const store = writeStore(generateTemplates, bigRoot, admx);
    const smallRoot = join(work, `store-${small}`);
    subsetStore({ ...store, root: bigRoot }, smallRoot, small);
    const largest = Math.max(...store.files.map((f) => statSync(join(bigRoot, f)).size));
    const workload = {
      admx,
      languages: ["en-US", "ja-JP"],
      files: store.files.length,
      bytes: store.bytes,
      largestFile: largest,
    };
    if (!(await hasValidateCommand(root))) {
      return { workload, pending: "admxkit validate is not available in this build" };
    }
    const node = await measureProcess(["-e", "0"], runs, root);
    const baseline = await measureProcess([READ_STORE, join(bigRoot, "PolicyDefinitions")], runs, root);
    const validate = (dir) => ["bin/admxkit.js", "validate", join(dir, "PolicyDefinitions")];
    const big = await measureProcess(validate(bigRoot), runs, root, [0, 1]);
    const little = await measureProcess(validate(smallRoot), runs, root, [0, 1]);
    // Peak RSS over-states what is alive (V8 collects lazily); the sampled live heap shows what the
    // validator really keeps, and how much of it grows with the store.
    const liveBig = await runNodeWithUsage(["--expose-gc", ...validate(bigRoot)], { cwd: root, env: SAMPLE });
    const liveSmall = await runNodeWithUsage(["--expose-gc", ...validate(smallRoot)], {
      cwd: root,
      env: SAMPLE,
    });
    const row = (name, t) => ({
      name,
      ms: t.ms,
      peakRss: t.peakRss,
      ratio: t.ms / baseline.ms,
      rssRatio: t.peakRss / baseline.peakRss,
      runs: t.runs,
    });
    return {
      workload,
      node: row("node -e 0", node),
      baseline: row(`read ${store.files.length} files`, baseline),
      validate: { ...row(`validate ${admx} ADMX`, big), exitCode: big.code },
      validateSmall: { ...row(`validate ${small} ADMX`, little), exitCode: little.code },
      liveHeap: {
        large: liveBig.usage?.peakLiveHeap,
        small: liveSmall.usage?.peakLiveHeap,
        perTemplate:
          ((liveBig.usage?.peakLiveHeap ?? NaN) - (liveSmall.usage?.peakLiveHeap ?? NaN)) / (admx - small),
      },
      rssGrowth: big.peakRss / little.peakRss,
      diagnostics: big.code === 0 ? "" : big.stderr.split("\n").slice(0, 5).join("\n"),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

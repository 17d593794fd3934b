/**
 * Benchmark 11 (`--only=vendor`): a store with vendor templates (bench/workloads/vendor-store.js: the
 * 21H2 store with Office 2016 in UTF-16 LE, Firefox and Edge merged into it) and the same store two
 * and four times over under other names. For each size, whole processes: `validate`, `pol --admx`
 * for five policies (one each of Windows, Office, Firefox and Edge among them; names cache off, so
 * every run reads the store as a first run does) and `preview --admx` in en-US with the editor.
 * Figures: median wall and CPU time, peak RSS, the cost per file (validate) or per policy (pol,
 * preview), and how each grows against the store: linear growth is a ratio that follows the copies.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runNodeWithUsage } from "../lib/child.js";
import { median } from "../lib/measure.js";
import { writeVendorStore } from "../workloads/vendor-store.js";

const BIN = process.env.ADMXKIT_BENCH_BIN ?? fileURLToPath(new URL("../../bin/admxkit.js", import.meta.url));

/** Five policies of the first copy, by namespace:name: the copies define the same names. */
const VALUES = {
  machine: {
    "Microsoft.Policies.DataCollection:AllowTelemetry": { state: "disabled" },
    "Mozilla.Policies.Firefox:BlockAboutAddons": { state: "enabled" },
    "Microsoft.Policies.Edge:ApplicationGuardPassiveModeEnabled": { state: "enabled" },
  },
  user: {
    "word16.Office.Microsoft.Policies.Windows:L_StopCheckingAltTextAccessibilityInformation": {
      state: "enabled",
    },
    "Microsoft.Policies.StartMenu:NoWindowsUpdate": { state: "enabled" },
  },
};

/** Median figures of `runs` runs of `admxkit ...args`; exit 1 is a validation with findings. */
async function measureCommand(args, runs, okCodes = [0]) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    const run = await runNodeWithUsage([BIN, ...args(i)], { env: { ADMXKIT_NO_CACHE: "1" } });
    if (!okCodes.includes(run.code))
      throw new Error(`admxkit ${args(i).join(" ")} exited ${run.code}:\n${run.stderr.slice(0, 2000)}`);
    all.push({
      ms: run.ms,
      cpuMs: (run.usage.userCPUTime + run.usage.systemCPUTime) / 1000,
      peakRss: run.usage.maxRSS * 1024,
    });
  }
  return {
    medianMs: median(all.map((r) => r.ms)),
    medianCpuMs: median(all.map((r) => r.cpuMs)),
    peakRss: Math.max(...all.map((r) => r.peakRss)),
  };
}

/** Runs the vendor-store benchmark for stores of `copies` copies (`runs` runs each, preview once). */
export async function benchVendorStore({ copies = [1, 2, 4], runs = 3, previewRuns = 1 } = {}) {
  const work = mkdtempSync(join(tmpdir(), "admxkit-bench-vendor-"));
  try {
    const values = join(work, "values.json");
    writeFileSync(values, JSON.stringify(VALUES));
    const rows = [];
    for (const count of copies) {
      const dir = join(work, `store-${count}`, "PolicyDefinitions");
      const store = writeVendorStore(dir, count);
      const validate = await measureCommand(() => ["validate", dir], runs, [0, 1]);
      const pol = await measureCommand(
        () => ["pol", "--values", values, "--admx", dir, "--out", join(work, "out.pol")],
        runs,
      );
      const preview = await measureCommand(
        (i) => ["preview", "--admx", dir, "--locale", "en-US", "--out", join(work, `site-${count}-${i}`)],
        previewRuns,
      );
      for (let i = 0; i < previewRuns; i++)
        rmSync(join(work, `site-${count}-${i}`), { recursive: true, force: true });
      rmSync(join(work, `store-${count}`), { recursive: true, force: true });
      rows.push({
        copies: count,
        store: { files: store.files, admx: store.admx, policies: store.policies, bytes: store.bytes },
        validate,
        pol,
        preview,
      });
    }
    // Growth against the smallest store: a ratio of times beside the ratio of sizes.
    const first = rows[0];
    for (const r of rows) {
      r.growth = {
        size: r.store.files / first.store.files,
        validateCpu: r.validate.medianCpuMs / first.validate.medianCpuMs,
        polCpu: r.pol.medianCpuMs / first.pol.medianCpuMs,
        previewCpu: r.preview.medianCpuMs / first.preview.medianCpuMs,
      };
      r.perFile = { validateCpuMs: r.validate.medianCpuMs / r.store.files };
      r.perPolicy = {
        polCpuMs: r.pol.medianCpuMs / r.store.policies,
        previewCpuMs: r.preview.medianCpuMs / r.store.policies,
      };
    }
    return { rows };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

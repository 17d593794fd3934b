/** `npm run bench`'s printed report: each goal once, with whether it is met; what a cold start loads. */
import { describe, expect, it } from "vitest";
// @ts-expect-error: the bench is plain JavaScript without declarations
import { formatReport, goalVerdict } from "../../bench/lib/report.js";

/** A yardstick row as bench/cases/yardsticks.js makes it. */
function row(name: string, workload: string, ms: number, yardstickMs: number, goal?: object) {
  return {
    name,
    workload,
    ms,
    medianMs: ms,
    cpuMs: ms,
    medianCpuMs: ms,
    peakRss: 1e8,
    goal,
    yardstick: { ms: yardstickMs, medianMs: yardstickMs, cpuMs: yardstickMs, medianCpuMs: yardstickMs },
    yardstickName: "yardstick",
    ratio: ms / yardstickMs,
    cpuRatio: ms / yardstickMs,
    medianRatio: ms / yardstickMs,
    medianCpuRatio: ms / yardstickMs,
  };
}

const YARDSTICKS = {
  rows: [
    row("dump --json, 100,000 entries", "15 MB", 664, 842, { ratioBelow: 1 }),
    row("validate 21H2 store", "439 files", 879, 162, { ratioAtMost: 3 }),
    row("pol --admx 21H2, 5 policies", "names cached", 322, 103, { msAtMost: 500 }),
    row("pol --admx 21H2, 5 policies", "no cache", 520, 103),
    row("build cold start", "built-in bundle", 173, 103, { ratioAtMost: 2.5 }),
  ],
};

const COLD = {
  baseline: { ms: 103 },
  build: { ms: 173, ratio: 1.68 },
  version: { ms: 150, ratio: 1.46 },
  modules: { total: 22, dist: Array.from({ length: 22 }, (_, i) => `dist/cli-bundle/${i}.js`), packages: {} },
  importMs: { zod: 30 },
};

describe("the bench report", () => {
  it("lists each goal once, with met or NOT MET", () => {
    const text: string = formatReport({ yardsticks: YARDSTICKS });
    const goals = text.slice(text.indexOf("\nGoal "));
    expect(goals).toMatch(
      /^dump --json, 100,000 entries: faster than the yardstick +664 ms, 0\.79× \(median CPU\) +met$/m,
    );
    expect(goals).toMatch(
      /^validate 21H2 store: ≤ 3\.0× the yardstick +879 ms, 5\.43× \(median CPU\) +NOT MET$/m,
    );
    expect(goals).toMatch(/^pol --admx 21H2, 5 policies: ≤ 500 ms +322 ms +met$/m);
    expect(goals).toMatch(/^build cold start: ≤ 2\.5× the yardstick +173 ms, 1\.68× \(median CPU\) +met$/m);
    expect(goals.match(/pol --admx/g)).toHaveLength(1);
  });

  it("judges a ratio goal on the median CPU times, not on the fastest wall time", () => {
    // The fastest run met the goal by luck; half the runs took more than three times the CPU.
    const lucky = {
      ...row("validate 21H2 store", "439 files", 450, 162, { ratioAtMost: 3 }),
      medianCpuRatio: 3.4,
    };
    expect(goalVerdict(lucky)).toEqual({ text: "≤ 3.0× the yardstick", met: false });
    const text: string = formatReport({ yardsticks: { rows: [lucky] } });
    expect(text).toMatch(
      /^validate 21H2 store: ≤ 3\.0× the yardstick +450 ms, 3\.40× \(median CPU\) +NOT MET$/m,
    );
    // Without CPU times (no GNU time), the median wall times decide.
    const noCpu = { ...lucky, medianCpuRatio: NaN, medianRatio: 2.9 };
    expect(goalVerdict(noCpu).met).toBe(true);
  });

  it("says when a goal's yardstick is not installed", () => {
    const missing = {
      ...row("validate 21H2 store", "439 files", 879, 1, { ratioAtMost: 1.5 }),
      ratio: undefined,
    };
    expect(goalVerdict(missing)).toEqual({ text: "≤ 1.5× the yardstick", met: undefined });
  });

  it("says what a cold start loads, also when no package is among it", () => {
    const text: string = formatReport({ cold: COLD });
    expect(text).toContain("admxkit build loads 22 files of dist/ and none from node_modules\n");
    expect(text).not.toContain("loads: ;");
    const withZod = formatReport({ cold: { ...COLD, modules: { ...COLD.modules, packages: { zod: 95 } } } });
    expect(withZod).toContain("admxkit build loads 22 files of dist/ and 95 of zod\n");
  });
});

/**
 * Blow-up guards that do not depend on the machine's load. A wall-clock limit ("within 10 s") fails on
 * a busy machine (a 9 MB read took 10.9 s under load) and passes a quadratic loop on a fast one. What
 * separates linear work from quadratic work is how the cost grows: this module runs the same work at a
 * size n and at `factor`·n in one process, and compares the CPU time of the two.
 *
 * - CPU time (`process.cpuUsage`), not elapsed time: waiting for a core another process holds is not
 *   counted.
 * - The two sizes alternate, and each keeps its smallest time over three rounds, so a burst of load
 *   hits one measurement, not the ratio. (Two rounds were tried: in one run of the whole suite a pass
 *   compared with itself measured 6 times its own cost, so one disturbed round in two can decide.)
 * - Each measurement starts from a collected heap (see {@link FULL_COLLECTION}), and no result of the
 *   larger input is alive while the smaller one is measured (the result is kept from the last round's
 *   larger input only). Otherwise the collector's work on the larger input's tree is charged to the smaller input, and the
 *   ratio moved between 5 and 14 for the same reader and sizes.
 * - Small inputs are repeated until they have run long enough to measure.
 * - Work that builds large trees is measured in a child process started with `--single-threaded`
 *   ({@link GROWTH_NODE_FLAGS}): the collector's and the compiler's helper threads then do not run
 *   beside the work, so how far they got under the machine's load does not enter the CPU time. With
 *   it, the 50,000-sibling read measured 3.5–4.3 in eight runs of its test, four of them beside two or
 *   three busy loops.
 *
 * Linear work gives a ratio near `factor` (up to about twice that once the larger input outgrows the
 * processor's caches, or the collector works harder); quadratic work gives `factor`². With the default
 * factor of 8, {@link expectLinearGrowth} accepts up to 3·`factor` = 24, against 64 for a quadratic loop.
 * Work that does not grow with the input (a reader that stops at the first error) is bounded against a
 * linear pass over the same input instead ({@link costRatio}). Timing figures themselves belong to
 * `npm run bench -- --only=hostile`; `ADMXKIT_GROWTH_LOG=1` prints each measured ratio.
 */
import { expect } from "vitest";

/** The node flags of a child process that measures growth (see above). */
export const GROWTH_NODE_FLAGS: readonly string[] = ["--single-threaded"];

/**
 * Whether each measurement starts from a full collection: in a child process started with
 * {@link GROWTH_NODE_FLAGS} ({@link growthSource} sets it), whose heap holds only the work measured. A
 * test worker's heap holds everything its earlier files loaded, and a full collection of it costs
 * tens of milliseconds per measurement; there the young generation is collected, where the measured
 * work's own garbage is.
 */
const FULL_COLLECTION = false;

/**
 * A garbage collection, exposed at run time (no flag needed when the process started). The modules
 * come from `process.getBuiltinModule`, not imports, so that the function's source also runs in a child
 * process ({@link growthSource}).
 */
function collector(): () => void {
  process.getBuiltinModule("node:v8").setFlagsFromString("--expose-gc");
  const gc = process.getBuiltinModule("node:vm").runInNewContext("gc") as (options?: {
    type: "major" | "minor";
  }) => void;
  return FULL_COLLECTION ? () => gc() : () => gc({ type: "minor" });
}

/** CPU microseconds (user and system) this process has used. */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** Enough CPU time per measurement for the clock's resolution and a timer tick not to matter. */
const MIN_MICROS = 40_000;

/**
 * The CPU time of one run of `run(input)`, from a collected heap, repeating short runs until they are
 * measurable.
 */
function cpuPerRun<T>(input: T, run: (input: T) => unknown, gc: () => void): number {
  gc();
  let runs = 0;
  const start = cpuMicros();
  let spent = 0;
  do {
    run(input);
    runs++;
    spent = cpuMicros() - start;
  } while (spent < MIN_MICROS && runs < 1000);
  return spent / runs;
}

/** The work at two sizes, and the ratio of their CPU times. */
export interface Growth<T> {
  /** How many times larger the second input was. */
  readonly factor: number;
  readonly ratio: number;
  /** What the work returned for the larger input, for the test to check. */
  readonly result: T;
}

/**
 * Runs `run(make(n))` and `run(make(factor * n))` alternately for `rounds` rounds and returns the
 * ratio of their smallest CPU times, and the larger input's result.
 */
export function growth<I, T>(
  make: (size: number) => I,
  run: (input: I) => T,
  { n, factor = 8, rounds = 3 }: { n: number; factor?: number; rounds?: number },
): Growth<T> {
  const gc = collector();
  const small = make(n);
  const large = make(factor * n);
  let result!: T;
  // The result is kept from the last round only, after the smaller input's last measurement.
  const capture = (input: I) => (result = run(input));
  let best = [Infinity, Infinity];
  for (let round = 0; round < rounds; round++) {
    const last = round === rounds - 1;
    best = [
      Math.min(best[0]!, cpuPerRun(small, run, gc)),
      Math.min(best[1]!, cpuPerRun(large, last ? capture : run, gc)),
    ];
  }
  return { factor, ratio: best[1]! / best[0]!, result };
}

/** Asserts that growing the input `factor` times grew the CPU time less than 3·`factor` times. */
export function expectLinearGrowth(measured: Growth<unknown>, what: string): void {
  const { factor } = measured;
  if (process.env.ADMXKIT_GROWTH_LOG) console.log(`${what}: ${measured.ratio.toFixed(2)}`);
  expect(
    measured.ratio,
    `${what}: ${factor}x the input took ${measured.ratio.toFixed(1)}x the CPU time (a quadratic loop gives ${factor * factor}x)`,
  ).toBeLessThan(factor * 3);
}

/**
 * The CPU time of `run(input)` as a multiple of `baseline(input)`, a plain linear pass over the same
 * input, both measured alternately in this process (smallest of `rounds`).
 */
export function costRatio<I>(
  input: I,
  run: (input: I) => unknown,
  baseline: (input: I) => unknown,
  rounds = 3,
): number {
  const gc = collector();
  let best = [Infinity, Infinity];
  for (let round = 0; round < rounds; round++) {
    best = [
      Math.min(best[0]!, cpuPerRun(input, run, gc)),
      Math.min(best[1]!, cpuPerRun(input, baseline, gc)),
    ];
  }
  return best[0]! / best[1]!;
}

/**
 * The source of {@link growth} and what it needs, for a child process (test/helpers/bounded-child.ts)
 * that measures work which might hang the test process if it blew up.
 */
export function growthSource(): string {
  return [
    `const MIN_MICROS = ${MIN_MICROS};`,
    "const FULL_COLLECTION = true;",
    collector,
    cpuMicros,
    cpuPerRun,
    growth,
  ]
    .map(String)
    .join("\n");
}

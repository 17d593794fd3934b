/**
 * Timing helpers: every figure is the median of several runs after warm-up runs, so one slow run (a GC
 * pause, another process on the machine) does not move it.
 */

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `fn` `warmup` times unmeasured, then `runs` times measured; returns milliseconds per run.
 * `fn`'s result is kept in a sink so the engine cannot drop the work.
 */
export function timeSync(fn, { runs = 7, warmup = 2 } = {}) {
  let sink;
  for (let i = 0; i < warmup; i++) sink = fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    sink = fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  globalThis.__benchSink = sink;
  return { median: median(times), min: Math.min(...times), runs: times };
}

/** Like {@link timeSync} for an async `fn` (a child process, a file write). */
export async function timeAsync(fn, { runs = 7, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  const results = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    results.push(await fn());
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { median: median(times), min: Math.min(...times), runs: times, results };
}

/** Megabytes (10^6 bytes) per second for `bytes` processed in `ms` milliseconds. */
export function mbPerSecond(bytes, ms) {
  return bytes / 1e6 / (ms / 1000);
}

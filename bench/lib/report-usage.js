/**
 * Preload (`node --import`) for benchmarked child processes: at exit, writes the process's own
 * `process.resourceUsage()` (peak RSS, CPU times) as JSON to the file named by ADMXKIT_BENCH_USAGE.
 *
 * With ADMXKIT_BENCH_SAMPLE_HEAP=1 (and `--expose-gc`) it also samples the live heap: every 50 ms it
 * forces a full collection and records `heapUsed`, whose maximum is what the process really keeps alive
 * at once. Peak RSS alone over-states that, because V8 lets garbage pile up before it collects.
 */
import { writeFileSync } from "node:fs";

const target = process.env.ADMXKIT_BENCH_USAGE;
let peakLiveHeap = 0;
let samples = 0;
if (process.env.ADMXKIT_BENCH_SAMPLE_HEAP === "1" && typeof globalThis.gc === "function") {
  const sample = () => {
    globalThis.gc();
    samples++;
    peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed);
  };
  setInterval(sample, 50).unref();
}
if (target) {
  process.on("exit", () => {
    const usage = { ...process.resourceUsage(), ...(samples > 0 ? { peakLiveHeap, samples } : {}) };
    writeFileSync(target, JSON.stringify(usage));
  });
}

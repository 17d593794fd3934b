/**
 * Benchmark 1: Registry.pol decode and encode of 100,000 mixed entries. Baseline: a plain copy of the
 * same bytes (`Buffer.from(bytes)`), the least any reader or writer of the file must do.
 */
import { Buffer } from "node:buffer";
import { mbPerSecond, timeSync } from "../lib/measure.js";
import { generatePolEntries } from "../workloads/pol-entries.js";

/** Runs the codec benchmark against the built Registry.pol layer at `distUrl`. */
export async function benchPol(distUrl, { entries: count = 100_000, runs = 9 } = {}) {
  const pol = await import(new URL("pol/index.js", distUrl).href);
  const entries = generatePolEntries(pol, count);
  const bytes = pol.encodePol(entries);
  const decoded = pol.decodePol(bytes);
  if (!decoded.ok || decoded.entries.length !== count)
    throw new Error("the generated workload does not round-trip");

  const copy = timeSync(() => Buffer.from(bytes), { runs });
  const decode = timeSync(() => pol.decodePol(bytes), { runs });
  const encode = timeSync(() => pol.encodePol(entries), { runs });
  const size = bytes.length;
  const row = (name, t) => ({
    name,
    ms: t.median,
    mbPerSecond: mbPerSecond(size, t.median),
    ratio: t.median / copy.median,
    runs: t.runs,
  });
  return {
    workload: { entries: count, bytes: size },
    baseline: row("Buffer copy", copy),
    decode: row("decodePol", decode),
    encode: row("encodePol", encode),
  };
}

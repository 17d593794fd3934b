/**
 * Benchmark 5: `values --from` at GPO scale, in memory. The workload is real: one Machine Registry.pol
 * that sets every Machine policy of Windows 11 21H2's in-box store (Disabled, so every policy and
 * element writes its entries), read with readStore once. Timed: building the decoder over the store,
 * decoding the file into a values file, and compiling that values file back. Baseline: decodePol of the
 * same bytes, the least any reader of the file must do.
 */
import { join } from "node:path";
import { sharedFolder } from "../../scripts/shared-folder.js";
import { timeSync } from "../lib/measure.js";

const STORE = join(sharedFolder(), "corpus", "windows11-21h2", "PolicyDefinitions");

/** Runs the decode benchmark against the built modules at `distUrl`. */
export async function benchValues(distUrl, { runs = 5 } = {}) {
  const { readStore } = await import(new URL("read/read-store.js", distUrl).href);
  const { compileValues, createPolicyIndex } = await import(new URL("compile/index.js", distUrl).href);
  const { createValuesDecoder } = await import(new URL("decompile/index.js", distUrl).href);
  const pol = await import(new URL("pol/index.js", distUrl).href);
  const store = await readStore(STORE);
  const index = createPolicyIndex(store.templates);
  const machine = {};
  for (const template of store.templates)
    for (const policy of template.policies)
      if (policy.class !== "User")
        machine[index.lookup(policy.name).ok ? policy.name : `${template.namespace}:${policy.name}`] = {
          state: "disabled",
        };
  const entries = compileValues(index, { machine }, "machine").entries.filter(
    (entry) => pol.checkPolEntries([entry]).length === 0,
  );
  const bytes = pol.encodePol(entries);
  const decoder = createValuesDecoder(store.templates);
  const decoded = decoder.decode({ machine: entries });

  const baseline = timeSync(() => pol.decodePol(bytes), { runs });
  const create = timeSync(() => createValuesDecoder(store.templates), { runs, warmup: 1 });
  const decode = timeSync(() => decoder.decode({ machine: entries }), { runs, warmup: 1 });
  const compile = timeSync(() => compileValues(index, decoded.values, "machine"), { runs, warmup: 1 });
  const row = (name, t) => ({ name, ms: t.median, ratio: t.median / baseline.median, runs: t.runs });
  return {
    workload: {
      policies: Object.keys(machine).length,
      decoded: decoded.policies.length,
      raw: decoded.values.registry?.machine?.length ?? 0,
      entries: entries.length,
      bytes: bytes.length,
    },
    baseline: row("decodePol", baseline),
    parts: [row("createValuesDecoder", create), row("decode", decode), row("compileValues back", compile)],
  };
}

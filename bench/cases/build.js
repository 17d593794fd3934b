/**
 * Benchmark 2: building a generated bundle of 5,000 policies that uses every element kind — check,
 * ADMX, en-US and ja-JP ADML (`generateTemplates`), in memory. Baseline: `JSON.stringify` of the same
 * model, a serializer that checks nothing and writes one file instead of three. The parts (check, ADMX,
 * each ADML) are timed too, to show where the time goes.
 */
import { mbPerSecond, timeSync } from "../lib/measure.js";
import { generateBundle } from "../workloads/bundle.js";

/** Runs the build benchmark against the built modules at `distUrl`. */
export async function benchBuild(distUrl, { policies = 5000, runs = 5 } = {}) {
  const { generateTemplates } = await import(new URL("templates/generate.js", distUrl).href);
  const { checkBundle } = await import(new URL("model/check-bundle.js", distUrl).href);
  const { writeAdmx } = await import(new URL("templates/write-admx.js", distUrl).href);
  const { writeAdml } = await import(new URL("templates/write-adml.js", distUrl).href);
  const input = generateBundle({ policies });
  const checked = checkBundle(input);
  if (!checked.ok)
    throw new Error(`the generated bundle is invalid: ${JSON.stringify(checked.diagnostics[0])}`);
  const bundle = checked.bundle;
  const output = generateTemplates(input).files;
  const outputBytes = output.reduce((n, f) => n + Buffer.byteLength(f.content), 0);

  const baseline = timeSync(() => JSON.stringify(input), { runs, warmup: 1 });
  const total = timeSync(() => generateTemplates(input), { runs, warmup: 1 });
  const check = timeSync(() => checkBundle(input), { runs, warmup: 1 });
  const admx = timeSync(() => writeAdmx(bundle), { runs, warmup: 1 });
  const adml = timeSync(() => [writeAdml(bundle, "en-US"), writeAdml(bundle, "ja-JP")], { runs, warmup: 1 });
  const row = (name, t) => ({ name, ms: t.median, ratio: t.median / baseline.median, runs: t.runs });
  return {
    workload: {
      policies,
      elements: bundle.policies.reduce((n, p) => n + (p.elements?.length ?? 0), 0),
      kinds: [...new Set(bundle.policies.flatMap((p) => (p.elements ?? []).map((e) => e.kind)))].sort(),
      modelBytes: Buffer.byteLength(JSON.stringify(input)),
      outputBytes,
      files: output.map((f) => f.path),
    },
    baseline: row("JSON.stringify(model)", baseline),
    build: { ...row("generateTemplates", total), mbPerSecond: mbPerSecond(outputBytes, total.median) },
    parts: [row("checkBundle", check), row("writeAdmx", admx), row("writeAdml ×2", adml)],
  };
}

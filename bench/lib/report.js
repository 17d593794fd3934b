/**
 * The printed report of `npm run bench`: one table with every figure, its baseline and ratio, then the
 * notes that do not fit a table row (memory growth of validate, what the cold start loads).
 */
import { formatTable, mb, num } from "./table.js";

/** Milliseconds, or seconds from one second on. */
export const ms = (value) => (value >= 1000 ? `${num(value / 1000, 2)} s` : `${num(value)} ms`);
/** A ratio as `4.2×`. */
export const ratio = (value) => `${num(value, value < 10 ? 2 : 1)}×`;

function polRows(pol) {
  const work = `${num(pol.workload.entries)} entries, ${mb(pol.workload.bytes)}`;
  const base = `Buffer copy ${ms(pol.baseline.ms)}`;
  return [
    [
      "Registry.pol decode",
      work,
      ms(pol.decode.ms),
      `${num(pol.decode.mbPerSecond)} MB/s`,
      base,
      ratio(pol.decode.ratio),
    ],
    [
      "Registry.pol encode",
      work,
      ms(pol.encode.ms),
      `${num(pol.encode.mbPerSecond)} MB/s`,
      base,
      ratio(pol.encode.ratio),
    ],
  ];
}

function buildRows(build) {
  const work = `${num(build.workload.policies)} policies, ${build.workload.kinds.length} kinds, ADMX + 2 ADML`;
  const base = `JSON.stringify ${ms(build.baseline.ms)}`;
  const rate = `${num(build.build.mbPerSecond)} MB/s out`;
  return [
    ["build (in memory)", work, ms(build.build.ms), rate, base, ratio(build.build.ratio)],
    ...build.parts.map((part) => [`  ${part.name}`, "", ms(part.ms), "", "", ratio(part.ratio)]),
  ];
}

function validateRows(validate) {
  const work = `${validate.workload.admx} ADMX + 2 langs, ${mb(validate.workload.bytes)}`;
  if (validate.pending) return [["validate (process)", work, "pending", validate.pending, "", ""]];
  const base = `read files ${ms(validate.baseline.ms)}, ${mb(validate.baseline.peakRss)}`;
  return [
    [validate.validate, work],
    [validate.validateSmall, "same largest file"],
  ].map(([row, what]) => [row.name, what, ms(row.ms), `peak RSS ${mb(row.peakRss)}`, base, ratio(row.ratio)]);
}

function coldRows(cold) {
  const base = `node -e 0 ${ms(cold.baseline.ms)}`;
  const modules = `${cold.modules.total} files (${cold.modules.dist.length} dist)`;
  return [
    ["cold start: build", "built-in bundle", ms(cold.build.ms), modules, base, ratio(cold.build.ratio)],
    ["cold start: --version", "", ms(cold.version.ms), "", base, ratio(cold.version.ratio)],
  ];
}

function valuesRows(values) {
  const work = `${num(values.workload.entries)} entries, ${num(values.workload.policies)} policies`;
  const base = `decodePol ${ms(values.baseline.ms)}`;
  return values.parts.map((part, i) => [
    i === 0 ? `values --from: ${part.name}` : `  ${part.name}`,
    i === 0 ? work : "",
    ms(part.ms),
    "",
    i === 0 ? base : "",
    ratio(part.ratio),
  ]);
}

function yardstickRows(yard) {
  return yard.rows.map((r) => {
    const memory = `CPU ${ms(r.cpuMs)}, RSS ${mb(r.peakRss)}`;
    if (r.yardstick.missing)
      return [
        r.name,
        r.workload,
        `${ms(r.ms)} min`,
        memory,
        `${r.yardstickName}: ${r.yardstick.missing}`,
        "",
      ];
    const y = r.yardstick;
    const base = `${r.yardstickName} ${ms(y.ms)} min / ${ms(y.medianMs)} med, CPU ${ms(y.cpuMs)} / ${ms(y.medianCpuMs)}`;
    return [
      r.name,
      r.workload,
      `${ms(r.ms)} min / ${ms(r.medianMs)} med`,
      `CPU ${ms(r.cpuMs)} / ${ms(r.medianCpuMs)}${r.peakRss === undefined ? "" : `, RSS ${mb(r.peakRss)}`}`,
      base,
      `${ratio(r.ratio)} (CPU ${ratio(r.cpuRatio)}); med ${ratio(r.medianRatio)} (CPU ${ratio(r.medianCpuRatio)})`,
    ];
  });
}

/** The ratio a goal is judged on: of the median CPU times where both sides have them, else of the median wall times. */
export function judgedRatio(row) {
  if (Number.isFinite(row.medianCpuRatio)) return { value: row.medianCpuRatio, of: "median CPU" };
  if (Number.isFinite(row.medianRatio)) return { value: row.medianRatio, of: "median wall" };
  return { value: row.ratio, of: "min wall" };
}

/**
 * A goal as text, and whether the row meets it: `{ ratioBelow }` (faster than the yardstick),
 * `{ ratioAtMost }` (at most that many times the yardstick, {@link judgedRatio}) or `{ msAtMost }` (a
 * time). A ratio goal without its yardstick installed is neither met nor missed.
 */
export function goalVerdict(row) {
  const { goal } = row;
  if (goal.msAtMost !== undefined) return { text: `≤ ${ms(goal.msAtMost)}`, met: row.ms <= goal.msAtMost };
  const text =
    goal.ratioBelow !== undefined
      ? "faster than the yardstick"
      : `≤ ${num(goal.ratioAtMost, 1)}× the yardstick`;
  if (row.ratio === undefined) return { text, met: undefined };
  const judged = judgedRatio(row).value;
  return {
    text,
    met: goal.ratioBelow !== undefined ? judged < goal.ratioBelow : judged <= goal.ratioAtMost,
  };
}

/** One row per goal: what was measured against it and whether it is met. */
function goalRows(yard) {
  return yard.rows
    .filter((r) => r.goal)
    .map((r) => {
      const { text, met } = goalVerdict(r);
      const judged = judgedRatio(r);
      const measured =
        r.goal.msAtMost !== undefined || r.ratio === undefined
          ? ms(r.ms)
          : `${ms(r.ms)}, ${ratio(judged.value)} (${judged.of})`;
      return [`${r.name}: ${text}`, measured, met === undefined ? "no yardstick" : met ? "met" : "NOT MET"];
    });
}

function parserRows(parsers) {
  const work = `${parsers.workload.files} files, ${num(parsers.workload.chars / 1e6)} M chars`;
  const rows = parsers.rows.map((r, i) => [
    `XML: ${r.name}`,
    i === 0 ? work : "",
    `${ms(r.ms)} min`,
    "",
    i === 0 ? "" : `admxkit ${ms(parsers.rows[0].ms)}`,
    ratio(r.ratio),
  ]);
  if (parsers.saxes) rows.push(["XML: saxes", "", "", "", parsers.saxes, ""]);
  return rows;
}

function memoryRows(memory) {
  return memory.rows.map((r) => [
    `memory: ${r.name}`,
    `${num(r.entries)} tiny entries, ${mb(r.bytes)}`,
    ms(r.ms),
    `peak RSS ${mb(r.peakRss)}, ${num(r.perEntry)} B/entry`,
    `goal ≤ ${memory.goal}× input`,
    `${ratio(r.ratio)}${r.goalMet ? "" : " (not met)"}`,
  ]);
}

function storePreviewRows(p) {
  const rate = `${num(p.preview.pagesPerSecond)} pages/s (${num(p.preview.pagesPerCpuSecond)} per CPU s), RSS ${mb(p.preview.peakRss)}`;
  const y = p.yardstick;
  return [
    [
      "preview --admx 21H2, editor",
      `${num(p.workload.pages)} pages, ${mb(p.workload.bytes)}`,
      `${ms(p.preview.medianMs)}, CPU ${ms(p.preview.medianCpuMs)}`,
      rate,
      `writeFile per page ${ms(y.medianMs)}, CPU ${ms(y.medianCpuMs)} (writes ${ms(y.medianWriteMs)})`,
      `${ratio(p.ratio)} (CPU ${ratio(p.cpuRatio)}; goal ≤ ${p.goal}×${p.goalMet ? ", met" : ", not met"})`,
    ],
  ];
}

function vendorRows(vendor) {
  const first = vendor.rows[0];
  // Beyond the first store, the cost of what the copies added: the process's start is left out.
  const added = (r, part, unit) =>
    r === first
      ? ""
      : `, +${num((r[part].medianCpuMs - first[part].medianCpuMs) / (r.store[unit] - first.store[unit]), 2)} ms each added`;
  return vendor.rows.flatMap((r) => {
    const work = `${r.copies}× vendor store: ${num(r.store.files)} files, ${num(r.store.policies)} policies, ${mb(r.store.bytes)}`;
    const growth = (value) => `×${num(value, 2)} for ×${num(r.growth.size, 2)} size`;
    return [
      [
        `vendor validate`,
        work,
        `${ms(r.validate.medianMs)}, CPU ${ms(r.validate.medianCpuMs)}`,
        `${num(r.perFile.validateCpuMs, 2)} ms CPU/file${added(r, "validate", "files")}, RSS ${mb(r.validate.peakRss)}`,
        "",
        growth(r.growth.validateCpu),
      ],
      [
        `vendor pol --admx, 5 policies`,
        "",
        `${ms(r.pol.medianMs)}, CPU ${ms(r.pol.medianCpuMs)}`,
        `${num(r.perPolicy.polCpuMs * 1000, 1)} µs CPU/store policy, RSS ${mb(r.pol.peakRss)}`,
        "",
        growth(r.growth.polCpu),
      ],
      [
        `vendor preview --admx, en-US`,
        "",
        `${ms(r.preview.medianMs)}, CPU ${ms(r.preview.medianCpuMs)}`,
        `${num(r.perPolicy.previewCpuMs, 2)} ms CPU/policy${added(r, "preview", "policies")}, RSS ${mb(r.preview.peakRss)}`,
        "",
        growth(r.growth.previewCpu),
      ],
    ];
  });
}

function hostileRows(hostile) {
  return hostile.rows.map((r) => [
    r.name,
    mb(r.bytes),
    ms(r.ms),
    `${num(r.mbPerSecond)} MB/s`,
    `Buffer copy ${ms(r.baselineMs)}`,
    ratio(r.ratio),
  ]);
}

/** The whole report as text, from the results of the benchmarks that ran without error. */
export function formatReport(results) {
  const ok = (r) => r && !r.error;
  const rows = [
    ...(ok(results.pol) ? polRows(results.pol) : []),
    ...(ok(results.build) ? buildRows(results.build) : []),
    ...(ok(results.validate) ? validateRows(results.validate) : []),
    ...(ok(results.cold) ? coldRows(results.cold) : []),
    ...(ok(results.values) ? valuesRows(results.values) : []),
    ...(ok(results.yardsticks) ? yardstickRows(results.yardsticks) : []),
    ...(ok(results.parsers) ? parserRows(results.parsers) : []),
    ...(ok(results.memory) ? memoryRows(results.memory) : []),
    ...(ok(results.hostile) ? hostileRows(results.hostile) : []),
    ...(ok(results.preview) ? storePreviewRows(results.preview) : []),
    ...(ok(results.vendor) ? vendorRows(results.vendor) : []),
  ];
  const header = ["Benchmark", "Workload", "Time", "Rate / memory", "Baseline (same run)", "Ratio"];
  let text = `${formatTable(header, rows)}\n`;
  if (ok(results.yardsticks)) {
    text +=
      "\nTimes are medians, except the whole-process rows against a yardstick: the minimum and the median\n";
    text += "of several runs, CPU = user + system time. Ratio goals are judged on the median CPU times.\n\n";
    text += `${formatTable(["Goal", "Measured", "Met?"], goalRows(results.yardsticks))}\n`;
  }
  const v = results.validate;
  if (ok(v) && v.liveHeap) {
    text +=
      `\nvalidate ${v.workload.admx} vs ${v.validateSmall.name.match(/\d+/)[0]} ADMX: peak RSS ×${num(v.rssGrowth, 2)}, ` +
      `peak live heap ${mb(v.liveHeap.large)} vs ${mb(v.liveHeap.small)} ` +
      `(+${num(v.liveHeap.perTemplate / 1000)} KB kept per template; largest file ${mb(v.workload.largestFile)})\n`;
  }
  const cold = results.cold;
  if (ok(cold)) {
    const packages = Object.entries(cold.modules.packages).sort((a, b) => b[1] - a[1]);
    // The CLI bundle carries its dependencies (vite.cli.config.ts): usually no package file is loaded.
    const fromPackages =
      packages.length === 0 ? "none from node_modules" : packages.map(([p, n]) => `${n} of ${p}`).join(", ");
    text += `\nadmxkit build loads ${cold.modules.dist.length} files of dist/ and ${fromPackages}\n`;
    text += `import cost in a fresh process: ${Object.entries(cold.importMs)
      .map(([s, t]) => `${s} ${ms(t)}`)
      .join(", ")}\n`;
  }
  return text;
}

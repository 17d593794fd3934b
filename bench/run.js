/**
 * `npm run bench`: builds dist/, runs the benchmarks on fixed workloads (generated, and the real 21H2 store for values --from), prints a table
 * (median of several runs, and a ratio to a baseline measured in the same run) and writes
 * bench/results.json so runs can be compared.
 *
 * Options: --only=pol,build,validate,cold,values,yardsticks,parsers,memory,hostile,preview,vendor  run some of
 * them (preview and vendor take minutes and run only when named); --skip-build  use dist/ as it is.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { benchBuild } from "./cases/build.js";
import { benchColdStart } from "./cases/cold-start.js";
import { benchMemory } from "./cases/memory.js";
import { benchHostile } from "./cases/hostile.js";
import { benchPol } from "./cases/pol.js";
import { benchStorePreview } from "./cases/store-preview.js";
import { benchValidate } from "./cases/validate.js";
import { benchValues } from "./cases/values.js";
import { benchVendorStore } from "./cases/vendor-store.js";
import { benchXmlParsers } from "./cases/xml-parsers.js";
import { benchYardsticks } from "./cases/yardsticks.js";
import { formatReport } from "./lib/report.js";
import { sharedFolderProblem } from "../scripts/shared-folder.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = pathToFileURL(`${ROOT}dist/`);
const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
/** Cases of several minutes, run only when named: `--only=preview,vendor`. */
const ON_REQUEST = ["preview", "vendor"];
const wanted = (name) => (only ? only.includes(name) : !ON_REQUEST.includes(name));

function buildDist() {
  process.stderr.write("building dist/ …\n");
  const tsc = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  // tsc emits even with type errors; the type check is a separate gate. Only a missing build is fatal.
  if (tsc.status !== 0) process.stderr.write(`warning: tsc reported errors:\n${tsc.stdout.slice(0, 2000)}\n`);
  if (!existsSync(`${ROOT}dist/cli-bundle/main.js`)) throw new Error("dist/ was not built (npm run build)");
}

function commit() {
  const git = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  return git.status === 0 ? git.stdout.trim() : undefined;
}

/** The cases that read the reference folder (the real 21H2 store, the libxml2 schema). */
const READS_SHARED = ["values", "yardsticks", "parsers", "preview", "vendor"];

async function main() {
  const problem = READS_SHARED.some(wanted) ? sharedFolderProblem() : undefined;
  if (problem !== undefined) {
    process.stderr.write(`${problem}\n`);
    process.exitCode = 1;
    return;
  }
  if (!args.includes("--skip-build")) buildDist();
  const started = Date.now();
  const results = {};
  const cases = [
    ["pol", () => benchPol(DIST)],
    ["build", () => benchBuild(DIST)],
    ["validate", () => benchValidate(ROOT)],
    ["cold", () => benchColdStart(ROOT)],
    ["values", () => benchValues(DIST)],
    ["yardsticks", () => benchYardsticks(ROOT, DIST)],
    ["parsers", () => benchXmlParsers(ROOT, DIST)],
    ["memory", () => benchMemory()],
    ["hostile", () => benchHostile(DIST)],
    ["preview", () => benchStorePreview()],
    ["vendor", () => benchVendorStore()],
  ];
  for (const [name, run] of cases) {
    if (!wanted(name)) continue;
    process.stderr.write(`running ${name} …\n`);
    try {
      results[name] = await run();
    } catch (error) {
      results[name] = { error: error instanceof Error ? error.stack : String(error) };
      process.stderr.write(`${name} failed: ${results[name].error}\n`);
    }
  }
  process.stdout.write(`\n${formatReport(results)}`);
  const report = {
    date: new Date().toISOString(),
    commit: commit(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryBytes: totalmem(),
    seconds: (Date.now() - started) / 1000,
    results,
  };
  writeFileSync(new URL("results.json", import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${report.seconds.toFixed(1)} s; results written to bench/results.json\n`);
  if (Object.values(results).some((r) => r.error)) process.exitCode = 1;
}

await main();

/**
 * Benchmark 4: `admxkit build` cold start as a whole process (`node bin/admxkit.js build --out tmp`),
 * against `node -e 0` measured in the same run. Also lists what the command loads — files of dist/ and
 * of each package — and the import cost of each heavy dependency in a fresh process, so an avoidable
 * start-up cost shows up with a number.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "../lib/measure.js";
import { listLoadedModules, runNode } from "../lib/child.js";

/** Runs `node ...args` `runs` times (after one warm-up for the disk cache); median wall time. */
async function timeProcess(args, runs, cwd) {
  await runNode(args, { cwd });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const result = await runNode(args, { cwd });
    if (result.code !== 0) throw new Error(`node ${args.join(" ")} exited ${result.code}: ${result.stderr}`);
    times.push(result.ms);
  }
  return { median: median(times), runs: times };
}

/** Time to import `specifier` in a fresh process, measured inside it (node's own start excluded). */
async function importCost(specifier, runs, cwd) {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const result = await runNode(["--input-type=module", "-e", code], { cwd });
    if (result.code !== 0) throw new Error(`import ${specifier} failed: ${result.stderr}`);
    times.push(Number(result.stdout.trim()));
  }
  return median(times);
}

/** Groups loaded file URLs into dist/ files and files per package (node_modules/<name>). */
function summarize(urls, root) {
  const packages = {};
  const dist = [];
  for (const url of urls) {
    const path = relative(root, fileURLToPath(url)).split("\\").join("/");
    const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (pkg) packages[pkg[1]] = (packages[pkg[1]] ?? 0) + 1;
    else if (path.startsWith("dist/")) dist.push(path);
  }
  return { total: urls.length, dist, packages };
}

/** Runs the cold-start benchmark in the repository at `root`. */
export async function benchColdStart(root, { runs = 9 } = {}) {
  const out = mkdtempSync(join(tmpdir(), "admxkit-bench-cold-"));
  try {
    const build = ["bin/admxkit.js", "build", "--out", out];
    const baseline = await timeProcess(["-e", "0"], runs, root);
    const command = await timeProcess(build, runs, root);
    const help = await timeProcess(["bin/admxkit.js", "--version"], runs, root);
    const loaded = await listLoadedModules(build, { cwd: root });
    if (loaded.code !== 0) throw new Error(`admxkit build failed: ${loaded.stderr}`);
    const imports = {};
    for (const specifier of [
      "zod",
      "./dist/model/check-bundle.js",
      "./dist/cli/main.js",
      "./dist/cli-bundle/main.js",
    ]) {
      imports[specifier] = await importCost(specifier, 5, root);
    }
    return {
      baseline: { name: "node -e 0", ms: baseline.median, runs: baseline.runs },
      build: {
        name: "admxkit build",
        ms: command.median,
        ratio: command.median / baseline.median,
        runs: command.runs,
      },
      version: {
        name: "admxkit --version",
        ms: help.median,
        ratio: help.median / baseline.median,
        runs: help.runs,
      },
      modules: summarize(loaded.urls, root),
      importMs: imports,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

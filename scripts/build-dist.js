/**
 * Builds what the tests run: dist/ (tsc, incremental), the editor's page script and the CLI bundle (Vite). The tests'
 * global setup calls it before a suite, and `npm run test:all` calls it once before running the unit and
 * browser suites side by side (which then skip it: ADMXKIT_TEST_DIST_BUILT=1), so that two builds never
 * write dist/ at the same time.
 *
 * An incremental build trusts its record (dist/.tsbuildinfo) and does not notice deleted outputs, so
 * when any module's output is missing the record is dropped and everything is rebuilt. Type errors do
 * not stop the emit (tsc still writes dist/); they are reported here. `npm run test:all` builds with
 * `--no-type-check`: its own type check (`npm run typecheck`, src/ and test/) runs beside the build and
 * fails the run, so the build only emits (`tsc --noCheck`: the same files, 11 -> 7 s of CPU on a fresh
 * clone, on the path both suites wait for).
 *
 * The editor's page script does not depend on tsc's output, so Vite bundles it while tsc runs; the CLI
 * bundle is made from tsc's dist/ afterwards.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** Runs `node <args>` in `root`; resolves with its exit status and everything it wrote. */
function runNode(root, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (text) => (output += text));
    child.stderr.setEncoding("utf8").on("data", (text) => (output += text));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}

/** Bundles with Vite's `config`; throws naming `what` when it fails. */
async function viteBuild(root, config, what) {
  const built = await runNode(root, ["node_modules/vite/bin/vite.js", "build", "--config", config]);
  if (built.status !== 0) throw new Error(`building ${what} failed:\n${built.output}`);
}

/**
 * Every `src/**\/*.ts` module, as the `dist/**\/*.js` path it compiles to. The editor's page script
 * (`src/editor/browser`) is not compiled by tsc: Vite bundles it into dist/browser/editor.js.
 */
function expectedOutputs(root) {
  const outputs = [];
  const pageScript = join(root, "src", "editor", "browser");
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && path === pageScript) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
        outputs.push(join(root, "dist", relative(join(root, "src"), path).replace(/\.ts$/, ".js")));
      }
    }
  };
  walk(join(root, "src"));
  return outputs;
}

/**
 * Builds dist/ of the repository at `root`; rejects when a bundle cannot be built. `typeCheck: false`
 * only emits (for a caller that type-checks on its own).
 */
export async function buildDist(root, { typeCheck = true } = {}) {
  const record = join(root, "dist", ".tsbuildinfo");
  if (existsSync(record) && !expectedOutputs(root).every((path) => existsSync(path))) rmSync(record);
  const tsc = [
    "node_modules/typescript/bin/tsc",
    "-p",
    "tsconfig.build.json",
    ...(typeCheck ? [] : ["--noCheck"]),
  ];
  // The editor's page script, which `admxkit preview` writes next to the pages (vite.editor.config.ts).
  const [compiled] = await Promise.all([
    runNode(root, tsc),
    viteBuild(root, "vite.editor.config.ts", "the editor's page script"),
  ]);
  if (compiled.status !== 0) {
    process.stderr.write(
      `warning: tsc reported errors while building dist/ for the tests:\n${compiled.output}`,
    );
  }
  // The CLI bundle bin/admxkit.js runs (vite.cli.config.ts), made from the dist/ just compiled.
  await viteBuild(root, "vite.cli.config.ts", "the CLI bundle");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildDist(fileURLToPath(new URL("..", import.meta.url)), {
    typeCheck: !process.argv.includes("--no-type-check"),
  });
}

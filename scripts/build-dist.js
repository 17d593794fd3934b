/**
 * Builds what the tests run: dist/ (tsc, incremental), the editor's page script and the CLI bundle (Vite). The tests'
 * global setup calls it before a suite, and `npm run test:all` calls it once before running the unit and
 * browser suites side by side (which then skip it: ADMXKIT_TEST_DIST_BUILT=1), so that two builds never
 * write dist/ at the same time.
 *
 * An incremental build trusts its record (dist/.tsbuildinfo) and does not notice deleted outputs, so
 * when any module's output is missing the record is dropped and everything is rebuilt. Type errors do
 * not stop the emit (tsc still writes dist/); they are reported here and fail the separate type check of
 * `npm run test:all`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

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

/** Builds dist/ of the repository at `root`; throws when the editor's bundle cannot be built. */
export function buildDist(root) {
  const record = join(root, "dist", ".tsbuildinfo");
  if (existsSync(record) && !expectedOutputs(root).every((path) => existsSync(path))) rmSync(record);
  const result = spawnSync(
    process.execPath,
    ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  if (result.status !== 0) {
    process.stderr.write(
      `warning: tsc reported errors while building dist/ for the tests:\n${result.stdout}${result.stderr}`,
    );
  }
  // The editor's page script, which `admxkit preview` writes next to the pages (vite.editor.config.ts),
  // then the CLI bundle bin/admxkit.js runs (vite.cli.config.ts), made from the dist/ just compiled.
  for (const [config, what] of [
    ["vite.editor.config.ts", "the editor's page script"],
    ["vite.cli.config.ts", "the CLI bundle"],
  ]) {
    const built = spawnSync(
      process.execPath,
      ["node_modules/vite/bin/vite.js", "build", "--config", config],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    if (built.status !== 0) throw new Error(`building ${what} failed:\n${built.stdout}${built.stderr}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  buildDist(fileURLToPath(new URL("..", import.meta.url)));

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Every `src/**\/*.ts` module, as the `dist/**\/*.js` path it compiles to. The editor's page script
 * (`src/editor/browser`) is not compiled by tsc: Vite bundles it into dist/browser/editor.js.
 */
function expectedOutputs(root: string): string[] {
  const outputs: string[] = [];
  const pageScript = join(root, "src", "editor", "browser");
  const walk = (dir: string): void => {
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
 * CLI tests run the built binary (bin/admxkit.js → dist/), as users do. Build dist/ before any test so
 * they never run against a stale build. The build is incremental (dist/.tsbuildinfo), which makes the
 * second and later runs cheap — but an incremental build trusts its record and does not notice deleted
 * outputs, so when any module's output is missing the record is dropped and everything is rebuilt.
 * Type errors do not stop the emit (tsc still writes dist/); they are reported here and fail the
 * separate type check of `npm run test:all`.
 */
export default function setup(): () => void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const record = join(root, "dist", ".tsbuildinfo");
  if (existsSync(record) && !expectedOutputs(root).every((path) => existsSync(path))) {
    rmSync(record);
  }
  const result = spawnSync(
    process.execPath,
    ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"],
    { cwd: root, encoding: "utf8" },
  );
  if (result.status !== 0) {
    process.stderr.write(
      `warning: tsc reported errors while building dist/ for the tests:\n${result.stdout}${result.stderr}`,
    );
  }
  // The editor's page script, which `admxkit preview` writes next to the pages (vite.editor.config.ts).
  const editor = spawnSync(
    process.execPath,
    ["node_modules/vite/bin/vite.js", "build", "--config", "vite.editor.config.ts"],
    { cwd: root, encoding: "utf8" },
  );
  if (editor.status !== 0) {
    throw new Error(`building the editor's page script failed:\n${editor.stdout}${editor.stderr}`);
  }
  // Every temporary folder of the run (the tests' own, the CLIs they spawn, Chromium's profiles) goes
  // below one folder of this run, removed when the run ends: a run makes hundreds, some of them whole
  // store previews of 40 MB. Workers and spawned processes inherit TMPDIR, which os.tmpdir() reads.
  const runTemp = mkdtempSync(join(tmpdir(), "admxkit-test-run-"));
  process.env.TMPDIR = runTemp;
  // The store names cache (src/read/names-cache.ts) of every test and spawned CLI goes to a folder of
  // this run, not the user's ~/.cache.
  const cache = mkdtempSync(join(runTemp, "admxkit-test-cache-"));
  process.env.ADMXKIT_CACHE_DIR = cache;
  return () => rmSync(runTemp, { recursive: true, force: true });
}

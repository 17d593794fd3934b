import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * CLI tests run the built binary (bin/admxkit.js → dist/), as users do. Build dist/ once before any test
 * so they never run against a stale build. Type errors do not stop the emit (tsc still writes dist/);
 * they are reported here and fail the separate type check of `npm run test:all`.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
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
  // The editor's page script, which `admxkit preview` writes next to the pages (vite.editor.config.ts).
  const editor = spawnSync(
    process.execPath,
    ["node_modules/vite/bin/vite.js", "build", "--config", "vite.editor.config.ts"],
    { cwd: root, encoding: "utf8" },
  );
  if (editor.status !== 0) {
    throw new Error(`building the editor's page script failed:\n${editor.stdout}${editor.stderr}`);
  }
}

// First run in a source checkout: build dist/ with the project's own build script (`npm run build`:
// tsc, then the editor's page script with Vite). Not shipped in the package (package.json "files").
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function buildCheckout(rootUrl) {
  const root = fileURLToPath(rootUrl);
  if (!existsSync(`${root}/node_modules/typescript`)) {
    process.stderr.write(
      "admxkit: dist/ is missing and the build tools are not installed: run `npm ci` first.\n",
    );
    process.exit(1);
  }
  process.stderr.write("admxkit: first run in a source checkout: building dist/ (npm run build)…\n");
  const run = spawnSync("npm", ["run", "--silent", "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    shell: process.platform === "win32",
  });
  if (run.status !== 0) {
    process.stderr.write(
      `admxkit: building dist/ failed (npm run build exited ${run.status}); run it to see why.\n`,
    );
    process.exit(1);
  }
}

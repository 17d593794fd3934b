// First run in a source checkout: compile src/ to dist/ (tsc) and bundle the editor's page script (Vite),
// exactly what `npm run build` does. Not shipped in the package (package.json "files").
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function buildCheckout(rootUrl) {
  const root = fileURLToPath(rootUrl);
  const tools = [
    ["node_modules/typescript/bin/tsc", ["-p", "tsconfig.build.json"]],
    ["node_modules/vite/bin/vite.js", ["build", "--logLevel", "error", "--config", "vite.editor.config.ts"]],
  ];
  if (!tools.every(([tool]) => existsSync(`${root}/${tool}`))) {
    process.stderr.write(
      "admxkit: dist/ is missing and the build tools are not installed: run `npm ci` first.\n",
    );
    process.exit(1);
  }
  process.stderr.write("admxkit: first run in a source checkout: building dist/ (npm run build)…\n");
  for (const [tool, args] of tools) {
    const run = spawnSync(process.execPath, [tool, ...args], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (run.status !== 0) {
      process.stderr.write(
        `admxkit: building dist/ failed (${tool} exited ${run.status}); run \`npm run build\` to see why.\n`,
      );
      process.exit(1);
    }
  }
}

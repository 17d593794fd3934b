import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * CLI tests run the built binary (bin/admxkit.js → dist/), as users do. Build dist/ once before any test
 * so they never run against a stale build.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
}

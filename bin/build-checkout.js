// Runs in a source checkout only (not shipped: package.json "files"). The first run builds dist/ with
// the project's own build script (`npm run build`: tsc, then the editor's page script and the CLI
// bundle with Vite); so does a later run after a bare `tsc -p tsconfig.build.json`, so that the CLI
// never runs code older than dist/.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Modification time of a file in ms, or undefined when it is missing. */
const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;

/**
 * Makes sure the CLI bundle of the checkout at `rootUrl` exists and is not older than tsc's last build
 * (dist/.tsbuildinfo, which tsc writes on every build and the package does not ship); else builds.
 */
export function ensureCheckoutBuilt(rootUrl) {
  const bundle = mtime(new URL("dist/cli-bundle/main.js", rootUrl));
  const compiled = mtime(new URL("dist/.tsbuildinfo", rootUrl));
  if (bundle === undefined) buildCheckout(rootUrl, "first run in a source checkout: building dist/");
  else if (compiled !== undefined && compiled > bundle)
    buildCheckout(rootUrl, "dist/ is newer than the CLI bundle: building again");
}

/** Runs `npm run build` in the checkout at `rootUrl`, saying `why` first; exits when it fails. */
function buildCheckout(rootUrl, why) {
  const root = fileURLToPath(rootUrl);
  if (!existsSync(`${root}/node_modules/typescript`)) {
    process.stderr.write(
      "admxkit: dist/ is missing and the build tools are not installed: run `npm ci` first.\n",
    );
    process.exit(1);
  }
  process.stderr.write(`admxkit: ${why} (npm run build)…\n`);
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

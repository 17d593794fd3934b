#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/, bundled into dist/cli-bundle/ (vite.cli.config.ts), both
// built by `npm run build`; `npm pack` runs it as `prepack`.
import { existsSync } from "node:fs";

const main = new URL("../dist/cli-bundle/main.js", import.meta.url);
// In a source checkout (`npm ci && npx admxkit build` on a fresh clone) dist/ does not exist yet: build
// it once, and again after a bare `tsc` left the CLI bundle older than dist/. The published package
// ships dist/ and no src/, so this never runs for users of the tarball. (A `prepare` script would build
// on `npm ci` too, but npm 11 then warns every consumer who installs the tarball about an unapproved
// install script.)
if (existsSync(new URL("../src/cli/main.ts", import.meta.url))) {
  const { ensureCheckoutBuilt } = await import("./build-checkout.js");
  ensureCheckoutBuilt(new URL("..", import.meta.url));
}

const { main: run, cliLocale } = await import(main.href);
const { installSignalCleanup } = await import("../dist/cli-bundle/signal-cleanup.js");

// Ctrl-C or a SIGTERM during a write removes its temporary files before exiting 130/143; a failed
// write to stdout is said in the run's language.
installSignalCleanup(process.exit, cliLocale(process.argv.slice(2)));
process.exitCode = await run(process.argv.slice(2));

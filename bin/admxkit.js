#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm run build`; `npm pack` runs it as `prepack`).
import { main } from "../dist/cli/main.js";
import { installSignalCleanup } from "../dist/io/signal-cleanup.js";

// Ctrl-C or a SIGTERM during a write removes its temporary files before exiting 130/143.
installSignalCleanup();
process.exitCode = await main(process.argv.slice(2));

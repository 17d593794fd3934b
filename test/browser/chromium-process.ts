/**
 * The run's one Chromium process. The environment (chromium-environment.ts) and the test files load
 * their modules through different module runners, so each gets its own copy of this module: the
 * process is kept on globalThis, which they share.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Flags for chromium as root in a container, without the network chatter it does at start. */
const ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const KEY = Symbol.for("admxkit.test.chromium");
const shared = globalThis as { [KEY]?: Promise<Browser> };

/** The run's Chromium, started on first use. */
export function chromiumProcess(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run "bash scripts/ensure-browser.sh" (as root) first`);
  }
  shared[KEY] ??= chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return shared[KEY];
}

/** Closes the run's Chromium, if one was started. */
export async function closeChromium(): Promise<void> {
  const started = shared[KEY];
  delete shared[KEY];
  if (started) await (await started).close();
}

/**
 * The run's one Chromium process. The environment (chromium-environment.ts) and the test files load
 * their modules through different module runners, so each gets its own copy of this module: the
 * process is kept on globalThis, which they share.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/**
 * The features playwright-core 1.65.1 turns off in its own `--disable-features` switch (the network
 * chatter at start, Edge's sign-in, paint holding for stable screenshots). Chromium keeps only the last
 * `--disable-features` it is given, so the switch below repeats them before adding ours.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * Flags for chromium as root in a container, without the network chatter it does at start.
 *
 * `RenderDocument` off: with it, every navigation to another document makes a new frame, which
 * Playwright then sets up anew over the DevTools protocol. The suite navigates about 200 times; 120
 * loads of a store policy page cost 29–30 s of CPU with it and 22–24 s without, and the browser suite
 * 111 s instead of 93 s. What a page shows and does is the same either way.
 */
const ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, "RenderDocument"].join(",")}`,
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

/**
 * Launches Debian's chromium through playwright-core with a fresh profile, and records every request
 * the pages make: the preview must work from file:// alone, so any other URL is aborted and reported.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

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

export interface Browser {
  readonly context: BrowserContext;
  /** Every URL requested that is not a file:// URL (each was aborted). */
  readonly escaped: string[];
  /** Every URL requested. */
  readonly requested: string[];
  close(): Promise<void>;
}

/** A browser with a fresh --user-data-dir; `javaScriptEnabled: false` checks the pages work without it. */
export async function launch(options: { javaScriptEnabled?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run "bash scripts/ensure-browser.sh" (as root) first`);
  }
  const profile = await mkdtemp(join(tmpdir(), "admxkit-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1100, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: "en-US",
  });
  const escaped: string[] = [];
  const requested: string[] = [];
  context.on("request", (request) => requested.push(request.url()));
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file://")) return route.continue();
    escaped.push(url);
    return route.abort();
  });
  return {
    context,
    escaped,
    requested,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

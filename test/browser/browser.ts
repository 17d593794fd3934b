/**
 * Chromium for the browser tests: Debian's chromium through playwright-core, one process for the whole
 * run (the suite's files share one worker, vitest.browser.config.ts), and a fresh browser context for
 * each `launch`: its own storage, its own JavaScript setting, and a record of every request its pages
 * make. The preview must work from file:// alone, so any other URL is aborted and reported.
 *
 * A context costs a few milliseconds; a Chromium start about 2 s of CPU, and the suite made six.
 * The process is chromium-process.ts's; the suite's environment closes it (chromium-environment.ts).
 */
import type { BrowserContext, Page } from "playwright-core";
import { chromiumProcess } from "./chromium-process.js";

export interface Browser {
  readonly context: BrowserContext;
  /** Every URL requested that is not a file:// URL (each was aborted). */
  readonly escaped: string[];
  /** Every URL requested. */
  readonly requested: string[];
  /**
   * The context's one tab, loaded with `href`. Tests open their pages here one after the other rather
   * than each in a new tab: a new tab cost Chromium about 0.25 s of CPU (a renderer made and torn
   * down), a navigation of the same tab about 0.1 s. Storage is the context's either way, and a load
   * starts the document afresh; only listeners a test adds to the tab itself stay (remove them).
   */
  open(href: string): Promise<Page>;
  /** The uncaught errors of the tab's scripts since the last {@link open}. */
  readonly pageErrors: readonly string[];
  close(): Promise<void>;
}

/**
 * A browser as a test file sees it: a new context of the run's Chromium, with nothing stored (no
 * cookies, no localStorage of an earlier file); `javaScriptEnabled: false` checks the pages work
 * without scripts.
 */
export async function launch(options: { javaScriptEnabled?: boolean } = {}): Promise<Browser> {
  const context = await (
    await chromiumProcess()
  ).newContext({
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
  let tab: Page | undefined;
  let pageErrors: string[] = [];
  return {
    context,
    escaped,
    requested,
    async open(href) {
      if (!tab || tab.isClosed()) {
        const made = await context.newPage();
        made.on("pageerror", (error) => pageErrors.push(error.message));
        tab = made;
      }
      // A URL that differs from the loaded one only in its fragment would scroll the page, not load it.
      const bare = (u: string) => u.split("#")[0];
      if (href.includes("#") && bare(tab.url()) === bare(href)) await tab.goto("about:blank");
      pageErrors = [];
      await tab.goto(href);
      return tab;
    },
    get pageErrors() {
      return pageErrors;
    },
    async close() {
      await context.close();
    },
  };
}

/**
 * The browser suite's test environment: Node's, plus closing the run's one Chromium process
 * (chromium-process.ts) when the worker is torn down, after its last file and before Vitest ends it.
 * Closed there, Chromium exits and Playwright removes its profile; left to Playwright's SIGTERM
 * handler, the worker was killed half a second later, possibly before Chromium had exited.
 */
import { builtinEnvironments, type Environment } from "vitest/runtime";
import { closeChromium } from "./chromium-process.js";

export default {
  name: "chromium",
  viteEnvironment: "ssr",
  async setup(global, options) {
    const node = await builtinEnvironments.node.setup(global, options);
    return {
      async teardown(g) {
        await closeChromium();
        await node.teardown(g);
      },
    };
  },
} satisfies Environment;

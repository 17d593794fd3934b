/**
 * What more than one browser test file reads, made once per run: the preview of Windows 11 21H2's whole
 * in-box store (about 3,700 pages, 43 MB, 5 s to write), which the store tests and the editor tests both
 * open. Runs after test/global-setup.ts (dist/ built, TMPDIR set), and hands the folder to the test
 * files with `inject("store21h2Site")`. (One browser for the whole suite, through `launchServer`, was
 * tried too: every call then crosses a WebSocket, and the suite took 102 s instead of 86 s. The files
 * now share one worker, and so one Chromium, instead: test/browser/browser.ts.)
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { runCli } from "../helpers/cli.js";
import { inboxStorePath } from "../helpers/inbox-store.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The site `admxkit preview --admx <21H2 store> --out <it>` wrote. */
    store21h2Site: string;
  }
}

export const STORE_21H2 = inboxStorePath("windows11-21h2");

export default async function setup(project: TestProject): Promise<void> {
  // Below the run's temporary folder, which test/global-setup.ts removes at the end.
  const out = await mkdtemp(join(tmpdir(), "admxkit-store-21h2-"));
  // Exactly as a user runs it: warnings are fine (Windows' own templates have some), errors are not.
  const result = await runCli(["preview", "--admx", STORE_21H2, "--out", out]);
  if (result.code !== 0 || / error [A-Z_]+/.test(result.stderr)) {
    throw new Error(`preview of the 21H2 store failed (exit ${result.code}):\n${result.stderr}`);
  }
  project.provide("store21h2Site", out);
}

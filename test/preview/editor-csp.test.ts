/**
 * The Content-Security-Policy of the pages that carry the editor (issue 14: "no request leaves the page, a
 * CSP without remote sources"), on every kind of site `admxkit preview` writes with it: the built-in
 * bundle, a bundle file, one template read back (--admx), and a store of several templates (--admx).
 * site.test.ts checks the pages without scripts; these are the pages with them.
 */
import { copyFile, mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runCli, tempDir } from "../helpers/cli.js";
import { attr, documentOf, elements, select, type Node } from "../helpers/dom.js";
import { HOSTILE_BUNDLE_PATH } from "../helpers/preview-fixtures.js";

const SAME_NAME = join(REPO_ROOT, "test", "fixtures", "cli-admx", "same-name");

/** The directives of a policy, each with its source list. */
function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    // A repeated directive is ignored by browsers; the policy should not have any.
    expect(out.has(name.toLowerCase()), `${name} repeated in ${policy}`).toBe(false);
    out.set(name.toLowerCase(), sources);
  }
  return out;
}

/**
 * What each directive may allow: nothing remote, ever. Styles may be inline (bundle sites) or the
 * site's own stylesheet (store sites); images only `data:` (the dialog's icons); scripts only files
 * of the site itself.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  "default-src": ["'none'"],
  "script-src": ["'self'"],
  "style-src": ["'unsafe-inline'", "'self'"],
  "img-src": ["data:"],
  "base-uri": ["'none'"],
  "form-action": ["'none'"],
};

interface Site {
  readonly name: string;
  readonly root: string;
  /** Pages with the editor's page script that the site must have, at least. */
  readonly editorPages: readonly string[];
}

let work: string;
const sites: Site[] = [];

async function preview(name: string, args: string[], editorPages: string[]): Promise<void> {
  const root = join(work, name);
  const result = await runCli(["preview", ...args, "--out", root]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  sites.push({ name, root, editorPages });
}

async function htmlFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => relative(root, join(e.parentPath, e.name)).split("\\").join("/"))
    .sort();
}

beforeAll(async () => {
  work = await tempDir("admxkit-editor-csp-");
  // One template read back from a folder of its own.
  const single = join(work, "single-template");
  await mkdir(join(single, "en-US"), { recursive: true });
  await copyFile(join(SAME_NAME, "NsA.admx"), join(single, "NsA.admx"));
  await copyFile(join(SAME_NAME, "en-US", "NsA.adml"), join(single, "en-US", "NsA.adml"));
  await Promise.all([
    preview("built-in", [], ["en-US/ProxyServer.html", "ja-JP/ProxyServer.html", "en-US/index.html"]),
    preview(
      "bundle-file",
      ["--bundle", fileURLToPath(HOSTILE_BUNDLE_PATH)],
      ["en-US/EveryControl.html", "ja-JP/PlainSwitch.html", "ja-JP/index.html"],
    ),
  ]);
  await Promise.all([
    preview("one-template", ["--admx", single], ["en-US/Same.html", "en-US/index.html"]),
    preview("store", ["--admx", SAME_NAME], ["en-US/NsA/Same.html", "en-US/NsB/Same.html"]),
  ]);
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the CSP of the pages with the editor", () => {
  it("is written on every kind of site, and the editor's pages are those the test expects", async () => {
    expect(sites.map((s) => s.name).sort()).toEqual(["built-in", "bundle-file", "one-template", "store"]);
    for (const site of sites) {
      const files = await htmlFiles(site.root);
      for (const page of site.editorPages) expect(files, `${site.name}: ${page}`).toContain(page);
    }
  });

  it("forbids everything by default, allows scripts only from the site, and names no remote source", async () => {
    // Every page of these sites is checked; those with the editor's script are counted.
    for (const site of sites) {
      let withEditor = 0;
      for (const path of await htmlFiles(site.root)) {
        const where = `${site.name}: ${path}`;
        const doc: Node = documentOf(await readFile(join(site.root, path), "utf8"));
        const scripts = select(doc, "script");
        const editor = scripts.some((s) => /(^|\/)editor\.js$/.test(attr(s, "src") ?? ""));
        if (site.editorPages.includes(path)) expect(editor, `${where} has the editor`).toBe(true);
        if (editor) withEditor++;

        const metas = select(doc, "meta").filter(
          (m) => attr(m, "http-equiv")?.toLowerCase() === "content-security-policy",
        );
        expect(metas, where).toHaveLength(1);
        const policy = attr(metas[0]!, "content")!;
        const csp = directives(policy);

        // Default 'none': fetches, frames, objects, workers, fonts, connections all fall back to it.
        expect(csp.get("default-src"), where).toEqual(["'none'"]);
        // Scripts: the site's own files and nothing else: no inline code, no eval, no host. A page
        // without scripts (the start page) allows none.
        expect(csp.get("script-src"), where).toEqual(scripts.length ? ["'self'"] : undefined);
        expect(csp.get("base-uri"), where).toEqual(["'none'"]);
        expect(csp.get("form-action"), where).toEqual(["'none'"]);
        for (const [name, sources] of csp) {
          expect(Object.keys(ALLOWED), `${where}: directive ${name}`).toContain(name);
          for (const source of sources) {
            expect(ALLOWED[name], `${where}: ${name} ${source}`).toContain(source);
            expect(source, `${where}: ${name}`).not.toMatch(/^(\*|https?:|wss?:|blob:|\/\/)|unsafe-eval/i);
          }
        }
        expect(policy).not.toMatch(/https?:|\*|unsafe-eval|report-uri|report-to/i);

        // The policy must come before anything it governs: a <meta> CSP covers only what follows it.
        const order = elements(doc);
        const first = order.findIndex((e) => e.tagName === "script" || e.tagName === "link");
        expect(order.indexOf(metas[0]!), where).toBeLessThan(first === -1 ? Infinity : first);

        // The scripts are files of the site: relative, beside the page or above it, and they exist.
        for (const script of scripts) {
          const src = attr(script, "src");
          expect(src, `${where}: a script without src`).toBeDefined();
          expect(src, where).not.toMatch(/^([a-z][a-z0-9+.-]*:|\/)/i);
          const target = posix.normalize(posix.join(posix.dirname(path), src!));
          expect(target.startsWith("../"), `${where}: ${src}`).toBe(false);
          await expect(readFile(join(site.root, target)), `${where}: ${src}`).resolves.toBeDefined();
        }
        // No inline handlers either (they would not run, but none should be written).
        expect(
          order.flatMap((e) => e.attrs ?? []).filter((a) => /^on/i.test(a.name)),
          where,
        ).toEqual([]);
      }
      expect(withEditor, `${site.name}: pages with the editor`).toBeGreaterThanOrEqual(
        site.editorPages.length,
      );
    }
  });
});

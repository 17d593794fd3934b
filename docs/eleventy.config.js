/**
 * The docs site: Markdown pages in docs/content, built by Eleventy into docs/.site (not committed), with
 * the preview of the built-in bundle generated into docs/.site/preview by `admxkit preview` after
 * Eleventy has written the pages. Every link is relative and every page ends in .html, so the site
 * works from file:// as well as from any static host. Run it with `npm run docs`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUTPUT = "docs/.site";

/** The link from the page at `fromUrl` (site-absolute, e.g. /en/cli.html) to the site-absolute `target`. */
function relativeUrl(target, fromUrl) {
  const fromDir = posix.dirname(fromUrl.endsWith("/") ? `${fromUrl}index.html` : fromUrl);
  const [path, hash] = target.split("#");
  const rel = posix.relative(fromDir, path) || posix.basename(path);
  return hash === undefined ? rel : `${rel}#${hash}`;
}

/** Runs the built CLI (npm run docs builds dist/ first). */
function admxkit(args) {
  return execFileSync(process.execPath, [join(ROOT, "bin", "admxkit.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, LANG: "C", LC_ALL: "", LC_MESSAGES: "" },
  });
}

/**
 * A Markdown file of the repository outside the site's pages (the design notes, the benchmarks), without
 * its first heading (the page has its own), for a page that shows it on the site as well.
 */
function repositoryDoc(path) {
  return readFileSync(join(ROOT, path), "utf8").replace(/^# .*\n+/, "");
}

/**
 * The contributor notes the site shows, per language. The Japanese ones sit beside the English ones
 * (`README.ja.md`), outside docs/content, so that Eleventy does not make pages of them; the docs parity
 * test holds each pair to the same sections.
 */
export const REPOSITORY_DOCS = {
  en: { design: "docs/design/README.md", bench: "bench/README.md" },
  ja: { design: "docs/design/README.ja.md", bench: "bench/README.ja.md" },
};

export default function (eleventyConfig) {
  eleventyConfig.addFilter("rel", relativeUrl);
  eleventyConfig.addGlobalData("repositoryDocs", () =>
    Object.fromEntries(
      Object.entries(REPOSITORY_DOCS).map(([lang, docs]) => [
        lang,
        { design: repositoryDoc(docs.design), bench: repositoryDoc(docs.bench) },
      ]),
    ),
  );
  // The pictures the guides show (docs/images, written by the browser tests so that they stay current).
  eleventyConfig.addPassthroughCopy({ "docs/images": "images" });

  // The preview pages of the built-in bundle, with the example values of its values file.
  eleventyConfig.on("eleventy.after", () => {
    const values = "examples/defender-proxy.values.json";
    admxkit([
      "preview",
      ...(existsSync(join(ROOT, values)) ? ["--values", values] : []),
      "--out",
      join(OUTPUT, "preview"),
    ]);
  });

  return {
    dir: { input: "docs/content", output: OUTPUT, includes: "_includes", data: "_data" },
    markdownTemplateEngine: "njk",
    htmlTemplateEngine: "njk",
    templateFormats: ["md", "njk"],
  };
}

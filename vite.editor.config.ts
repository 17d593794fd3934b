/**
 * Builds the page script of the preview's editor (src/editor/main.ts) into dist/editor/editor.js: one
 * classic script (IIFE), because pages opened from file:// cannot load ES modules. The library modules
 * it uses (compiler, Registry.pol codec, values checks) are the ones the CLI runs; only Node's `fs`
 * (never reached: the catalogs are registered, see the catalogs plugin), `net.isIPv6` (the same
 * pattern, src/editor/net-shim.ts) and `Buffer` (the `buffer` package, byte-exact UTF-16LE including
 * lone surrogates) are replaced for the browser.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const CATALOGS = "virtual:admxkit-catalogs";

/** The messages and UI texts of both tool locales; the CLI's help texts stay out of the page. */
function catalogs(): Plugin {
  return {
    name: "admxkit-catalogs",
    resolveId: (id) => (id === CATALOGS ? `\0${CATALOGS}` : undefined),
    load(id) {
      if (id !== `\0${CATALOGS}`) return undefined;
      const out: Record<string, unknown> = {};
      for (const locale of ["en-US", "ja-JP"]) {
        const file = `${root}locales/${locale}.json`;
        this.addWatchFile(file);
        const { messages, ui } = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
        out[locale] = { messages, ui, cli: {} };
      }
      return `export default ${JSON.stringify(out)};`;
    },
  };
}

export default defineConfig({
  plugins: [catalogs()],
  resolve: {
    alias: [
      { find: /^node:buffer$/, replacement: "buffer/" },
      { find: /^node:fs$/, replacement: `${root}src/editor/browser/no-fs.ts` },
      { find: /^node:net$/, replacement: `${root}src/editor/net-shim.ts` },
    ],
  },
  logLevel: "warn",
  // messages.ts finds its catalogs through import.meta.url in Node; the page never takes that path.
  define: { "import.meta.url": '"about:blank"' },
  build: {
    outDir: "dist/browser",
    emptyOutDir: true,
    target: "es2022",
    minify: true,
    sourcemap: false,
    lib: {
      entry: `${root}src/editor/browser/main.ts`,
      formats: ["iife"],
      name: "admxkitEditor",
      fileName: () => "editor.js",
    },
  },
});

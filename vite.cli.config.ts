/**
 * Bundles the CLI that bin/admxkit.js runs into dist/cli-bundle/: the entry (dist/cli/main.js, as tsc
 * compiled it), the signal handling the launcher installs, and one chunk per lazily loaded command part,
 * with zod inside. The library (`import … from "admxkit"`) stays tsc's dist/ tree.
 *
 * Why: a CLI process spent most of its start in Node's module loader — about 190 files to resolve, read
 * and link for a command that reads a values file (95 of them zod's). Bundled, the same `pol` runs in
 * about two thirds of the time (README, "Performance").
 *
 * Modules that find files next to themselves (the catalogs in locales/, package.json, the editor's page
 * script, the validate worker) keep working: each bundled module's `import.meta.url` is rewritten to the
 * URL its file has in dist/, so `new URL("../../locales/en-US.json", import.meta.url)` means what it
 * meant before bundling. The validate worker therefore still loads tsc's dist/lint/validate-worker.js.
 */
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const dist = join(root, "dist");
const outDir = join(dist, "cli-bundle");

/** `import.meta.url` of each module of dist/ as the URL of its own file, seen from a chunk in outDir. */
function keepModuleUrls(): Plugin {
  return {
    name: "admxkit-keep-module-urls",
    transform(code, id) {
      if (!id.startsWith(dist + sep) || !code.includes("import.meta.url")) return undefined;
      const path = relative(dirname(join(outDir, "chunk.js")), id)
        .split(sep)
        .join("/");
      return {
        code: code.replaceAll("import.meta.url", `new URL(${JSON.stringify(path)}, import.meta.url).href`),
        map: null,
      };
    },
  };
}

export default defineConfig({
  plugins: [keepModuleUrls()],
  logLevel: "warn",
  build: {
    outDir,
    emptyOutDir: true,
    target: "node20",
    minify: false,
    sourcemap: false,
    ssr: true,
    rollupOptions: {
      input: { main: join(dist, "cli", "main.js"), "signal-cleanup": join(dist, "io", "signal-cleanup.js") },
      // jiti (TypeScript bundles only) is large and loaded only for a .ts bundle: it stays a package.
      external: [/^node:/, "jiti"],
      output: { format: "esm", entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js" },
    },
  },
  // An SSR build leaves dependencies as imports by default; zod is bundled (its 95 files were the cost).
  ssr: { noExternal: ["zod"], external: ["jiti"] },
});

/**
 * `node bench/editor-page.js [PolicyDefinitions]`: the size of the editor's page script, the time
 * `admxkit preview` takes for a folder of templates, and the time Chromium takes from navigation to a
 * ready editor (the index page's panel, a policy page's live dialog) from file://, median of 5 loads.
 * Default folder: the built-in bundle. Needs dist/ (npm run build) and /usr/bin/chromium.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const folder = process.argv[2];
const out = mkdtempSync(join(tmpdir(), "admxkit-editor-bench-"));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const script = readFileSync(join(ROOT, "dist", "browser", "editor.js"));
console.log(`page script: ${script.length} bytes, ${gzipSync(script, { level: 9 }).length} gzipped`);

const started = performance.now();
const run = spawnSync(
  process.execPath,
  [join(ROOT, "bin", "admxkit.js"), "preview", ...(folder ? ["--admx", folder] : []), "--out", out],
  { encoding: "utf8", maxBuffer: 1 << 28 },
);
if (run.status !== 0) throw new Error(`preview failed:\n${run.stderr.slice(0, 2000)}`);
const files = run.stdout.trim().split("\n");
console.log(`preview: ${files.length} files in ${((performance.now() - started) / 1000).toFixed(1)} s`);

// The data file that is largest: the template with the most policies.
const datas = files.filter((f) => f.endsWith("editor-data.js")).map((f) => [f, statSync(f).size]);
const [largest, size] = datas.sort((a, b) => b[1] - a[1])[0];
const dataDir = join(largest, "..");
const policy = readdirSync(dataDir).find((f) => f.endsWith(".html") && f !== "index.html");
console.log(`largest editor data: ${largest.slice(out.length + 1)} (${size} bytes)`);
// A bundle's site has its downloads on the locale's index; a store's sit below each dialog.
const store = !existsSync(join(dataDir, "index.html"));
const localeDir = store ? join(dataDir, "..") : dataDir;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless"],
});
const page = await browser.newPage();
await page.route("**/*", (route) =>
  route.request().url().startsWith("file://") ? route.continue() : route.abort(),
);
async function time(href, ready) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await page.goto(href);
    await page.locator(ready).waitFor();
    times.push(performance.now() - t);
  }
  return median(times).toFixed(0);
}
const index = pathToFileURL(join(localeDir, "index.html")).href;
console.log(`open the locale's index: ${await time(index, store ? ".tree" : ".editor-panel")} ms`);
const policyPage = pathToFileURL(join(dataDir, policy)).href;
const ready = store ? ".editor-panel" : ".editor-bar";
console.log(`open a policy page until the editor is ready: ${await time(policyPage, ready)} ms`);
await browser.close();
rmSync(out, { recursive: true, force: true });

/**
 * `node bench/editor-page.js [PolicyDefinitions]`: the size of the editor's page script, the time
 * `admxkit preview` takes for a folder of templates, and the time Chromium takes from navigation to a
 * ready editor (the index page's panel, a policy page's live dialog) from file://, median of 5 loads.
 * Default folder: the built-in bundle. Needs dist/ (npm run build) and /usr/bin/chromium.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
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

// The site whose data is largest: the template with the most policies.
const datas = files.filter((f) => f.endsWith("editor-data.js")).map((f) => [f, statSync(f).size]);
const [largest, size] = datas.sort((a, b) => b[1] - a[1])[0];
const localeDir = join(largest, "..");
const policy = readdirSync(localeDir).find((f) => f.endsWith(".html") && f !== "index.html");
console.log(`largest site data: ${largest.slice(out.length + 1)} (${size} bytes)`);

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
console.log(
  `open the index with the editor panel: ${await time(pathToFileURL(join(localeDir, "index.html")).href, ".editor-panel")} ms`,
);
console.log(
  `open a policy page with the live dialog: ${await time(pathToFileURL(join(localeDir, policy)).href, ".editor-bar")} ms`,
);
await browser.close();
rmSync(out, { recursive: true, force: true });

/**
 * The yardstick of a store preview, run as its own process: the least any program that writes the
 * same site must do. It reads every file of a finished site (`site`) into memory, then writes the same
 * bytes into `out` with one `writeFile` per page (folders made as they come) and nothing else: no
 * rendering, no temporary names, no renames. Prints `{ files, bytes, writeMs, writeCpuMs }` as JSON:
 * the writing alone, beside the whole process that bench/lib/process-run.js measures from outside.
 * Usage: node bench/lib/write-pages.js <site> <out>
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const [site, out] = process.argv.slice(2);
const pages = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else pages.push({ path: relative(site, path), content: readFileSync(path) });
  }
};
walk(site);

const cpu = process.cpuUsage();
const start = process.hrtime.bigint();
const made = new Set();
let bytes = 0;
for (const page of pages) {
  const target = join(out, page.path);
  const folder = join(target, "..");
  if (!made.has(folder)) {
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
  writeFileSync(target, page.content);
  bytes += page.content.length;
}
const used = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({
    files: pages.length,
    bytes,
    writeMs: Number(process.hrtime.bigint() - start) / 1e6,
    writeCpuMs: (used.user + used.system) / 1000,
  })}\n`,
);

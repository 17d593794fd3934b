/**
 * The validate benchmark's baseline, run as its own process: reads every file under a folder and
 * decodes it as text, one file at a time — the least any validator of the store must do.
 * Usage: node bench/lib/read-store.js <folder>
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

function walk(dir, visit) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, visit);
    else visit(path);
  }
}

let files = 0;
let chars = 0;
walk(process.argv[2], (path) => {
  chars += readFileSync(path).toString("utf8").length;
  files++;
});
process.stdout.write(`${files} files, ${chars} characters\n`);

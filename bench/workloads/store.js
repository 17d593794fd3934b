/**
 * A generated central store: `PolicyDefinitions/` with N ADMX files and their en-US and ja-JP ADML,
 * as a large organisation's store looks — one base file that defines shared categories and supportedOn
 * entries (the role Windows.admx plays), and many product files that refer to it through `using`.
 * Files vary in size (seeded); one file is made clearly the largest, so that "peak memory is bounded by
 * the largest file" can be told apart from "peak memory grows with the store".
 */
import { linkSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRandom } from "../lib/random.js";
import { generateBundle } from "./bundle.js";

const BASE = { prefix: "base", namespace: "Bench.Policies.BenchBase", fileName: "BenchBase" };

/** Policies in file `i` (0 is the base); file 1 is the largest on purpose. */
function policiesFor(i, random) {
  if (i === 0) return 20;
  if (i === 1) return 400;
  return random.int(35, 105);
}

/**
 * Writes a store of `count` ADMX files (plus two ADML each) under `root/PolicyDefinitions` with the
 * build's own writers (`generateTemplates` from dist/templates/generate.js), and returns the relative paths
 * written and their total size. The first `count` files of a larger store are the same as those of a
 * smaller one.
 */
export function writeStore(generateTemplates, root, count, seed = 11) {
  const random = createRandom(seed);
  rmSync(root, { recursive: true, force: true });
  const files = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const fileName = i === 0 ? BASE.fileName : `BenchProduct${String(i).padStart(3, "0")}`;
    const bundle = generateBundle({
      policies: policiesFor(i, random),
      seed: seed * 1000 + i,
      id: i === 0 ? "base" : `product-${i}`,
      fileName,
      namespace: i === 0 ? BASE.namespace : `Bench.Policies.Product${i}`,
      ...(i === 0
        ? {}
        : { using: { ...BASE, categories: ["Cat0", "Cat1"], supportedOn: "SUPPORTED_BenchBase_0" } }),
    });
    for (const file of generateTemplates(bundle).files) {
      const target = join(root, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
      files.push(file.path);
      bytes += Buffer.byteLength(file.content);
    }
  }
  return { files, bytes, admx: count };
}

/**
 * Makes `root` a store of the first `count` ADMX files of `source` (and their ADML), with hard links
 * where the file system allows them: the smaller store's files are byte-identical to the larger's.
 */
export function subsetStore(source, root, count) {
  rmSync(root, { recursive: true, force: true });
  const admx = source.files.filter((f) => f.endsWith(".admx")).slice(0, count);
  const names = new Set(admx.map((f) => f.slice(f.lastIndexOf("/") + 1, -".admx".length)));
  const files = source.files.filter((f) =>
    names.has(f.slice(f.lastIndexOf("/") + 1).replace(/\.adm[lx]$/, "")),
  );
  for (const file of files) {
    const target = join(root, file);
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(join(source.root, file), target);
    } catch {
      copyFileSync(join(source.root, file), target);
    }
  }
  return { files, admx: count };
}

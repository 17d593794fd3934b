/**
 * Benchmark 7: the XML parsers, in memory, over the decoded text of the Windows 11 21H2 store (the
 * docs/design/README.md, "Why admxkit parses XML itself"). admxkit's parser builds the tree with positions and checks
 * well-formedness in one pass; fast-xml-parser (a devDependency, the tests' oracle) is timed for
 * `parse` alone and for `validate` + `parse`, as admxkit once ran it; saxes, jsdom's strict parser, only
 * emits events (no tree) and is not a dependency: it is timed when ADMXKIT_BENCH_SAXES names a folder
 * where it is installed (`npm install saxes` in /tmp), else reported as not installed.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { sharedFolder } from "../../scripts/shared-folder.js";
import { timeSync } from "../lib/measure.js";

const STORE = join(sharedFolder(), "corpus", "windows11-21h2", "PolicyDefinitions");

function storeFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...storeFiles(path));
    else if (/\.(admx|adml)$/i.test(name)) out.push(path);
  }
  return out;
}

/** Runs the parser comparison against the built modules at `distUrl`. */
export async function benchXmlParsers(root, distUrl, { runs = 5 } = {}) {
  const { parseXml } = await import(new URL("read/xml/parse-xml.js", distUrl).href);
  const { decodeXmlBytes } = await import(new URL("read/decode.js", distUrl).href);
  const { XMLParser, XMLValidator } = createRequire(join(root, "package.json"))("fast-xml-parser");
  const paths = storeFiles(STORE);
  const texts = paths.map((path) => decodeXmlBytes(readFileSync(path), path).text);
  const chars = texts.reduce((sum, text) => sum + text.length, 0);
  const options = { ignoreAttributes: false, preserveOrder: true };
  const cases = [
    ["admxkit parseXml (tree, positions, well-formedness)", () => texts.map((t, i) => parseXml(t, paths[i]))],
    ["fast-xml-parser parse", () => texts.map((t) => new XMLParser(options).parse(t))],
    [
      "fast-xml-parser validate + parse",
      () => texts.map((t) => (XMLValidator.validate(t), new XMLParser(options).parse(t))),
    ],
  ];
  let saxes = "not installed (set ADMXKIT_BENCH_SAXES to a folder with saxes installed)";
  if (process.env.ADMXKIT_BENCH_SAXES) {
    try {
      const { SaxesParser } = createRequire(join(process.env.ADMXKIT_BENCH_SAXES, "x.js"))("saxes");
      cases.push([
        "saxes (events only, no tree)",
        () =>
          texts.map((t) => {
            const parser = new SaxesParser({ position: true });
            let events = 0;
            parser.on("opentag", () => events++);
            parser.on("text", () => events++);
            parser.write(t).close();
            return events;
          }),
      ]);
      saxes = undefined;
    } catch (error) {
      saxes = `not installed (${error instanceof Error ? error.message.split("\n")[0] : error})`;
    }
  }
  const rows = cases.map(([name, fn]) => {
    const t = timeSync(fn, { runs, warmup: 1 });
    return { name, ms: t.min, medianMs: t.median, runs: t.runs };
  });
  const own = rows[0].ms;
  for (const row of rows) row.ratio = row.ms / own;
  return { workload: { files: texts.length, chars }, rows, ...(saxes && { saxes }) };
}

import { readFile, readdir } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.js";

/**
 * Layers point one way: a module imports only from its own folder of `src/` or from a lower layer,
 * never from a higher layer and never from another folder of its own layer (peers stay independent:
 * the ADMX writer does not lean on the ADML writer, the linter not on the explainer). The layers are
 * the numbered list under "## Layers" in the design notes (docs/design/README.md), read from there so the
 * documented order and the checked one cannot drift apart.
 */

/** One import of one module: both as paths relative to the repository root. */
interface ImportEdge {
  readonly from: string;
  readonly to: string;
}

/** The layer a path of `src/` belongs to: its first folder, or the file itself for `src/index.ts`. */
function unitOf(path: string): string {
  return path.split("/")[1]!;
}

/** The design notes, which hold the layer list. */
const DESIGN_NOTES = join(REPO_ROOT, "docs", "design", "README.md");

/** Reads the design notes' layer list: line `N. `src/a`, `src/b` …` is layer N (1 is the lowest). */
export function documentedLayers(notes: string): string[][] {
  const section = notes.split(/^#{2,3} Layers\s*$/m)[1]?.split(/^#{2,3} /m)[0] ?? "";
  return [...section.matchAll(/^(\d+)\. (.*)$/gm)].map((line) =>
    [...line[2]!.matchAll(/`src\/([\w.-]+)\/?`/g)].map((m) => m[1]!),
  );
}

/** The imports that break the layer order, each with why. */
export function layerViolations(edges: readonly ImportEdge[], layers: readonly string[][]): string[] {
  const rank = new Map<string, number>();
  layers.forEach((units, i) => units.forEach((unit) => rank.set(unit, i + 1)));
  const found: string[] = [];
  for (const { from, to } of edges) {
    const [a, b] = [unitOf(from), unitOf(to)];
    if (a === b) continue;
    const [ra, rb] = [rank.get(a), rank.get(b)];
    if (ra === undefined || rb === undefined)
      found.push(`${from} → ${to}: src/${ra === undefined ? a : b} has no layer`);
    else if (rb > ra) found.push(`${from} → ${to}: layer ${ra} imports from the higher layer ${rb}`);
    else if (rb === ra) found.push(`${from} → ${to}: src/${a} and src/${b} are peers in layer ${ra}`);
  }
  return found;
}

/** Every relative import (static, `export … from`, dynamic `import()`, type-only) of `src/**\/*.ts`. */
async function sourceImports(): Promise<ImportEdge[]> {
  const edges: ImportEdge[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".ts")) {
        // The compiler's own pre-processor: it finds imports the way tsc does and skips strings and comments.
        const info = ts.preProcessFile(await readFile(path, "utf8"), true, true);
        for (const { fileName } of info.importedFiles) {
          if (!fileName.startsWith(".")) continue;
          const target = resolve(dirname(path), fileName);
          edges.push({ from: relative(REPO_ROOT, path), to: relative(REPO_ROOT, target) });
        }
      }
    }
  };
  await walk(join(REPO_ROOT, "src"));
  return edges.map((e) => ({ from: e.from.replaceAll("\\", "/"), to: e.to.replaceAll("\\", "/") }));
}

describe("layers", () => {
  it("are documented in the design notes, every folder of src/ in exactly one", async () => {
    const layers = documentedLayers(await readFile(DESIGN_NOTES, "utf8"));
    expect(layers.length).toBeGreaterThan(5);
    const listed = layers.flat();
    expect(listed.length).toBe(new Set(listed).size);
    const units = (await readdir(join(REPO_ROOT, "src"), { withFileTypes: true }))
      .filter((e) => e.isDirectory() || e.name.endsWith(".ts"))
      .map((e) => e.name);
    expect([...listed].sort()).toEqual(units.sort());
  });

  it("point one way: no import from a lower layer to a higher one, none between peers", async () => {
    const layers = documentedLayers(await readFile(DESIGN_NOTES, "utf8"));
    const edges = await sourceImports();
    expect(edges.length).toBeGreaterThan(300);
    expect(layerViolations(edges, layers)).toEqual([]);
  });

  it("keep findings below the codec, the codec below the model, and the output formats above both", async () => {
    const layers = documentedLayers(await readFile(DESIGN_NOTES, "utf8"));
    const rank = (unit: string) => layers.findIndex((units) => units.includes(unit));
    const order = ["diagnostics", "pol", "model", "formats", "values"].map(rank);
    expect(order.every((r) => r >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
    // One room per concept: the ADMX and ADML writers and what calls both are one folder.
    expect(rank("templates")).toBeGreaterThan(rank("model"));
    expect(layers.flat()).not.toContain("admx");
    expect(layers.flat()).not.toContain("generate");
    expect(layers.flat()).not.toContain("ps1");
  });

  it("catch the imports that used to break them", () => {
    const layers = [["xml"], ["model"], ["admx", "adml", "read"], ["explain", "lint"]];
    const edges = [
      { from: "src/adml/write-adml.ts", to: "src/admx/write-admx.js" },
      { from: "src/lint/rules/registry-targets.ts", to: "src/explain/registry-writes.js" },
      { from: "src/model/elements.ts", to: "src/read/to-model-policy.js" },
      { from: "src/admx/write-admx.ts", to: "src/xml/policy-definitions.js" },
      { from: "src/read/schema/check-structure.ts", to: "src/read/xml/tree.js" },
      { from: "src/cli/main.ts", to: "src/model/types.js" },
    ];
    expect(layerViolations(edges, layers)).toEqual([
      "src/adml/write-adml.ts → src/admx/write-admx.js: src/adml and src/admx are peers in layer 3",
      "src/lint/rules/registry-targets.ts → src/explain/registry-writes.js: src/lint and src/explain are peers in layer 4",
      "src/model/elements.ts → src/read/to-model-policy.js: layer 2 imports from the higher layer 3",
      "src/cli/main.ts → src/model/types.js: src/cli has no layer",
    ]);
  });
});

import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadToolCatalog } from "../../src/i18n/messages.js";
import { REPO_ROOT } from "../helpers/cli.js";

/** Every `diag("CODE"` in the sources, so that a new code without wording fails here. */
async function codesUsedInSources(): Promise<Set<string>> {
  const codes = new Set<string>();
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".ts")) {
        for (const match of (await readFile(path, "utf8")).matchAll(/\bdiag\(\s*"([A-Z0-9_]+)"/g))
          codes.add(match[1]!);
      }
    }
  };
  await walk(join(REPO_ROOT, "src"));
  return codes;
}

describe("message catalogs", () => {
  it("word every diagnostic code in en-US and ja-JP", async () => {
    const en = loadToolCatalog("en-US").messages;
    const ja = loadToolCatalog("ja-JP").messages;
    const codes = [...(await codesUsedInSources())].sort();
    expect(codes.length).toBeGreaterThan(20);
    expect(codes.filter((c) => !(c in en))).toEqual([]);
    expect(codes.filter((c) => !(c in ja))).toEqual([]);
  });

  it("have the same keys and placeholders in both languages", () => {
    const en = loadToolCatalog("en-US");
    const ja = loadToolCatalog("ja-JP");
    for (const section of Object.keys(en)) {
      expect(Object.keys(ja[section] ?? {}).sort(), section).toEqual(Object.keys(en[section]!).sort());
    }
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, text] of Object.entries(en.messages)) {
      expect(placeholders(ja.messages[code] ?? ""), code).toEqual(placeholders(text));
    }
  });
});

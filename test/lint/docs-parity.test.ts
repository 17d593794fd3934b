import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.js";

/**
 * The docs site is one site in two languages, page for page: every page exists in en and ja, with the
 * same sections in the same order and the same code, and its language switch leads to the same page in
 * the other language. Prose is each language's own; code is not (comments aside), and a command line
 * must be the same to the letter, or one language's readers run something else.
 */

const CONTENT = join(REPO_ROOT, "docs", "content");
const LANGS = ["en", "ja"] as const;
type Lang = (typeof LANGS)[number];

/** One page's source: its front matter fields and its Markdown body. */
interface PageSource {
  readonly front: Record<string, string>;
  readonly body: string;
}

export function parsePage(text: string): PageSource {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) return { front: {}, body: text };
  const front: Record<string, string> = {};
  for (const line of match[1]!.split("\n")) {
    const field = /^(\w+):\s*(.*)$/.exec(line);
    if (field) front[field[1]!] = field[2]!;
  }
  return { front, body: match[2]! };
}

/** A fenced code block: its language tag and its lines. */
interface CodeBlock {
  readonly lang: string;
  readonly lines: readonly string[];
}

/** The body with its fenced code blocks taken out, and the blocks. */
export function splitCode(body: string): { prose: string; blocks: CodeBlock[] } {
  const blocks: CodeBlock[] = [];
  const prose = body.replace(/^```(\S*)\n([\s\S]*?)^```$/gm, (_all, lang: string, code: string) => {
    blocks.push({ lang, lines: code.replace(/\n$/, "").split("\n") });
    return "";
  });
  return { prose, blocks };
}

/** The outline: each heading's level, in order (the Nunjucks loop of the CLI page counts once). */
export function outline(body: string): string[] {
  const { prose } = splitCode(body);
  return [...prose.matchAll(/^(#{1,6}) /gm)].map((m) => `h${m[1]!.length}`);
}

/**
 * What must be equal in both languages: a shell or PowerShell block's command lines without their
 * comments; any other code without its comments; output and annotated listings (`text`, or no tag)
 * may be in the page's language, so only their presence counts.
 */
export function comparableCode(block: CodeBlock): string {
  switch (block.lang) {
    case "":
    case "text":
      return "text";
    case "sh":
    case "powershell":
    case "console":
      return [
        block.lang,
        ...block.lines.map((line) => line.replace(/(^|\s+)#(?![^"]*"\s*$).*$/, "").trimEnd()).filter(Boolean),
      ].join("\n");
    case "ts":
    case "js":
      return [
        block.lang,
        ...block.lines.map((line) => line.replace(/(^|\s+)\/\/ .*$/, "").trimEnd()).filter(Boolean),
      ].join("\n");
    default:
      return [block.lang, ...block.lines].join("\n");
  }
}

async function pageNames(lang: Lang): Promise<string[]> {
  const names = (await readdir(join(CONTENT, lang))).filter((n) => n.endsWith(".md"));
  return names.map((n) => n.replace(/\.md$/, "")).sort();
}

/** The page `name` of `lang`; the English start page is the site's own index.md. */
async function readPage(lang: Lang, name: string): Promise<PageSource> {
  const path =
    lang === "en" && name === "index" ? join(CONTENT, "index.md") : join(CONTENT, lang, `${name}.md`);
  return parsePage(await readFile(path, "utf8"));
}

const urlOf = (lang: Lang, name: string) =>
  lang === "en" && name === "index" ? "/index.html" : `/${lang}/${name}.html`;

describe("the docs in en and ja", () => {
  it("have the same pages", async () => {
    const [en, ja] = await Promise.all([pageNames("en"), pageNames("ja")]);
    expect(["index", ...en].sort()).toEqual(ja);
  });

  it("lead from each page to the same page in the other language", async () => {
    for (const name of await pageNames("ja")) {
      const [en, ja] = await Promise.all([readPage("en", name), readPage("ja", name)]);
      expect({ name, translation: en.front.translation }).toEqual({ name, translation: urlOf("ja", name) });
      expect({ name, translation: ja.front.translation }).toEqual({ name, translation: urlOf("en", name) });
      expect({ name, lang: ja.front.lang }).toEqual({ name, lang: "ja" });
    }
  });

  it("have the same sections in the same order", async () => {
    for (const name of await pageNames("ja")) {
      const [en, ja] = await Promise.all([readPage("en", name), readPage("ja", name)]);
      expect({ name, outline: outline(ja.body) }).toEqual({ name, outline: outline(en.body) });
    }
  });

  it("have the same code examples, comments and output aside", async () => {
    for (const name of await pageNames("ja")) {
      const [en, ja] = await Promise.all([readPage("en", name), readPage("ja", name)]);
      const code = (page: PageSource) => splitCode(page.body).blocks.map(comparableCode);
      expect({ name, code: code(ja) }).toEqual({ name, code: code(en) });
    }
  });

  it("list the same pages in the same order in both navigations", async () => {
    const nav = (await import(pathToFileURL(join(CONTENT, "_data", "nav.js")).href)) as {
      default: Record<Lang, { url: string }[]>;
    };
    const pages = (lang: Lang) => nav.default[lang].map((entry) => entry.url.replace(`/${lang}/`, "/"));
    expect(pages("ja")).toEqual(pages("en"));
  });
});

describe("the contributor notes the site shows, in en and ja", () => {
  const notes = async () => {
    const config = (await import(pathToFileURL(join(REPO_ROOT, "docs", "eleventy.config.js")).href)) as {
      REPOSITORY_DOCS: Record<Lang, Record<string, string>>;
    };
    return config.REPOSITORY_DOCS;
  };
  const read = (path: string) => readFile(join(REPO_ROOT, path), "utf8");

  it("are the same notes in both languages", async () => {
    const { en, ja } = await notes();
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it("have the same sections in the same order, and the same code", async () => {
    const { en, ja } = await notes();
    for (const [name, path] of Object.entries(ja)) {
      const [enText, jaText] = await Promise.all([read(en[name]!), read(path)]);
      expect({ path, outline: outline(jaText) }).toEqual({ path, outline: outline(enText) });
      const code = (text: string) => splitCode(text).blocks.map(comparableCode);
      expect({ path, code: code(jaText) }).toEqual({ path, code: code(enText) });
    }
  });
});

describe("the parity checks", () => {
  it("see a section or a code block that one language lacks", () => {
    const en = "# T\n\n## A\n\n```sh\nnpx admxkit build # the templates\n```\n\n## B\n";
    const ja = "# T\n\n## A\n\n```sh\nnpx admxkit build # テンプレート\n```\n";
    expect(outline(ja)).not.toEqual(outline(en));
    expect(splitCode(ja).blocks.map(comparableCode)).toEqual(splitCode(en).blocks.map(comparableCode));
    const other = "# T\n\n```sh\nnpx admxkit build --out x\n```\n";
    expect(splitCode(other).blocks.map(comparableCode)).not.toEqual(splitCode(en).blocks.map(comparableCode));
  });

  it("keep a # that is part of a command, and drop comment lines", () => {
    const block = {
      lang: "sh",
      lines: ["# 1. back up", 'git commit -m "issue #3"', "npx admxkit x  # note"],
    };
    expect(comparableCode(block)).toBe('sh\ngit commit -m "issue #3"\nnpx admxkit x');
  });
});

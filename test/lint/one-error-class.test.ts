import { readFile, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.js";

/**
 * A caller learns one error shape: findings are `Diagnostic`s, and what throws is `AdmxkitError`
 * carrying them. A second `Error` subclass (a codec's own failure, a format's own refusal) would be one
 * more thing to catch and one more way to word a message, so src/ declares exactly one.
 */

/** The error constructors of JavaScript itself: extending any of them makes another error class. */
const BUILT_IN_ERRORS = new Set([
  "Error",
  "AggregateError",
  "EvalError",
  "RangeError",
  "ReferenceError",
  "SyntaxError",
  "TypeError",
  "URIError",
]);

interface ClassBase {
  readonly place: string;
  readonly name: string;
  readonly base: string;
}

/** Every class of `text` that extends something named by a plain identifier, with that name. */
function classBases(text: string, file: string): ClassBase[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: ClassBase[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      const extended = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)
        ?.types[0]?.expression;
      if (extended !== undefined && ts.isIdentifier(extended))
        found.push({ place: file, name: node.name?.text ?? "(anonymous)", base: extended.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The classes that are errors: extending a built-in error, or a class that is one itself. */
export function errorClasses(files: readonly { path: string; text: string }[]): string[] {
  const bases = files.flatMap((f) => classBases(f.text, f.path));
  const errors = new Set<ClassBase>();
  let grew = true;
  while (grew) {
    grew = false;
    const names = new Set([...errors].map((c) => c.name));
    for (const c of bases) {
      if (errors.has(c) || !(BUILT_IN_ERRORS.has(c.base) || names.has(c.base))) continue;
      errors.add(c);
      grew = true;
    }
  }
  return [...errors].map((c) => `${c.place}: ${c.name}`).sort();
}

async function sourceFiles(): Promise<{ path: string; text: string }[]> {
  const dir = join(REPO_ROOT, "src");
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
  return Promise.all(
    paths.map(async (path) => ({
      path: relative(REPO_ROOT, path).replaceAll("\\", "/"),
      text: await readFile(path, "utf8"),
    })),
  );
}

describe("errors in src/", () => {
  it("have one class: AdmxkitError, carrying diagnostics", async () => {
    expect(errorClasses(await sourceFiles())).toEqual(["src/diagnostics/diagnostic.ts: AdmxkitError"]);
  });

  it("are found whatever they extend: Error, another built-in error, or an error class", () => {
    const files = [
      { path: "a.ts", text: "export class A extends Error {}\nclass Plain extends Map<string, number> {}" },
      {
        path: "b.ts",
        text: "import { A } from './a.js';\nexport class B extends A {}\nclass C extends B {}",
      },
      { path: "c.ts", text: "const D = class extends TypeError {};\n// class E extends Error {}\n" },
    ];
    expect(errorClasses(files)).toEqual(["a.ts: A", "b.ts: B", "b.ts: C", "c.ts: (anonymous)"]);
  });
});

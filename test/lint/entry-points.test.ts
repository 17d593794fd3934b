import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, tempDir } from "../helpers/cli.js";

const exec = promisify(execFile);

/**
 * `admxkit/pol` stands alone (design notes, "Public API"): bytes and entries only, so importing it
 * loads neither zod nor the model. Checked in a real process on the built entry, with a resolve hook
 * that refuses any module of zod or of dist/model/; the root entry, which needs both, is the control.
 */
async function loadWithoutModel(entry: string): Promise<{ code: number; stderr: string }> {
  const dir = await tempDir("admxkit-entry-");
  await writeFile(
    join(dir, "hooks.mjs"),
    [
      "export async function resolve(specifier, context, next) {",
      "  const resolved = await next(specifier, context);",
      "  if (/\\/node_modules\\/zod\\/|\\/dist\\/model\\//.test(resolved.url))",
      "    throw new Error(`loads ${resolved.url}`);",
      "  return resolved;",
      "}",
    ].join("\n"),
  );
  await writeFile(
    join(dir, "preload.mjs"),
    'import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url);\n',
  );
  const url = pathToFileURL(join(REPO_ROOT, "dist", `${entry}.js`)).href;
  const args = [
    "--import",
    join(dir, "preload.mjs"),
    "--input-type=module",
    "-e",
    `await import(${JSON.stringify(url)});`,
  ];
  return exec(process.execPath, args).then(
    (r) => ({ code: 0, stderr: r.stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
}

describe("the entry points", () => {
  it("admxkit/pol loads neither zod nor the model", { timeout: 60_000 }, async () => {
    const pol = await loadWithoutModel("pol");
    expect(pol.stderr).toBe("");
    expect(pol.code).toBe(0);
    const root = await loadWithoutModel("index");
    expect(root.code).not.toBe(0);
    expect(root.stderr).toMatch(/loads file:.*(zod|dist\/model)/);
  });
});

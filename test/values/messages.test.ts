import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { formatMessage, loadToolCatalog } from "../../src/i18n/messages.js";
import { REPO_ROOT } from "../helpers/cli.js";

/**
 * The compiler and the values checks report many codes through `context.problem("CODE")` and format
 * issues, which the general catalog test (looking for `diag("CODE"`) cannot see: check them here.
 */
async function codesIn(dirs: string[]): Promise<Set<string>> {
  const codes = new Set<string>();
  const visit = async (path: string): Promise<void> => {
    if (!path.endsWith(".ts")) {
      for (const entry of await readdir(path)) await visit(join(path, entry));
      return;
    }
    for (const match of (await readFile(path, "utf8")).matchAll(
      /"((?:OPTION|FORMAT|VALUES|COMPILE|POL)_[A-Z0-9_]+)"/g,
    )) {
      codes.add(match[1]!);
    }
  };
  for (const dir of dirs) await visit(join(REPO_ROOT, dir));
  return codes;
}

it("words every code of the compiler, the values checks and the pol/dump commands in en-US and ja-JP", async () => {
  const codes = [
    ...(await codesIn(["src/compile", "src/values", "src/cli/commands/pol.ts", "src/cli/commands/dump.ts"])),
  ];
  expect(codes.length).toBeGreaterThan(40);
  for (const locale of ["en-US", "ja-JP"] as const) {
    const messages = loadToolCatalog(locale).messages;
    expect(
      codes.filter((code) => !(code in messages)),
      locale,
    ).toEqual([]);
  }
});

it("fills the format messages with the policy, the option, the value and the example in both languages", () => {
  const params = {
    policy: "ProxyServer",
    option: "ProxyServer",
    value: '"10.0.0.6:8080"',
    example: "http://10.0.0.6:8080",
  };
  for (const locale of ["en-US", "ja-JP"] as const) {
    const text = formatMessage("FORMAT_PROXY_URL", params, locale);
    expect(text).not.toMatch(/\{\w+\}/);
    for (const part of ["ProxyServer", '"10.0.0.6:8080"', "http://10.0.0.6:8080"])
      expect(text).toContain(part);
  }
  expect(formatMessage("FORMAT_IPV6_ONLY", params, "ja-JP")).toContain("IPv6 専用トラフィック");
});

/**
 * `pol --admx` against Windows 11 21H2's whole in-box store (issue 10.3): a values file that enables one
 * policy of every ADMX compiles (exit 0) although many of those templates break the published schema,
 * and the Registry.pol holds exactly the entries the library compiles for the same values.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  compilePolicy,
  compileValues,
  createPolicyIndex,
  type OptionValue,
} from "../../src/compile/index.js";
import type { Element, Policy } from "../../src/model/types.js";
import { decodePolOrThrow } from "../../src/pol/index.js";
import type { StoreContents } from "../../src/read/read-store.js";
import type { ValuesFile } from "../../src/values/schema.js";
import { inboxStorePath, readInboxStore } from "../helpers/inbox-store.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { enabledState } from "../helpers/enabled-state.js";

const STORE = inboxStorePath("windows11-21h2");

let store: StoreContents;
let values: ValuesFile;
let templates = 0;
beforeAll(async () => {
  store = await readInboxStore("windows11-21h2");
  const machine: Record<string, unknown> = {};
  const user: Record<string, unknown> = {};
  for (const template of store.templates) {
    // The first policy of each ADMX; `prefix:name`, since several namespaces reuse names.
    const policy = template.policies[0]!;
    const key = `${template.namespace}:${policy.name}`;
    (policy.class === "User" ? user : machine)[key] = enabledState(policy);
    templates++;
  }
  values = { machine, user } as ValuesFile;
});

describe("pol --admx: one enabled policy of each ADMX of Windows 11 21H2's in-box store", () => {
  it("exit 0 for both classes; the Registry.pol decodes to the library's entries", async () => {
    expect(templates).toBeGreaterThan(200);
    const cwd = await tempDir("admxkit-inbox-");
    await writeFile(join(cwd, "v.json"), JSON.stringify(values));
    const index = createPolicyIndex(store.templates);
    for (const policyClass of ["machine", "user"] as const) {
      const out = `${policyClass}.pol`;
      const run = await runCli(
        ["pol", "--admx", STORE, "--values", "v.json", "--class", policyClass, "--out", out],
        { cwd },
      );
      expect(run.code, run.stderr).toBe(0);
      // Findings in the templates used are reported, never as errors.
      expect(run.stderr).not.toMatch(/\berror\b/);
      const expected = compileValues(index, values, policyClass);
      expect(expected.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const entries = decodePolOrThrow(new Uint8Array(await readFile(join(cwd, out))));
      expect(entries.length).toBeGreaterThan(policyClass === "machine" ? 150 : 20);
      expect(entries).toEqual(expected.entries);
    }
  });
});

/**
 * Values files from anywhere: the reader (`parseValuesText`), the compiler (`compileValues`) and
 * `admxkit pol` answer every bad file — wrong types, huge numbers, NUL and unpaired surrogates, deep
 * nesting, names special on JavaScript objects — with typed diagnostics, never an exception or a
 * partial output file.
 */
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { compileValues } from "../../src/compile/index.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { checkBundle } from "../../src/model/check-bundle.js";
import type { Policy } from "../../src/model/types.js";
import { decodeValue } from "../../src/pol/index.js";
import { parseValues, parseValuesText, type ValuesParse } from "../../src/values/index.js";
import { smallBundle } from "../helpers/bundle-fixtures.js";
import { runCli, tempDir } from "../helpers/cli.js";
import {
  deepArray,
  deepJson,
  expectPrototypesIntact,
  expectTypedDiagnostic,
  hostileValue,
  prototypeSnapshot,
  PROTOTYPE_NAMES,
} from "../helpers/hostile-kit.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";

let prototypes: string[][];
let policies: readonly Policy[];
beforeAll(() => {
  prototypes = prototypeSnapshot();
  const checked = checkBundle(smallBundle());
  if (!checked.ok) throw new Error("the small bundle is valid");
  policies = checked.bundle.policies;
});

function expectTyped(list: readonly Diagnostic[]): void {
  for (const d of list) expectTypedDiagnostic(d);
  expectPrototypesIntact(prototypes);
}

/** Parses text (or an already-parsed value) and checks the outcome is typed. */
function parse(input: string | unknown): ValuesParse {
  let result: ValuesParse | undefined;
  expect(
    () =>
      (result = typeof input === "string" ? parseValuesText(input, "v.json") : parseValues(input, "v.json")),
  ).not.toThrow();
  expectTyped(result!.diagnostics);
  if (!result!.ok) expect(result!.diagnostics.length).toBeGreaterThan(0);
  return result!;
}

/** Parses and compiles for the machine class; returns every diagnostic (both steps). */
function compile(input: string | unknown): {
  diagnostics: readonly Diagnostic[];
  entries: readonly unknown[];
} {
  const parsed = parse(input);
  if (!parsed.ok) return { diagnostics: parsed.diagnostics, entries: [] };
  let result: ReturnType<typeof compileValues> | undefined;
  expect(
    () => (result = compileValues(policies, parsed.values, "machine", { file: "v.json" })),
  ).not.toThrow();
  expectTyped(result!.diagnostics);
  return result!;
}

const enabled = (options: unknown) => ({ machine: { Proxy: { state: "enabled", options } } });
const errorCodes = (r: { diagnostics: readonly Diagnostic[] }) =>
  r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code);

describe("values text that is not a values file", () => {
  it.each([
    ["empty", ""],
    ["truncated", '{"machine": {"Proxy": {"state": "ena'],
    ["a number", "42"],
    ["null", "null"],
    ["an array", "[]"],
    ["binary", "\u0000\u0001\u00ff\ufffd"],
    ["NUL before the JSON", "\u0000{}"],
    ["a lone surrogate outside strings", "{\ud800}"],
    ["trailing garbage", '{"machine": {}} x'],
    ["a 100,000-deep array", deepJson(100_000)],
    [
      "a 100,000-deep array as an option",
      JSON.stringify(enabled({ Server: "s" })).replace('"s"', deepJson(100_000)),
    ],
    ["a 100,000-deep array as a section", `{"machine": ${deepJson(100_000)}}`],
  ])("%s: typed diagnostics", (_, text) => {
    expect(parse(text).ok).toBe(false);
  });
});

describe("wrong types, huge numbers, odd strings", () => {
  it.each([
    ["state is a number", { machine: { Proxy: { state: 1 } } }, "VALUES_BAD_STATE"],
    ["state is unknown", { machine: { Proxy: { state: "on" } } }, "VALUES_BAD_STATE"],
    ["options is an array", { machine: { Proxy: { state: "enabled", options: [] } } }, ""],
    ["a section is a string", { machine: "Proxy" }, ""],
    ["an unknown section", { computer: {} }, "VALUES_UNKNOWN_SECTION"],
    [
      "an unknown key in a policy",
      { machine: { Proxy: { state: "enabled", value: 1 } } },
      "VALUES_UNKNOWN_STATE_KEY",
    ],
    ["an option is null", enabled({ Server: null, Mode: 0 }), "VALUES_BAD_OPTION_TYPE"],
    ["an option is NaN", enabled({ Server: "s", Mode: NaN }), "VALUES_BAD_OPTION_TYPE"],
    // A JSON number too large for a double (1e999) parses to Infinity: a number no item writes.
    ["an option is Infinity", enabled({ Server: "s", Mode: Infinity }), "OPTION_ENUM_NUMBER_UNKNOWN"],
    ["an option is a BigInt", enabled({ Server: "s", Mode: 10n }), "VALUES_BAD_OPTION_TYPE"],
    [
      "an option is 100,000 levels deep",
      enabled({ Server: deepArray(100_000), Mode: 0 }),
      "VALUES_BAD_OPTION_TYPE",
    ],
    ["an enum number of 1e300", enabled({ Server: "s", Mode: 1e300 }), "OPTION_ENUM_NUMBER_UNKNOWN"],
    ["an enum number of -1", enabled({ Server: "s", Mode: -1 }), "OPTION_ENUM_NUMBER_UNKNOWN"],
    ["an enum number of 2^53", enabled({ Server: "s", Mode: 2 ** 53 }), "OPTION_ENUM_NUMBER_UNKNOWN"],
    ["an enum item by a name it lacks", enabled({ Server: "s", Mode: "Mode_C" }), "OPTION_NOT_ENUM"],
    ["text given as a list", enabled({ Server: ["a"], Mode: 0 }), "OPTION_NOT_STRING"],
    ["NUL inside text", enabled({ Server: "a\0b", Mode: 0 }), "OPTION_NUL"],
    ["text of 1,000,000 characters", enabled({ Server: "x".repeat(1_000_000), Mode: 0 }), "OPTION_TOO_LONG"],
  ] as [string, unknown, string][])("%s: refused", (_, input, code) => {
    const result = compile(input);
    expect(errorCodes(result).length).toBeGreaterThan(0);
    if (code) expect(errorCodes(result)).toContain(code);
  });

  it("an unpaired surrogate in text is kept exactly (UTF-16 carries it) or refused", () => {
    const result = compile(enabled({ Server: "a\ud800b", Mode: 0 }));
    if (errorCodes(result).length > 0) return;
    const server = (result.entries as { valueName: string; type: number; data: Uint8Array }[]).find(
      (e) => e.valueName === "Server",
    );
    expect(decodeValue(server!.type, server!.data)).toEqual({ type: "REG_SZ", value: "a\ud800b" });
  });
});

describe("names that are special on JavaScript objects", () => {
  it.each(PROTOTYPE_NAMES)("%s as a policy name the bundle lacks is reported", (name) => {
    const result = compile(JSON.parse(`{"machine": {${JSON.stringify(name)}: {"state": "enabled"}}}`));
    // `__proto__` too: an ordinary name, looked up like any other (zod's records would drop it).
    expect(errorCodes(result).some((c) => c.startsWith("VALUES_UNKNOWN_POLICY"))).toBe(true);
  });

  it.each(PROTOTYPE_NAMES)("%s as an option the policy lacks is reported", (name) => {
    const result = compile(
      JSON.parse(
        `{"machine": {"Proxy": {"state": "enabled", "options": {"Server": "s", "Mode": 0, ${JSON.stringify(name)}: "x"}}}}`,
      ),
    );
    expect(errorCodes(result).some((c) => c.startsWith("OPTION_UNKNOWN"))).toBe(true);
  });

  it.each(PROTOTYPE_NAMES)("%s as an element id: its option is found, and only when given", (name) => {
    const bundle: any = smallBundle();
    bundle.policies[0].elements[0].id = name;
    const checked = checkBundle(bundle);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const parsed = parse(JSON.parse(`{"machine": {"Proxy": {"state": "enabled", "options": {"Mode": 0}}}}`));
    if (!parsed.ok) return;
    const missing = compileValues(checked.bundle.policies, parsed.values, "machine");
    expectTyped(missing.diagnostics);
    // The element is required: leaving it out is an error, not a value taken from Object.prototype.
    expect(missing.diagnostics.some((d) => d.severity === "error")).toBe(true);
  });
});

describe("random hostile option values", () => {
  it("never throw; every outcome is typed", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.oneof(fc.constantFrom("Server", "Mode", ...PROTOTYPE_NAMES), fc.string({ maxLength: 6 })),
          hostileValue,
          { maxKeys: 4 },
        ),
        fc.constantFrom("enabled", "disabled", "notConfigured", "Enabled", ""),
        (options, state) => {
          compile({ machine: { Proxy: { state, options } }, user: { Proxy: { state: "enabled", options } } });
        },
      ),
      { numRuns: fuzzRuns(200) },
    );
  });
});

describe("admxkit pol with hostile values files", () => {
  it.each([
    ["truncated.json", '{"machine": {"Proxy": '],
    ["deep.json", JSON.stringify(enabled({ Server: "s", Mode: 0 })).replace('"s"', deepJson(100_000))],
    ["nul.json", JSON.stringify(enabled({ Server: "a\u0000b", Mode: 0 }))],
    ["huge.json", JSON.stringify(enabled({ Server: "s", Mode: 0 })).replace('"Mode":0', '"Mode":1e999')],
    ["proto.json", '{"machine": {"__proto__": {"state": "enabled"}}}'],
    ["types.json", '{"machine": {"Proxy": {"state": ["enabled"]}}}'],
  ])("%s → exit 1 with a diagnostic, no output file", async (file, content) => {
    const dir = await tempDir();
    await writeFile(join(dir, file), content);
    await writeFile(join(dir, "bundle.json"), JSON.stringify(smallBundle()));
    const result = await runCli(["pol", "--bundle", "bundle.json", "--values", file, "--out", "out.pol"], {
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/ error [A-Z_]+: /);
    expect(result.stderr).toContain(file);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect((await readdir(dir)).sort()).toEqual(["bundle.json", file].sort());
  });
});

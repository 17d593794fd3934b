/**
 * `validate` on both real central stores: the CLI (worker threads, findings streamed as JSON lines in
 * store order) reports exactly what the library reports in one thread.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatMessage } from "../../src/i18n/messages.js";
import { displayPath } from "../../src/lint/report.js";
import { DEVIATION_CODES } from "../../src/lint/strict.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { validateTemplates, type ValidationResult } from "../../src/lint/validate-templates.js";
import { runCli, SHARED } from "../helpers/cli.js";

const STORES = ["windows11-21h2", "windows10-1903"].map((s) =>
  join(SHARED, "corpus", s, "PolicyDefinitions"),
);

/**
 * The library's validation of a store in one thread, its findings as streamed in store order: run once
 * per store and read by each test that needs it (a 21H2 validation is a few seconds of CPU).
 */
const streamedRuns = new Map<string, Promise<{ result: ValidationResult; streamed: Diagnostic[] }>>();
function streamedRun(store: string) {
  let run = streamedRuns.get(store);
  if (!run) {
    const streamed: Diagnostic[] = [];
    run = validateTemplates([store], { onDiagnostics: (batch) => streamed.push(...batch) }).then(
      (result) => ({ result, streamed }),
    );
    streamedRuns.set(store, run);
  }
  return run;
}

describe.each(STORES)("validate %s", (store) => {
  it("worker threads and --json streaming give the one-thread library's findings, in store order", async () => {
    const cli = await runCli(["validate", store, "--json", "--jobs", "3"]);
    const run = await streamedRun(store);
    const inline = run.result;
    const streamed = run.streamed.map((d) =>
      JSON.stringify({
        code: d.code,
        severity: d.severity,
        file: displayPath(d.file ?? ""),
        line: d.line ?? 0,
        column: d.column ?? 0,
        message: formatMessage(d.code, d.params, "en-US"),
      }),
    );
    expect(streamed.length).toBe(inline.counts.error + inline.counts.warning + inline.counts.info);
    expect(inline.diagnostics).toEqual([]);
    expect(cli.stdout.trim().split("\n")).toEqual(streamed);
    expect(cli.code).toBe(inline.counts.error > 0 ? 1 : 0);
    // Both stores load in GPMC without a message: no finding of theirs is an error (issue 10).
    expect(inline.counts.error).toBe(0);
  });
});

/** `file code` of the errors that are not schema deviations (those --strict leaves as they were). */
const realErrors = (list: readonly { code: string; severity: string; file?: string }[]) =>
  list
    .filter((d) => d.severity === "error" && !DEVIATION_CODES.has(d.code))
    .map((d) => `${displayPath(d.file ?? "")} ${d.code}`);

describe("validate --strict on the real stores", () => {
  it("21H2: the deviations GPMC accepts become errors; nothing else does", async () => {
    // The findings without --strict: those the library streamed for the test above (the same findings
    // a run without `onDiagnostics` returns, in store order instead of sorted).
    const loose = (await streamedRun(STORES[0]!)).streamed;
    const strict = await validateTemplates([STORES[0]!], { strict: true });
    const deviations = loose.filter((d) => DEVIATION_CODES.has(d.code));
    expect(deviations.length).toBeGreaterThan(250);
    expect(strict.counts.error).toBe(deviations.length);
    expect(realErrors(strict.diagnostics)).toEqual([]);
    const codes = new Set(strict.diagnostics.filter((d) => d.severity === "error").map((d) => d.code));
    for (const code of ["XSD_UNKNOWN_ATTRIBUTE", "ADMX_PREFIX_UNDECLARED", "STORE_REFERENCE_UNRESOLVED"])
      expect(codes).toContain(code);
  });

  it("1903 for ja-JP: the one real gap (WorkplaceJoin.admx has no ja-JP ADML) is the only error without --strict", async () => {
    const loose = await validateTemplates([STORES[1]!], { locales: ["ja-JP"] });
    const errors = loose.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => `${displayPath(d.file ?? "")} ${d.code} ${d.params.locale}`)).toEqual([
      expect.stringMatching(/WorkplaceJoin\.admx ADML_MISSING ja-JP$/),
    ]);
    const strict = await validateTemplates([STORES[1]!], { locales: ["ja-JP"], strict: true });
    expect(realErrors(strict.diagnostics)).toEqual(realErrors(loose.diagnostics));
    expect(strict.counts.error).toBeGreaterThan(200);
  });
});

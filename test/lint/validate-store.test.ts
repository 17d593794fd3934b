/**
 * `validate` on both real central stores: the CLI (worker threads, findings streamed as JSON lines in
 * store order) reports exactly what the library reports in one thread.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatMessage } from "../../src/i18n/messages.js";
import { displayPath } from "../../src/lint/report.js";
import { validateTemplates } from "../../src/lint/validate-templates.js";
import { runCli, SHARED } from "../helpers/cli.js";

const STORES = ["windows11-21h2", "windows10-1903"].map((s) =>
  join(SHARED, "corpus", s, "PolicyDefinitions"),
);

describe.each(STORES)("validate %s", (store) => {
  it("worker threads and --json streaming give the one-thread library's findings, in store order", async () => {
    const cli = await runCli(["validate", store, "--json", "--jobs", "3"]);
    const streamed: string[] = [];
    const inline = await validateTemplates([store], {
      onDiagnostics: (batch) =>
        streamed.push(
          ...batch.map((d) =>
            JSON.stringify({
              code: d.code,
              severity: d.severity,
              file: displayPath(d.file ?? ""),
              line: d.line ?? 0,
              column: d.column ?? 0,
              message: formatMessage(d.code, d.params, "en-US"),
            }),
          ),
        ),
    });
    expect(streamed.length).toBe(inline.counts.error + inline.counts.warning + inline.counts.info);
    expect(inline.diagnostics).toEqual([]);
    expect(cli.stdout.trim().split("\n")).toEqual(streamed);
    expect(cli.code).toBe(inline.counts.error > 0 ? 1 : 0);
  });
});

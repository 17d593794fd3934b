/**
 * For generated Registry.pol entries (every value type the scripts write, and the deletions), the
 * remediation script writes exactly the entries, and the detection script passes exactly when the
 * registry already is what applying the entries makes it. Scripts are read back with the independent
 * tokenizer (test/helpers/ps-tokenizer.ts) and run on a registry model (test/helpers/remediation-kit.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { remediationScripts } from "../../src/intune/remediation.js";
import {
  binaryEntry,
  deleteValuesEntry,
  delEntry,
  delvalsEntry,
  dwordEntry,
  expandSzEntry,
  multiSzEntry,
  qwordEntry,
  szEntry,
  type PolEntry,
} from "../../src/pol/index.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";
import { text } from "../helpers/pol-arbitraries.js";
import {
  applyEntries,
  arg,
  commandLines,
  DETECTION_COMMANDS,
  failedChecks,
  REMEDIATION_COMMANDS,
  runRemediation,
  snapshot,
  type Registry,
} from "../helpers/remediation-kit.js";

const RUNS = fuzzRuns(200);

// A few keys and names, spelled in two cases, so that entries meet on the same values; plus any text.
const key = fc.oneof(
  fc.constantFrom(
    "Software\\Policies\\Contoso",
    "SOFTWARE\\policies\\contoso",
    "Software\\Policies\\Contoso\\List",
  ),
  text(12, 1)
    .filter((s) => !s.includes("\\"))
    .map((s) => `Software\\Policies\\${s}`),
);
const name = fc.oneof(
  fc.constantFrom("Url", "URL", "Port", "1", "it's", ""),
  text(12).filter((s) => !s.startsWith("**")),
);

const entry: fc.Arbitrary<PolEntry> = fc.oneof(
  fc.tuple(key, name, text(16)).map(([k, n, v]) => szEntry(k, n, v)),
  fc.tuple(key, name, text(16)).map(([k, n, v]) => expandSzEntry(k, n, v)),
  fc.tuple(key, name, fc.integer({ min: 0, max: 0xffffffff })).map(([k, n, v]) => dwordEntry(k, n, v)),
  fc.tuple(key, name, fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })).map(([k, n, v]) => qwordEntry(k, n, v)),
  // An empty string would end a REG_MULTI_SZ early; the compiler refuses one, so none is generated.
  fc.tuple(key, name, fc.array(text(8, 1), { maxLength: 4 })).map(([k, n, v]) => multiSzEntry(k, n, v)),
  fc.tuple(key, name, fc.uint8Array({ maxLength: 24 })).map(([k, n, v]) => binaryEntry(k, n, v)),
  fc.tuple(key, name).map(([k, n]) => delEntry(k, n)),
  key.map(delvalsEntry),
  fc
    .tuple(
      key,
      fc.array(
        name.filter((n) => n !== "" && !n.includes(";")),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([k, names]) => deleteValuesEntry(k, names)),
);
const entries = fc.array(entry, { maxLength: 12 });

/** A registry before the scripts run: some of the same values, with any data. */
const registryBefore = fc
  .array(
    entry.filter((e) => !e.valueName.startsWith("**")),
    { maxLength: 8 },
  )
  .map((seed) => {
    const registry: Registry = new Map();
    applyEntries(registry, seed);
    return registry;
  });

/** The entries a remediation line stands for, built back from its parsed arguments. */
function entryOf(line: ReturnType<typeof commandLines>[number]): PolEntry {
  const k = arg(line, "-Key") as string;
  const n = arg(line, "-Name");
  switch (line.command) {
    case "Clear-PolicyKey":
      return delvalsEntry(k);
    case "Remove-PolicyValue":
      return typeof n === "string" ? delEntry(k, n) : deleteValuesEntry(k, n as string[]);
  }
  const v = arg(line, "-Value");
  const build = {
    String: () => szEntry(k, n as string, v as string),
    ExpandString: () => expandSzEntry(k, n as string, v as string),
    DWord: () => dwordEntry(k, n as string, Number(v as bigint)),
    QWord: () => qwordEntry(k, n as string, v as bigint),
    MultiString: () => multiSzEntry(k, n as string, v as string[]),
    Binary: () => binaryEntry(k, n as string, Uint8Array.from(v as number[])),
  }[arg(line, "-Type") as string];
  if (!build) throw new Error(`unexpected type ${String(arg(line, "-Type"))}`);
  return build();
}

describe("remediation scripts, for generated entries", () => {
  it("remediate.ps1 writes exactly the entries, in their order", () => {
    fc.assert(
      fc.property(entries, fc.constantFrom("machine" as const, "user" as const), (list, hive) => {
        const { remediate } = remediationScripts(list, { hive });
        const lines = commandLines(remediate, REMEDIATION_COMMANDS);
        expect(lines.map(entryOf)).toEqual(list);
      }),
      { numRuns: RUNS },
    );
  });

  it("remediate.ps1 leaves the registry as the Group Policy client would", () => {
    fc.assert(
      fc.property(entries, registryBefore, (list, before) => {
        const byClient: Registry = structuredClone(before);
        applyEntries(byClient, list);
        const byScript: Registry = structuredClone(before);
        runRemediation(
          byScript,
          commandLines(remediationScripts(list, { hive: "machine" }).remediate, REMEDIATION_COMMANDS),
        );
        expect(snapshot(byScript)).toEqual(snapshot(byClient));
      }),
      { numRuns: RUNS },
    );
  });

  it("detect.ps1 passes exactly when applying the entries would change nothing", () => {
    fc.assert(
      fc.property(entries, registryBefore, (list, before) => {
        const checks = commandLines(remediationScripts(list, { hive: "machine" }).detect, DETECTION_COMMANDS);
        const after: Registry = structuredClone(before);
        applyEntries(after, list);
        expect(failedChecks(after, checks)).toEqual([]);
        const unchanged = JSON.stringify(snapshot(after)) === JSON.stringify(snapshot(before));
        expect(failedChecks(before, checks).length === 0).toBe(unchanged);
      }),
      { numRuns: RUNS },
    );
  });

  it("detect.ps1 fails when a value it checks differs", () => {
    fc.assert(
      fc.property(entries, fc.boolean(), (list, sameType) => {
        const checks = commandLines(remediationScripts(list, { hive: "machine" }).detect, DETECTION_COMMANDS);
        for (const check of checks.filter((c) => c.command === "Test-PolicyValue")) {
          const after: Registry = new Map();
          applyEntries(after, list);
          // Another type, or the same type with other data.
          const type = arg(check, "-Type") as string;
          const other = sameType
            ? {
                type,
                value:
                  type === "String" || type === "ExpandString" ? `${String(arg(check, "-Value"))}x` : null,
              }
            : { type: type === "String" ? "ExpandString" : "String", value: "x" };
          if (other.value === null) continue;
          const set = [
            ["-Key", arg(check, "-Key")!],
            ["-Name", arg(check, "-Name")!],
            ["-Type", other.type],
            ["-Value", other.value],
          ] as const;
          runRemediation(after, [{ command: "Set-PolicyValue", parameters: set }]);
          expect(failedChecks(after, [check])).toHaveLength(1);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/**
 * `admxkit dump --admx` output: the dump table with two more columns (policy, element) and JSON lines
 * with `policy`, `policyClass` and `element` fields. The labels use ADMX vocabulary (enabledList,
 * trueList…), which is the same in every language, so the output needs no translation.
 */
import type { PolicyClassName } from "../compile/types.js";
import { type PolEntry } from "../pol/index.js";
import { lineChunks, polTableLines, toDumpRecord, type PolTableOptions } from "../formats/index.js";
import type { EntryExplainer, EntryWriter } from "./entry-explainer.js";
import type { WriteOrigin } from "../model/registry-writes.js";

/** An entry with the policies that explain it (none: no template writes it). */
export interface ExplainedEntry {
  readonly entry: PolEntry;
  readonly writers: readonly EntryWriter[];
}

/** Explains each entry of a Registry.pol, in file order. */
export function explainEntries(
  entries: readonly PolEntry[],
  explainer: EntryExplainer,
  policyClass?: PolicyClassName,
): ExplainedEntry[] {
  return entries.map((entry) => ({ entry, writers: explainer.explain(entry, policyClass) }));
}

type OriginLabels = {
  readonly [K in WriteOrigin["kind"]]: (origin: Extract<WriteOrigin, { kind: K }>) => string;
};

/** An element by its id; the policy's own parts in parentheses, as they have no id. */
const ORIGIN_LABELS: OriginLabels = {
  policyValue: () => "(policy value)",
  enabledList: () => "(enabledList)",
  disabledList: () => "(disabledList)",
  element: (o) => o.element,
  list: (o) => o.element,
  trueList: (o) => `${o.element} (trueList)`,
  falseList: (o) => `${o.element} (falseList)`,
  itemValueList: (o) => `${o.element} (valueList of ${o.item})`,
};

/** What writes the value within one policy, e.g. `ProxyServer` or `(policy value), Mode`. */
export function describeOrigins(origins: readonly WriteOrigin[]): string {
  const labels = origins.map((o) => (ORIGIN_LABELS[o.kind] as (origin: WriteOrigin) => string)(o));
  return [...new Set(labels)].join(", ");
}

/** `namespace:name (Class)`. */
export function describeWriter(writer: EntryWriter): string {
  return `${writer.qualifiedName} (${writer.policy.class})`;
}

/** The POLICY and ELEMENT cells of an entry's row. */
function extraCells({ writers }: ExplainedEntry): readonly [string, string] {
  return writers.length === 0
    ? ["-", "-"]
    : [writers.map(describeWriter).join("; "), writers.map((w) => describeOrigins(w.origins)).join("; ")];
}

/**
 * The dump table (src/pol's `polTableLines`, so the first five columns read exactly as in a plain
 * dump) with POLICY and ELEMENT columns appended; `-` marks an entry no template explains. Several
 * policies writing one value are separated by `; ` in both columns. Made in chunks as it is written:
 * the widths depend on every row, so the rows are made twice (measured, then printed), never kept.
 */
export function* explainedTableChunks(
  explained: readonly ExplainedEntry[],
  options: PolTableOptions = {},
): Generator<string, void, undefined> {
  // Key and value names are shown visibly by the table itself (line breaks and controls escaped).
  const entries = explained.map(({ entry }) => entry);
  let policyWidth = "POLICY".length;
  let elementWidth = "ELEMENT".length;
  for (const item of explained) {
    const [policy, element] = extraCells(item);
    policyWidth = Math.max(policyWidth, policy.length);
    elementWidth = Math.max(elementWidth, element.length);
  }
  // In a terminal the two columns added here keep their width: the dump's own columns make room.
  const table: PolTableOptions =
    options.width === undefined
      ? options
      : { ...options, width: options.width - policyWidth - elementWidth - 4 };
  let baseWidth = 0;
  let lines = 0;
  for (const line of polTableLines(entries, table)) {
    baseWidth = Math.max(baseWidth, line.length);
    lines++;
  }
  if (lines !== explained.length + 2) throw new Error("polTableLines: one line per entry expected");
  const row = (line: string, policy: string, element: string) =>
    `${line.padEnd(baseWidth)}  ${policy.padEnd(policyWidth)}  ${element}`.trimEnd();
  function* rows(): Generator<string, void, undefined> {
    let i = -2;
    for (const line of polTableLines(entries, table)) {
      if (i === -2) yield row(line, "POLICY", "ELEMENT");
      else if (i === -1) yield row(line, "-".repeat(policyWidth), "-".repeat(elementWidth));
      else yield row(line, ...extraCells(explained[i]!));
      i++;
    }
  }
  yield* lineChunks(rows());
}

/** {@link explainedTableChunks} as one string. */
export function formatExplainedText(explained: readonly ExplainedEntry[]): string {
  return [...explainedTableChunks(explained)].join("");
}

/** The JSON fields of one writer. */
function writerFields(writer: EntryWriter | undefined) {
  return {
    policy: writer?.qualifiedName ?? null,
    policyClass: writer?.policy.class ?? null,
    element: writer ? describeOrigins(writer.origins) : null,
  };
}

/**
 * One JSON object per line: the plain dump record plus `policy` (`namespace:name`), `policyClass` and
 * `element`, all `null` when no template explains the entry. When several policies write the value,
 * the first is in those fields and the others in `otherPolicies`.
 */
export function* explainedJsonLineChunks(
  explained: readonly ExplainedEntry[],
): Generator<string, void, undefined> {
  function* lines(): Generator<string, void, undefined> {
    for (const { entry, writers } of explained) {
      const others = writers.slice(1).map(writerFields);
      const record = { ...toDumpRecord(entry), ...writerFields(writers[0]) };
      yield JSON.stringify(others.length > 0 ? { ...record, otherPolicies: others } : record);
    }
  }
  yield* lineChunks(lines());
}

/** {@link explainedJsonLineChunks} as one string. */
export function formatExplainedJsonLines(explained: readonly ExplainedEntry[]): string {
  return [...explainedJsonLineChunks(explained)].join("");
}

/**
 * `admxkit dump --admx` output: the dump table with two more columns (policy, element) and JSON lines
 * with `policy`, `policyClass` and `element` fields. The labels use ADMX vocabulary (enabledList,
 * trueList…), which is the same in every language, so the output needs no translation.
 */
import type { PolicyClassName } from "../compile/types.js";
import { formatPolTable, toDumpRecord, type PolEntry } from "../pol/index.js";
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

/**
 * Line breaks in a key or value name would split a table row (Registry.pol allows them); the table
 * shows them escaped so that every entry stays one line.
 */
function oneLine(text: string): string {
  return text.replace(/\r/g, "\\r").replace(/\n/g, "\\n");
}

/**
 * The dump table (src/pol's `formatPolTable`, so the first five columns read exactly as in a plain
 * dump) with POLICY and ELEMENT columns appended; `-` marks an entry no template explains. Several
 * policies writing one value are separated by `; ` in both columns.
 */
export function formatExplainedTable(explained: readonly ExplainedEntry[]): string {
  const visible = explained.map(({ entry }) => ({
    ...entry,
    key: oneLine(entry.key),
    valueName: oneLine(entry.valueName),
  }));
  const base = formatPolTable(visible).replace(/\n$/, "").split("\n");
  if (base.length !== explained.length + 2) throw new Error("formatPolTable: one line per entry expected");
  const extra = [
    ["POLICY", "ELEMENT"],
    ...explained.map(({ writers }) =>
      writers.length === 0
        ? ["-", "-"]
        : [writers.map(describeWriter).join("; "), writers.map((w) => describeOrigins(w.origins)).join("; ")],
    ),
  ];
  // A reduce, not Math.max(...): a Registry.pol may hold more entries than a call takes arguments.
  const widest = (cells: readonly string[]) => cells.reduce((max, cell) => Math.max(max, cell.length), 0);
  const baseWidth = widest(base);
  const policyWidth = widest(extra.map(([policy]) => policy!));
  const elementWidth = widest(extra.map(([, element]) => element!));
  const row = (line: string, policy: string, element: string) =>
    `${line.padEnd(baseWidth)}  ${policy.padEnd(policyWidth)}  ${element}`.trimEnd();
  const lines = [
    row(base[0]!, "POLICY", "ELEMENT"),
    row(base[1]!, "-".repeat(policyWidth), "-".repeat(elementWidth)),
  ];
  for (let i = 0; i < explained.length; i++)
    lines.push(row(base[i + 2]!, extra[i + 1]![0]!, extra[i + 1]![1]!));
  return lines.join("\n") + "\n";
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
export function formatExplainedJsonLines(explained: readonly ExplainedEntry[]): string {
  return explained
    .map(({ entry, writers }) => {
      const others = writers.slice(1).map(writerFields);
      const record = { ...toDumpRecord(entry), ...writerFields(writers[0]) };
      return JSON.stringify(others.length > 0 ? { ...record, otherPolicies: others } : record) + "\n";
    })
    .join("");
}

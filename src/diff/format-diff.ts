/**
 * `admxkit diff` output. For people: grouped by class (Computer/User Configuration, as GPMC's report
 * heads them) and by policy, each policy under its display name in the message language; raw registry
 * entries outside any policy last in their class. For tools: one JSON object per change and line.
 * Nothing at all when the sides are equal, like `diff`.
 */
import type { OptionValue, PolicyClassName } from "../compile/types.js";
import { uiText, type LocaleTag } from "../i18n/messages.js";
import { describeEntryValue } from "../decompile/describe-entry.js";
import { fromDumpRecord } from "../formats/index.js";
import type { RegistryRecord } from "../values/schema.js";
import type { ConfiguredState, ValuesChange } from "./diff-values.js";

/** Display names by the `policy` of the changes (policies the templates do not name have none). */
export type DisplayNames = ReadonlyMap<string, string>;

const STATE_TEXT: Record<ConfiguredState | "notConfigured", string> = {
  enabled: "preview.enabled",
  disabled: "preview.disabled",
  notConfigured: "preview.notConfigured",
};

const stateText = (state: ConfiguredState | "notConfigured", locale: LocaleTag) =>
  uiText(STATE_TEXT[state], locale);

function fill(id: string, locale: LocaleTag, params: Record<string, string>): string {
  return uiText(id, locale).replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

const optionText = (value: OptionValue) => JSON.stringify(value);

function registryText(record: RegistryRecord): string {
  const read = fromDumpRecord(record);
  return read.ok ? describeEntryValue(read.entry) : JSON.stringify(record.data);
}

type PolicyChange = Exclude<ValuesChange, { change: `registry${string}` }>;
type RegistryChange = Extract<ValuesChange, { change: `registry${string}` }>;

const isRegistry = (c: ValuesChange): c is RegistryChange => c.change.startsWith("registry");

/** The lines of one policy's changes, indented under its heading. */
function policyLines(changes: readonly PolicyChange[], locale: LocaleTag): string[] {
  const lines: string[] = [];
  const options = (list: Readonly<Record<string, OptionValue>> | undefined) =>
    Object.entries(list ?? {}).map(
      ([option, to]) => `      ${fill("diff.optionAdded", locale, { option, to: optionText(to) })}`,
    );
  for (const c of changes) {
    switch (c.change) {
      case "added":
        lines.push(
          `    ${fill("diff.policyAdded", locale, { state: stateText(c.state, locale) })}`,
          ...options(c.options),
        );
        break;
      case "removed":
        lines.push(`    ${fill("diff.policyRemoved", locale, { state: stateText(c.state, locale) })}`);
        break;
      case "state":
        lines.push(
          `    ${fill("diff.stateChanged", locale, { from: stateText(c.from, locale), to: stateText(c.to, locale) })}`,
          ...options(c.options),
        );
        break;
      case "option": {
        const params = {
          option: c.option,
          from: c.from === undefined ? "" : optionText(c.from),
          to: c.to === undefined ? "" : optionText(c.to),
        };
        const id =
          c.from === undefined
            ? "diff.optionAdded"
            : c.to === undefined
              ? "diff.optionRemoved"
              : "diff.optionChanged";
        lines.push(`    ${fill(id, locale, params)}`);
        break;
      }
    }
  }
  return lines;
}

function registryLine(c: RegistryChange, locale: LocaleTag): string {
  const value = `${c.key}\\${c.valueName}`;
  const from = c.from ? registryText(c.from) : "";
  const to = c.to ? registryText(c.to) : "";
  return `    ${fill(`diff.${c.change}`, locale, { value, from, to })}`;
}

/** The human-readable diff; the empty string when there are no changes. */
export function formatDiffText(
  changes: readonly ValuesChange[],
  names: DisplayNames,
  locale: LocaleTag,
): string {
  const lines: string[] = [];
  for (const policyClass of ["machine", "user"] as const satisfies readonly PolicyClassName[]) {
    const ofClass = changes.filter((c) => c.policyClass === policyClass);
    if (ofClass.length === 0) continue;
    lines.push(uiText(`diff.class.${policyClass}`, locale));
    const byPolicy = new Map<string, PolicyChange[]>();
    for (const c of ofClass) {
      if (isRegistry(c)) continue;
      const list = byPolicy.get(c.policy);
      if (list) list.push(c);
      else byPolicy.set(c.policy, [c]);
    }
    for (const [policy, list] of byPolicy) {
      const name = names.get(policy);
      lines.push(`  ${name ? `${name} (${policy})` : policy}`, ...policyLines(list, locale));
    }
    const raw = ofClass.filter(isRegistry);
    if (raw.length > 0)
      lines.push(`  ${uiText("diff.registry", locale)}`, ...raw.map((c) => registryLine(c, locale)));
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/** One JSON object per change and line, with `displayName` (or null) for policy changes. */
export function formatDiffJsonLines(changes: readonly ValuesChange[], names: DisplayNames): string {
  return changes
    .map((c) => {
      const { change, policyClass, ...rest } = c;
      const displayName = isRegistry(c) ? {} : { displayName: names.get(c.policy) ?? null };
      return `${JSON.stringify({ class: policyClass, change, ...rest, ...displayName })}\n`;
    })
    .join("");
}

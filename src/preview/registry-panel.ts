import { enumItemIndex } from "../compile/elements/enum.js";
import type { OptionValue } from "../compile/types.js";
import { formatDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { resolveLocale } from "../i18n/messages.js";
import type { Policy } from "../model/types.js";
import { classifyEntry, type PolEntry, type PolHive } from "../pol/index.js";
import { formatRegText, HIVE_ROOTS, toDumpRecord } from "../formats/index.js";
import type { ExampleOptions } from "./example-values.js";
import { markup, type SafeHtml } from "./html.js";
import type { PreviewContext } from "./preview-context.js";

/** The registry entries of a policy's two configured states, as the compiler writes them. */
export interface PolicyRegistry {
  readonly enabled: readonly PolEntry[];
  readonly disabled: readonly PolEntry[];
  /** Problems the compiler found (e.g. an example value it refused); shown under the entries. */
  readonly diagnostics?: readonly Diagnostic[];
}

/** The Registry.pol files a policy's class writes to: Both goes to Machine and User. */
export function hivesOf(policy: Policy): PolHive[] {
  if (policy.class === "Both") return ["machine", "user"];
  return policy.class === "Machine" ? ["machine"] : ["user"];
}

function hex32(n: number): string {
  return `0x${n.toString(16).padStart(8, "0")}`;
}

/** The data cell: a special entry as the action it performs, a value as regedit shows it. */
function dataText(ctx: PreviewContext, entry: PolEntry): string {
  const record = toDumpRecord(entry);
  const action = classifyEntry(entry);
  const data = (): string => {
    if (typeof record.data === "number") return `${hex32(record.data)} (${record.data})`;
    return Array.isArray(record.data) ? record.data.join("\n") : String(record.data);
  };
  switch (action.kind) {
    case "value":
      return data();
    case "soft":
      return ctx.ui("preview.action.soft", { name: action.name, data: data() });
    case "del":
      return ctx.ui("preview.action.del", { name: action.name });
    case "deleteValues":
      return ctx.ui("preview.action.deleteValues", { names: action.names.join(", ") });
    case "deleteKeys":
      return ctx.ui("preview.action.deleteKeys", { names: action.keys.join(", ") });
    case "secureKey":
      return ctx.ui("preview.action.secureKey", { on: action.on ? 1 : 0 });
    case "delvals":
    case "createKey":
      return ctx.ui(`preview.action.${action.kind}`);
  }
}

function entriesTable(ctx: PreviewContext, entries: readonly PolEntry[]): SafeHtml {
  if (entries.length === 0) return markup`<p class="no-entries">${ctx.ui("preview.noEntries")}</p>`;
  const rows = entries.map((entry) => {
    const type = toDumpRecord(entry).type;
    return markup`<tr><td class="mono">${entry.key}</td><td class="mono">${entry.valueName}</td><td class="mono">${String(type)}</td><td class="mono data">${dataText(ctx, entry)}</td></tr>`;
  });
  return markup`<table class="entries"><thead><tr><th>${ctx.ui("preview.key")}</th><th>${ctx.ui("preview.valueName")}</th><th>${ctx.ui("preview.type")}</th><th>${ctx.ui("preview.data")}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function regSnippets(ctx: PreviewContext, policy: Policy, entries: readonly PolEntry[]): SafeHtml[] {
  if (entries.length === 0) return [];
  return hivesOf(policy).map(
    (hive) =>
      markup`<figure class="reg"><figcaption>${ctx.ui("preview.regFile", { root: HIVE_ROOTS[hive] })}</figcaption><pre>${formatRegText(entries, hive).replace(/\r\n/g, "\n").trimEnd()}</pre></figure>`,
  );
}

/** An example value as people read it: an enum item (by id or number) as its text, a list as its lines. */
function optionText(ctx: PreviewContext, policy: Policy, id: string, value: OptionValue): string {
  const element = policy.elements?.find((e) => e.id === id);
  if (element?.kind === "enum") {
    const item = element.items[enumItemIndex(element, value) ?? -1];
    if (item) return ctx.text(item.displayName);
  }
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.join("\n");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, string>)
      .map(([name, v]) => `${name} = ${v}`)
      .join("\n");
  }
  return String(value);
}

function examplesTable(ctx: PreviewContext, policy: Policy, options: ExampleOptions): SafeHtml | null {
  const ids = Object.keys(options);
  if (ids.length === 0) return null;
  const rows = ids.map((id) => {
    const element = policy.elements?.find((e) => e.id === id);
    const label = element ? ctx.text(element.control.label) : id;
    return markup`<tr><td>${label}</td><td class="mono data">${optionText(ctx, policy, id, options[id]!)}</td></tr>`;
  });
  return markup`<table class="examples"><caption>${ctx.ui("preview.exampleValues")}</caption><thead><tr><th>${ctx.ui("preview.element")}</th><th>${ctx.ui("preview.value")}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * The technical panel under the dialog: for Enabled (with the example option values) and for
 * Disabled, the exact Registry.pol entries in write order and the same as `.reg` text. Without
 * registry entries it says so rather than showing an empty table that would read as "writes nothing".
 */
export function renderRegistryPanel(
  ctx: PreviewContext,
  policy: Policy,
  registry: PolicyRegistry | undefined,
  options: ExampleOptions,
): SafeHtml {
  const heading = markup`<h2>${ctx.ui("preview.registry")}</h2>`;
  if (!registry) {
    return markup`<section class="registry">${heading}<p class="registry-missing">${ctx.ui("preview.registryUnavailable")}</p></section>`;
  }
  const notes = registry.diagnostics?.length
    ? markup`<div class="notes"><h3>${ctx.ui("preview.compilerNotes")}</h3><ul>${registry.diagnostics.map((d) => markup`<li>${formatDiagnostic(d, resolveLocale(ctx.locale))}</li>`)}</ul></div>`
    : null;
  return markup`<section class="registry">${heading}<p>${ctx.ui("preview.registryIntro")}</p><div class="registry-state" data-state="enabled"><h3>${policy.elements?.length ? ctx.ui("preview.registryEnabled") : ctx.ui("preview.registryEnabledPlain")}</h3>${examplesTable(ctx, policy, options)}${entriesTable(ctx, registry.enabled)}${regSnippets(ctx, policy, registry.enabled)}</div><div class="registry-state" data-state="disabled"><h3>${ctx.ui("preview.registryDisabled")}</h3>${entriesTable(ctx, registry.disabled)}${regSnippets(ctx, policy, registry.disabled)}</div>${notes}</section>`;
}

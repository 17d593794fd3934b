/**
 * The files the editor offers for download, made exactly as the CLI makes them: `admxkit pol` for each
 * class and format, and the values file as `admxkit values --from` writes one. Pure, so the bytes can
 * be compared with the CLI's in Node as well as in the page.
 */
import { compileValues, type PolicyIndex } from "../compile/index.js";
import type { PolicyClassName } from "../compile/types.js";
import { formatDiagnostic, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { LocaleTag } from "../i18n/messages.js";
import { encodePol, type PolEntry } from "../pol/index.js";
import {
  checkLgpoEntries,
  checkRegEntries,
  encodeLgpoText,
  encodeRegFile,
  formatLgpoText,
} from "../formats/index.js";
import {
  checkPowerShellEntries,
  encodePowerShellScript,
  formatPowerShellScript,
} from "../formats/ps1/index.js";
import { VALUES_SECTIONS, type ValuesFile } from "../values/schema.js";

/** The formats of `admxkit pol --format` the editor offers (JSON lines are a debugging aid, left out). */
export const EXPORT_FORMATS = ["pol", "reg", "ps1", "lgpo"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One file to download. */
export interface ExportFile {
  /** The download's file name, e.g. `Machine-Registry.pol`. */
  readonly name: string;
  readonly format: ExportFormat | "values";
  readonly policyClass?: PolicyClassName;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/** The downloads, or none when anything is wrong (then `diagnostics` says what). */
export interface ExportResult {
  readonly files: readonly ExportFile[];
  readonly diagnostics: readonly Diagnostic[];
}

const NAMES: Readonly<Record<ExportFormat, (cls: string) => string>> = {
  pol: (cls) => `${cls}-Registry.pol`,
  reg: (cls) => `${cls}.reg`,
  ps1: (cls) => `${cls}.ps1`,
  lgpo: (cls) => `${cls}.lgpo.txt`,
};

const MEDIA: Readonly<Record<ExportFormat, string>> = {
  pol: "application/octet-stream",
  reg: "text/plain",
  ps1: "text/plain",
  lgpo: "text/plain",
};

/** The CLI's `encode` of `admxkit pol`: the same checks, the same diagnostics, the same bytes. */
function encode(format: ExportFormat, entries: PolEntry[], hive: PolicyClassName): Uint8Array | Diagnostic[] {
  switch (format) {
    case "reg": {
      const problems = checkRegEntries(entries);
      return problems.length > 0 ? problems : encodeRegFile(entries, hive);
    }
    case "ps1": {
      const sections = [{ hive, entries }];
      const problems = checkPowerShellEntries(sections);
      return problems.length > 0 ? problems : encodePowerShellScript(formatPowerShellScript(sections));
    }
    case "lgpo": {
      const problems = checkLgpoEntries(entries, hive);
      return problems.length > 0 ? problems : encodeLgpoText(formatLgpoText(entries, hive));
    }
    case "pol":
      return encodePol(entries);
  }
}

/** Whether a class has anything to write: policies or raw entries in its section. */
export function configuredCount(values: ValuesFile, policyClass: PolicyClassName): number {
  return Object.keys(values[policyClass] ?? {}).length + (values.registry?.[policyClass]?.length ?? 0);
}

/** The values file as text: two-space JSON and a final line break, as `admxkit values --from` writes it. */
export function valuesFileText(values: ValuesFile): string {
  return `${JSON.stringify(values, null, 2)}\n`;
}

/**
 * Compiles `values` for each class that has something configured and encodes every format. Any error
 * (a bad option value, an entry a format cannot hold) means no files at all, as the CLI writes nothing
 * then; warnings come back with the files. A values file with nothing configured gives no files either.
 */
export function exportFiles(index: PolicyIndex, values: ValuesFile, source: string): ExportResult {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const report = (list: readonly Diagnostic[]) => {
    for (const d of list) {
      // Each class's compile checks both sections, so the same finding comes once per class.
      const text = formatDiagnostic(d);
      if (!seen.has(text)) diagnostics.push(d);
      seen.add(text);
    }
  };
  const files: ExportFile[] = [];
  for (const policyClass of VALUES_SECTIONS) {
    if (configuredCount(values, policyClass) === 0) continue;
    const result = compileValues(index, values, policyClass, { source });
    report(result.diagnostics);
    if (hasErrors(result.diagnostics)) continue;
    const label = policyClass === "machine" ? "Machine" : "User";
    for (const format of EXPORT_FORMATS) {
      const bytes = encode(format, result.entries, policyClass);
      if (Array.isArray(bytes)) report(bytes);
      else files.push({ name: NAMES[format](label), format, policyClass, mediaType: MEDIA[format], bytes });
    }
  }
  // Nothing configured: nothing to download (`admxkit pol` only warns, but an empty file helps nobody).
  if (hasErrors(diagnostics) || files.length === 0) return { files: [], diagnostics };
  const text = new TextEncoder().encode(valuesFileText(values));
  files.unshift({ name: "values.json", format: "values", mediaType: "application/json", bytes: text });
  return { files, diagnostics };
}

/** The diagnostics as the CLI prints them (without a file name: the page has none), one per line. */
export function diagnosticLines(list: readonly Diagnostic[], locale: LocaleTag): string[] {
  return list.map((d) => formatDiagnostic(d, locale));
}

/**
 * How `admxkit validate` prints findings: for people, grouped by file with `line:column` in front of each
 * message and a count at the end; for programs, one JSON object per line with exactly the keys
 * code, severity, file, line, column and message.
 */
import { isAbsolute, relative } from "node:path";
import { severityWord, type Diagnostic, type Severity } from "../diagnostics/diagnostic.js";
import { padToWidth, textWidth } from "../i18n/text-width.js";
import { visibleText } from "../i18n/visible-text.js";
import { formatCount, formatMessage, type LocaleTag } from "../i18n/messages.js";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** A path as the user would type it: relative to `cwd` when it lies below it. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

/** One JSON line per diagnostic; unknown positions are 0. */
export function formatValidationJsonLines(
  list: readonly Diagnostic[],
  locale: LocaleTag,
  cwd?: string,
): string {
  return list
    .map((d) =>
      JSON.stringify({
        code: d.code,
        severity: d.severity,
        file: displayPath(d.file ?? "", cwd),
        line: d.line ?? 0,
        column: d.column ?? 0,
        message: formatMessage(d.code, d.params, locale),
      }),
    )
    .map((line) => `${line}\n`)
    .join("");
}

/** The human report: a block per file, then the counts. */
export function formatValidationText(
  list: readonly Diagnostic[],
  files: number,
  locale: LocaleTag,
  cwd?: string,
): string {
  // The severity column is as wide as its widest word in the locale (en-US "warning", ja-JP "エラー").
  const severityWidth = Math.max(...SEVERITIES.map((s) => textWidth(severityWord(s, locale))));
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of list) {
    const file = displayPath(d.file ?? "", cwd);
    byFile.set(file, [...(byFile.get(file) ?? []), d]);
  }
  const blocks = [...byFile].map(([file, items]) => {
    const lines = items.map((d) => {
      // A finding about a whole path (a missing file) has no position: "-" rather than a made-up 0:0.
      const place = (d.line === undefined ? "-" : `${d.line}:${d.column ?? 0}`).padEnd(9);
      const message = visibleText(formatMessage(d.code, d.params, locale));
      return `  ${place} ${padToWidth(severityWord(d.severity, locale), severityWidth)} ${d.code}  ${message}`;
    });
    return `${visibleText(file)}\n${lines.join("\n")}\n`;
  });
  const count = (severity: Diagnostic["severity"]) => list.filter((d) => d.severity === severity).length;
  const summary = formatMessage(
    "VALIDATE_SUMMARY",
    {
      errors: formatCount("VALIDATE_COUNT_ERROR", count("error"), locale),
      warnings: formatCount("VALIDATE_COUNT_WARNING", count("warning"), locale),
      infos: formatCount("VALIDATE_COUNT_INFO", count("info"), locale),
      files: formatCount("VALIDATE_COUNT_FILE", files, locale),
    },
    locale,
  );
  return [...blocks, `${summary}\n`].join("\n");
}

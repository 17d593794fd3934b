import type { DiagnosticCode } from "../i18n/codes.js";
import { formatMessage, type LocaleTag, type MessageParam } from "../i18n/messages.js";

export type { DiagnosticCode } from "../i18n/codes.js";

/** How bad a finding is. Errors stop a build; warnings and infos are reported. */
export type Severity = "error" | "warning" | "info";

/**
 * A finding as data: a stable code, the values that fill its message, and where it is — in the model
 * (`path`) and/or in a file (`file`, `line`, `column`). The wording lives in `locales/<tag>.json` under
 * `messages.<code>`, so the same finding reads in en-US or ja-JP; `code` is one of `DIAGNOSTIC_CODES`,
 * so a code without wording in either language fails the type check.
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** Text, numbers, or messages of their own (see `MessageRef`), worded when the finding is shown. */
  readonly params: Readonly<Record<string, MessageParam>>;
  readonly path?: readonly (string | number)[];
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /**
   * The message in en-US, filled in when the diagnostic is made, so that a consumer of the library can
   * print or log it without {@link formatDiagnostic}; use that for another language.
   */
  readonly message: string;
}

/** Builds a diagnostic; the short form keeps call sites readable. */
export function diag(
  code: DiagnosticCode,
  params: Record<string, MessageParam> = {},
  where: Pick<Diagnostic, "path" | "file" | "line" | "column"> = {},
  severity: Severity = "error",
): Diagnostic {
  return { code, severity, params, ...where, message: formatMessage(code, params) };
}

/** The model path as people read it: `policies[2].elements[0].id`. */
export function formatPath(path: readonly (string | number)[] | undefined): string {
  if (!path || path.length === 0) return "";
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join("");
}

/** The severity as people read it: error, warning, info, or the locale's words (JSON keeps the English). */
export function severityWord(severity: Severity, locale: LocaleTag = "en-US"): string {
  return formatMessage(SEVERITY_WORD[severity], {}, locale);
}

const SEVERITY_WORD = {
  error: "SEVERITY_ERROR",
  warning: "SEVERITY_WARNING",
  info: "SEVERITY_INFO",
} as const satisfies Record<Severity, DiagnosticCode>;

/** One line: `file:line:column: error CODE: message (at path)`. */
export function formatDiagnostic(d: Diagnostic, locale: LocaleTag = "en-US"): string {
  const place = d.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ""}` : ""}: ` : "";
  const at = d.path && d.path.length > 0 ? ` (${formatPath(d.path)})` : "";
  return `${place}${severityWord(d.severity, locale)} ${d.code}: ${formatMessage(d.code, d.params, locale)}${at}`;
}

/** True when any diagnostic is an error. */
export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === "error");
}

/** The one error class of the throwing APIs: it carries every problem found, not just the first. */
export class AdmxkitError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[], locale: LocaleTag = "en-US") {
    const errors = diagnostics.filter((d) => d.severity === "error");
    const shown = errors.length > 0 ? errors : diagnostics;
    super(shown.map((d) => formatDiagnostic(d, locale)).join("\n"));
    this.name = "AdmxkitError";
    this.diagnostics = diagnostics;
  }
}

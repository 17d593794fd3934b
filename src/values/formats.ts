/**
 * The named checks a bundle can put on a text element (`format`, see TEXT_FORMATS in
 * src/model/elements.ts). ADMX cannot express them and the Group Policy editor does not run them, so
 * admxkit checks option values before it writes a Registry.pol.
 *
 * The rules follow Microsoft's Defender for Endpoint proxy documentation ("Configure device proxy and
 * Internet connectivity settings"): ProxyServer is `<scheme>://<host>:<port>` with http or https,
 * TelemetryProxyServer is `<host>:<port>` without a scheme, ProxyPacUrl a URL. Devices configured for
 * IPv6-only traffic are not supported, so an IPv6 literal as the proxy is warned about.
 */
import type { DiagnosticCode, Severity } from "../diagnostics/diagnostic.js";
import type { TEXT_FORMATS } from "../model/elements.js";
import { hostKind, isPort, isPortOutOfRange, splitHostPort, type HostKind } from "./hosts.js";

/** A format name: `hostPort`, `proxyUrl`, `httpUrl` or `proxyBypass`. */
export type TextFormat = (typeof TEXT_FORMATS)[number];

/**
 * One finding about a value. The caller adds `policy`, `option` and `value` to `params`; every message
 * of these codes names the expected form with an example.
 */
export interface FormatIssue {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Checks one value against one format. */
export type FormatValidator = (value: string) => FormatIssue[];

/** The example each format's messages show. */
export const FORMAT_EXAMPLES: Readonly<Record<TextFormat, string>> = {
  proxyUrl: "http://10.0.0.6:8080",
  hostPort: "10.0.0.6:8080",
  httpUrl: "http://proxy.contoso.com/proxy.pac",
  proxyBypass: "10.0.0.1;*.contoso.com",
};

const error = (code: DiagnosticCode, params: Record<string, string | number> = {}): FormatIssue => ({
  code,
  severity: "error",
  params,
});

// The seed page (Defender for Endpoint proxy configuration) states that devices configured for
// IPv6-only traffic are not supported; a proxy given as an IPv6 literal suggests such a device.
const ipv6Warning = (kind: HostKind | undefined): FormatIssue[] =>
  kind === "ipv6" ? [{ code: "FORMAT_IPV6_ONLY", severity: "warning", params: {} }] : [];

/** `host:port` where the port is required; `code` is the format's general error. */
function checkHostPort(text: string, code: DiagnosticCode, example: string): FormatIssue[] {
  const { host, port } = splitHostPort(text);
  const kind = hostKind(host);
  if (kind === undefined || port === undefined) return [error(code)];
  if (isPortOutOfRange(port)) return [error("FORMAT_PORT_RANGE", { port, example })];
  if (!isPort(port)) return [error(code)];
  return ipv6Warning(kind);
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;

/** `http://` or `https://`, host, `:port` — nothing before or after (ProxyServer). */
function proxyUrl(value: string): FormatIssue[] {
  const scheme = SCHEME.exec(value);
  if (!scheme || !/^https?$/i.test(scheme[1]!)) return [error("FORMAT_PROXY_URL")];
  return checkHostPort(value.slice(scheme[0].length), "FORMAT_PROXY_URL", FORMAT_EXAMPLES.proxyUrl);
}

/** `host:port` without a scheme (TelemetryProxyServer). */
function hostPort(value: string): FormatIssue[] {
  const scheme = SCHEME.exec(value);
  if (scheme) return [error("FORMAT_HOST_PORT_SCHEME", { scheme: scheme[0] })];
  return checkHostPort(value, "FORMAT_HOST_PORT", FORMAT_EXAMPLES.hostPort);
}

/** An absolute http(s) URL with a host, an optional port, and any path (ProxyPacUrl). */
function httpUrl(value: string): FormatIssue[] {
  const scheme = SCHEME.exec(value);
  if (!scheme || !/^https?$/i.test(scheme[1]!) || /\s/.test(value)) return [error("FORMAT_HTTP_URL")];
  const rest = value.slice(scheme[0].length);
  const authority = rest.slice(0, rest.search(/[/?#]|$/));
  const { host, port } = splitHostPort(authority);
  const kind = hostKind(host);
  if (kind === undefined) return [error("FORMAT_HTTP_URL")];
  if (port !== undefined) {
    if (isPortOutOfRange(port))
      return [error("FORMAT_PORT_RANGE", { port, example: FORMAT_EXAMPLES.httpUrl })];
    if (!isPort(port)) return [error("FORMAT_HTTP_URL")];
  }
  try {
    new URL(value);
  } catch {
    return [error("FORMAT_HTTP_URL")];
  }
  return ipv6Warning(kind);
}

// A bypass entry: an optional http(s) scheme, a host pattern (labels of letters, digits, `-`, `_` and
// `*` wildcards, or a bracketed IPv6 literal), an optional port. This is the WinINet/WinHTTP bypass
// syntax; Microsoft documents none for Defender's ProxyBypass value.
const BYPASS_HOST = /^[A-Za-z0-9_*-]+(?:\.[A-Za-z0-9_*-]+)*$/;

function isBypassEntry(entry: string): boolean {
  if (entry.toLowerCase() === "<local>") return true;
  const { host, port } = splitHostPort(entry.replace(/^https?:\/\//i, ""));
  if (port !== undefined && !isPort(port)) return false;
  return BYPASS_HOST.test(host) || hostKind(host) === "ipv6";
}

/**
 * ProxyBypass: entries separated by semicolons. Microsoft documents no separator for this value; the
 * semicolon is the Windows convention for bypass lists (WinINet ProxyOverride; see
 * docs/research/limits-and-inbox.md). Commas are warned about and then treated as separators so that
 * each entry is still checked. White space around an entry (a tab, a space after the semicolon) is
 * refused rather than trimmed: admxkit writes the value exactly as given.
 */
function proxyBypass(value: string): FormatIssue[] {
  if (value.trim() === "") return [error("FORMAT_PROXY_BYPASS_EMPTY")];
  const issues: FormatIssue[] = [];
  const hasComma = value.includes(",");
  if (hasComma) issues.push({ code: "FORMAT_PROXY_BYPASS_COMMA", severity: "warning", params: {} });
  value.split(hasComma ? /[;,]/ : ";").forEach((raw, i) => {
    const entry = raw.trim();
    if (entry === "") issues.push(error("FORMAT_PROXY_BYPASS_ENTRY_EMPTY", { index: i + 1 }));
    // Refused, not trimmed: the compiled bytes must be the bytes the reviewer reads, and nothing
    // documents whether Defender trims a bypass entry.
    else if (raw !== entry)
      issues.push(error("FORMAT_PROXY_BYPASS_WHITESPACE", { index: i + 1, entry: JSON.stringify(raw) }));
    else if (!isBypassEntry(entry)) issues.push(error("FORMAT_PROXY_BYPASS_ENTRY", { entry }));
  });
  return issues;
}

/** Every format's validator; the compiler must find one for each name the model allows. */
export const FORMAT_VALIDATORS = {
  proxyUrl,
  hostPort,
  httpUrl,
  proxyBypass,
} as const satisfies Record<TextFormat, FormatValidator>;

/** Checks `value` against `format`: errors for what the consumer would reject, warnings for doubts. */
export function checkTextFormat(format: TextFormat, value: string): FormatIssue[] {
  return FORMAT_VALIDATORS[format](value).map((issue) => ({
    ...issue,
    params: { example: FORMAT_EXAMPLES[format], ...issue.params },
  }));
}

/**
 * The host and port grammar the proxy formats share: a DNS host name, a dotted IPv4 address or a
 * bracketed IPv6 literal, optionally followed by `:port`.
 */
import { isIPv6 } from "node:net";

/** What a host is: the IPv6 case matters because Defender for Endpoint does not support IPv6-only devices. */
export type HostKind = "name" | "ipv4" | "ipv6";

const IPV4_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
const IPV4 = new RegExp(`^${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}$`);
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A DNS host name (RFC 1123 labels); an all-digit last label is a malformed IPv4 address, not a name. */
export function isHostName(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  const labels = text.split(".");
  if (!labels.every((label) => LABEL.test(label))) return false;
  return !/^[0-9]+$/.test(labels[labels.length - 1]!);
}

/** A dotted-decimal IPv4 address without leading zeros (`010` could be read as octal by some parsers). */
export function isIPv4(text: string): boolean {
  return IPV4.test(text);
}

/** The kind of a host, or undefined when it is none of the three. IPv6 must be in brackets. */
export function hostKind(host: string): HostKind | undefined {
  if (host.startsWith("[") && host.endsWith("]")) return isIPv6(host.slice(1, -1)) ? "ipv6" : undefined;
  if (isIPv4(host)) return "ipv4";
  return isHostName(host) ? "name" : undefined;
}

/** `host` and the text after its colon (undefined when there is no colon). */
export interface HostPort {
  readonly host: string;
  readonly port: string | undefined;
}

/**
 * Splits `host:port`. A bracketed IPv6 host keeps its brackets; an unbracketed text with several colons
 * (a bare IPv6 literal) is returned whole as the host, so that it fails {@link hostKind}.
 */
export function splitHostPort(text: string): HostPort {
  if (text.startsWith("[")) {
    const end = text.indexOf("]");
    if (end < 0) return { host: text, port: undefined };
    const rest = text.slice(end + 1);
    if (rest === "") return { host: text.slice(0, end + 1), port: undefined };
    return rest.startsWith(":")
      ? { host: text.slice(0, end + 1), port: rest.slice(1) }
      : { host: text, port: undefined };
  }
  const first = text.indexOf(":");
  if (first < 0 || first !== text.lastIndexOf(":")) return { host: text, port: undefined };
  return { host: text.slice(0, first), port: text.slice(first + 1) };
}

/** True for a TCP port number 1–65535 written in decimal digits. */
export function isPort(text: string): boolean {
  return /^[0-9]{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65_535;
}

/** True when the text is digits but outside 1–65535 (so the message can name the range). */
export function isPortOutOfRange(text: string): boolean {
  return /^[0-9]+$/.test(text) && !isPort(text);
}

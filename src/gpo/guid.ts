/**
 * GUIDs of a GPO backup: random ones for real use, name-based ones (RFC 9562 version 5, SHA-1) for
 * reproducible output, and the two spellings GPMC uses.
 */
import { createHash, randomUUID } from "node:crypto";

/** The namespace of admxkit's name-based GUIDs (a random UUID fixed once, so they never change). */
export const ADMXKIT_GUID_NAMESPACE = "cde2f3ab-e749-4715-8af6-ef9dc1d8d3ca";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidBytes(uuid: string): Buffer {
  if (!UUID_PATTERN.test(uuid)) throw new RangeError(`not a UUID: ${uuid}`);
  return Buffer.from(uuid.replace(/-/g, ""), "hex");
}

function formatUuid(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The version-5 UUID of `name` (UTF-8) in `namespace`: SHA-1 of namespace bytes then name, cut to 16
 * bytes, with the version and variant bits set. Lowercase, without braces.
 */
export function uuidV5(namespace: string, name: string): string {
  const digest = createHash("sha1").update(uuidBytes(namespace)).update(name, "utf8").digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return formatUuid(bytes);
}

/** A random (version 4) UUID, lowercase, without braces. */
export function randomGuid(): string {
  return randomUUID();
}

/**
 * A GUID as GPMC writes backup, GPO and extension ids: uppercase in braces, `{0DFDDA81-860E-…}`.
 * (GPMC writes the domain GUID in lowercase; see {@link bracedLower}.)
 */
export function bracedUpper(uuid: string): string {
  uuidBytes(uuid);
  return `{${uuid.toUpperCase()}}`;
}

/** A GUID in lowercase braces, the spelling GPMC uses for `GPODomainGuid`. */
export function bracedLower(uuid: string): string {
  uuidBytes(uuid);
  return `{${uuid.toLowerCase()}}`;
}

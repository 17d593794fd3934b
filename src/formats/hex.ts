/** Hexadecimal text of bytes, shared by the dump, `.reg` and LGPO writers. */

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/** Lowercase two-digit hex of each byte, joined by `separator` (`""` gives `00ff…`). */
export function bytesToHex(bytes: Uint8Array, separator = ""): string {
  const parts = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) parts[i] = HEX[bytes[i]!]!;
  return parts.join(separator);
}

/** Lowercase two-digit hex of one byte. */
export function byteToHex(byte: number): string {
  return HEX[byte & 0xff]!;
}

/**
 * The memory workload: a Registry.pol of tiny entries, 26 bytes each (a one-character key, no value
 * name, no data), the most entries a file can hold per byte, so the cost of each decoded entry shows
 * at its largest. At 2,581,109 entries the file is 64 MiB, just inside the Registry.pol bound. Keys
 * cycle through a–z and types through REG_NONE (create key), REG_SZ, REG_EXPAND_SZ, REG_BINARY and
 * REG_MULTI_SZ: every entry is one `pol` can write again, and none is explained by a policy, so
 * `values --from` keeps each one as a raw entry.
 */
import { Buffer } from "node:buffer";

/** Bytes of one entry: `[`, key `a` and NUL, `;`, NUL, `;`, type, `;`, size 0, `;`, `]`. */
export const TINY_ENTRY_BYTES = 26;
/** The entry count that makes the file exactly fit the 64 MiB bound (with its 8-byte header). */
export const TINY_ENTRIES_64_MIB = Math.floor((64 * 1024 * 1024 - 8) / TINY_ENTRY_BYTES);

const TYPES = [0, 1, 2, 3, 7];

/** The bytes of a Registry.pol of `count` tiny entries. */
export function tinyPolBytes(count) {
  const bytes = Buffer.alloc(8 + TINY_ENTRY_BYTES * count);
  bytes.write("PReg", 0, "latin1");
  bytes.writeUInt32LE(1, 4);
  for (let i = 0, p = 8; i < count; i++, p += TINY_ENTRY_BYTES) {
    bytes.write("[\0", p, "latin1");
    bytes.writeUInt16LE(0x61 + (i % 26), p + 2);
    bytes.write("\0\0;\0\0\0;\0", p + 4, "latin1");
    bytes.writeUInt32LE(TYPES[i % TYPES.length], p + 12);
    bytes.write(";\0", p + 16, "latin1");
    bytes.writeUInt32LE(0, p + 18);
    bytes.write(";\0]\0", p + 22, "latin1");
  }
  return bytes;
}

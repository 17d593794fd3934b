/** A small entry list covering every value type and every deletion kind, shared by the text-export tests. */
import {
  binaryEntry,
  createKeyEntry,
  deleteKeysEntry,
  deleteValuesEntry,
  delEntry,
  delvalsEntry,
  dwordEntry,
  expandSzEntry,
  multiSzEntry,
  qwordEntry,
  secureKeyEntry,
  softEntry,
  szEntry,
  valueEntry,
} from "../../src/pol/index.js";
import type { PolEntry } from "../../src/pol/index.js";

export const K = "Software\\Policies\\Test";
export const K2 = "Software\\Policies\\Test\\Secure";

/** 60 bytes 00…3b: long enough to wrap twice in a .reg file. */
export const LONG_BINARY = Uint8Array.from({ length: 60 }, (_, i) => i);

export const SAMPLE: readonly PolEntry[] = [
  createKeyEntry(K),
  delvalsEntry(K),
  szEntry(K, "Sz", 'C:\\Path "q"'),
  expandSzEntry(K, "Exp", "%SystemRoot%\\x"),
  multiSzEntry(K, "Multi", ["a", "b"]),
  dwordEntry(K, "Dw", 10),
  qwordEntry(K, "Qw", 4294967296n),
  binaryEntry(K, "Bin", LONG_BINARY),
  szEntry(K, "", "default"),
  delEntry(K, "Old"),
  deleteValuesEntry(K, ["x", "y"]),
  deleteKeysEntry(K, ["Sub1", "Sub2"]),
  dwordEntry(K, "After", 1),
  secureKeyEntry(K2, true),
  softEntry(K2, "Soft", { type: "REG_DWORD", value: 5 }),
  valueEntry(K2, "Be", { type: "REG_DWORD_BIG_ENDIAN", value: 1 }),
];

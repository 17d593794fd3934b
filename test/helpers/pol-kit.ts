/** Shared helpers of the Registry.pol tests: hex literals, fixtures and fuzz run counts. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SHARED } from "./cli.js";

/** Bytes from hex text; spaces, newlines and `|` separators are ignored. */
export function hex(text: string): Uint8Array {
  const clean = text.replace(/[\s|]/g, "");
  if (!/^(?:[0-9a-f]{2})*$/i.test(clean)) throw new Error(`bad hex literal: ${text}`);
  return new Uint8Array(Buffer.from(clean, "hex"));
}

/** Lowercase spaced hex of bytes, for readable assertion diffs. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString("hex")
    .replace(/(..)(?!$)/g, "$1 ");
}

/** The real Registry.pol files in the reference folder (scripts/shared-folder.js). */
export const FIXTURE_DIR = join(SHARED, "reference", "registry-pol");

/** The fixture names, without `.registry.pol`. */
export const FIXTURES = ["adobe-reader-computer", "certificates-computer", "chrome-computer"] as const;

/** Reads one fixture file. */
export function readFixture(name: (typeof FIXTURES)[number]): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURE_DIR, `${name}.registry.pol`)));
}

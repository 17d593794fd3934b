/** Shared helpers of the Registry.pol tests: hex literals, fixtures and fuzz run counts. */
import { readFileSync } from "node:fs";

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

/** The real Registry.pol files in shared/reference (a sibling of the repository folder). */
export const FIXTURE_DIR = new URL("../../../shared/reference/registry-pol/", import.meta.url);

/** The fixture names, without `.registry.pol`. */
export const FIXTURES = ["adobe-reader-computer", "certificates-computer", "chrome-computer"] as const;

/** Reads one fixture file. */
export function readFixture(name: (typeof FIXTURES)[number]): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`${name}.registry.pol`, FIXTURE_DIR)));
}

/** fast-check run count: small by default, `ADMXKIT_FUZZ_RUNS` for long runs. */
export function fuzzRuns(defaultRuns: number): number {
  const fromEnv = Number(process.env.ADMXKIT_FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns;
}

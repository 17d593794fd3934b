import { isIPv6 as nodeIsIPv6 } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIPv6 } from "../../src/editor/net-shim.js";

const runs = Number(process.env.ADMXKIT_FUZZ_RUNS ?? 300);

/** Address-like text: hex groups, colons, dots and digits, sometimes a zone. */
const addressLike = fc
  .array(
    fc.oneof(fc.constantFrom(":", "::", ".", "%", "eth0", "[", "]"), fc.stringMatching(/^[0-9a-fA-F]{1,5}$/)),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(""));

describe("the page's isIPv6 (node:net stand-in)", () => {
  it("agrees with node:net on known addresses and non-addresses", () => {
    const samples = [
      "::",
      "::1",
      "1::",
      "fe80::1%eth0",
      "2001:db8::8a2e:370:7334",
      "::ffff:192.0.2.1",
      "1:2:3:4:5:6:7:8",
      "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:1.2.3.4",
      "1::2::3",
      "12345::",
      "::256.0.0.1",
      "",
      "[::1]",
      "g::1",
    ];
    for (const text of samples) expect(isIPv6(text), text).toBe(nodeIsIPv6(text));
  });

  it("agrees with node:net on generated address-like text", () => {
    fc.assert(
      fc.property(addressLike, (text) => isIPv6(text) === nodeIsIPv6(text)),
      { numRuns: runs },
    );
  });
});

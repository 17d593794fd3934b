import { describe, expect, it } from "vitest";
import { matchChildren } from "../../src/read/schema/content-model.js";
import { choice, el, seq } from "../../src/read/schema/schema-types.js";
import { SIMPLE_TYPES } from "../../src/read/schema/simple-types.js";

describe("content models", () => {
  const model = seq(el("a", "A"), el("b", "B", 0, 1), choice(1, Infinity, el("c", "C"), el("d", "D")));

  it("accepts what the sequence allows and types each child", () => {
    expect(matchChildren(model, ["a", "c", "d", "c"])).toEqual({ ok: true, types: ["A", "C", "D", "C"] });
    expect(matchChildren(model, ["a", "b", "d"])).toEqual({ ok: true, types: ["A", "B", "D"] });
  });

  it("names the first unexpected child and what was expected there", () => {
    expect(matchChildren(model, ["a", "b", "b"])).toMatchObject({
      ok: false,
      unexpected: 2,
      expected: ["c", "d"],
    });
    expect(matchChildren(model, ["b"])).toMatchObject({ ok: false, unexpected: 0, expected: ["a"] });
    expect(matchChildren(model, ["a", undefined])).toMatchObject({ ok: false, unexpected: 1 });
  });

  it("reports missing children at the end", () => {
    expect(matchChildren(model, ["a"])).toMatchObject({
      ok: false,
      unexpected: undefined,
      expected: ["b", "c", "d"],
    });
  });

  it("counts bounded repetitions", () => {
    const two = el("x", "X", 2, 3);
    expect(matchChildren(two, ["x"]).ok).toBe(false);
    expect(matchChildren(two, ["x", "x", "x"]).ok).toBe(true);
    expect(matchChildren(two, ["x", "x", "x", "x"])).toMatchObject({ ok: false, unexpected: 3 });
  });
});

describe("simple types", () => {
  it.each([
    ["unsignedInt", ["0", "+7", " 42 ", "-0", "4294967295"], ["-1", "4294967296", "1.0", "", "0x1"]],
    ["unsignedLong", ["18446744073709551615"], ["18446744073709551616"]],
    ["boolean", ["true", "false", "1", " 0 "], ["TRUE", "yes", ""]],
    ["versionString", ["1.0", " 12.345 "], ["1", "1.04.0000", "12345.1", "1.123456"]],
    ["itemName", ["Proxy_Server1", "Größe"], ["a-b", "a.b", "a b", ""]],
    ["itemReference", ["windows:Name", "Name"], ["a:b:c", ":b"]],
    ["stringReference", ["$(string.A_1)"], ["$(string.A.B)", "A", "$(presentation.A)"]],
    ["GUID", ["{35378EAC-683F-11D2-A89A-00C04FBBCFA2}"], ["35378EAC-683F-11D2-A89A-00C04FBBCFA2"]],
    ["language", ["en-US", "ja"], ["en_US"]],
    ["string255", ["x".repeat(255), "😀".repeat(255)], ["x".repeat(256)]],
  ] as const)("%s", (type, valid, invalid) => {
    for (const v of valid) expect(SIMPLE_TYPES[type](v), v).toBe(true);
    for (const v of invalid) expect(SIMPLE_TYPES[type](v), v).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import { formatMessage } from "../../src/i18n/messages.js";
import { checkBundle } from "../../src/model/check-bundle.js";
import { defineBundle } from "../../src/model/define.js";
import type { BundleInput } from "../../src/model/types.js";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { smallBundle } from "../helpers/bundle-fixtures.js";

/** The small bundle with two ids GPMC rejects, an unknown category and a string no catalog has. */
function brokenBundle(): BundleInput {
  const bundle = structuredClone(smallBundle()) as any;
  bundle.categories[0].name = "Bad-Cat";
  bundle.policies[0].name = "Bad.Pol";
  bundle.policies[0].category = "Nowhere";
  bundle.policies[0].displayName = "NoSuchString";
  return bundle;
}

describe("defineBundle and checkBundle list every problem at once (issue 13.7)", () => {
  it("reports invalid ids together with the rules beyond the shape", () => {
    const result = checkBundle(brokenBundle());
    expect(result.ok).toBe(false);
    const found = result.diagnostics.map((d) => `${d.code} ${d.path?.join(".")}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "ID_INVALID categories.0.name",
        "ID_INVALID policies.0.name",
        "REFERENCE_UNRESOLVED policies.0.category",
        "STRING_MISSING policies.0.displayName",
      ]),
    );
  });

  it("throws one AdmxkitError whose diagnostics carry their en-US message", () => {
    let thrown: unknown;
    try {
      defineBundle(brokenBundle());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AdmxkitError);
    const { diagnostics } = thrown as AdmxkitError;
    expect(diagnostics.length).toBeGreaterThanOrEqual(4);
    for (const d of diagnostics) expect(d.message, d.code).toBe(formatMessage(d.code, d.params, "en-US"));
    const invalid = diagnostics.find(
      (d) => d.code === "ID_INVALID" && d.path?.join(".") === "policies.0.name",
    );
    expect(invalid?.message).toBe(
      '"Bad.Pol" is not a valid id: use only A-Z, a-z, 0-9 and _ (GPMC rejects dots, hyphens and other characters)',
    );
  });

  it("still stops at the shape when the structure itself is wrong", () => {
    const bundle = brokenBundle() as any;
    bundle.policies[0].class = "Computer";
    const result = checkBundle(bundle);
    expect(result.diagnostics.map((d) => d.code)).not.toContain("REFERENCE_UNRESOLVED");
    expect(result.diagnostics.map((d) => d.code)).toContain("MODEL_INVALID");
  });
});

describe("the built-in bundle", () => {
  it("passes checkBundle without a finding (the CLI checks only its rules, without zod)", () => {
    const result = checkBundle(defenderProxyBundle());
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([]);
  });
});

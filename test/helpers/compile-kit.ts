/** Helpers of the compiler tests: small bundles built with the real model API, and readable entries. */
import { expect } from "vitest";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import { BundleSchema } from "../../src/model/bundle.js";
import { defineBundle } from "../../src/model/define.js";
import { collectStringUses } from "../../src/model/strings.js";
import type { Bundle, Policy } from "../../src/model/types.js";
import { type PolEntry } from "../../src/pol/index.js";
import { toDumpRecord } from "../../src/formats/index.js";

/** The key every test policy writes under unless it says otherwise. */
export const KEY = "Software\\Policies\\Admxkit\\Test";

type PolicyInput = Omit<
  Policy,
  "class" | "displayName" | "explainText" | "key" | "category" | "supportedOn"
> &
  Partial<Pick<Policy, "class" | "key">>;

/**
 * A bundle holding the given policies, validated by `defineBundle` (so every test case is a policy the
 * model accepts); every string the policies use gets a catalog text.
 */
export function testBundle(...policies: PolicyInput[]): Bundle {
  const input = {
    id: "test",
    fileName: "AdmxkitTest",
    target: { prefix: "test", namespace: "Admxkit.Policies.Test" },
    revision: "1.0",
    minRequiredRevision: "1.0",
    displayName: "Bundle",
    description: "Bundle_Description",
    supportedOn: [{ name: "SUPPORTED_Test", displayName: "SUPPORTED_Test" }],
    categories: [{ name: "Test", displayName: "Category_Test" }],
    policies: policies.map((p) => ({
      class: "Machine" as const,
      key: KEY,
      displayName: `${p.name}_Title`,
      explainText: `${p.name}_Explain`,
      category: "Test",
      supportedOn: "SUPPORTED_Test",
      ...p,
    })),
    locales: { "en-US": {} as Record<string, string> },
  };
  const shape = BundleSchema.parse(input);
  for (const use of collectStringUses(shape)) input.locales["en-US"][use.id] = `Text of ${use.id}`;
  return defineBundle(input);
}

/** The one policy of a bundle made with {@link testBundle}. */
export function onePolicy(policy: PolicyInput): Policy {
  return testBundle(policy).policies[0]!;
}

/** Entries as the dump shows them: key, value name, type name, size and decoded data. */
export function records(entries: readonly PolEntry[]) {
  return entries.map(toDumpRecord);
}

/** A REG_SZ record, for expectations. */
export const sz = (key: string, valueName: string, data: string) => ({
  key,
  valueName,
  type: "REG_SZ",
  size: 2 * (data.length + 1),
  data,
});

/** A REG_DWORD record. */
export const dword = (key: string, valueName: string, data: number) => ({
  key,
  valueName,
  type: "REG_DWORD",
  size: 4,
  data,
});

/** A `**del.<name>` record, as Microsoft's tools write it: REG_SZ " " (size 4). */
export const del = (key: string, name: string) => sz(key, `**del.${name}`, " ");

/** A `**delvals.` record. */
export const delvals = (key: string) => sz(key, "**delvals.", " ");

/** The codes of the diagnostics `run` throws in an AdmxkitError. */
export function thrownCodes(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AdmxkitError);
    return (error as AdmxkitError).diagnostics.map((d) => d.code);
  }
  throw new Error("expected an AdmxkitError");
}

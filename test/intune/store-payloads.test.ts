import { basename } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import type { OptionValue } from "../../src/compile/index.js";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import { admxPayload } from "../../src/intune/admx-payload.js";
import { findAdmxBackedCsp } from "../../src/intune/csp-map.js";
import type { Policy } from "../../src/model/types.js";
import type { StorePolicy } from "../../src/read/read-store.js";
import { readInboxStore } from "../helpers/inbox-store.js";
import { requiredOptions } from "../helpers/corpus-kit.js";
import { itemOption } from "../helpers/enabled-state.js";

/** Options for every element: what the editor requires, and a plain value for each other element. */
function everyOption(policy: Policy): Record<string, OptionValue> {
  const options = requiredOptions(policy);
  for (const element of policy.elements ?? []) {
    if (element.id in options) continue;
    if (element.kind === "decimal" || element.kind === "longDecimal")
      options[element.id] = Number(element.minValue ?? 0);
    else if (element.kind === "enum") options[element.id] = itemOption(element, 0)!;
  }
  return options;
}

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "p" || name === "data" });

/** Every ADMX-backed policy of the Windows 11 21H2 store, through admxPayload. */
describe("payloads of the 21H2 store's ADMX-backed policies", () => {
  let mapped: StorePolicy[];
  beforeAll(async () => {
    const store = await readInboxStore("windows11-21h2");
    mapped = store.policies.filter((p) => findAdmxBackedCsp(basename(p.file), p.policy.name));
  }, 120_000);

  it("give every element a <data>, in order, in XML that parses", () => {
    expect(mapped.length).toBeGreaterThan(1900);
    for (const { policy } of mapped) {
      const payload = admxPayload(policy, { state: "enabled", options: everyOption(policy) });
      expect(XMLValidator.validate(`<p>${payload}</p>`), policy.name).toBe(true);
      const data = (parser.parse(`<p>${payload}</p>`).p[0].data ?? []) as { "@_id": string }[];
      expect(data.map((d) => d["@_id"])).toEqual((policy.elements ?? []).map((e) => e.id));
      expect(admxPayload(policy, { state: "disabled" })).toBe("<disabled/>");
    }
  });

  it("with only the options the editor requires, refuse just the elements that have no default", () => {
    let refused = 0;
    for (const { policy } of mapped) {
      try {
        admxPayload(policy, { state: "enabled", options: requiredOptions(policy) });
      } catch (error) {
        refused++;
        expect(error).toBeInstanceOf(AdmxkitError);
        for (const d of (error as AdmxkitError).diagnostics) {
          expect(d.code).toBe("MDM_PAYLOAD_NO_VALUE");
          const element = policy.elements!.find((e) => e.id === d.params.option)!;
          expect(["decimal", "longDecimal", "enum"]).toContain(element.kind);
        }
      }
    }
    // Such elements exist in the store (optional number boxes and drop-down lists without default).
    expect(refused).toBeGreaterThan(0);
  });
});

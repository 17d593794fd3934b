/**
 * GPMC's key spelling: one spelling per key component in a whole Registry.pol, the one most of the
 * entries use (ties: the one written first), unless the values file's `keySpelling` or `registry`
 * section names it. Tested with Windows' own templates, which spell the same keys differently
 * (`SOFTWARE\Policies`, `Software\Policies`, `Software\policies`).
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  compileValues,
  createPolicyIndex,
  EntryCollector,
  registryUpcase,
  type PolicyIndex,
} from "../../src/compile/index.js";
import { dwordEntry } from "../../src/pol/index.js";
import type { ValuesFile } from "../../src/values/schema.js";
import { readInboxStore } from "../helpers/inbox-store.js";

let index: PolicyIndex;
let machinePolicies: string[];
beforeAll(async () => {
  const store = await readInboxStore("windows11-21h2");
  index = createPolicyIndex(store.templates);
  machinePolicies = store.templates.flatMap((t) =>
    t.policies
      .filter((p) => p.class !== "User")
      .map((p) => (index.lookup(p.name).ok ? p.name : `${t.namespace}:${p.name}`)),
  );
});

function keysOf(machine: NonNullable<ValuesFile["machine"]>): string[] {
  const result = compileValues(index, { machine }, "machine");
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return [...new Set(result.entries.map((e) => e.key))];
}

describe("one spelling per key component, the one most entries use", () => {
  // CredentialProviders.admx spells Software\Policies\Microsoft\Windows\System (AllowDomainPINLogon:
  // one entry); ActiveXInstallService.admx spells SOFTWARE\Policies\…\AxInstaller, and its list policy
  // Disabled writes two entries there (ApprovedList = 0 and the list key's **delvals.).
  const pinThenActiveX = {
    AllowDomainPINLogon: { state: "enabled" },
    ApprovedActiveXInstallSites: { state: "disabled" },
  } as const;

  it("takes the spelling of two entries over that of the one written first, for values and **delvals. alike", () => {
    const result = compileValues(index, { machine: pinThenActiveX }, "machine");
    expect(result.entries.map((e) => [e.key, e.valueName])).toEqual([
      ["SOFTWARE\\Policies\\Microsoft\\Windows\\AxInstaller", "ApprovedList"],
      ["SOFTWARE\\Policies\\Microsoft\\Windows\\AxInstaller\\ApprovedActiveXInstallSites", "**delvals."],
      ["SOFTWARE\\Policies\\Microsoft\\Windows\\System", "AllowDomainPINLogon"],
    ]);
    // The order of the policies in the file does not change a choice the counts make.
    expect(
      keysOf({
        ApprovedActiveXInstallSites: { state: "disabled" },
        AllowDomainPINLogon: { state: "enabled" },
      }),
    ).toEqual(keysOf(pinThenActiveX));
  });

  it("RemoteAssistance's three entries spell Software\\policies for the policy written before them, **del. markers included", () => {
    const result = compileValues(
      index,
      { machine: { AllowDomainPINLogon: { state: "enabled" }, RA_Options: { state: "disabled" } } },
      "machine",
    );
    expect(result.entries.map((e) => [e.key, e.valueName])).toEqual([
      ["Software\\policies\\Microsoft\\Windows\\System", "AllowDomainPINLogon"],
      ["Software\\policies\\Microsoft\\Windows NT\\Terminal Services", "UseCustomMessages"],
      ["Software\\policies\\Microsoft\\Windows NT\\Terminal Services", "**del.ShareControlMessage"],
      ["Software\\policies\\Microsoft\\Windows NT\\Terminal Services", "**del.ViewMessage"],
    ]);
  });

  it("on a tie keeps the spelling written first (DWM and CredentialProviders, one entry each)", () => {
    // DWM.admx spells SOFTWARE\Policies\Microsoft\Windows\DWM.
    expect(
      keysOf({ DwmDisallowAnimations_2: { state: "enabled" }, AllowDomainPINLogon: { state: "enabled" } }),
    ).toEqual([
      "SOFTWARE\\Policies\\Microsoft\\Windows\\DWM",
      "SOFTWARE\\Policies\\Microsoft\\Windows\\System",
    ]);
    expect(
      keysOf({ AllowDomainPINLogon: { state: "enabled" }, DwmDisallowAnimations_2: { state: "enabled" } }),
    ).toEqual([
      "Software\\Policies\\Microsoft\\Windows\\DWM",
      "Software\\Policies\\Microsoft\\Windows\\System",
    ]);
  });

  it("keySpelling of the class wins over the counts, component by component; the other class's is ignored", () => {
    const result = compileValues(
      index,
      {
        machine: pinThenActiveX,
        keySpelling: { machine: ["Software\\Policies\\microsoft"], user: ["software"] },
      },
      "machine",
    );
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect([...new Set(result.entries.map((e) => e.key))]).toEqual([
      "Software\\Policies\\microsoft\\Windows\\AxInstaller",
      "Software\\Policies\\microsoft\\Windows\\AxInstaller\\ApprovedActiveXInstallSites",
      "Software\\Policies\\microsoft\\Windows\\System",
    ]);
  });

  it("refuses a keySpelling key with a control character, naming where it is", () => {
    const result = compileValues(
      index,
      { machine: pinThenActiveX, keySpelling: { machine: ["Software", "Soft\tware"] } },
      "machine",
      { file: "gpo.values.json" },
    );
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.code, d.path, d.file])).toEqual([
      ["VALUES_REGISTRY_NAME_UNSAFE", ["keySpelling", "machine", 1], "gpo.values.json"],
    ]);
  });

  it("no component is ever spelled two ways in a file that sets every Machine policy of the store", () => {
    const machine = Object.fromEntries(machinePolicies.map((name) => [name, { state: "disabled" as const }]));
    const result = compileValues(index, { machine }, "machine");
    const spellings = new Map<string, Set<string>>();
    for (const { key } of result.entries) {
      const parts = key.split("\\");
      parts.forEach((part, i) => {
        const path = parts
          .slice(0, i + 1)
          .map(registryUpcase)
          .join("\\");
        spellings.set(path, (spellings.get(path) ?? new Set()).add(part));
      });
    }
    expect(result.entries.length).toBeGreaterThan(3000);
    expect([...spellings].filter(([, set]) => set.size > 1)).toEqual([]);
  });

  it("counts each component on its own, over every entry whose key passes through it", () => {
    const collector = new EntryCollector();
    collector.add(dwordEntry("software\\A\\b", "x", 1), { policy: "P" });
    collector.add(dwordEntry("SOFTWARE\\a", "y", 1), { policy: "Q" });
    collector.add(dwordEntry("SOFTWARE\\a", "w", 1), { policy: "Q" });
    collector.add(dwordEntry("Software\\A\\B\\C", "z", 1), { policy: "R" });
    // SOFTWARE: 2 of 4 entries; A and a: two each, A written first; b and B: one each, b first.
    expect([...new Set(collector.entries().map((e) => e.key))]).toEqual([
      "SOFTWARE\\A",
      "SOFTWARE\\A\\b",
      "SOFTWARE\\A\\b\\C",
    ]);
  });
});

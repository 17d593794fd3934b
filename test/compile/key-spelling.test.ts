/**
 * GPMC's key spelling (issue 10, item 4): one spelling per key component in a whole Registry.pol, fixed
 * by the first entry that creates the component. Tested with Windows' own templates, which spell the
 * same keys differently (`SOFTWARE\Policies`, `Software\Policies`, `Software\policies`).
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  compileValues,
  createPolicyIndex,
  EntryCollector,
  registryUpcase,
  type PolicyIndex,
} from "../../src/compile/index.js";
import { dwordEntry } from "../../src/pol/index.js";
import { readStore } from "../../src/read/read-store.js";
import type { ValuesFile } from "../../src/values/schema.js";
import { SHARED } from "../helpers/cli.js";

let index: PolicyIndex;
let machinePolicies: string[];
beforeAll(async () => {
  const store = await readStore(join(SHARED, "corpus", "windows11-21h2", "PolicyDefinitions"));
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

describe("one spelling per key component, fixed by the entry that creates it", () => {
  it("CredentialProviders after a template that created SOFTWARE\\Policies writes SOFTWARE\\Policies\\Microsoft\\Windows\\System", () => {
    // DWM.admx spells SOFTWARE\Policies\Microsoft\Windows\DWM; CredentialProviders.admx spells
    // Software\Policies\Microsoft\Windows\System.
    expect(
      keysOf({ DwmDisallowAnimations_2: { state: "enabled" }, AllowDomainPINLogon: { state: "enabled" } }),
    ).toEqual([
      "SOFTWARE\\Policies\\Microsoft\\Windows\\DWM",
      "SOFTWARE\\Policies\\Microsoft\\Windows\\System",
    ]);
    // In the other order CredentialProviders creates the components, and DWM takes its spelling.
    expect(
      keysOf({ AllowDomainPINLogon: { state: "enabled" }, DwmDisallowAnimations_2: { state: "enabled" } }),
    ).toEqual([
      "Software\\Policies\\Microsoft\\Windows\\DWM",
      "Software\\Policies\\Microsoft\\Windows\\System",
    ]);
  });

  it("RemoteAssistance's Software\\policies keeps the Policies spelling already in the file, for values and **del. markers", () => {
    const result = compileValues(
      index,
      { machine: { AllowDomainPINLogon: { state: "enabled" }, RA_Options: { state: "disabled" } } },
      "machine",
    );
    const terminal = result.entries.filter((e) => e.key.endsWith("Terminal Services"));
    expect(terminal.map((e) => [e.key, e.valueName])).toEqual([
      ["Software\\Policies\\Microsoft\\Windows NT\\Terminal Services", "UseCustomMessages"],
      ["Software\\Policies\\Microsoft\\Windows NT\\Terminal Services", "**del.ShareControlMessage"],
      ["Software\\Policies\\Microsoft\\Windows NT\\Terminal Services", "**del.ViewMessage"],
    ]);
    // First in the file, RemoteAssistance spells the component for everyone after it.
    expect(keysOf({ RA_Options: { state: "disabled" }, AllowDomainPINLogon: { state: "enabled" } })).toEqual([
      "Software\\policies\\Microsoft\\Windows\\System",
      "Software\\policies\\Microsoft\\Windows NT\\Terminal Services",
    ]);
  });

  it("**delvals. markers take the spelling too (a list written after another template's key)", () => {
    // ActiveXInstallService.admx spells SOFTWARE\Policies\…\AxInstaller\ApprovedActiveXInstallSites,
    // a list key: Disabled writes **delvals. there.
    const result = compileValues(
      index,
      {
        machine: {
          AllowDomainPINLogon: { state: "enabled" },
          ApprovedActiveXInstallSites: { state: "disabled" },
        },
      },
      "machine",
    );
    const delvals = result.entries.find((e) => e.valueName === "**delvals.");
    expect(delvals?.key).toBe(
      "Software\\Policies\\Microsoft\\Windows\\AxInstaller\\ApprovedActiveXInstallSites",
    );
    expect(result.entries.every((e) => e.key.startsWith("Software\\Policies\\Microsoft\\Windows\\"))).toBe(
      true,
    );
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

  it("spells each component by its first creator even when a later entry creates a deeper key first", () => {
    const collector = new EntryCollector();
    collector.add(dwordEntry("software\\A\\b", "x", 1), { policy: "P" });
    collector.add(dwordEntry("SOFTWARE\\a", "y", 1), { policy: "Q" });
    collector.add(dwordEntry("Software\\A\\B\\C", "z", 1), { policy: "R" });
    expect(collector.entries().map((e) => e.key)).toEqual([
      "software\\A",
      "software\\A\\b",
      "software\\A\\b\\C",
    ]);
  });
});

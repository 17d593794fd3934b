import { describe, expect, it } from "vitest";
import { intuneRefusedRoot } from "../../src/lint/intune/allow-list.js";

describe("Intune's ADMX ingestion allow-list", () => {
  it.each([
    ["Software\\Policies\\Microsoft\\Windows Defender", "Software\\Policies\\Microsoft"],
    ["Software\\Policies\\Microsoft\\Windows\\DataCollection", "Software\\Policies\\Microsoft"],
    ["SOFTWARE\\MICROSOFT\\Windows Defender", "Software\\Microsoft"],
    ["System\\CurrentControlSet\\Services", "System"],
    ["Software\\Microsoft\\OfficeX", "Software\\Microsoft"], // a component prefix, not a string prefix
  ])("%s is refused (inside %s)", (key, root) => {
    expect(intuneRefusedRoot(key)).toBe(root);
  });

  it.each([
    "Software\\Policies\\Contoso\\Widget",
    "Software\\Policies\\Microsoft\\Office\\16.0\\Common",
    "software\\policies\\microsoft\\windows\\currentversion\\explorer",
    "Software\\Microsoft\\Edge",
    "Software\\Microsoft\\OneDrive\\Sub",
    "Software\\Policies\\Microsoft\\Exchange",
    "SystemSettings\\Widget", // not below System
  ])("%s is allowed", (key) => {
    expect(intuneRefusedRoot(key)).toBeUndefined();
  });
});

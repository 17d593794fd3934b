import { describe, expect, it } from "vitest";
import { classifyEntry, decodePol, decodePolOrThrow, decodeValue, encodePol } from "../../src/pol/index.js";
import { FIXTURES, readFixture } from "../helpers/pol-kit.js";

describe("real Registry.pol files", () => {
  it.each(FIXTURES)("%s decodes and re-encodes byte for byte", (name) => {
    const bytes = readFixture(name);
    const result = decodePol(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Buffer.from(encodePol(result.entries)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("reads the Adobe Reader file: 25 DWORDs under FeatureLockDown", () => {
    const entries = decodePolOrThrow(readFixture("adobe-reader-computer"));
    expect(entries).toHaveLength(25);
    expect(entries.every((e) => e.type === 4 && e.data.length === 4)).toBe(true);
    expect(entries[0]!.key).toBe("Software\\Policies\\Adobe\\Acrobat Reader\\DC\\FeatureLockDown");
    expect(entries[0]!.valueName).toBe("iFileAttachmentPerms");
    expect(decodeValue(entries[0]!.type, entries[0]!.data)).toEqual({ type: "REG_DWORD", value: 1 });
    expect(decodeValue(entries[5]!.type, entries[5]!.data)).toEqual({ type: "REG_DWORD", value: 2 });
  });

  it("reads the certificates file: 28 key-only entries and 37 binary blobs", () => {
    const entries = decodePolOrThrow(readFixture("certificates-computer"));
    expect(entries).toHaveLength(65);
    const keyOnly = entries.filter((e) => classifyEntry(e).kind === "createKey");
    expect(keyOnly).toHaveLength(28);
    expect(keyOnly[0]).toMatchObject({
      key: "Software\\Policies\\Microsoft\\SystemCertificates\\ACRS\\Certificates",
      valueName: "",
      type: 0,
    });
    const blobs = entries.filter((e) => e.type === 3);
    expect(blobs).toHaveLength(37);
    expect(blobs[0]!.valueName).toBe("Blob");
    // An odd-sized blob: the next entry starts at an odd offset, which the reader must handle.
    expect(blobs[0]!.data.length).toBe(1395);
  });

  it("reads the Chrome file: strings, a **del. and seven **delvals.", () => {
    const entries = decodePolOrThrow(readFixture("chrome-computer"));
    expect(entries).toHaveLength(45);
    expect(entries.filter((e) => e.type === 1)).toHaveLength(21);
    const name = entries.find((e) => e.valueName === "DefaultSearchProviderName")!;
    expect(decodeValue(name.type, name.data)).toEqual({ type: "REG_SZ", value: "Google Encrypted" });
    const actions = entries.map(classifyEntry);
    expect(actions).toContainEqual({ kind: "del", name: "NetworkPredictionOptions" });
    expect(actions.filter((a) => a.kind === "delvals")).toHaveLength(7);
    const urlBlacklist = entries.findIndex((e) => e.key.endsWith("\\URLBlacklist"));
    expect(entries[urlBlacklist]!.valueName).toBe("**delvals.");
  });
});

import { describe, expect, it } from "vitest";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import {
  generateGpoBackup,
  checkGpoDisplayName,
  deterministicIdentity,
  freshIdentity,
  placeholderDomainGuid,
  REGISTRY_CSE,
  REGISTRY_TOOL,
  uuidV5,
  type GpoBackupInput,
} from "../../src/gpo/index.js";
import { decodePol, dwordEntry, encodePol, szEntry, type PolEntry } from "../../src/pol/index.js";
import { allNodes, parseXmlTree, wellFormed, type XmlNode } from "../helpers/xml-tree.js";

const MACHINE: PolEntry[] = [
  szEntry("Software\\Policies\\Microsoft\\Windows Defender", "ProxyServer", "http://10.0.0.6:8080"),
  dwordEntry("Software\\Policies\\Microsoft\\Windows\\DataCollection", "DisableEnterpriseAuthProxy", 1),
];
const USER: PolEntry[] = [szEntry("Software\\Policies\\Contoso", "Greeting", "こんにちは")];

function build(overrides: Partial<GpoBackupInput> = {}) {
  return generateGpoBackup({
    displayName: "Defender proxy",
    machine: MACHINE,
    user: [],
    identity: deterministicIdentity("Defender proxy"),
    ...overrides,
  });
}

function content(backup: ReturnType<typeof build>, suffix: string): string | Uint8Array {
  const file = backup.files.find((f) => f.path.endsWith(suffix));
  if (!file) throw new Error(`no file ending in ${suffix}`);
  return file.content;
}

function textOf(backup: ReturnType<typeof build>, suffix: string): string {
  const value = content(backup, suffix);
  if (typeof value !== "string") throw new Error(`${suffix} is not text`);
  return value;
}

function node(root: XmlNode, name: string): XmlNode {
  const found = allNodes(root).find((n) => n.name === name);
  if (!found) throw new Error(`no <${name}>`);
  return found;
}

const cdataOf = (root: XmlNode, name: string) => node(root, name).cdata.join("");

describe("uuidV5", () => {
  it("matches the RFC 9562 example (DNS namespace, www.example.com)", () => {
    expect(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });
});

describe("identity", () => {
  it("deterministic: the same name gives the same ids, another name other ids", () => {
    const a = deterministicIdentity("Defender proxy");
    expect(deterministicIdentity("Defender proxy")).toEqual(a);
    const b = deterministicIdentity("Defender proxy 2");
    expect(b.backupId).not.toBe(a.backupId);
    expect(b.gpoId).not.toBe(a.gpoId);
    expect(a.backupId).not.toBe(a.gpoId);
    expect(a.backupId).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}$/);
  });

  it("fresh: random GUIDs and the given time in GPMC's format", () => {
    const now = new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 678));
    const a = freshIdentity(now);
    const b = freshIdentity(now);
    expect(a.backupId).not.toBe(b.backupId);
    expect(a.backupId).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}$/);
    expect(a.backupTime).toBe("2025-01-02T03:04:05");
  });
});

describe("generateGpoBackup", () => {
  it("writes the folder layout GPMC writes, under the backup id", () => {
    const backup = build({ user: USER });
    const id = backup.backupId;
    expect(id).toBe(deterministicIdentity("Defender proxy").backupId);
    expect(backup.files.map((f) => f.path)).toEqual([
      `${id}/Backup.xml`,
      `${id}/bkupInfo.xml`,
      `${id}/DomainSysvol/GPO/Machine/registry.pol`,
      `${id}/DomainSysvol/GPO/User/registry.pol`,
    ]);
  });

  it("registry.pol files are encodePol of each side's entries", () => {
    const backup = build({ user: USER });
    expect(Buffer.from(content(backup, "Machine/registry.pol"))).toEqual(Buffer.from(encodePol(MACHINE)));
    expect(Buffer.from(content(backup, "User/registry.pol"))).toEqual(Buffer.from(encodePol(USER)));
    const decoded = decodePol(content(backup, "User/registry.pol") as Uint8Array);
    expect(decoded.ok && decoded.entries.map((e) => e.valueName)).toEqual(["Greeting"]);
  });

  it("a side without entries has no registry.pol, no extension pair and version 0", () => {
    const backup = build();
    expect(backup.files.some((f) => f.path.includes("/User/"))).toBe(false);
    const root = parseXmlTree(textOf(backup, "Backup.xml"));
    expect(cdataOf(root, "MachineExtensionGuids")).toBe(`[${REGISTRY_CSE}${REGISTRY_TOOL.machine}]`);
    expect(node(root, "UserExtensionGuids").cdata).toEqual([]);
    expect(cdataOf(root, "MachineVersionNumber")).toBe("65537");
    expect(cdataOf(root, "UserVersionNumber")).toBe("0");
  });

  it("user entries register the user-side pair {35378EAC…}{D02B1F73…}", () => {
    const root = parseXmlTree(textOf(build({ machine: [], user: USER }), "Backup.xml"));
    expect(cdataOf(root, "UserExtensionGuids")).toBe(
      "[{35378EAC-683F-11D2-A89A-00C04FBBCFA2}{D02B1F73-3407-48AE-BA88-E8213C6761F1}]",
    );
    expect(node(root, "MachineExtensionGuids").cdata).toEqual([]);
    expect(cdataOf(root, "UserVersionNumber")).toBe("65537");
    expect(cdataOf(root, "MachineVersionNumber")).toBe("0");
  });

  it("names, ids and placeholders agree between Backup.xml and bkupInfo.xml", () => {
    const backup = build();
    const identity = deterministicIdentity("Defender proxy");
    const main = parseXmlTree(textOf(backup, "Backup.xml"));
    const info = parseXmlTree(textOf(backup, "bkupInfo.xml"));
    expect(cdataOf(main, "DisplayName")).toBe("Defender proxy");
    expect(cdataOf(info, "GPODisplayName")).toBe("Defender proxy");
    expect(cdataOf(main, "ID")).toBe(identity.gpoId);
    expect(cdataOf(info, "GPOGuid")).toBe(identity.gpoId);
    expect(cdataOf(info, "ID")).toBe(identity.backupId);
    expect(cdataOf(info, "BackupTime")).toBe("2000-01-01T00:00:00");
    expect(cdataOf(info, "GPODomain")).toBe("admxkit.invalid");
    expect(cdataOf(main, "Domain")).toBe("admxkit.invalid");
    expect(cdataOf(info, "GPODomainGuid")).toBe(placeholderDomainGuid());
    const location = allNodes(main)
      .filter((n) => n.name === "FSObjectFile")
      .map((n) => n.attributes["bkp:Location"]);
    expect(location).toEqual(["DomainSysvol\\GPO\\Machine\\registry.pol", undefined]);
  });

  it("keeps a Japanese display name and characters XML escapes", async () => {
    const name = "Defender プロキシ <&> \"'";
    const backup = build({ displayName: name, identity: deterministicIdentity(name) });
    for (const file of ["Backup.xml", "bkupInfo.xml"]) {
      expect((await wellFormed(textOf(backup, file), file)).ok).toBe(true);
    }
    expect(cdataOf(parseXmlTree(textOf(backup, "Backup.xml")), "DisplayName")).toBe(name);
    expect(cdataOf(parseXmlTree(textOf(backup, "bkupInfo.xml")), "GPODisplayName")).toBe(name);
  });

  it.each([
    ["", "GPO_NAME_EMPTY"],
    ["   ", "GPO_NAME_EMPTY"],
    ["a]]>b", "GPO_NAME_CDATA_END"],
    ["line\nbreak", "GPO_NAME_BAD_CHARACTER"],
    ["tab\there", "GPO_NAME_BAD_CHARACTER"],
    ["bell\u0007", "GPO_NAME_BAD_CHARACTER"],
    ["lone \ud800 surrogate", "GPO_NAME_BAD_CHARACTER"],
  ])("refuses the display name %j with %s", (name, code) => {
    expect(checkGpoDisplayName(name).map((d) => d.code)).toEqual([code]);
    expect(() => build({ displayName: name })).toThrow(AdmxkitError);
  });

  it("accepts an astral character (a valid surrogate pair)", () => {
    expect(checkGpoDisplayName("Proxy 🛡️")).toEqual([]);
  });

  it("reports an entry registry.pol cannot store, naming side, index, key and value", () => {
    const bad: PolEntry = { key: "Software\\\\Double", valueName: "X", type: 4, data: new Uint8Array(4) };
    try {
      build({ user: [USER[0]!, bad] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AdmxkitError);
      const d = (error as AdmxkitError).diagnostics[0]!;
      expect(d.code).toBe("GPO_ENTRY_INVALID");
      expect(d.params).toMatchObject({ hive: "user", index: 1, key: "Software\\\\Double", valueName: "X" });
    }
  });
});

describe("xmllint well-formedness check", () => {
  it("rejects broken XML (so the structure tests can fail)", async () => {
    expect((await wellFormed("<a><b></a>", "broken.xml")).ok).toBe(false);
    expect((await wellFormed('<a xmlns:p="x"><q:b/></a>', "ns.xml")).ok).toBe(false);
  });
});

describe("security descriptor", () => {
  /** A SID at `offset` as S-1-…, read by the layout of [MS-DTYP] 2.4.2.2 (independent of the writer). */
  function sidAt(bytes: Buffer, offset: number): { text: string; length: number } {
    const count = bytes[offset + 1]!;
    const authority = bytes.readUIntBE(offset + 2, 6);
    const subs = Array.from({ length: count }, (_, i) => bytes.readUInt32LE(offset + 8 + 4 * i));
    return {
      text: `S-${bytes[offset]}-${authority}${subs.map((s) => `-${s}`).join("")}`,
      length: 8 + 4 * count,
    };
  }

  it("is a complete self-relative descriptor of well-known SIDs only", () => {
    const root = parseXmlTree(textOf(build(), "Backup.xml"));
    const hex = node(root, "SecurityDescriptor").text;
    expect(hex).toMatch(/^[0-9a-f]{2}( [0-9a-f]{2})*$/);
    const sd = Buffer.from(hex.replace(/ /g, ""), "hex");
    expect(sd[0]).toBe(1);
    expect(sd.readUInt16LE(2)).toBe(0x8004); // self-relative, DACL present
    expect(sidAt(sd, sd.readUInt32LE(4)).text).toBe("S-1-5-32-544");
    expect(sidAt(sd, sd.readUInt32LE(8)).text).toBe("S-1-5-32-544");
    expect(sd.readUInt32LE(12)).toBe(0); // no SACL
    const dacl = sd.readUInt32LE(16);
    expect(dacl + sd.readUInt16LE(dacl + 2)).toBe(sd.length);
    const aces: [number, number, string][] = [];
    let at = dacl + 8;
    for (let i = 0; i < sd.readUInt16LE(dacl + 4); i++) {
      const size = sd.readUInt16LE(at + 2);
      const sid = sidAt(sd, at + 8);
      expect(8 + sid.length).toBe(size);
      aces.push([sd[at]!, sd.readUInt32LE(at + 4), sid.text]);
      at += size;
    }
    expect(at).toBe(sd.length);
    expect(aces).toEqual([
      [0, 0x000f00ff, "S-1-5-18"],
      [0, 0x000f00ff, "S-1-5-32-544"],
      [0, 0x00020094, "S-1-5-11"],
    ]);
  });
});

/**
 * Backup.xml and bkupInfo.xml are well-formed and have the element structure of real GPMC backups, as
 * recorded in test/fixtures/gpo/gpmc-structure.json (element paths, child order, attribute names).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateGpoBackup, deterministicIdentity } from "../../src/gpo/index.js";
import { delEntry, dwordEntry, szEntry, type PolEntry } from "../../src/pol/index.js";
import { allNodes, parseXmlTree, wellFormed, type XmlNode } from "../helpers/xml-tree.js";

interface FileStructure {
  namespace: string;
  root: string;
  required: string[];
  optional: string[];
  childOrder: Record<string, string[]>;
  attributes: Record<string, string[]>;
  cdataText: string[];
}

const STRUCTURE = JSON.parse(
  readFileSync(new URL("../fixtures/gpo/gpmc-structure.json", import.meta.url), "utf8"),
) as { files: Record<"Backup.xml" | "bkupInfo.xml", FileStructure> };

const MACHINE: PolEntry[] = [
  szEntry("Software\\Policies\\Microsoft\\Windows Defender", "ProxyServer", "http://10.0.0.6:8080"),
  delEntry("Software\\Policies\\Microsoft\\Windows Defender\\Spynet", "SSLOptions"),
];
const USER: PolEntry[] = [dwordEntry("Software\\Policies\\Contoso\\Sync", "Enabled", 1)];

const CASES: Record<string, { machine: PolEntry[]; user: PolEntry[] }> = {
  "machine only": { machine: MACHINE, user: [] },
  "user only": { machine: [], user: USER },
  "machine and user": { machine: MACHINE, user: USER },
  "no settings": { machine: [], user: [] },
};

function fileText(sides: { machine: PolEntry[]; user: PolEntry[] }, name: string): string {
  const backup = generateGpoBackup({
    displayName: "Structure test",
    ...sides,
    identity: deterministicIdentity("Structure test"),
  });
  const file = backup.files.find((f) => f.path.endsWith(`/${name}`));
  if (!file || typeof file.content !== "string") throw new Error(`no ${name}`);
  return file.content;
}

/** Child element names with repeats of the same name collapsed (extensions and files may repeat). */
function childSequence(node: XmlNode): string[] {
  return node.children.map((c) => c.name).filter((name, i, all) => i === 0 || all[i - 1] !== name);
}

describe.each(Object.entries(CASES))("backup files: %s", (_, sides) => {
  it.each(["Backup.xml", "bkupInfo.xml"] as const)(
    "%s is well-formed and shaped like GPMC's",
    async (name) => {
      const text = fileText(sides, name);
      const parsed = await wellFormed(text, name);
      expect(parsed.message).toBe("");
      expect(parsed.ok).toBe(true);

      const spec = STRUCTURE.files[name];
      const root = parseXmlTree(text);
      expect(root.name).toBe(spec.root);
      expect(root.attributes.xmlns).toBe(spec.namespace);
      const nodes = allNodes(root);
      const paths = new Set(nodes.map((n) => n.path));
      const known = new Set([...spec.required, ...spec.optional]);
      expect(
        [...paths].filter((p) => !known.has(p)),
        "element paths GPMC does not write",
      ).toEqual([]);
      expect(
        spec.required.filter((p) => !paths.has(p)),
        "element paths every GPMC backup has",
      ).toEqual([]);

      for (const [path, order] of Object.entries(spec.childOrder)) {
        for (const node of nodes.filter((n) => n.path === path))
          expect(childSequence(node), path).toEqual(order);
      }
      for (const node of nodes) {
        const allowed = spec.attributes[node.path] ?? [];
        expect(
          Object.keys(node.attributes).filter((a) => !allowed.includes(a)),
          `attributes of ${node.path}`,
        ).toEqual([]);
      }
      for (const node of nodes.filter((n) => spec.cdataText.includes(n.path))) {
        expect(node.cdata, `${node.path} holds one CDATA section`).toHaveLength(1);
        expect(node.text, `${node.path} has no text outside it`).toBe("");
      }
    },
  );
});

describe("whitespace sits where GPMC puts it", () => {
  const text = fileText(CASES["machine and user"]!, "Backup.xml");
  const nodes = allNodes(parseXmlTree(text));

  it("no whitespace inside the records GPMC writes without any", () => {
    const records = nodes.filter((n) => /\/(GroupPolicyCoreSettings|SecurityGroups|FilePaths)$/.test(n.path));
    expect(records.length).toBe(3);
    for (const node of records) expect(node.text, node.path).toBe("");
    for (const node of allNodes(parseXmlTree(fileText(CASES["machine and user"]!, "bkupInfo.xml")))) {
      expect(node.text, node.path).toBe("");
    }
  });

  it("registry extension lists machine, then user, then the Adm wildcard", () => {
    const files = nodes.filter((n) => n.name === "FSObjectFile").map((n) => n.attributes["bkp:Path"]);
    expect(files).toEqual([
      "%GPO_MACH_FSPATH%\\registry.pol",
      "%GPO_USER_FSPATH%\\registry.pol",
      "%GPO_FSPATH%\\Adm\\*.*",
    ]);
  });

  it("uses CRLF line ends only and ends with one", () => {
    for (const name of ["Backup.xml", "bkupInfo.xml"]) {
      const t = fileText(CASES["machine and user"]!, name);
      expect(t.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      expect(t.endsWith("\r\n")).toBe(true);
    }
  });
});

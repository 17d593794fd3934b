import type {
  AdmlDocument,
  ReadDuplicate,
  ReadPresentation,
  ReadPresentationItem,
  ReadString,
} from "../types.js";
import { attr, child, children, textOf } from "../xml/query.js";
import type { XmlDocument, XmlElement } from "../xml/tree.js";
import { isControlType, readControl } from "./read-controls.js";

/**
 * Reads a parsed ADML document: its display name and description, the string table and the
 * presentation table, each definition with its position. Texts are kept exactly (line ends are LF, as
 * XML normalizes them): the Group Policy editor shows every character of them.
 */
export function readAdmlDocument(doc: XmlDocument): AdmlDocument {
  const { root, lines } = doc;
  const at = (e: XmlElement) => lines.at(e.offset);
  const resources = child(root, "resources");
  const duplicates: ReadDuplicate[] = [];

  const strings = new Map<string, ReadString>();
  const stringTable = resources && child(resources, "stringTable");
  for (const s of stringTable ? children(stringTable, "string") : []) {
    const id = attr(s, "id") ?? "";
    const first = strings.get(id);
    if (first) duplicates.push({ kind: "string", id, at: at(s), first: first.at });
    else strings.set(id, { text: textOf(s), at: at(s) });
  }

  const presentations = new Map<string, ReadPresentation>();
  const presentationTable = resources && child(resources, "presentationTable");
  for (const p of presentationTable ? children(presentationTable, "presentation") : []) {
    const id = attr(p, "id") ?? "";
    const items = children(p).flatMap((e): ReadPresentationItem[] => {
      if (e.local === "text") return [{ kind: "text", text: textOf(e), at: at(e) }];
      if (!isControlType(e.local)) return [];
      const control = readControl(e as XmlElement & { local: typeof e.local });
      return [{ kind: "control", refId: attr(e, "refId") ?? "", control, at: at(e) }];
    });
    const first = presentations.get(id);
    if (first) duplicates.push({ kind: "presentation", id, at: at(p), first: first.at });
    else presentations.set(id, { id, items, at: at(p) });
  }

  const displayName = child(root, "displayName");
  const description = child(root, "description");
  return {
    file: lines.file,
    revision: attr(root, "revision") ?? "",
    displayName: displayName ? textOf(displayName) : "",
    description: description ? textOf(description) : "",
    strings,
    presentations,
    duplicates,
    at: at(root),
  };
}

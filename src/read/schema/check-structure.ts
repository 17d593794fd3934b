/**
 * The structural rules of Microsoft's ADMX schema, checked in the project: element order and
 * occurrences, attributes and their types, text where none is allowed. Verdicts agree with xmllint and
 * the libxml2 copy of the schema (test/lint/xsd-agreement.test.ts), except where Windows itself is
 * more tolerant than the published schema: attributes in-box templates use (see `tolerated` in the type
 * tables) and any other attribute GPMC ignores, stray text in element-only content, white space in an
 * empty element, hyphens in ids, spaces and dots in prefixes, an empty `defaultValue`, `<string>`
 * values over 255 characters and a wrong root namespace are warnings (errors under `--strict`,
 * src/lint/strict.ts).
 */
import { POLICY_DEFINITIONS_NS } from "../../xml/policy-definitions.js";
import { diag, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { XmlDocument, XmlElement, XmlNode, XmlText } from "../xml/tree.js";
import { ADML_TYPES } from "./adml-schema.js";
import { ADMX_TYPES } from "./admx-schema.js";
import { ChildMatcher } from "./content-model.js";
import type { AttributeDecl, ComplexTypeDecl } from "./schema-types.js";
import { failsOnlyOn, ID_TYPES, SIMPLE_TYPES } from "./simple-types.js";
import { collapse, textOf } from "../xml/query.js";

const TYPES = new Map<string, ComplexTypeDecl>(Object.entries({ ...ADMX_TYPES, ...ADML_TYPES }));
const XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";
/** The root element of each kind of file, and its type. */
export const ROOTS = { admx: "policyDefinitions", adml: "policyDefinitionResources" } as const;
const ROOT_TYPES = new Map([
  ["policyDefinitions", "PolicyDefinitions"],
  ["policyDefinitionResources", "PolicyDefinitionResources"],
]);

/** Values in messages are cut to a readable length. */
function shown(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

/** A type's attribute tables as maps (input names never reach a prototype), and its required names. */
interface AttributeTables {
  readonly declared: ReadonlyMap<string, AttributeDecl>;
  readonly tolerated: ReadonlyMap<string, AttributeDecl>;
  readonly required: readonly string[];
}

const tables = new WeakMap<ComplexTypeDecl, AttributeTables>();

function attributeTables(type: ComplexTypeDecl): AttributeTables {
  let found = tables.get(type);
  if (!found) {
    const declared = new Map(Object.entries(type.attributes));
    const required = [...declared].filter(([, decl]) => decl.required).map(([name]) => name);
    found = { declared, tolerated: new Map(Object.entries(type.tolerated ?? {})), required };
    tables.set(type, found);
  }
  return found;
}

const isText = (node: XmlNode): node is XmlText => node.kind === "text";

class StructureChecker {
  readonly out: Diagnostic[] = [];
  /** The namespaces read as the ADMX namespace: the real one, and a root's wrong one (tolerated). */
  readonly namespaces = new Set<string | undefined>([POLICY_DEFINITIONS_NS]);

  constructor(private readonly doc: XmlDocument) {}

  private at(offset: number) {
    return this.doc.lines.at(offset);
  }

  private checkValue(element: XmlElement, name: string, value: string, offset: number, decl: AttributeDecl) {
    if (SIMPLE_TYPES[decl.type](value)) return;
    const params = { element: element.local, attribute: name, value: shown(value), type: decl.type };
    if (ID_TYPES.has(decl.type)) {
      if (failsOnlyOn(/-/, decl.type, value))
        this.out.push(diag("XSD_ID_HYPHEN", params, this.at(offset), "warning"));
      else if (name === "prefix" && failsOnlyOn(/[ .]/, decl.type, value))
        // Vendors name their namespace prefixes like products ("Adobe Acrobat Reader DC",
        // "pcoip.client", "Password Alert") and GPMC loads those templates: a prefix is only a
        // file-local name that references split at the colon.
        this.out.push(diag("XSD_ID_PREFIX", params, this.at(offset), "warning"));
      else this.out.push(diag("XSD_ID_INVALID", params, this.at(offset)));
    } else if (name === "defaultValue" && collapse(value) === "")
      // Office 2013 to 2019 (every language), RealVNC and VMware Horizon ship `defaultValue=""` on
      // decimalTextBox, and GPMC loads them: an empty default is no default (the readers read it so).
      this.out.push(diag("XSD_DEFAULT_EMPTY", params, this.at(offset), "warning"));
    else if (decl.type === "versionString")
      this.out.push(diag("ADMX_REVISION_INVALID", params, this.at(offset)));
    else this.out.push(diag("XSD_ATTRIBUTE_VALUE", params, this.at(offset)));
  }

  private attributes(element: XmlElement, type: ComplexTypeDecl): void {
    const table = attributeTables(type);
    for (const a of element.attributes) {
      if (a.ns === XSI_NAMESPACE && (a.local === "schemaLocation" || a.local === "noNamespaceSchemaLocation"))
        continue;
      const declared = a.ns === undefined ? table.declared.get(a.local) : undefined;
      const tolerated = a.ns === undefined && !declared ? table.tolerated.get(a.local) : undefined;
      if (declared) this.checkValue(element, a.local, a.value, a.offset, declared);
      else if (tolerated) {
        const params = { element: element.local, attribute: a.local };
        this.out.push(diag("XSD_TOLERATED_ATTRIBUTE", params, this.at(a.offset), "warning"));
        this.checkValue(element, a.local, a.value, a.offset, tolerated);
      } else {
        // GPMC ignores attributes it does not know: Windows' own templates carry xml:space on controls,
        // noSort/nosort/oSort/Sort, defaultvalue, maxvalue and more, and load without a message.
        const params = { element: element.local, attribute: a.name };
        this.out.push(diag("XSD_UNKNOWN_ATTRIBUTE", params, this.at(a.offset), "warning"));
      }
    }
    for (const name of table.required) {
      if (!element.attributes.some((a) => a.ns === undefined && a.local === name)) {
        this.out.push(
          diag("XSD_MISSING_ATTRIBUTE", { element: element.local, attribute: name }, this.at(element.offset)),
        );
      }
    }
  }

  private text(element: XmlElement, type: ComplexTypeDecl): void {
    const content = type.content;
    if (content.kind === "simple") {
      const value = textOf(element);
      if (!SIMPLE_TYPES[content.type](value)) {
        const params = { element: element.local, type: content.type, length: [...value].length };
        // The schema caps a `<string>` value at 255 characters; vendors ship longer enum values and
        // GPMC writes them whole (the registry has no such limit for REG_SZ).
        if (content.type === "string255")
          this.out.push(diag("XSD_STRING_TOO_LONG", params, this.at(element.offset), "warning"));
        else this.out.push(diag("XSD_TEXT_VALUE", params, this.at(element.offset)));
      }
      return;
    }
    // Most elements hold no text: gather it only when there is some (this runs for every element).
    if (!element.children.some(isText)) return;
    const texts = element.children.filter(isText);
    if (content.kind === "empty") {
      const at = this.at(texts[0]!.offset);
      if (type.labelText) this.out.push(diag("XSD_LABEL_TEXT", { element: element.local }, at, "info"));
      else if (texts.every((t) => !t.cdata && t.text.trim() === ""))
        // `<list …>` and `</list>` on two lines (EMET): XSD forbids even white space in an empty
        // element, but it is layout, not text, and GPMC loads the file.
        this.out.push(diag("XSD_EMPTY_WHITESPACE", { element: element.local }, at, "warning"));
      else this.out.push(diag("XSD_TEXT_NOT_ALLOWED", { element: element.local }, at));
    } else if (content.kind === "elements") {
      const stray = texts.find((t) => t.cdata || t.text.trim() !== "");
      if (stray) {
        const params = { element: element.local, text: shown(stray.text.trim()) };
        this.out.push(diag("XSD_STRAY_TEXT", params, this.at(stray.offset), "warning"));
      }
    }
  }

  check(element: XmlElement, typeName: string): void {
    const type = TYPES.get(typeName)!;
    this.attributes(element, type);
    this.text(element, type);
    const content = type.content;
    if (content.kind === "empty" || content.kind === "simple") {
      const first = element.children.find((c) => c.kind === "element");
      if (first) {
        const params = { element: first.local, parent: element.local, expected: "-" };
        this.out.push(diag("XSD_UNEXPECTED_ELEMENT", params, this.at(first.offset)));
      }
      return;
    }
    // One walk over the children: each is matched against the content model and, when it fits, checked
    // against its own type at once; the first one that does not fit ends the match.
    const matcher = new ChildMatcher(content.particle);
    for (const child of element.children) {
      if (child.kind !== "element") continue;
      const move = matcher.next(this.namespaces.has(child.ns) ? child.local : undefined);
      if (!move) {
        const params = { element: child.name, parent: element.local, expected: this.expected(matcher) };
        this.out.push(diag("XSD_UNEXPECTED_ELEMENT", params, this.at(child.offset)));
        return;
      }
      if (move.type) this.check(child, move.type);
    }
    if (!matcher.complete) {
      const params = { element: element.local, expected: this.expected(matcher) };
      this.out.push(diag("XSD_MISSING_ELEMENT", params, this.at(element.offset)));
    }
  }

  private expected(matcher: ChildMatcher): string {
    return matcher.expected().join(", ") || "-";
  }

  root(kind: "admx" | "adml"): void {
    const root = this.doc.root;
    if (root.ns !== POLICY_DEFINITIONS_NS) {
      // WindowsDefender.adml ships with ".../Policysecurity intelligence" as its namespace, and GPMC
      // loads it: read the file in its own namespace, and say so.
      this.namespaces.add(root.ns);
      const params = { namespace: root.ns ?? "", expected: POLICY_DEFINITIONS_NS };
      const at = this.at(root.offset);
      if (root.ns) this.out.push(diag("XSD_NAMESPACE_WRONG", params, at, "warning"));
      else this.out.push(diag("XSD_NAMESPACE_MISSING", params, at, "warning"));
    }
    const type = ROOT_TYPES.get(root.local);
    if (!type) {
      this.out.push(diag("XSD_ROOT", { element: root.name, expected: ROOTS[kind] }, this.at(root.offset)));
      return;
    }
    if (root.local !== ROOTS[kind]) {
      this.out.push(
        diag(
          "ADMX_ROOT_MISMATCH",
          { element: root.local, expected: ROOTS[kind], kind },
          this.at(root.offset),
        ),
      );
    }
    this.check(root, type);
  }
}

/** Checks a parsed ADMX or ADML document against the schema's structure; `kind` comes from the file name. */
export function checkStructure(document: XmlDocument, kind: "admx" | "adml"): Diagnostic[] {
  const checker = new StructureChecker(document);
  checker.root(kind);
  return checker.out;
}

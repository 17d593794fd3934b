/**
 * The ADML half of Microsoft's schema: the resources root, the string table and the presentation
 * controls (PolicyDefinitionFiles.xsd and the presentation types of PolicyDefinitions.xsd).
 */
import { choice, el, elements, EMPTY, opt, req, seq, STRING, type ComplexTypeDecl } from "./schema-types.js";

const UNBOUNDED = Infinity;

/** A control whose text content is its label (DataElementContent: xs:string with refId). */
const labelled = (extra: ComplexTypeDecl["attributes"] = {}): ComplexTypeDecl => ({
  attributes: { refId: req("string"), ...extra },
  content: STRING,
});

const NUMBER_BOX = labelled({
  defaultValue: opt("unsignedInt"),
  spin: opt("boolean"),
  spinStep: opt("unsignedInt"),
});

/** The complex types of ADML files, by name. */
export const ADML_TYPES: Record<string, ComplexTypeDecl> = {
  PolicyDefinitionResources: {
    attributes: { revision: req("versionString"), schemaVersion: req("versionString") },
    content: elements(
      seq(
        el("displayName", "String"),
        el("description", "String"),
        el("annotation", "Annotation", 0, UNBOUNDED),
        el("resources", "Localization"),
      ),
    ),
  },
  Localization: {
    attributes: {},
    content: elements(
      seq(el("stringTable", "StringTable", 0, 1), el("presentationTable", "PresentationTable", 0, 1)),
    ),
  },
  StringTable: { attributes: {}, content: elements(el("string", "LocalizedString", 1, UNBOUNDED)) },
  LocalizedString: { attributes: { id: req("resourceID") }, content: STRING },
  PresentationTable: {
    attributes: {},
    content: elements(el("presentation", "PolicyPresentation", 1, UNBOUNDED)),
  },
  PolicyPresentation: {
    attributes: { id: req("resourceID") },
    content: elements(
      choice(
        0,
        UNBOUNDED,
        el("text", "String"),
        el("decimalTextBox", "DecimalTextBox"),
        el("textBox", "TextBox"),
        el("checkBox", "CheckBox"),
        el("comboBox", "ComboBox"),
        el("dropdownList", "DropdownList"),
        el("listBox", "ListBox"),
        el("longDecimalTextBox", "LongDecimalTextBox"),
        el("multiTextBox", "MultiTextBox"),
      ),
    ),
  },
  DecimalTextBox: NUMBER_BOX,
  // The schema types the default of a longDecimalTextBox as xs:unsignedInt too.
  LongDecimalTextBox: NUMBER_BOX,
  TextBox: {
    attributes: { refId: req("string") },
    content: elements(seq(el("label", "String"), el("defaultValue", "String", 0, 1))),
  },
  MultiTextBox: {
    attributes: { refId: req("string"), showAsDialog: opt("boolean"), defaultHeight: opt("unsignedInt") },
    content: EMPTY,
    // The schema gives a multiTextBox no content, yet in-box ADML files write its label as text and
    // the Group Policy editor shows it: the only way to label one.
    labelText: true,
  },
  CheckBox: labelled({ defaultChecked: opt("boolean") }),
  ComboBox: {
    attributes: { refId: req("string"), noSort: opt("boolean") },
    content: elements(
      seq(el("label", "String"), el("default", "String", 0, 1), el("suggestion", "String", 0, UNBOUNDED)),
    ),
  },
  DropdownList: labelled({ noSort: opt("boolean"), defaultItem: opt("unsignedInt") }),
  ListBox: labelled(),
};

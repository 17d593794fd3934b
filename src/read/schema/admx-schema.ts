/**
 * The ADMX half of Microsoft's schema (PolicyDefinitions.xsd, PolicyDefinitionFiles.xsd), as data for
 * the structural checker. Element and attribute names, types, order and occurrences follow the
 * published schema; `tolerated` lists what in-box templates use beyond it.
 */
import {
  choice,
  el,
  elements,
  EMPTY,
  opt,
  req,
  seq,
  STRING,
  type ComplexTypeDecl,
  type Particle,
} from "./schema-types.js";

const UNBOUNDED = Infinity;

/** The attributes every policy element kind shares (PolicyElementAttributeGroup). */
const ELEMENT_ATTRIBUTES = {
  id: req("string"),
  clientExtension: opt("GUID"),
  key: opt("string"),
  valueName: opt("string"),
} as const;

/** annotation*, parentCategory?, seeAlso*, keywords? (BaseDescriptiveGroup). */
const DESCRIPTIVE: Particle[] = [
  el("annotation", "Annotation", 0, UNBOUNDED),
  el("parentCategory", "CategoryReference", 0, 1),
  el("seeAlso", "String", 0, UNBOUNDED),
  el("keywords", "String", 0, 1),
];

const SUPPORTED_CONDITION: ComplexTypeDecl = {
  attributes: {},
  content: elements(
    choice(1, UNBOUNDED, el("range", "SupportedOnRange"), el("reference", "SupportedOnReference")),
  ),
};

const NUMBER_ELEMENT = (number: "unsignedInt" | "unsignedLong"): ComplexTypeDecl => ({
  attributes: {
    ...ELEMENT_ATTRIBUTES,
    required: opt("boolean"),
    minValue: opt(number),
    maxValue: opt(number),
    storeAsText: opt("boolean"),
    soft: opt("boolean"),
  },
  content: EMPTY,
});

/** The complex types of ADMX files (and the Annotation and String types ADML files share), by name. */
export const ADMX_TYPES: Record<string, ComplexTypeDecl> = {
  PolicyDefinitions: {
    attributes: { revision: req("versionString"), schemaVersion: req("versionString") },
    content: elements(
      seq(
        el("policyNamespaces", "PolicyNamespaces"),
        el("supersededAdm", "FileReference", 0, UNBOUNDED),
        el("annotation", "Annotation", 0, UNBOUNDED),
        el("resources", "LocalizationResourceReference"),
        el("supportedOn", "SupportedOnTable", 0, 1),
        el("categories", "CategoryList", 0, 1),
        el("policies", "PolicyList", 0, 1),
      ),
    ),
  },
  PolicyNamespaces: {
    attributes: {},
    content: elements(
      seq(
        el("target", "PolicyNamespaceAssociation"),
        el("using", "PolicyNamespaceAssociation", 0, UNBOUNDED),
      ),
    ),
  },
  PolicyNamespaceAssociation: {
    attributes: { prefix: req("itemName"), namespace: req("anyURI") },
    content: EMPTY,
  },
  FileReference: { attributes: { fileName: req("string") }, content: EMPTY },
  LocalizationResourceReference: {
    attributes: { minRequiredRevision: req("versionString"), fallbackCulture: opt("language") },
    content: EMPTY,
  },
  SupportedOnTable: {
    attributes: {},
    content: elements(
      seq(el("products", "SupportedProducts", 0, 1), el("definitions", "SupportedOnDefinitions", 0, 1)),
    ),
  },
  SupportedProducts: {
    attributes: {},
    content: elements(el("product", "SupportedProduct", 1, UNBOUNDED)),
  },
  SupportedProduct: {
    attributes: { name: req("itemName"), displayName: req("stringReference") },
    content: elements(el("majorVersion", "SupportedMajorVersion", 0, UNBOUNDED)),
  },
  SupportedMajorVersion: {
    attributes: {
      name: req("itemName"),
      displayName: req("stringReference"),
      versionIndex: req("unsignedInt"),
    },
    content: elements(el("minorVersion", "SupportedMinorVersion", 0, UNBOUNDED)),
  },
  SupportedMinorVersion: {
    attributes: {
      name: req("itemName"),
      displayName: req("stringReference"),
      versionIndex: req("unsignedInt"),
    },
    content: EMPTY,
  },
  SupportedOnDefinitions: {
    attributes: {},
    content: elements(el("definition", "SupportedOnDefinition", 1, UNBOUNDED)),
  },
  SupportedOnDefinition: {
    attributes: { name: req("itemName"), displayName: req("stringReference") },
    content: elements(choice(0, 1, el("or", "SupportedOrCondition"), el("and", "SupportedAndCondition"))),
  },
  SupportedOrCondition: SUPPORTED_CONDITION,
  SupportedAndCondition: SUPPORTED_CONDITION,
  SupportedOnRange: {
    attributes: {
      ref: req("itemReference"),
      minVersionIndex: opt("unsignedInt"),
      maxVersionIndex: opt("unsignedInt"),
    },
    content: EMPTY,
  },
  SupportedOnReference: {
    attributes: { ref: req("itemReference") },
    content: EMPTY,
    // In-box templates put a version bound on a plain reference; GPMC ignores it.
    tolerated: { minVersionIndex: opt("unsignedInt"), maxVersionIndex: opt("unsignedInt") },
  },
  CategoryList: { attributes: {}, content: elements(el("category", "Category", 1, UNBOUNDED)) },
  Category: {
    attributes: {
      name: req("itemName"),
      displayName: req("stringReference"),
      explainText: opt("stringReference"),
    },
    content: elements(seq(...DESCRIPTIVE)),
  },
  CategoryReference: { attributes: { ref: req("itemReference") }, content: EMPTY },
  PolicyList: { attributes: {}, content: elements(el("policy", "PolicyDefinition", 1, UNBOUNDED)) },
  PolicyDefinition: {
    attributes: {
      name: req("itemName"),
      class: req("policyClass"),
      displayName: req("stringReference"),
      explainText: opt("stringReference"),
      presentation: opt("presentationReference"),
      key: req("string"),
      valueName: opt("string"),
    },
    content: elements(
      seq(
        ...DESCRIPTIVE,
        el("supportedOn", "SupportedOnReference"),
        el("enabledValue", "Value", 0, 1),
        el("disabledValue", "Value", 0, 1),
        el("enabledList", "ValueList", 0, 1),
        el("disabledList", "ValueList", 0, 1),
        el("elements", "PolicyElements", 0, 1),
      ),
    ),
    // In-box templates name a client-side extension per policy; the published schema only has it on
    // elements, but Windows' own schema and GPMC accept it.
    tolerated: { clientExtension: opt("GUID") },
  },
  PolicyElements: {
    attributes: {},
    content: elements(
      choice(
        1,
        UNBOUNDED,
        el("boolean", "BooleanElement"),
        el("decimal", "DecimalElement"),
        el("text", "TextElement"),
        el("enum", "EnumerationElement"),
        el("list", "ListElement"),
        el("longDecimal", "LongDecimalElement"),
        el("multiText", "MultiTextElement"),
      ),
    ),
  },
  BooleanElement: {
    attributes: ELEMENT_ATTRIBUTES,
    content: elements(
      seq(
        el("trueValue", "Value", 0, 1),
        el("falseValue", "Value", 0, 1),
        el("trueList", "ValueList", 0, 1),
        el("falseList", "ValueList", 0, 1),
      ),
    ),
    // Seen in in-box templates; meaningless for a check box, and ignored by GPMC.
    tolerated: { required: opt("boolean") },
  },
  DecimalElement: NUMBER_ELEMENT("unsignedInt"),
  LongDecimalElement: NUMBER_ELEMENT("unsignedLong"),
  TextElement: {
    attributes: {
      ...ELEMENT_ATTRIBUTES,
      required: opt("boolean"),
      maxLength: opt("unsignedInt"),
      expandable: opt("boolean"),
      soft: opt("boolean"),
    },
    content: EMPTY,
    // WindowsDefender.admx puts minValue/maxValue on a text element; GPMC ignores them.
    tolerated: { minValue: opt("unsignedInt"), maxValue: opt("unsignedInt") },
  },
  MultiTextElement: {
    attributes: {
      ...ELEMENT_ATTRIBUTES,
      required: opt("boolean"),
      maxLength: opt("unsignedInt"),
      maxStrings: opt("unsignedInt"),
      soft: opt("boolean"),
    },
    content: EMPTY,
  },
  EnumerationElement: {
    attributes: { ...ELEMENT_ATTRIBUTES, required: opt("boolean") },
    content: elements(el("item", "EnumerationItem", 0, UNBOUNDED)),
  },
  EnumerationItem: {
    attributes: { displayName: req("stringReference") },
    content: elements(seq(el("value", "Value"), el("valueList", "ValueList", 0, 1))),
  },
  ListElement: {
    attributes: {
      id: req("string"),
      clientExtension: opt("GUID"),
      key: opt("string"),
      valuePrefix: opt("string"),
      additive: opt("boolean"),
      expandable: opt("boolean"),
      explicitValue: opt("boolean"),
    },
    content: EMPTY,
  },
  Value: {
    attributes: {},
    content: elements(
      choice(
        1,
        1,
        el("delete", "Empty"),
        el("decimal", "DecimalValue"),
        el("longDecimal", "LongDecimalValue"),
        el("string", "String255"),
      ),
    ),
  },
  ValueList: {
    attributes: { defaultKey: opt("string") },
    content: elements(el("item", "ValueItem", 1, UNBOUNDED)),
  },
  ValueItem: {
    attributes: { key: opt("string"), valueName: req("string") },
    content: elements(el("value", "Value")),
  },
  DecimalValue: { attributes: { value: req("unsignedInt") }, content: EMPTY },
  LongDecimalValue: { attributes: { value: req("unsignedLong") }, content: EMPTY },
  Empty: { attributes: {}, content: EMPTY },
  String: { attributes: {}, content: STRING },
  String255: { attributes: {}, content: { kind: "simple", type: "string255" } },
  Annotation: {
    attributes: { application: req("string") },
    // mixed content holding exactly one element of any namespace, not processed (processContents="skip")
    content: { kind: "mixed", particle: { any: true } },
  },
};

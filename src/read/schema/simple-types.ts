/**
 * The simple types of the ADMX schema (BaseTypes.xsd and the XML Schema built-ins it uses), as
 * predicates on attribute values and text. XSD's whitespace rules matter: types derived from xs:token and
 * the numeric and boolean built-ins collapse white space before checking (so `revision=" 1.0 "` is
 * valid), while the patterns on xs:string types (ids, references, GUIDs) apply to the value as written.
 */
import { collapse } from "../xml/query.js";

/** The simple types the schema tables use. */
export type SimpleTypeName =
  | "string"
  | "string255"
  | "boolean"
  | "unsignedInt"
  | "unsignedLong"
  | "versionString"
  | "policyClass"
  | "language"
  | "anyURI"
  | "GUID"
  | "itemName"
  | "itemReference"
  | "resourceID"
  | "stringReference"
  | "presentationReference";

// `(\p{L}|\p{N}|_)+`: any Unicode letter or digit, or the underscore.
const NAME = "[\\p{L}\\p{N}_]+";
const ITEM_NAME = new RegExp(`^${NAME}$`, "u");
const ITEM_REFERENCE = new RegExp(`^${NAME}(?::${NAME})?$`, "u");
const STRING_REFERENCE = new RegExp(`^\\$\\(string\\.${NAME}\\)$`, "u");
const PRESENTATION_REFERENCE = new RegExp(`^\\$\\(presentation\\.${NAME}\\)$`, "u");
const GUID = /^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$/;
const LANGUAGE = /^[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*$/;
const VERSION = /^[0-9]{1,4}\.[0-9]{1,5}$/;

/** xs:unsignedInt and xs:unsignedLong: an optional sign, digits, and a value in range ("-0" is 0). */
function unsigned(max: bigint): (value: string) => boolean {
  return (value) => {
    const v = collapse(value);
    if (!/^[+-]?[0-9]+$/.test(v)) return false;
    const n = BigInt(v);
    return v.startsWith("-") ? n === 0n : n <= max;
  };
}

/** One predicate per simple type. */
export const SIMPLE_TYPES: Record<SimpleTypeName, (value: string) => boolean> = {
  string: () => true,
  // The schema restricts `<string>` in a Value to 255 characters; XSD counts code points.
  string255: (value) => [...value].length <= 255,
  boolean: (value) => ["true", "false", "1", "0"].includes(collapse(value)),
  unsignedInt: unsigned(0xffff_ffffn),
  unsignedLong: unsigned(0xffff_ffff_ffff_ffffn),
  versionString: (value) => VERSION.test(collapse(value)),
  policyClass: (value) => ["User", "Machine", "Both"].includes(collapse(value)),
  language: (value) => LANGUAGE.test(collapse(value)),
  // libxml2 accepts any string as xs:anyURI (it escapes what a URI cannot hold); namespaces such as
  // "Microsoft.Policies.Windows" are not URIs at all and are fine.
  anyURI: () => true,
  GUID: (value) => GUID.test(value),
  itemName: (value) => ITEM_NAME.test(value),
  itemReference: (value) => ITEM_REFERENCE.test(value),
  resourceID: (value) => ITEM_NAME.test(value),
  stringReference: (value) => STRING_REFERENCE.test(value),
  presentationReference: (value) => PRESENTATION_REFERENCE.test(value),
};

/** The id-like types: their failures are reported as id problems (hyphen tolerated, others errors). */
export const ID_TYPES: ReadonlySet<SimpleTypeName> = new Set([
  "itemName",
  "itemReference",
  "resourceID",
  "stringReference",
  "presentationReference",
]);

/**
 * True when a value of an id-like type holds one of `chars` and fails only because of them (and of
 * hyphens). The schema rejects both, but GPMC loads them: Windows' own templates use hyphens in string
 * ids and namespace prefixes (`chars` /-/), vendors write prefixes like product names ("Adobe Acrobat
 * Reader DC", "pcoip.client": `chars` /[ .]/).
 */
export function failsOnlyOn(chars: RegExp, type: SimpleTypeName, value: string): boolean {
  return chars.test(value) && SIMPLE_TYPES[type](value.replace(new RegExp(`${chars.source}|-`, "g"), "_"));
}

/**
 * Every length limit admxkit holds templates and registry entries to, each with where its number comes
 * from (where no authoritative limit exists, the constant is marked "chosen" and says why), and the check
 * of a Registry.pol entry against what Windows accepts. All lengths count UTF-16 code units (JavaScript
 * `string.length`), which is what Windows means by "characters". Sources and measurements are listed in
 * docs/research/limits-and-inbox.md. This is the lowest room that needs them: the codec checks entries
 * before encoding, the model checks templates.
 *
 * What a Registry.pol entry must be:
 * - Key path: components of 1…255 UTF-16 code units (the registry's key-name limit); an empty component
 *   (`a\\b`, a leading or trailing `\`, an empty path) names no key.
 * - Value name: at most 16,383 code units, the registry's value-name limit. MS-GPREG's grammar says 259
 *   but Windows reads longer names; we enforce the registry's own limit.
 * - Data: at most 0xFFFF bytes. The registry itself stores far larger values, but MS-GPREG §2.2.1
 *   declares `Size = %x00-FFFF` / `Data = *65535OCTET` and PolicyFileEditor refuses more, so a larger
 *   entry would be a file other tools reject. (The decoder still reads larger sizes, to inspect files.)
 * - Type: any 32-bit number (key-only entries use 0); DWORD and DWORD_BIG_ENDIAN data must be 4 bytes,
 *   QWORD 8 (salt#59059 wrote a DWORD of 10 bytes), string types an even size.
 * - No NUL inside a key or value name: the NUL is the field terminator.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { messageRef as detail, type MessageRef } from "../i18n/messages.js";
import type { PolEncodeDiagnostic, PolEncodeErrorCode } from "./errors.js";
import { REG_TYPES } from "./types.js";
import type { PolEntry } from "./types.js";

/** Longest key path component, in UTF-16 code units. */
export const MAX_KEY_COMPONENT = 255;
/** Longest value name, in UTF-16 code units. */
export const MAX_VALUE_NAME = 16_383;
/** Largest data size MS-GPREG allows. */
export const MAX_DATA_SIZE = 0xffff;

// ---------------------------------------------------------------------------------------------------
// Registry
// ---------------------------------------------------------------------------------------------------

/**
 * Maximum length of one registry key name, that is one path component between backslashes.
 *
 * Documented: "Registry element size limits" (Win32 docs) gives 255 characters for a key name, and
 * "Structure of the Registry" says a key name cannot contain a backslash.
 */
// The same number the Registry.pol check below enforces.
export const REGISTRY_KEY_NAME_MAX_LENGTH = MAX_KEY_COMPONENT;

/**
 * Hard upper bound for a whole key path such as `Software\Policies\Contoso\App`.
 *
 * Not directly documented. The "Registry element size limits" page words its 255-character limit as if
 * it covered the absolute path, but real keys (including in-box policy keys under `...\WDI\{GUID}`) are
 * routinely longer in total, so that reading is not enforced here. The real ceiling comes from the
 * counted strings the registry APIs use: a UNICODE_STRING / REG_UNICODE_STRING length is a 16-bit byte
 * count ([MS-RSP] 2.2.2 gives the range 0..65534), i.e. at most 32,767 UTF-16 characters.
 * See also {@link REGISTRY_KEY_PATH_RECOMMENDED_MAX_LENGTH}.
 */
export const REGISTRY_KEY_PATH_MAX_LENGTH = 32_767;

/**
 * Chosen warning threshold for a whole key path (hive excluded): the literal reading of the 255-character
 * key name limit in "Registry element size limits". Paths longer than this work in practice but some
 * tools (old regedit builds, third-party policy tools) are known to mishandle long names, so linting
 * should warn rather than fail.
 */
export const REGISTRY_KEY_PATH_RECOMMENDED_MAX_LENGTH = 255;

/**
 * Maximum depth of a registry tree, in key levels.
 *
 * Documented: "Registry element size limits" (a tree can be 512 levels deep; a single API call can
 * create at most 32 levels at a time).
 */
export const REGISTRY_TREE_MAX_DEPTH = 512;

/**
 * Maximum length of a registry value name.
 *
 * Documented: "Registry element size limits" gives 16,383 characters.
 */
export const REGISTRY_VALUE_NAME_MAX_LENGTH = MAX_VALUE_NAME;

// ---------------------------------------------------------------------------------------------------
// ADMX
// ---------------------------------------------------------------------------------------------------

/**
 * Value of `maxLength` on an ADMX `<text>` (and `<multiText>`) element when the attribute is omitted.
 *
 * Documented: "maxLength Attribute" in the Windows Server 2008 ADMX syntax reference ("The default value
 * is 1023"), and the ADMX schema ([MS-GPREG] appendix, PolicyDefinitions.xsd) declares
 * `maxLength` with `default="1023"` on both `textElement` and `multiTextElement`.
 */
export const ADMX_TEXT_DEFAULT_MAX_LENGTH = 1023;

/**
 * Maximum length of a literal `<string>` inside `<enabledValue>`, `<disabledValue>`, `<trueValue>`,
 * `<falseValue>` or `<value>`.
 *
 * Documented: the ADMX schema restricts that `string` element with `xs:maxLength value="255"`, and the
 * Group Policy "string Element" reference page repeats it ("A string with a maximum length of 255
 * characters").
 */
export const ADMX_VALUE_STRING_MAX_LENGTH = 255;

/**
 * Length limit that Intune applies to a text value of an imported custom ADMX.
 *
 * Documented indirectly: Intune's Graph model for imported templates, "groupPolicyPresentationTextBox
 * resource type", describes `maxLength` as "Default value is 1023" — i.e. Intune honours the ADMX
 * default. Users hit it as the Intune portal error "The value must have a length of at most 1023"
 * (mozilla/policy-templates issue #973) on `<text>` elements that declare no `maxLength`. Whether
 * Intune accepts a larger explicit `maxLength` is not documented; keep text values within this limit
 * when a template is meant for Intune.
 */
export const INTUNE_CUSTOM_ADMX_TEXT_MAX_LENGTH = 1023;

/**
 * How many custom ADMX files one Intune profile may bring, and how large each may be.
 *
 * Documented: Microsoft's "Import custom ADMX and ADML administrative templates into Microsoft Intune"
 * lists at most 20 ADMX files, each at most 1 MB (read here as 1 MiB, 1,048,576 bytes, the size Windows
 * shows as 1 MB). The size counts the UTF-8 bytes of the ADMX text the profile uploads.
 */
export const INTUNE_CUSTOM_ADMX_MAX_FILES = 20;
export const INTUNE_CUSTOM_ADMX_MAX_BYTES = 1024 * 1024;

/**
 * Range of an integer OMA-URI setting: Graph's `omaSettingInteger.value` is an Int32, so a REG_DWORD
 * above 2,147,483,647 cannot be sent as one.
 */
export const INTUNE_INTEGER_MIN = -2_147_483_648;
export const INTUNE_INTEGER_MAX = 2_147_483_647;

// ---------------------------------------------------------------------------------------------------
// ADML strings
//
// Neither the ADMX/ADML schema (`LocalizedString` is an unrestricted xs:string) nor the ADMX syntax
// reference documents a length limit for ADML display names, explain texts, string-table entries or
// presentation labels. The values below are chosen; the comments say why.
// Longest values measured in Microsoft's own ADMLs (Windows 11 25H2, DataCollection and
// WindowsDefender; en-US and ja-JP): explain text 2,987, policy display name 121, presentation
// label 93 characters.
// ---------------------------------------------------------------------------------------------------

/**
 * Chosen maximum for a display name (policy, category, supportedOn definition, enum item).
 *
 * Undocumented. 255 is the only string cap the ADMX schema uses, it leaves twice the headroom of the
 * longest in-box policy name measured (121), and display names appear in tree views, list columns and
 * dialog titles where anything longer is truncated in practice.
 */
export const ADML_DISPLAY_NAME_MAX_LENGTH = 255;

/**
 * Chosen maximum for an explain text (the help pane of the Group Policy editor).
 *
 * Undocumented. The editor shows explain text in a scrollable read-only pane that handles long
 * texts; Microsoft's longest measured explain text is 2,987 characters. 32,767 is the default text
 * limit of a Win32 edit control ("EM_LIMITTEXT message") and the UNICODE_STRING character ceiling, so
 * it is a safe upper bound that no sensible help text approaches.
 */
export const ADML_EXPLAIN_TEXT_MAX_LENGTH = 32_767;

/**
 * Chosen maximum for any other `<stringTable>` entry (e.g. `supportedOn` texts, enum item names).
 * Same reasoning as {@link ADML_EXPLAIN_TEXT_MAX_LENGTH}: undocumented, so only a sanity cap.
 */
export const ADML_STRING_MAX_LENGTH = 32_767;

/**
 * Chosen maximum for presentation label text (`<label>`, and the text content of `<textBox>`,
 * `<decimalTextBox>`, `<checkBox>`, `<comboBox>`, `<dropdownList>`, `<listBox>`, `<text>`).
 *
 * Undocumented. Labels sit beside a control in the policy dialog and wrap poorly; the longest
 * in-box label measured is 93 characters. 255 matches {@link ADML_DISPLAY_NAME_MAX_LENGTH}.
 */
export const ADML_PRESENTATION_LABEL_MAX_LENGTH = 255;

// ---------------------------------------------------------------------------------------------------
// Short names used by the model checks (same values as above).
// ---------------------------------------------------------------------------------------------------

/** Alias of {@link REGISTRY_KEY_NAME_MAX_LENGTH}: one key path component. */
export const MAX_KEY_COMPONENT_LENGTH = REGISTRY_KEY_NAME_MAX_LENGTH;

/** Alias of {@link REGISTRY_VALUE_NAME_MAX_LENGTH}. */
export const MAX_VALUE_NAME_LENGTH = REGISTRY_VALUE_NAME_MAX_LENGTH;

/** Alias of {@link ADML_DISPLAY_NAME_MAX_LENGTH}: single-line titles (display names, enum items). */
export const MAX_TITLE_LENGTH = ADML_DISPLAY_NAME_MAX_LENGTH;

/** Alias of {@link ADML_EXPLAIN_TEXT_MAX_LENGTH}: long texts (explain texts, descriptions). */
export const MAX_STRING_LENGTH = ADML_EXPLAIN_TEXT_MAX_LENGTH;

/** Alias of {@link ADML_PRESENTATION_LABEL_MAX_LENGTH}: presentation labels. */
export const MAX_LABEL_LENGTH = ADML_PRESENTATION_LABEL_MAX_LENGTH;

/** A problem: its code and its detail, data (a quoted key) or a phrase worded in any language. */
type Problem = readonly [PolEncodeErrorCode, string | MessageRef];

function checkKey(key: string): Problem | undefined {
  if (key.includes("\0")) return ["POL_NUL_IN_KEY", JSON.stringify(key)];
  let length = 0;
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) === 0x5c) {
      if (length === 0) return ["POL_KEY_EMPTY_COMPONENT", JSON.stringify(key)];
      length = 0;
    } else if (++length > MAX_KEY_COMPONENT) {
      return [
        "POL_KEY_COMPONENT_TOO_LONG",
        detail("POL_DETAIL_COMPONENT_OF", { key: `${JSON.stringify(key.slice(0, 40))}…` }),
      ];
    }
  }
  return length === 0 ? ["POL_KEY_EMPTY_COMPONENT", JSON.stringify(key)] : undefined;
}

function fixedSize(type: number): number | undefined {
  if (type === REG_TYPES.REG_DWORD || type === REG_TYPES.REG_DWORD_BIG_ENDIAN) return 4;
  return type === REG_TYPES.REG_QWORD ? 8 : undefined;
}

function isStringType(type: number): boolean {
  return type === REG_TYPES.REG_SZ || type === REG_TYPES.REG_EXPAND_SZ || type === REG_TYPES.REG_MULTI_SZ;
}

function checkRest(entry: PolEntry): Problem | undefined {
  const { valueName, type, data } = entry;
  if (valueName.length > MAX_VALUE_NAME)
    return ["POL_VALUE_NAME_TOO_LONG", detail("POL_DETAIL_CHARACTERS", { count: valueName.length })];
  if (valueName.includes("\0")) return ["POL_NUL_IN_VALUE_NAME", JSON.stringify(valueName)];
  if (!Number.isInteger(type) || type < 0 || type > 0xffffffff) return ["POL_BAD_TYPE", String(type)];
  if (data.length > MAX_DATA_SIZE)
    return ["POL_DATA_TOO_LARGE", detail("POL_DETAIL_BYTES", { count: data.length })];
  const size = fixedSize(type);
  if (size !== undefined && data.length !== size) {
    return ["POL_BAD_DATA_SIZE", detail("POL_DETAIL_TYPE_SIZE", { type, size, actual: data.length })];
  }
  if (isStringType(type) && data.length % 2 !== 0)
    return ["POL_ODD_STRING", detail("POL_DETAIL_BYTES", { count: data.length })];
  return undefined;
}

/**
 * Checks every entry against what Windows accepts; returns the problems found (at most one per entry),
 * in entry order, each naming its entry by `index`, `key` and `valueName`. Repeated keys are checked once.
 */
export function checkPolEntries(entries: readonly PolEntry[]): PolEncodeDiagnostic[] {
  const issues: PolEncodeDiagnostic[] = [];
  let lastGoodKey: string | undefined;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    let problem: Problem | undefined;
    if (entry.key !== lastGoodKey) {
      problem = checkKey(entry.key);
      if (problem === undefined) lastGoodKey = entry.key;
    }
    problem ??= checkRest(entry);
    if (problem !== undefined) {
      const [code, shown] = problem;
      const params = { index, key: entry.key, valueName: entry.valueName, detail: shown };
      issues.push({ ...diag(code, params), code, params });
    }
  }
  return issues;
}

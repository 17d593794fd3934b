/**
 * Everything the ADMX and the ADML writers (and the readers) must agree on about names and references
 * lives here: one home, so that an id the ADMX points at is exactly the id the ADML defines.
 */

/**
 * Ids of policies, elements, categories, supportedOn definitions, string and presentation resources.
 * The schema allows any Unicode letter or digit, but GPMC and third-party tooling are only reliable with
 * ASCII: dots make the editor report "Invalid value" and hyphens fail the published schema. We accept
 * exactly `[A-Za-z0-9_]`.
 */
export const ID_PATTERN = /^[A-Za-z0-9_]+$/;

/** A `prefix:name` reference to something in another namespace (`windows:WindowsComponents`), or a bare name. */
export const REFERENCE_PATTERN = /^(?:[A-Za-z0-9_]+:)?[A-Za-z0-9_]+$/;

/** A target or using namespace such as `Admxkit.Policies.DefenderProxy`. */
export const NAMESPACE_PATTERN = /^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*$/;

/**
 * `major.minor`, as the schema's versionString demands. GPMC rejects three-part revisions such as
 * `1.04.0000`.
 */
export const REVISION_PATTERN = /^[0-9]{1,4}\.[0-9]{1,5}$/;

/** The longest ADMX base file name a bundle may have (the `.admx` and locale folders come on top). */
export const MAX_FILE_NAME_LENGTH = 100;

/**
 * ADMX base file name: no path separators, no leading dot; `.admx` is appended by the writer. The
 * length is checked apart ({@link MAX_FILE_NAME_LENGTH}), so that a long name is told it is too long.
 */
export const ADMX_FILE_NAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** BCP 47-ish locale folder names as Windows uses them: `en-US`, `ja-JP`, `zh-Hans-CN`… */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?$/;

/** The ADMX attribute that points at a string in the ADML string table. */
export function stringRef(id: string): string {
  return `$(string.${id})`;
}

/** The ADMX attribute that points at a presentation in the ADML presentation table. */
export function presentationRef(id: string): string {
  return `$(presentation.${id})`;
}

const STRING_REF = /^\$\(string\.([^)]*)\)$/;
const PRESENTATION_REF = /^\$\(presentation\.([^)]*)\)$/;

/** The id inside `$(string.X)`, or undefined when the text is not such a reference. */
export function parseStringRef(text: string): string | undefined {
  return STRING_REF.exec(text)?.[1];
}

/** The id inside `$(presentation.X)`, or undefined when the text is not such a reference. */
export function parsePresentationRef(text: string): string | undefined {
  return PRESENTATION_REF.exec(text)?.[1];
}

/** Splits `prefix:name` into its parts; a bare name has no prefix (it is in the file's own namespace). */
export function splitReference(ref: string): { prefix?: string; name: string } {
  const colon = ref.indexOf(":");
  return colon < 0 ? { name: ref } : { prefix: ref.slice(0, colon), name: ref.slice(colon + 1) };
}

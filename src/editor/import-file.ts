/**
 * A file the administrator drops into the editor to go on from: a values file, or a Registry.pol that
 * is decoded back into policy states (`admxkit values --from`'s decoder). Pure, for Node tests too.
 */
import type { PolicyClassName } from "../compile/types.js";
import type { PolicySource } from "../compile/policy-index.js";
import { createValuesDecoder } from "../decompile/index.js";
import { diag, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { decodeJsonBytes } from "../io/json-bytes.js";
import { messageRef } from "../i18n/messages.js";
import { decodePol, hasPolSignature } from "../pol/index.js";
import { parseValuesText } from "../values/parse-values.js";
import type { ValuesFile } from "../values/schema.js";

/** The new state, when the file could be read, and what reading it found. */
export interface ImportResult {
  readonly values?: ValuesFile;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads `bytes` named `file`. A values file replaces the whole state. A Registry.pol replaces the
 * section of `policyClass` (and its raw entries and key spellings) with what the decoder finds, keeping
 * the other class.
 */
export function importFile(
  bytes: Uint8Array,
  file: string,
  policyClass: PolicyClassName,
  sources: readonly PolicySource[],
  current: ValuesFile,
  source: string,
): ImportResult {
  if (!hasPolSignature(bytes)) {
    // The same UTF-8-only reading as every JSON input of the CLI (src/io/json-bytes.ts).
    const text = decodeJsonBytes(bytes, file);
    if (!text.ok) return { diagnostics: [text.diagnostic] };
    const parsed = parseValuesText(text.text, file);
    return parsed.ok ? { values: parsed.values, diagnostics: parsed.diagnostics } : parsed;
  }
  const decoded = decodePol(bytes);
  if (!decoded.ok) {
    const detail = messageRef(decoded.error.code, decoded.error.params);
    return { diagnostics: [diag("POL_FILE_INVALID", { file, detail }, { file })] };
  }
  const result = createValuesDecoder(sources).decode(
    { [policyClass]: decoded.entries },
    { files: { [policyClass]: file }, source },
  );
  if (hasErrors(result.diagnostics)) return { diagnostics: result.diagnostics };
  const raw = { ...current.registry };
  const decodedRaw = result.values.registry?.[policyClass];
  if (decodedRaw && decodedRaw.length > 0) raw[policyClass] = decodedRaw;
  else delete raw[policyClass];
  const spelling = { ...current.keySpelling };
  const decodedSpelling = result.values.keySpelling?.[policyClass];
  if (decodedSpelling) spelling[policyClass] = decodedSpelling;
  else delete spelling[policyClass];
  const { registry: _old, keySpelling: _oldSpelling, ...rest } = current;
  const values: ValuesFile = {
    ...rest,
    [policyClass]: result.values[policyClass] ?? {},
    ...(Object.keys(raw).length > 0 ? { registry: raw } : {}),
    ...(Object.keys(spelling).length > 0 ? { keySpelling: spelling } : {}),
  };
  return { values, diagnostics: result.diagnostics };
}

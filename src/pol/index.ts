/** Public API of the Registry.pol layer: codec, value types, special actions, limits and names. */
export { REG_TYPES, regTypeName } from "./types.js";
export type { BytesTypeName, PolEntry, PolHive, PolValue, RegTypeName } from "./types.js";
export { decodeValue, encodeValue } from "./value-codec.js";
export type { EncodedValue } from "./value-codec.js";
export {
  binaryEntry,
  dwordEntry,
  expandSzEntry,
  multiSzEntry,
  qwordEntry,
  szEntry,
  valueEntry,
} from "./entries.js";
export {
  classifyEntry,
  createKeyEntry,
  deleteKeysEntry,
  deleteValuesEntry,
  delEntry,
  delvalsEntry,
  secureKeyEntry,
  softEntry,
  targetValueName,
} from "./actions.js";
export type { PolAction, PolActionKind } from "./actions.js";
export { POL_DECODE_ERROR_CODES, POL_ENCODE_ERROR_CODES } from "./errors.js";
export type {
  PolDecodeDiagnostic,
  PolDecodeErrorCode,
  PolEncodeDiagnostic,
  PolEncodeErrorCode,
} from "./errors.js";
export { checkPolEntries, MAX_DATA_SIZE, MAX_KEY_COMPONENT, MAX_VALUE_NAME } from "./limits.js";
export { encodePol, polSize } from "./encode.js";
export { decodePol, decodePolOrThrow, decodePolStream, hasPolSignature } from "./decode.js";
export type { PolDecodeOptions, PolDecodeResult, PolEntryStream, PolStreamResult } from "./decode.js";
export { componentPaths, registryUpcase, sameRegistryName } from "./registry-case.js";

import { z } from "zod";
import { RegistryKeySchema, ValueNameSchema } from "./primitives.js";

const UINT32_MAX = 0xffff_ffff;
const UINT64_MAX = 0xffff_ffff_ffff_ffffn;

/** An unsigned 64-bit number: a JSON number up to 2^53 - 1, or a string of digits up to 2^64 - 1. */
export const UInt64Schema = z.union([
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  z
    .string()
    .regex(/^[0-9]{1,20}$/, { message: "must be a string of decimal digits" })
    .refine((digits) => BigInt(digits) <= UINT64_MAX, { message: "must be at most 18446744073709551615" }),
]);

/** An unsigned 32-bit number, the range of ADMX `decimal`. */
export const UInt32Schema = z.number().int().min(0).max(UINT32_MAX);

/**
 * The ADMX `Value`: what a policy, boolean or enum item writes. `string` is limited to 255 characters by
 * the ADMX schema.
 */
export const RegistryValueSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("decimal"), value: UInt32Schema }),
  z.strictObject({ type: z.literal("longDecimal"), value: UInt64Schema }),
  z.strictObject({ type: z.literal("string"), value: z.string().max(255) }),
  z.strictObject({ type: z.literal("delete") }),
]);

/** One registry value of a value list; `key` overrides the list's default key. */
export const ValueItemSchema = z.strictObject({
  key: RegistryKeySchema.optional(),
  valueName: ValueNameSchema,
  value: RegistryValueSchema,
});

/** The ADMX `ValueList` (enabledList, trueList, an enum item's valueList…). */
export const ValueListSchema = z.strictObject({
  defaultKey: RegistryKeySchema.optional(),
  items: z.array(ValueItemSchema).min(1),
});

// The shorthand constructors live in a module without zod, so built-in bundles load without it.
export { value } from "./value-helpers.js";

/**
 * The values file: the policy states a user wants in a GPO, written by hand as JSON.
 *
 * ```json
 * { "machine": { "ProxyServer": { "state": "enabled", "options": { "ProxyServer": "http://10.0.0.6:8080" } } },
 *   "user": {} }
 * ```
 *
 * Keys of `machine` and `user` are policy names (the ADMX `name`, optionally `namespace:name`); a policy
 * not listed is Not Configured. `registry.machine` and `registry.user` hold raw Registry.pol entries no
 * policy explains (see registry-section.ts), in the record form of `admxkit dump --json`; `keySpelling`
 * how key components are spelled. `options` keys are element ids. This schema checks only the shape;
 * names and option values are checked against the policies by the compiler, and
 * `admxkit schema values --bundle X` prints a JSON Schema with the names and types of one bundle.
 */
import { z } from "zod";

/**
 * A number, infinite ones included: a JSON number too large for a double (`1e999`) parses to Infinity,
 * and it is a number out of every range (the compiler says so, with the range), not a wrong type.
 */
const NumberSchema = z
  .custom<number>((value) => typeof value === "number" && !Number.isNaN(value), {
    message: "Expected number",
  })
  .meta({ type: "number" });

/** An option value: string, number, boolean, list of strings, or name → value strings (explicitValue). */
export const OptionValueSchema = z.union([
  z.string(),
  NumberSchema,
  z.boolean(),
  z.array(z.string()),
  z.record(z.string(), z.string()),
]);

/** The three states of the Group Policy editor. */
export const POLICY_STATES = ["enabled", "disabled", "notConfigured"] as const;

/** One policy's entry in a values file. `options` is only meaningful when the state is `enabled`. */
export const PolicyStateInputSchema = z.strictObject({
  state: z.enum(POLICY_STATES),
  options: z.record(z.string(), OptionValueSchema).optional(),
});

/** The policies of one class: policy name → state. */
export const PolicySectionSchema = z.record(z.string(), PolicyStateInputSchema);

/**
 * One raw entry: the fields of `admxkit dump --json`. `type` is a name (`REG_DWORD`) or a number; `data`
 * is a number (DWORD), a string of digits (QWORD), text (SZ, EXPAND_SZ), an array (MULTI_SZ) or hex
 * for other types and for data not well-formed for its type. `size` may be left out of typed data.
 */
export const RegistryRecordSchema = z.strictObject({
  key: z.string(),
  valueName: z.string(),
  type: z.union([z.string(), z.number()]),
  size: z.number().int().min(0).optional(),
  data: z.union([z.number(), z.string(), z.array(z.string())]),
});

/** Raw entries per class, in the order they are written (after the policies' entries of their key). */
export const RegistrySectionSchema = z.strictObject({
  machine: z.array(RegistryRecordSchema).optional(),
  user: z.array(RegistryRecordSchema).optional(),
});

/**
 * Key spellings per class: each component of these keys is written as spelled here, whatever the
 * policies' templates spell (registry keys ignore case; a Registry.pol spells each component one way).
 * `values --from` writes the keys whose spelling in the GPO the compiler would not choose by itself.
 */
export const KeySpellingSchema = z.strictObject({
  machine: z.array(z.string()).optional(),
  user: z.array(z.string()).optional(),
});

/** The whole values file. */
export const ValuesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  machine: PolicySectionSchema.optional(),
  user: PolicySectionSchema.optional(),
  registry: RegistrySectionSchema.optional(),
  keySpelling: KeySpellingSchema.optional(),
});

/** A parsed values file. */
export type ValuesFile = z.infer<typeof ValuesFileSchema>;
/** One policy's entry in a values file. */
export type PolicyStateInput = z.infer<typeof PolicyStateInputSchema>;
/** One raw entry of the `registry` section. */
export type RegistryRecord = z.infer<typeof RegistryRecordSchema>;
/** The sections of a values file, named as the policy classes they feed. */
export const VALUES_SECTIONS = ["machine", "user"] as const;
/** Every top-level key a values file may have, for "did you mean" suggestions. */
export const VALUES_FILE_KEYS = ["machine", "user", "registry", "keySpelling", "$schema"] as const;

/**
 * The values file: the policy states a user wants in a GPO, written by hand as JSON.
 *
 * ```json
 * { "machine": { "ProxyServer": { "state": "enabled", "options": { "ProxyServer": "http://10.0.0.6:8080" } } },
 *   "user": {} }
 * ```
 *
 * Keys of `machine` and `user` are policy names (the ADMX `name`, optionally `namespace:name`); a policy
 * not listed is Not Configured. `options` keys are element ids. This schema checks only the shape;
 * names and option values are checked against the policies by the compiler, and
 * `admxkit schema values --bundle X` prints a JSON Schema with the names and types of one bundle.
 */
import { z } from "zod";

/** An option value: string, number, boolean, list of strings, or name → value strings (explicitValue). */
export const OptionValueSchema = z.union([
  z.string(),
  z.number(),
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

/** The whole values file. */
export const ValuesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  machine: PolicySectionSchema.optional(),
  user: PolicySectionSchema.optional(),
});

/** A parsed values file. */
export type ValuesFile = z.infer<typeof ValuesFileSchema>;
/** One policy's entry in a values file. */
export type PolicyStateInput = z.infer<typeof PolicyStateInputSchema>;
/** The sections of a values file, named as the policy classes they feed. */
export const VALUES_SECTIONS = ["machine", "user"] as const;

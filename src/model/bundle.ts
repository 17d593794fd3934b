import { z } from "zod";
import { ADMX_FILE_NAME_PATTERN, MAX_FILE_NAME_LENGTH } from "./ids.js";
import { CategorySchema, PolicySchema, ProductSchema, SupportedOnDefinitionSchema } from "./policy.js";
import { IdSchema, LocaleSchema, NamespaceSchema, RevisionSchema, StringIdSchema } from "./primitives.js";

/** A namespace this bundle refers to, with the prefix its references use. */
export const NamespaceBindingSchema = z.strictObject({ prefix: IdSchema, namespace: NamespaceSchema });

/** One locale's catalog: string id → text. Line breaks are `\n`; the ADML writer turns them into CRLF. */
export const CatalogSchema = z.record(z.string(), z.string());

/**
 * A bundle: what becomes one ADMX file and one ADML per locale. This schema is the single source of
 * truth for the bundle file format (`admxkit schema bundle` prints it as JSON Schema).
 */
export const BundleSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { message: "must be lowercase letters, digits and hyphens" })
    .describe("Bundle id, as `admxkit build --bundle <id>` names it"),
  fileName: z
    .string()
    .max(MAX_FILE_NAME_LENGTH, { message: `must be at most ${MAX_FILE_NAME_LENGTH} characters long` })
    .regex(ADMX_FILE_NAME_PATTERN, {
      message:
        "must be a plain file name: letters, digits, _, . and -, not starting with a dot, no path or .admx",
    })
    .describe("ADMX/ADML base file name, without extension"),
  target: NamespaceBindingSchema,
  using: z.array(NamespaceBindingSchema).optional(),
  revision: RevisionSchema,
  minRequiredRevision: RevisionSchema,
  // Any culture name: Windows' own GameDVR.admx says "uz-UZ-Cyrl", which no locale folder is named.
  fallbackCulture: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, { message: "must be a culture name such as en-US" })
    .optional()
    .describe("ADMX resources fallbackCulture: the ADML culture the editor uses when the user's is missing"),
  displayName: StringIdSchema.describe("Catalog key of the ADML displayName"),
  description: StringIdSchema.describe("Catalog key of the ADML description"),
  products: z.array(ProductSchema).optional(),
  supportedOn: z.array(SupportedOnDefinitionSchema).optional(),
  categories: z.array(CategorySchema).optional(),
  policies: z.array(PolicySchema).min(1),
  locales: z
    .record(LocaleSchema, CatalogSchema)
    .refine((catalogs) => Object.keys(catalogs).length > 0, { message: "must have at least one locale" })
    .describe("Per-locale catalogs: locale tag → string id → text"),
});

import { z } from "zod";
import { ElementSchema } from "./elements.js";
import {
  IdSchema,
  ReferenceSchema,
  RegistryKeySchema,
  StringIdSchema,
  ValueNameSchema,
} from "./primitives.js";
import { RegistryValueSchema, ValueListSchema } from "./values.js";

/**
 * How Intune carries a policy (`admxkit intune`). A native Policy CSP setting stores one registry value
 * the policy writes: a string (REG_SZ) or an integer (REG_DWORD). An ADMX-backed setting is named by the
 * Windows template and policy it is built from (Microsoft's Policy CSP mapping, src/intune). A policy no
 * CSP carries may be written by an Intune Remediations script. Without this field a policy goes through
 * ADMX ingestion, as any custom template does.
 */
export const IntuneRouteSchema = z
  .discriminatedUnion("route", [
    z.strictObject({
      route: z.literal("nativeCsp"),
      omaUri: z
        .string()
        .regex(/^\.\/(?:Device|User)\/Vendor\/MSFT\/[A-Za-z0-9_./~-]+$/, {
          message: "must be an OMA-URI such as ./Device/Vendor/MSFT/Policy/Config/System/TelemetryProxy",
        })
        .describe("The OMA-URI of the setting"),
      format: z.enum(["string", "integer"]).describe("string: the REG_SZ data; integer: the REG_DWORD data"),
    }),
    z.strictObject({
      route: z.literal("admxBackedCsp"),
      admxFile: z
        .string()
        .regex(/^[A-Za-z0-9_.-]+\.admx$/i, {
          message: "must be a Windows template file name such as WindowsDefender.admx",
        })
        .describe("The Windows template the setting is built from"),
      policy: IdSchema.describe("The policy name in that template"),
      // Windows reads the payload against its own template, so `<data id=…>` must be its element ids.
      elementIds: z
        .record(IdSchema, IdSchema)
        .optional()
        .describe("Own element id → the element id of the Windows template, where they differ"),
    }),
    z.strictObject({ route: z.literal("remediation") }),
  ])
  .describe("How admxkit intune delivers this policy; default: ADMX ingestion of the bundle's template");

/** A plain line of text in the Options pane (ADML `<text>`), between element controls. */
export const PresentationTextSchema = z.strictObject({ text: StringIdSchema });

export const PolicySchema = z.strictObject({
  name: IdSchema.describe("ADMX policy name; unique in the namespace"),
  class: z.enum(["Machine", "User", "Both"]),
  displayName: StringIdSchema.describe("Catalog key of the setting's title"),
  explainText: StringIdSchema.describe("Catalog key of the Help text"),
  key: RegistryKeySchema,
  valueName: ValueNameSchema.optional(),
  enabledValue: RegistryValueSchema.optional(),
  disabledValue: RegistryValueSchema.optional(),
  enabledList: ValueListSchema.optional(),
  disabledList: ValueListSchema.optional(),
  category: ReferenceSchema.describe("Own category name, or prefix:Name of another namespace's"),
  supportedOn: ReferenceSchema.describe("Own supportedOn definition, or prefix:Name (windows:SUPPORTED_…)"),
  elements: z.array(ElementSchema).optional(),
  presentationId: IdSchema.optional().describe("ADML presentation id; defaults to the policy name"),
  // Not in the published schema, yet Windows' own templates set it (AdmPwd.admx, TerminalServer.admx)
  // and GPMC honours it: validate warns XSD_TOLERATED_ATTRIBUTE, and --strict refuses it.
  clientExtension: z
    .string()
    .regex(/^\{[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}\}$/, {
      message: "must be a GUID in braces, such as {D76B9641-3288-4F75-942D-087DE603E3EA}",
    })
    .optional()
    .describe("GUID of the client-side extension that processes the policy (ADMX clientExtension)"),
  layout: z
    .array(z.union([IdSchema, PresentationTextSchema]))
    .optional()
    .describe("Order of the Options pane: element ids and text lines; default: the elements in order"),
  intune: IntuneRouteSchema.optional(),
});

export const CategorySchema = z.strictObject({
  name: IdSchema,
  displayName: StringIdSchema,
  explainText: StringIdSchema.optional(),
  parent: ReferenceSchema.optional().describe(
    "Own category, or prefix:Name such as windows:WindowsComponents",
  ),
});

const VersionIndexSchema = z.number().int().min(0).max(4294967295);

/** One condition of a supportedOn `<or>`/`<and>`: a `<reference>`, or a `<range>` of product versions. */
export const SupportedOnConditionSchema = z.strictObject({
  ref: ReferenceSchema.describe("A product, version or definition: own name, or prefix:Name"),
  range: z.boolean().optional().describe("A <range>, which may bound the versions by index"),
  minVersionIndex: VersionIndexSchema.optional(),
  maxVersionIndex: VersionIndexSchema.optional(),
});

export const SupportedOnDefinitionSchema = z.strictObject({
  name: IdSchema,
  displayName: StringIdSchema,
  // The editor shows the displayName; the conditions feed its requirement filter. Windows.admx
  // builds every "At least Windows …" definition from them.
  or: z.array(SupportedOnConditionSchema).optional(),
  and: z.array(SupportedOnConditionSchema).optional(),
});

/** A minor version of a product's major version (supportedOn `<products>`). */
export const MinorVersionSchema = z.strictObject({
  name: IdSchema,
  displayName: StringIdSchema,
  versionIndex: VersionIndexSchema,
});

export const MajorVersionSchema = z.strictObject({
  name: IdSchema,
  displayName: StringIdSchema,
  versionIndex: VersionIndexSchema,
  minorVersions: z.array(MinorVersionSchema).optional(),
});

/** A product of the supportedOn `<products>` table (WindowsProducts.admx defines Windows' own). */
export const ProductSchema = z.strictObject({
  name: IdSchema,
  displayName: StringIdSchema,
  majorVersions: z.array(MajorVersionSchema).optional(),
});

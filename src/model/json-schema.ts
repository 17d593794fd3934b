import { z } from "zod";
import { BundleSchema } from "./bundle.js";

/**
 * The JSON Schema of the bundle file format, generated from the zod model (the single source of
 * truth), for editors to complete and check bundle files. Refinements that JSON Schema cannot express
 * (such as key components of at most 255 characters) are still checked by `admxkit build`.
 */
export function bundleJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(BundleSchema, { io: "input", unrepresentable: "any" }),
    title: "admxkit bundle",
  };
}

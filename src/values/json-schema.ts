/**
 * JSON Schemas of values files: a generic one (the shape only), and one per bundle with its policy
 * names, their states and their options spelled out, so that editors complete and check values files.
 */
import { z } from "zod";
import type { Bundle, Policy } from "../model/types.js";
import { optionIsRequired, optionJsonSchema, type JsonSchema } from "./option-schemas.js";
import { KeySpellingSchema, RegistrySectionSchema, ValuesFileSchema, VALUES_SECTIONS } from "./schema.js";

const DRAFT = "https://json-schema.org/draft/2020-12/schema";

/** The texts shown as descriptions: en-US when the bundle has it, else its first locale. */
function catalogOf(bundle: Bundle): Record<string, string> {
  return bundle.locales["en-US"] ?? Object.values(bundle.locales)[0] ?? {};
}

function policySchema(policy: Policy, texts: Record<string, string>): JsonSchema {
  const elements = policy.elements ?? [];
  const options: JsonSchema = {
    type: "object",
    additionalProperties: false,
    properties: Object.fromEntries(
      elements.map((element) => {
        const label = texts[element.control.label];
        return [element.id, { ...optionJsonSchema(element), ...(label ? { title: label } : {}) }];
      }),
    ),
  };
  const required = elements.filter(optionIsRequired).map((element) => element.id);
  if (required.length > 0) options.required = required;
  const enabled: JsonSchema = {
    type: "object",
    additionalProperties: false,
    properties: { state: { const: "enabled" }, ...(elements.length > 0 ? { options } : {}) },
    required: required.length > 0 ? ["state", "options"] : ["state"],
  };
  const plain = (state: string): JsonSchema => ({
    type: "object",
    additionalProperties: false,
    properties: { state: { const: state } },
    required: ["state"],
  });
  const title = texts[policy.displayName];
  return { ...(title ? { title } : {}), anyOf: [enabled, plain("disabled"), plain("notConfigured")] };
}

function sectionSchema(bundle: Bundle, section: (typeof VALUES_SECTIONS)[number]): JsonSchema {
  const texts = catalogOf(bundle);
  const policies = bundle.policies.filter((p) => p.class === "Both" || p.class.toLowerCase() === section);
  return {
    type: "object",
    additionalProperties: false,
    properties: Object.fromEntries(policies.map((policy) => [policy.name, policySchema(policy, texts)])),
  };
}

/** The raw entries of the `registry` section (the same for every bundle), without a `$schema` of its own. */
function registrySchema(): JsonSchema {
  const { $schema: _draft, ...schema } = z.toJSONSchema(RegistrySectionSchema, { io: "input" });
  return {
    ...schema,
    description: "Raw Registry.pol entries no policy explains, in the form of dump --json",
  };
}

/** The `keySpelling` section (the same for every bundle), without a `$schema` of its own. */
function keySpellingSchema(): JsonSchema {
  const { $schema: _draft, ...schema } = z.toJSONSchema(KeySpellingSchema, { io: "input" });
  return { ...schema, description: "Keys whose components are written as spelled here" };
}

/**
 * The JSON Schema of values files. With a bundle: its Machine (and Both) policies under `machine`, its
 * User (and Both) policies under `user`, each with `state` and, when enabled, its options typed from
 * the ADMX (enum item ids or the numbers the items write, number ranges, string lengths, arrays), the
 * raw `registry` section and `keySpelling`. Without one: the shape.
 */
export function valuesJsonSchema(bundle?: Bundle): JsonSchema {
  if (!bundle) {
    return {
      ...z.toJSONSchema(ValuesFileSchema, { io: "input", unrepresentable: "any" }),
      title: "admxkit values",
    };
  }
  return {
    $schema: DRAFT,
    title: `admxkit values for the bundle ${bundle.id}`,
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      machine: sectionSchema(bundle, "machine"),
      user: sectionSchema(bundle, "user"),
      registry: registrySchema(),
      keySpelling: keySpellingSchema(),
    },
  };
}

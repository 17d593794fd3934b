import { z } from "zod";
import { ID_PATTERN, LOCALE_PATTERN, NAMESPACE_PATTERN, REFERENCE_PATTERN, REVISION_PATTERN } from "./ids.js";
import { MAX_KEY_COMPONENT_LENGTH, MAX_VALUE_NAME_LENGTH } from "../pol/limits.js";

/** An id: policy, element, category, supportedOn, string or presentation id. See {@link ID_PATTERN}. */
export const IdSchema = z
  .string()
  .regex(ID_PATTERN, { message: "must contain only the characters A-Z, a-z, 0-9 and _" });

/** A key into the per-locale catalogs: what the ADMX references as `$(string.X)`, or a label. */
export const StringIdSchema = IdSchema.describe("Key of a string in every locale catalog of the bundle");

/** `name` or `prefix:name`. */
export const ReferenceSchema = z
  .string()
  .regex(REFERENCE_PATTERN, { message: "must be a name or prefix:name of characters A-Z, a-z, 0-9 and _" });

/** A namespace such as `Contoso.Policies.Proxy`. */
export const NamespaceSchema = z
  .string()
  .max(255)
  .regex(NAMESPACE_PATTERN, { message: "must be dot-separated names of characters A-Z, a-z, 0-9 and _" });

/** `major.minor`. */
export const RevisionSchema = z
  .string()
  .regex(REVISION_PATTERN, { message: "must be major.minor (1-4 digits '.' 1-5 digits), e.g. 1.0" });

/** A locale folder name such as `en-US`. */
export const LocaleSchema = z
  .string()
  .regex(LOCALE_PATTERN, { message: "must be a locale tag such as en-US" });

// NUL and the other characters registry names must not hold are checked after the shape, with the
// policy named (src/model/registry-name-uses.ts).

/**
 * A registry key below the hive (`Software\Policies\Contoso`). The registry limits each component to
 * 255 characters; empty components (`a\\b`, a leading or trailing backslash) name no key at all.
 */
export const RegistryKeySchema = z
  .string()
  .min(1)
  .refine((key) => key.split("\\").every((part) => part.length > 0), {
    message: "must not start or end with a backslash or contain an empty component",
  })
  .refine((key) => key.split("\\").every((part) => part.length <= MAX_KEY_COMPONENT_LENGTH), {
    message: `each component must be at most ${MAX_KEY_COMPONENT_LENGTH} characters`,
  })
  .refine((key) => !/^(HKLM|HKCU|HKEY_)/i.test(key), {
    message: "must not name the hive: the policy class chooses HKLM or HKCU",
  });

/** A registry value name; `**` is reserved for the Registry.pol special names (`**del.` …). */
export const ValueNameSchema = z
  .string()
  .min(1)
  .max(MAX_VALUE_NAME_LENGTH)
  .refine((name) => !name.startsWith("**"), { message: "must not start with ** (reserved in Registry.pol)" });

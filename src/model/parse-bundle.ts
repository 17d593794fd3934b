import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { quoteValue } from "../diagnostics/quote-value.js";
import { BundleSchema } from "./bundle.js";
import { defineOwn, isPlainRecord, ownProtoEntry, PROTO_KEY } from "./proto-keys.js";
import type { Bundle } from "./types.js";
import { diagnosticsFromZod } from "./zod-issues.js";

/** The shape check of a bundle: the bundle, or the diagnostics of its shape. */
export type BundleShape =
  | { readonly success: true; readonly data: Bundle }
  | { readonly success: false; readonly diagnostics: Diagnostic[] };

/**
 * {@link BundleSchema} with `__proto__` catalog string ids kept (see proto-keys.ts): a catalog's own
 * `__proto__` entry must be a string like every other text, and is put back into the parsed catalog.
 * A locale named `__proto__` is no locale tag and is reported as such.
 */
export function parseBundleShape(input: unknown): BundleShape {
  const parsed = BundleSchema.safeParse(input);
  const extra: Diagnostic[] = [];
  const locales = isPlainRecord(input) ? Object.getOwnPropertyDescriptor(input, "locales")?.value : undefined;
  if (isPlainRecord(locales)) {
    const badLocale = ownProtoEntry(locales);
    if (badLocale) {
      const params = { detail: "must be a locale tag such as en-US", value: quoteValue(PROTO_KEY) };
      extra.push(diag("MODEL_INVALID", params, { path: ["locales", PROTO_KEY] }));
    }
    for (const locale of Object.keys(locales)) {
      if (locale === PROTO_KEY) continue;
      const entry = ownProtoEntry(locales[locale]);
      if (!entry) continue;
      if (typeof entry.value !== "string") {
        const params = { detail: "Invalid input: expected string", value: quoteValue(entry.value) };
        extra.push(diag("MODEL_INVALID", params, { path: ["locales", locale, PROTO_KEY] }));
      } else if (parsed.success) defineOwn(parsed.data.locales[locale]!, PROTO_KEY, entry.value);
    }
  }
  if (!parsed.success) {
    return { success: false, diagnostics: [...diagnosticsFromZod(parsed.error, input), ...extra] };
  }
  return extra.length > 0 ? { success: false, diagnostics: extra } : { success: true, data: parsed.data };
}

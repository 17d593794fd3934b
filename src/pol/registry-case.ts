/**
 * How the registry compares key and value names: case-insensitively, by upper-casing each UTF-16 code
 * unit on its own (the kernel's `RtlUpcaseUnicodeChar` works on one WCHAR at a time). A name never
 * changes length, so `Straße` and `STRASSE` stay two names, while JavaScript's full case mapping
 * (`"ß".toUpperCase()` is `"SS"`, `"ﬀ"` gives `"FF"`) and its lower-casing (the Kelvin sign `K` becomes
 * ASCII `k`, `İ` becomes two units) would call other pairs equal than the registry does.
 *
 * This module is the one home of that comparison: every place that asks "do these two registry names
 * name the same key or value" goes through {@link registryUpcase}; test/lint/name-case.test.ts refuses
 * other upper- or lower-casing in src/ unless its allow-list gives a reason (file names, language tags…).
 */

const SURROGATE = /[\ud800-\udfff]/;

/** Upper-cases per UTF-16 unit, never changing the length: the registry's case-insensitive form. */
export function registryUpcase(text: string): string {
  // Fast path: upper-casing never shortens a character, so an unchanged length means no unit expanded;
  // without surrogates every unit then maps on its own. This runs for every name compared.
  const whole = text.toUpperCase();
  if (whole.length === text.length && !SURROGATE.test(text)) return whole;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const char = text[i]!;
    // A surrogate is half a character: the registry leaves it as it is, so supplementary letters
    // (Deseret, Osage…) keep their case.
    if (unit >= 0xd800 && unit <= 0xdfff) out += char;
    else {
      const upper = char.toUpperCase();
      out += upper.length === 1 ? upper : char;
    }
  }
  return out;
}

/** True when two key names, or two value names, name the same thing in the registry. */
export function sameRegistryName(a: string, b: string): boolean {
  return a.length === b.length && registryUpcase(a) === registryUpcase(b);
}

/**
 * Each component of a key with its path as the registry compares it: `Software\\Policies` gives
 * `["SOFTWARE", "Software"]` and `["SOFTWARE\\POLICIES", "Policies"]`. What spells a key's components one
 * way (the compiler, the decoder's `keySpelling`) walks a key by these.
 */
export function componentPaths(key: string): [path: string, part: string][] {
  const out: [string, string][] = [];
  let path = "";
  for (const part of key.split("\\")) {
    path = out.length === 0 ? registryUpcase(part) : `${path}\\${registryUpcase(part)}`;
    out.push([path, part]);
  }
  return out;
}

/**
 * Shorthand constructors for the typed API (`value.decimal(1)`). Kept apart from the zod schemas of
 * values.ts so that the built-in bundles, written with them, load without zod, which keeps the CLI's cold start short.
 */
export const value = {
  decimal: (n: number) => ({ type: "decimal", value: n }) as const,
  longDecimal: (n: number | string) => ({ type: "longDecimal", value: n }) as const,
  string: (s: string) => ({ type: "string", value: s }) as const,
  delete: () => ({ type: "delete" }) as const,
};

/**
 * fast-check run count: `defaultRuns` in the normal test run, `ADMXKIT_FUZZ_RUNS` when set
 * (`npm run fuzz` sets 20,000).
 */
export function fuzzRuns(defaultRuns: number): number {
  const fromEnv = Number(process.env.ADMXKIT_FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns;
}

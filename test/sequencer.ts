/**
 * The order in which the unit suite hands its test files to its two workers: the longest first, so
 * that no long file starts late and runs alone at the end while the other worker has nothing left.
 *
 * Vitest orders by the durations of the previous run, which it keeps in node_modules/.vite. A fresh
 * clone (CI: `npm ci`) has none, and Vitest then keeps the files in path order: the pack test, the
 * vendor corpus and the robustness files came last, and the run ended with one worker busy for a
 * minute. The files below are the longest of a measured run, longest first; they run first whatever
 * the cache says, and every other file follows in Vitest's own order. A file missing from this list
 * only runs later than it could: the list is about speed, never about what is tested.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Paths from the repository root, longest first (the test-suite section of bench/README.md). */
export const LONGEST_FIRST = [
  "test/read/vendor-corpus.test.ts",
  "test/pack/pack.test.ts",
  "test/cli/process-parity.test.ts",
  "test/robustness/xml-readers.property.test.ts",
  "test/decompile/corpus-21h2.property.test.ts",
  "test/decompile/corpus-1903.property.test.ts",
  "test/lint/validate-store.test.ts",
  "test/robustness/pol-decode.property.test.ts",
  "test/read/inbox-round-trip.test.ts",
  "test/lint/vendor-templates.test.ts",
  "test/robustness/full-stdout.test.ts",
  "test/robustness/bundle-hostile.property.test.ts",
  "test/lint/api-report.test.ts",
  "test/helpers/shared-folder.test.ts",
  "test/robustness/lgpo-parse.property.test.ts",
  "test/helpers/xsd.test.ts",
  "test/read/store-names.test.ts",
  "test/robustness/atomic-write.test.ts",
];

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const rank = (spec: TestSpecification) => {
      const path = spec.moduleId.startsWith(`${root}/`)
        ? spec.moduleId.slice(root.length + 1)
        : spec.moduleId;
      const at = LONGEST_FIRST.indexOf(path);
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    // Array.prototype.sort is stable: the other files keep the order Vitest gave them.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

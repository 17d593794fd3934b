/**
 * What `pol`, `gpo`, `dump` and `values` with `--admx` say about the findings of templates they do not
 * compile from: one closing line that counts them, in the plural form each count needs.
 */
import { describe, expect, it } from "vitest";
import { diag, formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import type { StoreContents } from "../../src/read/read-store.js";
import { storeDiagnostics } from "../../src/read/store-diagnostics.js";

/** A store whose findings all lie in a template no used policy comes from. */
function storeWith(errors: number, warnings: number): StoreContents {
  const file = "/store/Other.admx";
  const diagnostics = [
    ...Array.from({ length: errors }, () => diag("XSD_ID_INVALID", {}, { file, line: 3 })),
    ...Array.from({ length: warnings }, () =>
      diag("XSD_UNKNOWN_ATTRIBUTE", {}, { file, line: 4 }, "warning"),
    ),
  ];
  return { templates: [], policies: [], diagnostics } as unknown as StoreContents;
}

describe("the closing line about other templates' findings", () => {
  it.each([
    [
      1,
      0,
      "these templates also have 1 other finding (1 error, 0 warnings)",
      "ほかの指摘 1 件 (エラー 1 件、警告 0 件)",
    ],
    [
      0,
      1,
      "these templates also have 1 other finding (0 errors, 1 warning)",
      "ほかの指摘 1 件 (エラー 0 件、警告 1 件)",
    ],
    [
      2,
      3,
      "these templates also have 5 other findings (2 errors, 3 warnings)",
      "ほかの指摘 5 件 (エラー 2 件、警告 3 件)",
    ],
  ])("%i errors, %i warnings", (errors, warnings, english, japanese) => {
    const [line] = storeDiagnostics(storeWith(errors, warnings), new Set(), "/store");
    expect(line?.code).toBe("ADMX_STORE_OTHER_FINDINGS");
    // A warning when errors are among them, a note otherwise.
    expect(line?.severity).toBe(errors > 0 ? "warning" : "info");
    expect(formatDiagnostic(line!, "en-US")).toContain(english);
    expect(formatDiagnostic(line!, "ja-JP")).toContain(japanese);
  });

  it("says nothing when every finding concerns a used policy or there are none", () => {
    expect(storeDiagnostics(storeWith(0, 0), new Set(), "/store")).toEqual([]);
  });
});

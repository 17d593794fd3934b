/** Plain-text tables for the benchmark report: aligned columns, numbers right-aligned. */

/**
 * Formats rows (arrays of cells) under `header` as an aligned table. Cells that look like numbers are
 * right-aligned.
 * @param {string[]} header
 * @param {string[][]} rows
 */
export function formatTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = (cell) => /^[\d.,×x%+-]+(?:\s?\S+)?$/.test(cell) && /\d/.test(cell);
  const line = (cells) =>
    cells
      .map((cell, i) => (numeric(cell) && i > 0 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** `1234.5` → `1,235`; small numbers keep `digits` decimals. */
export function num(value, digits = 1) {
  if (!Number.isFinite(value)) return "n/a";
  return value >= 100
    ? Math.round(value).toLocaleString("en-US")
    : value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Bytes as MB (10^6). */
export function mb(bytes) {
  return `${num(bytes / 1e6)} MB`;
}

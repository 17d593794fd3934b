/**
 * The blow-up guard of test/helpers/growth.ts tells linear work from quadratic work by how its CPU
 * time grows, not by a time limit: a linear loop passes it, a quadratic one fails it.
 */
import { describe, expect, it } from "vitest";
import { costRatio, expectLinearGrowth, growth } from "../helpers/growth.js";

/** One pass over the input: linear. */
function sum(items: Float64Array): number {
  let total = 0;
  for (let i = 0; i < items.length; i++) total += items[i]!;
  return total;
}

/** Every pair of the input: quadratic, the shape of a rescan-from-the-start bug. */
function pairs(items: Float64Array): number {
  let total = 0;
  for (let i = 0; i < items.length; i++) for (let j = 0; j < i; j++) total += items[j]! * items[i]!;
  return total;
}

const make = (size: number) => new Float64Array(size).fill(1.5);

/**
 * These inputs take a few milliseconds, so five rounds cost little, and the bounds here are tighter
 * than the guards' (a pass against itself under 3): one disturbed round must not decide.
 */
const ROUNDS = 5;

describe("growth", () => {
  it("passes linear work", () => {
    const measured = growth(make, sum, { n: 100_000, rounds: ROUNDS });
    expect(measured.result).toBe(1.5 * 800_000);
    expectLinearGrowth(measured, "a sum");
  });

  it("fails quadratic work: eight times the input, about 64 times the CPU time", () => {
    const measured = growth(make, pairs, { n: 600, rounds: ROUNDS });
    expect(measured.ratio).toBeGreaterThan(measured.factor * 3);
    expect(() => expectLinearGrowth(measured, "every pair")).toThrow(/a quadratic loop gives 64x/);
  });

  it("costRatio compares work with a linear pass over the same input", () => {
    const input = make(4000);
    expect(costRatio(input, sum, sum, ROUNDS)).toBeLessThan(3);
    expect(costRatio(input, pairs, sum, ROUNDS)).toBeGreaterThan(100);
  });
});

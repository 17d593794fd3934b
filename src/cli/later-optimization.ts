import { setFlagsFromString } from "node:v8";

/**
 * V8's interrupt budget: how much bytecode a function runs before V8 considers optimizing it (67,584
 * in Node 20). A command that reads a whole store is one short pass, and in it optimizing costs more
 * than it wins (the optimizing compiler's threads count in the CPU time too): on the 21H2 store,
 * sixteen times the budget took `validate` from 1.76 s to 1.16 s of CPU and `preview --admx` from
 * about 4.3 s to 2.8–3.1 s of user time (interleaved runs; bench/README.md, "Round three"). Set
 * before the command's modules are loaded, so that their functions get the larger budget; a
 * process-wide setting, which a library call (a long-lived process, where optimized code pays) does
 * not make.
 */
const DEFAULT_INTERRUPT_BUDGET = 67_584;
const ONE_PASS_INTERRUPT_BUDGET = 16 * DEFAULT_INTERRUPT_BUDGET;

/**
 * Runs `work` with the larger budget, and gives V8's default back after it: a process that goes on
 * (the tests' in-process CLI, a host that calls `main`) should not keep the command's setting.
 */
export async function withLaterOptimization<T>(work: () => Promise<T>): Promise<T> {
  setFlagsFromString(`--interrupt-budget=${ONE_PASS_INTERRUPT_BUDGET}`);
  try {
    return await work();
  } finally {
    setFlagsFromString(`--interrupt-budget=${DEFAULT_INTERRUPT_BUDGET}`);
  }
}

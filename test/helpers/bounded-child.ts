/**
 * Runs a small ES module in a separate node process with a heap cap and a deadline, for the inputs whose
 * danger is a hang or a memory blow-up: a test process would itself hang or die, and an in-process
 * heap measurement is blurred by the garbage collector. The child imports the built modules (dist/).
 */
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "./cli.js";

/** `file:` URL of a built module, for `import` statements in the child's source. */
export function distUrl(path: string): string {
  return pathToFileURL(`${REPO_ROOT}dist/${path}`).href;
}

export interface BoundedResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  /** The child's peak resident set in bytes (from `process.resourceUsage()` at its exit). */
  readonly peakRss: number | undefined;
}

const RSS_MARK = "\u0001maxRSS=";

/**
 * Runs `source` (an ES module body) with `--max-old-space-size=heapMb` and any further `nodeFlags`, and
 * kills it after `timeoutMs`. What the module prints to stdout is returned (its peak RSS is reported
 * separately).
 */
export function runBounded(
  source: string,
  {
    heapMb = 128,
    timeoutMs = 20_000,
    nodeFlags = [],
  }: { heapMb?: number; timeoutMs?: number; nodeFlags?: readonly string[] } = {},
): Promise<BoundedResult> {
  const withUsage = `${source}\nprocess.on("exit", () => process.stdout.write(${JSON.stringify(RSS_MARK)} + process.resourceUsage().maxRSS + "\\n"));`;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${heapMb}`, ...nodeFlags, "--input-type=module", "-e", withUsage],
      { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const mark = stdout.lastIndexOf(RSS_MARK);
      const peakRss = mark < 0 ? undefined : Number(stdout.slice(mark + RSS_MARK.length).trim()) * 1024;
      resolve({ code, signal, timedOut, stdout: mark < 0 ? stdout : stdout.slice(0, mark), stderr, peakRss });
    });
  });
}

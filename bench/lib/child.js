/**
 * Runs node as a child process, as a user's shell would, and measures it from the outside: wall time,
 * and (through a preload that reports `process.resourceUsage()` at exit) the child's own peak RSS and
 * CPU time. A separate process is the only honest way to measure a cold start or a peak RSS: the
 * benchmark's own heap would otherwise be part of the figure.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const USAGE_PRELOAD = fileURLToPath(new URL("./report-usage.js", import.meta.url));
const MODULE_LOG_PRELOAD = fileURLToPath(new URL("./log-modules.js", import.meta.url));

/**
 * Spawns `node ...args` and resolves with its exit code, output and wall time in milliseconds.
 * @param {readonly string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv }} [options]
 */
export function runNode(args, options = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: { ...process.env, LANG: "C", LC_ALL: "", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ code, stdout, stderr, ms: Number(process.hrtime.bigint() - start) / 1e6 });
    });
  });
}

/**
 * Like {@link runNode}, and also returns the child's `process.resourceUsage()` at exit: `maxRSS` (KiB,
 * the peak resident set), `userCPUTime` and `systemCPUTime` (µs).
 */
export async function runNodeWithUsage(args, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), "admxkit-bench-usage-"));
  const file = join(dir, "usage.json");
  try {
    const result = await runNode(["--import", USAGE_PRELOAD, ...args], {
      ...options,
      env: { ...options.env, ADMXKIT_BENCH_USAGE: file },
    });
    let usage;
    try {
      usage = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      usage = undefined;
    }
    return { ...result, usage };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs `node ...args` with a module-loading hook and returns the URLs of every module the process
 * loaded (file: URLs only; node's built-ins are not listed), in load order.
 */
export async function listLoadedModules(args, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), "admxkit-bench-modules-"));
  const file = join(dir, "modules.txt");
  try {
    const result = await runNode(["--import", MODULE_LOG_PRELOAD, ...args], {
      ...options,
      env: { ...options.env, ADMXKIT_BENCH_MODULE_LOG: file },
    });
    let urls = [];
    try {
      urls = readFileSync(file, "utf8").split("\n").filter(Boolean);
    } catch {
      urls = [];
    }
    return {
      ...result,
      urls: [...new Set(urls)].filter((u) => !u.startsWith(`file://${MODULE_LOG_PRELOAD}`)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

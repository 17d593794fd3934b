import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The shared reference folder beside the repository (as CI lays it out). */
export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
/** The built CLI entry point. */
export const BIN = join(REPO_ROOT, "bin", "admxkit.js");

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built binary as a user would (`node bin/admxkit.js …`) in `cwd`, with a fixed English
 * locale unless `env` says otherwise, and resolves with its exit code and output.
 */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; uid?: number; gid?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, LANG: "C", LC_ALL: "", LC_MESSAGES: "", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
      ...(options.uid !== undefined && { uid: options.uid }),
      ...(options.gid !== undefined && { gid: options.gid }),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/**
 * Runs the CLI in this process (`main` of src/cli, for the many parser cases; spawn the binary where the
 * process matters), with the same fixed English locale as {@link runCli} unless `env` says otherwise.
 * The locale variables are put back afterwards.
 */
export async function runInProcess(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<CliResult> {
  const { main } = await import("../../src/cli/main.js");
  const saved = { LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES, LANG: process.env.LANG };
  Object.assign(process.env, { LANG: "C", LC_ALL: "", LC_MESSAGES: "" }, env);
  let stdout = "";
  let stderr = "";
  try {
    const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
    return { code, stdout, stderr };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** A fresh empty temporary folder. */
export function tempDir(prefix = "admxkit-test-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

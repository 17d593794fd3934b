import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sharedFolder } from "../../scripts/shared-folder.js";

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The reference folder of the real-world tests: ADMXKIT_SHARED, else ../shared beside the repository. */
export const SHARED = sharedFolder();
/** The built CLI entry point. */
export const BIN = join(REPO_ROOT, "bin", "admxkit.js");

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCli}: the working folder (default: the repository) and environment variables. */
export interface CliOptions {
  readonly cwd?: string;
  /** Variables to set (a value of undefined removes one) over the fixed English locale. */
  readonly env?: NodeJS.ProcessEnv;
}

/** The locale every run starts from, unless `env` says otherwise. */
const FIXED_LOCALE = { LANG: "C", LC_ALL: "", LC_MESSAGES: "" };

type Main = (
  argv: readonly string[],
  io: {
    stdout: (t: string) => void;
    stdoutBytes: (b: Uint8Array) => void;
    stderr: (t: string) => void;
  },
) => Promise<number>;
let builtMain: Promise<Main> | undefined;
/** In-process runs one at a time: each sets the process's working folder and environment. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the built CLI — the bundle `bin/admxkit.js` runs (dist/cli-bundle/main.js, built by the global
 * setup) — in this process: its `main` with the arguments, in `cwd`, with the fixed English locale
 * unless `env` says otherwise, and resolves with the exit code and what it wrote to stdout and stderr.
 *
 * Everything a command does goes through `main` (it never exits the process, and writes only through
 * the streams it is given), so this is the binary's behaviour without a Node start for each of the
 * hundreds of runs the suite makes (a spawn cost about 0.2 s of CPU). What only a real process has —
 * the launcher, signals, pipes, the process's own locale and user, standard input — is tested with
 * {@link spawnCli}.
 */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  builtMain ??= import(pathToFileURL(join(REPO_ROOT, "dist", "cli-bundle", "main.js")).href).then(
    (module: { main: Main }) => module.main,
  );
  return inThisProcess(builtMain, args, { cwd: REPO_ROOT, ...options });
}

/**
 * Runs a CLI `main` here, one run at a time (each sets the process's environment, and its working
 * folder when `cwd` is given), with {@link FIXED_LOCALE} under `env`; everything it set is put back.
 */
function inThisProcess(
  loaded: Promise<Main>,
  args: readonly string[],
  options: CliOptions,
): Promise<CliResult> {
  const run = async (): Promise<CliResult> => {
    const main = await loaded;
    const env: NodeJS.ProcessEnv = { ...FIXED_LOCALE, ...options.env };
    const saved = Object.keys(env).map((key) => [key, process.env[key]] as const);
    const cwd = process.cwd();
    const set = (key: string, value: string | undefined) => {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    };
    for (const [key, value] of Object.entries(env)) set(key, value);
    if (options.cwd !== undefined) process.chdir(options.cwd);
    let stdout = "";
    let stderr = "";
    try {
      // Bytes (`pol --out -`) come as Latin-1 text: Buffer.from(result.stdout, "latin1") gives them back.
      const code = await main(args, {
        stdout: (t) => void (stdout += t),
        stdoutBytes: (b) => void (stdout += Buffer.from(b).toString("latin1")),
        stderr: (t) => void (stderr += t),
      });
      return { code, stdout, stderr };
    } finally {
      process.chdir(cwd);
      for (const [key, value] of saved) set(key, value);
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/**
 * Runs the built binary as its own process, as a user does (`node bin/admxkit.js …`) in `cwd`, with a
 * fixed English locale unless `env` says otherwise, and resolves with its exit code and output: for what
 * only a process has (see {@link runCli}).
 */
export function spawnCli(
  args: readonly string[],
  options: CliOptions & { input?: string; uid?: number; gid?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, ...FIXED_LOCALE, ...options.env },
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
 * Runs the CLI from its sources in this process (`main` of src/cli, for the many parser cases; spawn the
 * binary where the process matters), in this process's working folder, like {@link runCli} otherwise.
 */
export function runInProcess(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<CliResult> {
  const main = import("../../src/cli/main.js").then((module) => module.main as Main);
  return inThisProcess(main, args, { env });
}

/**
 * Runs the CLI bundle of another copy of admxkit (an installed package's `dist/cli-bundle/main.js`) in
 * this process, like {@link runCli}: for many runs of a copy where a process adds nothing (its --help).
 */
export function runCliBundle(
  bundle: string,
  args: readonly string[],
  options: CliOptions = {},
): Promise<CliResult> {
  const main = import(pathToFileURL(bundle).href).then((module: { main: Main }) => module.main);
  return inThisProcess(main, args, options);
}

/** A fresh empty temporary folder. */
export function tempDir(prefix = "admxkit-test-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

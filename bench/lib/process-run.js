/**
 * Runs any program (admxkit, or a yardstick such as xmllint or Python) as a whole process and measures
 * it from outside: wall time, and — through GNU time when /usr/bin/time is there — its CPU time and peak
 * RSS. Output goes to /dev/null, so the figure is the work, not a terminal's speed.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";
const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ["-f", "%e", "true"]).status === 0;

/** One run: `{ code, ms, cpuMs?, peakRss? (bytes), stderr }`. */
export function runProcess(command, args, { cwd, env } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "admxkit-bench-run-"));
  const timeFile = join(dir, "time.txt");
  const [file, argv] = hasGnuTime
    ? [GNU_TIME, ["-o", timeFile, "-f", "%U %S %M", command, ...args]]
    : [command, args];
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(file, argv, {
      cwd,
      env: { ...process.env, LANG: "C", LC_ALL: "", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => {
      rmSync(dir, { recursive: true, force: true });
      reject(error);
    });
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      let cpuMs;
      let peakRss;
      try {
        // GNU time may put "Command exited with non-zero status" before the figures: the last line.
        const last = readFileSync(timeFile, "utf8").trim().split("\n").at(-1).split(" ").map(Number);
        cpuMs = (last[0] + last[1]) * 1000;
        peakRss = last[2] * 1024;
      } catch {
        // No GNU time: wall time only.
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, ms, cpuMs, peakRss, stderr });
    });
  });
}

/**
 * `runs` runs after one warm-up (disk cache); the minimum and median of wall and CPU time (`medianMs`,
 * `medianCpuMs`; the median of an even count is the upper middle run), and the largest peak RSS. On a
 * shared machine the minimum is the figure closest to the work itself, and CPU time moves less with
 * the other jobs than wall time. Fails when an exit code is not in `okCodes`.
 */
export async function measureProcess(command, args, { runs = 5, okCodes = [0], cwd, env } = {}) {
  await runProcess(command, args, { cwd, env });
  const all = [];
  for (let i = 0; i < runs; i++) {
    const run = await runProcess(command, args, { cwd, env });
    if (!okCodes.includes(run.code)) {
      throw new Error(`${command} ${args.join(" ")} exited ${run.code}:\n${run.stderr.slice(0, 2000)}`);
    }
    all.push(run);
  }
  const sorted = (values) => values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const wall = sorted(all.map((r) => r.ms));
  const cpu = sorted(all.map((r) => r.cpuMs));
  return {
    ms: wall[0],
    medianMs: wall[wall.length >> 1],
    cpuMs: cpu[0],
    medianCpuMs: cpu[cpu.length >> 1],
    peakRss: Math.max(...all.map((r) => r.peakRss ?? NaN)),
    runs: all.map((r) => Math.round(r.ms)),
    code: all.at(-1).code,
  };
}

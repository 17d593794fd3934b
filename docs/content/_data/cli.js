/**
 * The CLI reference: the `--help` text of every command, taken from the built CLI when the site is
 * built, so the reference never drifts from the program.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

function help(args) {
  return execFileSync(process.execPath, [join(ROOT, "bin", "admxkit.js"), ...args, "--help"], {
    cwd: ROOT,
    encoding: "utf8",
    // A fixed language: the reference must not depend on who builds it.
    env: { ...process.env, LANG: "C", LC_ALL: "", LC_MESSAGES: "" },
  });
}

export default function () {
  const overview = help([]);
  const commands = [...overview.matchAll(/^ {2}admxkit (\S+)/gm)].map((m) => m[1]);
  return { overview, commands: commands.map((name) => ({ name, help: help([name]) })) };
}

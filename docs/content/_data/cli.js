/**
 * The CLI reference: the `--help` text of every command, taken from the built CLI when the site is
 * built, so the reference never drifts from the program.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Columns of the help text: what the docs' code box shows without scrolling at 1100 pixels. */
const COLUMNS = "88";

function help(args, lang) {
  return execFileSync(
    process.execPath,
    [join(ROOT, "bin", "admxkit.js"), ...args, "--help", "--lang", lang],
    {
      cwd: ROOT,
      encoding: "utf8",
      // A fixed language and width: the reference must not depend on who builds it, or where.
      env: { ...process.env, LANG: "C", LC_ALL: "", LC_MESSAGES: "", COLUMNS },
    },
  );
}

function reference(lang) {
  const overview = help([], lang);
  const commands = [...overview.matchAll(/^ {2}admxkit (\S+)/gm)].map((m) => m[1]);
  return { overview, commands: commands.map((name) => ({ name, help: help([name], lang) })) };
}

/** `cli[lang].overview` and `cli[lang].commands`, for the pages' `lang` (en, ja). */
export default function () {
  return { en: reference("en-US"), ja: reference("ja-JP") };
}

/**
 * The CLI reference: the `--help` text of every command, taken from the built CLI when the site is
 * built, so the reference never drifts from the program. docs/cli-help.js prints them all from one
 * process.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Columns of the help text: what the docs' code box shows without scrolling at 1100 pixels. */
const COLUMNS = "88";

/** `cli[lang].overview` and `cli[lang].commands`, for the pages' `lang` (en, ja). */
export default function () {
  const texts = JSON.parse(
    execFileSync(process.execPath, [join(ROOT, "docs", "cli-help.js")], {
      cwd: ROOT,
      encoding: "utf8",
      // A fixed language and width: the reference must not depend on who builds it, or where.
      env: { ...process.env, LANG: "C", LC_ALL: "", LC_MESSAGES: "", COLUMNS },
    }),
  );
  return { en: texts["en-US"], ja: texts["ja-JP"] };
}

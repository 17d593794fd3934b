/**
 * Where the reference folder of the real-world tests and benchmarks is, and whether it is there.
 *
 * The folder (Microsoft's own templates, the ADMX schema, real central stores, real Registry.pol files;
 * each file's source is listed in its PROVENANCE.md or corpus/README.md) is not part of the repository.
 * It is found at `ADMXKIT_SHARED` when that variable is set, else at `../shared` beside the repository
 * folder, as CI lays it out. Every test helper, bench case and script takes the path from here, and a run
 * checks it once at its start (scripts/test-all.sh, test/global-setup.ts): a missing folder is one
 * message naming what is missing, not one failure per test that reads it.
 *
 * Run as a script (`node scripts/shared-folder.js`) it prints that message and exits 1, or exits 0.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The variable that names the folder. */
export const SHARED_VARIABLE = "ADMXKIT_SHARED";

/** What the tests and benchmarks read from the folder. */
export const SHARED_CONTENTS = [
  "reference/microsoft",
  "reference/registry-pol",
  "reference/admx-schema-libxml2",
  "corpus/windows11-21h2/PolicyDefinitions",
  "corpus/windows10-1903/PolicyDefinitions",
];

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The reference folder's path: `ADMXKIT_SHARED` (relative to the working folder) or `../shared`. */
export function sharedFolder(env = process.env) {
  const named = env[SHARED_VARIABLE];
  return named ? resolve(named) : resolve(REPO_ROOT, "..", "shared");
}

/** The message saying what is missing from the reference folder, or undefined when nothing is. */
export function sharedFolderProblem(env = process.env) {
  const folder = sharedFolder(env);
  const missing = SHARED_CONTENTS.filter((part) => !existsSync(join(folder, part)));
  if (missing.length === 0) return undefined;
  const where = env[SHARED_VARIABLE]
    ? `${folder} (from ${SHARED_VARIABLE})`
    : `${folder} (../shared beside the repository; ${SHARED_VARIABLE} is not set)`;
  const what = existsSync(folder) ? `lacks ${missing.join(", ")}` : "does not exist";
  return (
    `The tests' reference folder ${where} ${what}. The real-world tests and benchmarks read Microsoft's ` +
    `templates, real central stores and Registry.pol files from it: put it beside the repository as ` +
    `../shared, or set ${SHARED_VARIABLE} to its path (README, "Contributors").`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problem = sharedFolderProblem();
  if (problem !== undefined) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}

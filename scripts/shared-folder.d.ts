/** The variable that names the tests' reference folder (shared-folder.js). */
export const SHARED_VARIABLE: string;
/** What the tests and benchmarks read from the reference folder. */
export const SHARED_CONTENTS: readonly string[];
/** The reference folder's path: `ADMXKIT_SHARED` or `../shared` beside the repository. */
export function sharedFolder(env?: NodeJS.ProcessEnv): string;
/** The message saying what is missing from the reference folder, or undefined when nothing is. */
export function sharedFolderProblem(env?: NodeJS.ProcessEnv): string | undefined;

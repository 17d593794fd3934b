/**
 * Preload (`node --import`) that registers {@link ./module-log-hooks.js}: every module the process loads
 * is appended, as a URL, to the file named by ADMXKIT_BENCH_MODULE_LOG. Used to show which files a
 * command really loads at start-up.
 */
import { register } from "node:module";

const file = process.env.ADMXKIT_BENCH_MODULE_LOG;
if (file) register("./module-log-hooks.js", import.meta.url, { data: { file } });

import type { Bundle } from "../model/types.js";

/** The bundles shipped with admxkit, by id. Loaded lazily so a command pays only for what it uses. */
export const BUILTIN_BUNDLES: Readonly<Record<string, () => Promise<Bundle>>> = {
  "defender-proxy": async () => (await import("./defender-proxy.js")).defenderProxyBundle(),
};

/** The id `admxkit build` uses when `--bundle` is not given. */
export const DEFAULT_BUNDLE = "defender-proxy";

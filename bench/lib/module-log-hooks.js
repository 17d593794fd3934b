/**
 * Module customization hooks (they run on node's loader thread): record each loaded file: URL. The
 * hooks do not change resolution or loading; they only observe.
 */
import { appendFileSync } from "node:fs";

let file;

/** Receives the log file from `register(..., { data })`. */
export function initialize(data) {
  file = data.file;
}

/** Passes every load through and writes its URL to the log. */
export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (file && url.startsWith("file:")) appendFileSync(file, `${url}\n`);
  return result;
}

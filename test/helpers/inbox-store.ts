/**
 * The in-box central stores of ../shared/corpus (Windows 10 1903, Windows 11 21H2), read whole once
 * per worker. The unit suite's files share a module graph (isolate: false in vitest.config.ts), so
 * every file of a worker that reads a store whole gets the same result — read-only for them all; a
 * 21H2 read is over a second of CPU. This module imports nothing else, for files that need only the store.
 */
import { join } from "node:path";
import { readStore, type StoreContents } from "../../src/read/read-store.js";
import { SHARED } from "./cli.js";

/** The in-box stores of shared/corpus. */
export type InboxStore = "windows11-21h2" | "windows10-1903";

/** `shared/corpus/<name>/PolicyDefinitions`. */
export const inboxStorePath = (name: InboxStore) => join(SHARED, "corpus", name, "PolicyDefinitions");

const reads = new Map<InboxStore, Promise<StoreContents>>();

/** `readStore` of the whole store `name`, shared by every file of the worker that asks for it. */
export function readInboxStore(name: InboxStore): Promise<StoreContents> {
  let read = reads.get(name);
  if (!read) {
    read = readStore(inboxStorePath(name));
    reads.set(name, read);
  }
  return read;
}

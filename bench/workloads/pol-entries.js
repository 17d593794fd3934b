/**
 * The Registry.pol workload: a fixed, seeded list of mixed entries shaped like real policy files —
 * entries grouped under shared keys (consecutive entries usually share one), mostly DWORD and string
 * values, some multi-strings, QWORDs and binaries, and the special instructions (`**del.`,
 * `**delvals.`, key-only entries) that compiled policies produce.
 */
import { createRandom, identifier, words } from "../lib/random.js";

/** How often each kind of entry appears (relative weights). */
const MIX = {
  dword: 34,
  sz: 24,
  expandSz: 8,
  multiSz: 7,
  qword: 5,
  binary: 6,
  del: 8,
  delvals: 5,
  createKey: 3,
};

function keyPool(random, count) {
  const keys = [];
  for (let i = 0; i < count; i++) {
    const vendor = identifier(random, 1);
    const product = identifier(random, 2);
    const depth = random.int(0, 1);
    const tail = Array.from({ length: depth }, () => identifier(random, random.int(1, 2)));
    keys.push(["Software", "Policies", vendor, product, ...tail].join("\\"));
  }
  return keys;
}

/**
 * Builds `count` entries with the Registry.pol layer's own constructors (`pol` is dist/pol/index.js),
 * deterministically from `seed`.
 */
export function generatePolEntries(pol, count, seed = 7) {
  const random = createRandom(seed);
  const keys = keyPool(random, Math.max(1, Math.round(count / 40)));
  const entries = [];
  while (entries.length < count) {
    const key = random.pick(keys);
    const group = Math.min(random.int(1, 12), count - entries.length);
    for (let i = 0; i < group; i++) {
      const name = identifier(random, random.int(1, 2));
      switch (random.weighted(MIX)) {
        case "dword":
          entries.push(pol.dwordEntry(key, name, random.int(0, 0xffffffff)));
          break;
        case "sz":
          entries.push(pol.szEntry(key, name, words(random, random.int(1, 4))));
          break;
        case "expandSz":
          entries.push(pol.expandSzEntry(key, name, `%ProgramFiles%\\${identifier(random, 2)}\\${name}.log`));
          break;
        case "multiSz":
          entries.push(
            pol.multiSzEntry(
              key,
              name,
              Array.from({ length: random.int(1, 3) }, () => words(random, 2)),
            ),
          );
          break;
        case "qword":
          entries.push(pol.qwordEntry(key, name, BigInt(random.int(0, 2 ** 31)) * 4294967296n));
          break;
        case "binary":
          entries.push(pol.binaryEntry(key, name, random.bytes(random.int(4, 48))));
          break;
        case "del":
          entries.push(pol.delEntry(key, name));
          break;
        case "delvals":
          entries.push(pol.delvalsEntry(key));
          break;
        default:
          entries.push(pol.createKeyEntry(key));
      }
    }
  }
  return entries;
}

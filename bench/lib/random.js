/**
 * A small seeded pseudo-random generator (mulberry32), so that every benchmark run generates exactly the
 * same workload: figures from two runs, or two machines, measure the same bytes.
 */

/**
 * Returns a generator of numbers in [0, 1) for `seed`, with helpers for the choices workloads make.
 * @param {number} seed
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** One element of `list`. */
    pick: (list) => list[Math.floor(next() * list.length)],
    /** A key of `weights` chosen with the given relative weights. */
    weighted(weights) {
      const total = Object.values(weights).reduce((a, b) => a + b, 0);
      let r = next() * total;
      for (const [name, weight] of Object.entries(weights)) {
        r -= weight;
        if (r < 0) return name;
      }
      return Object.keys(weights).at(-1);
    },
    /** `count` bytes. */
    bytes(count) {
      const out = new Uint8Array(count);
      for (let i = 0; i < count; i++) out[i] = Math.floor(next() * 256);
      return out;
    },
  };
}

const WORDS = [
  "proxy",
  "server",
  "update",
  "policy",
  "network",
  "security",
  "cache",
  "folder",
  "limit",
  "schedule",
  "client",
  "agent",
  "telemetry",
  "bypass",
  "certificate",
  "timeout",
  "retry",
  "sync",
  "device",
  "user",
  "audit",
  "logon",
  "firewall",
  "defender",
  "browser",
  "storage",
  "printer",
  "display",
  "session",
  "token",
];

/** `count` words from a fixed vocabulary joined by spaces: readable, compressible, realistic text. */
export function words(random, count) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(random.pick(WORDS));
  return out.join(" ");
}

/** An identifier-style word (`ProxyServer12`). */
export function identifier(random, parts = 2) {
  let out = "";
  for (let i = 0; i < parts; i++) {
    const w = random.pick(WORDS);
    out += w[0].toUpperCase() + w.slice(1);
  }
  return out;
}

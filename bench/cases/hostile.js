/**
 * Benchmark: the hostile inputs of test/robustness at their full size, as time figures. The unit tests
 * check these inputs by how their CPU time grows (test/helpers/growth.ts), never by a time limit, as
 * a limit fails on a loaded machine (200,000 siblings once took 10.9 s against a 10 s limit); the
 * figures live here. Baseline: copying the same input (`Buffer.from`), the least a reader must do.
 */
import { Buffer } from "node:buffer";
import { mbPerSecond, timeSync } from "../lib/measure.js";

const HEAD = '<?xml version="1.0" encoding="utf-8"?>\n';
const NS = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions";
const admx = (inner, root = "") =>
  `${HEAD}<policyDefinitions xmlns="${NS}" revision="1.0" schemaVersion="1.0"${root}><policyNamespaces><target prefix="t" namespace="Test.Hostile"/></policyNamespaces><resources minRequiredRevision="1.0"/>${inner}</policyDefinitions>`;

/** The XML cases: name and text. */
function xmlCases() {
  const category = '<category name="a" displayName="$(string.a)"/>';
  return [
    ["200,000 sibling elements", admx(`<categories>${category.repeat(200_000)}</categories>`)],
    [
      "100,000 attributes on one element",
      admx(
        `<categories><category name="a" ${Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(" ")}/></categories>`,
      ),
    ],
    [
      "20,000 namespace declarations, 20,000 elements",
      admx(
        `<categories>${category.repeat(20_000)}</categories>`,
        " " + Array.from({ length: 20_000 }, (_, i) => `xmlns:p${i}="urn:p"`).join(" "),
      ),
    ],
    [
      "a 20 MB attribute value",
      admx(`<categories><category name="a" displayName="${"x".repeat(20_000_000)}"/></categories>`),
    ],
  ];
}

/** The Registry.pol cases: name and bytes. */
function polCases(pol) {
  const header = [0x50, 0x52, 0x65, 0x67, 1, 0, 0, 0];
  const key = new Uint8Array(8 + 2 + 16 * 1024 * 1024).fill(0x41);
  key.set(header);
  key.set([0x5b, 0], 8);
  for (let i = 11; i < key.length; i += 2) key[i] = 0;
  const one = pol.encodePol([pol.delvalsEntry("K")]).subarray(8);
  const tiny = new Uint8Array(8 + one.length * 500_000);
  tiny.set(header);
  for (let i = 0; i < 500_000; i++) tiny.set(one, 8 + i * one.length);
  return [
    ["a 16 MiB key without its NUL", key],
    ["500,000 tiny entries", tiny],
  ];
}

/** Times each hostile input against the built readers at `distUrl`. */
export async function benchHostile(distUrl, { runs = 3 } = {}) {
  const read = await import(new URL("read/read-file.js", distUrl).href);
  const pol = await import(new URL("pol/index.js", distUrl).href);
  const row = (name, size, work, copy) => ({
    name,
    bytes: size,
    ms: work.median,
    mbPerSecond: mbPerSecond(size, work.median),
    baselineMs: copy.median,
    ratio: work.median / copy.median,
  });
  const rows = [];
  for (const [name, text] of xmlCases()) {
    const copy = timeSync(() => Buffer.from(text), { runs, warmup: 1 });
    const work = timeSync(() => read.parseAdmx(text, "hostile.admx"), { runs, warmup: 1 });
    rows.push(row(`parseAdmx: ${name}`, Buffer.byteLength(text), work, copy));
  }
  for (const [name, bytes] of polCases(pol)) {
    const copy = timeSync(() => Buffer.from(bytes), { runs, warmup: 1 });
    const work = timeSync(() => pol.decodePol(bytes), { runs, warmup: 1 });
    rows.push(row(`decodePol: ${name}`, bytes.length, work, copy));
  }
  return { rows };
}

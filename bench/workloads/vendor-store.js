/**
 * The vendor-store workload: the Windows 11 21H2 store with the vendor families of the shared corpus
 * (Office 2016 in UTF-16 LE with lower-case locale folders, Firefox, Edge) merged into it as an
 * administrator copies them — locale folders merge case-insensitively, into Windows' spelling — and
 * the same store repeated one to four times under other names, to show how time grows with the store.
 *
 * A copy renames every file (`c2-word16.admx`, `en-US/c2-word16.adml`), every namespace the store
 * defines (`Microsoft.Policies.Windows` → `c2.Microsoft.Policies.Windows`, in `<target>` and `<using>`
 * alike) and writes under a sub-key of its own (`key="…\c2"`), so each copy is a store of its own:
 * no name, namespace or registry value clashes with the first copy's, and every copy costs what the
 * first one does. Each file keeps its encoding.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sharedFolder } from "../../scripts/shared-folder.js";

const CORPUS = join(sharedFolder(), "corpus");
/** The store and the families merged into it, in the order an administrator would copy them. */
export const VENDOR_STORE_SOURCES = [
  join(CORPUS, "windows11-21h2", "PolicyDefinitions"),
  ...["office2016", "firefox", "edge"].map((family) => join(CORPUS, "vendor", family, "PolicyDefinitions")),
];

/** Text of a template file and how to write it back: UTF-16 LE after its byte order mark, else UTF-8. */
function decode(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: bytes.toString("utf16le", 2),
      encode: (t) => Buffer.concat([bytes.subarray(0, 2), Buffer.from(t, "utf16le")]),
    };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return {
    text: bytes.toString("utf8", bom),
    encode: (t) => Buffer.concat([bytes.subarray(0, bom), Buffer.from(t, "utf8")]),
  };
}

/** The files of the merged store: `{ folder, name, bytes }`, folder "" for the ADMX. */
function mergedFiles() {
  const files = new Map();
  const folders = new Map();
  for (const source of VENDOR_STORE_SOURCES) {
    for (const entry of readdirSync(source).sort()) {
      const path = join(source, entry);
      if (!statSync(path).isDirectory()) {
        files.set(entry.toLowerCase(), { folder: "", name: entry, bytes: readFileSync(path) });
        continue;
      }
      const folder = folders.get(entry.toLowerCase()) ?? entry;
      folders.set(entry.toLowerCase(), folder);
      for (const name of readdirSync(path).sort()) {
        files.set(`${folder.toLowerCase()}/${name.toLowerCase()}`, {
          folder,
          name,
          bytes: readFileSync(join(path, name)),
        });
      }
    }
  }
  return [...files.values()];
}

/**
 * Writes the merged store `copies` times into `dir` (its PolicyDefinitions folder) and returns what
 * it holds: `{ dir, files, admx, policies, bytes }`.
 */
export function writeVendorStore(dir, copies = 1) {
  const files = mergedFiles();
  // Only the namespaces the store defines are renamed: a `<using>` of a namespace from another Windows
  // version (which the first copy tolerates) stays as it is in every copy.
  const defined = new Set();
  let policies = 0;
  for (const file of files) {
    if (!/\.admx$/i.test(file.name)) continue;
    const { text } = decode(file.bytes);
    for (const m of text.matchAll(/<target\b[^>]*\bnamespace="([^"]*)"/g)) defined.add(m[1]);
    policies += text.match(/<policy\b/g)?.length ?? 0;
  }
  let bytes = 0;
  for (let copy = 1; copy <= copies; copy++) {
    const prefix = copy === 1 ? "" : `c${copy}`;
    for (const file of files) {
      mkdirSync(join(dir, file.folder), { recursive: true });
      let content = file.bytes;
      if (prefix !== "" && /\.adm[xl]$/i.test(file.name)) {
        const { text, encode } = decode(file.bytes);
        content = encode(
          text
            .replace(/\bnamespace="([^"]*)"/g, (all, ns) =>
              defined.has(ns) ? `namespace="${prefix}.${ns}"` : all,
            )
            // A sub-key of its own: the copies' policies write other values than the first's.
            .replace(/\bkey="([^"]*)"/g, `key="$1\\${prefix}"`),
        );
      }
      writeFileSync(join(dir, file.folder, prefix === "" ? file.name : `${prefix}-${file.name}`), content);
      bytes += content.length;
    }
  }
  const admx = files.filter((f) => f.folder === "" && /\.admx$/i.test(f.name)).length * copies;
  return { dir, files: files.length * copies, admx, policies: policies * copies, bytes };
}

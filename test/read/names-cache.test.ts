import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NamesCache, namesCacheDir } from "../../src/read/names-cache.js";
import { readStore } from "../../src/read/read-store.js";

const admx = (policy: string) =>
  `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitions revision="1.0" schemaVersion="1.0">
  <policyNamespaces><target prefix="t" namespace="Test.Cache"/></policyNamespaces>
  <resources minRequiredRevision="1.0"/>
  <categories><category name="Cat" displayName="$(string.Cat)"/></categories>
  <policies>
    <policy name="${policy}" class="Machine" displayName="$(string.P)" key="Software\\Policies\\T" valueName="V">
      <parentCategory ref="Cat"/>
      <supportedOn ref="windows:SUPPORTED_Windows7"/>
    </policy>
  </policies>
</policyDefinitions>
`;
const adml = `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitionResources revision="1.0" schemaVersion="1.0">
  <displayName>t</displayName><description>t</description>
  <resources><stringTable><string id="Cat">C</string><string id="P">P</string></stringTable></resources>
</policyDefinitionResources>
`;
const other = admx("Other").replace("Test.Cache", "Test.Other").replace('prefix="t"', 'prefix="o"');

let work: string;
let store: string;
let cacheDir: string;
const saved = { ...process.env };

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "admxkit-names-cache-"));
  store = join(work, "PolicyDefinitions");
  cacheDir = join(work, "cache");
  for (const [name, policy] of [
    ["a", "PolicyAaa"],
    ["b", "PolicyBbb"],
  ] as const) {
    writeFileSync(join(ensure(store), `${name}.admx`), admx(policy));
    writeFileSync(join(ensure(join(store, "en-US")), `${name}.adml`), adml);
  }
  writeFileSync(join(store, "z.admx"), other);
  writeFileSync(join(store, "en-US", "z.adml"), adml);
  process.env.ADMXKIT_CACHE_DIR = cacheDir;
  delete process.env.ADMXKIT_NO_CACHE;
});

afterEach(() => {
  process.env = { ...saved };
  rmSync(work, { recursive: true, force: true });
});

function ensure(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

const policyNames = async (keys: string[]) =>
  (await readStore(store, { policies: keys })).policies.map((p) => p.policy.name);

describe("the names cache of readStore({ policies })", () => {
  it("is written after a scan and gives the same templates on the next run", async () => {
    expect(await policyNames(["PolicyBbb"])).toEqual(["PolicyBbb"]);
    const file = join(cacheDir, readdirSync(cacheDir)[0]!);
    const cached = JSON.parse(readFileSync(file, "utf8")) as { files: Record<string, { names: unknown }> };
    expect(cached.files[join(store, "b.admx")]?.names).toEqual({
      namespace: "Test.Cache",
      prefix: "t",
      policies: ["PolicyBbb"],
    });
    expect(Object.keys(cached.files)).toHaveLength(3);
    expect(await policyNames(["PolicyBbb"])).toEqual(["PolicyBbb"]);
    expect(await policyNames(["o:Other"])).toEqual(["Other"]);
  });

  it("never answers for a file edited since: same size, same inode, modification time put back", async () => {
    const path = join(store, "a.admx");
    // A whole second, so that putting it back is exact (as `cp -p`, rsync -t or an unzip would).
    const stamp = new Date("2021-10-05T12:00:00Z");
    utimesSync(path, stamp, stamp);
    expect(await policyNames(["PolicyAaa"])).toEqual(["PolicyAaa"]);
    const before = statSync(path);
    writeFileSync(path, admx("PolicyCcc"));
    utimesSync(path, stamp, stamp);
    const after = statSync(path);
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
    expect(await policyNames(["PolicyCcc"])).toEqual(["PolicyCcc"]);
  });

  it("a corrupt or foreign cache file is ignored and replaced", async () => {
    await policyNames(["PolicyAaa"]);
    const file = join(cacheDir, readdirSync(cacheDir)[0]!);
    const poisoned = { files: { [join(store, "a.admx")]: { size: "x" }, [join(store, "b.admx")]: null } };
    writeFileSync(file, JSON.stringify(poisoned));
    expect(await policyNames(["PolicyBbb"])).toEqual(["PolicyBbb"]);
    writeFileSync(file, "{ not json");
    expect(await policyNames(["PolicyAaa"])).toEqual(["PolicyAaa"]);
    expect(JSON.parse(readFileSync(file, "utf8")).version).toBe(1);
  });

  it("a cache folder that cannot be written changes nothing but speed", async () => {
    writeFileSync(join(work, "file"), "");
    process.env.ADMXKIT_CACHE_DIR = join(work, "file", "below-a-file");
    expect(await policyNames(["PolicyAaa"])).toEqual(["PolicyAaa"]);
  });

  it("ADMXKIT_NO_CACHE=1 turns it off; the default place follows XDG_CACHE_HOME", async () => {
    process.env.ADMXKIT_NO_CACHE = "1";
    await policyNames(["PolicyAaa"]);
    expect(statSync(cacheDir, { throwIfNoEntry: false })).toBeUndefined();
    expect(namesCacheDir({ ADMXKIT_NO_CACHE: "1", ADMXKIT_CACHE_DIR: "/x" })).toBeUndefined();
    if (process.platform !== "win32")
      expect(namesCacheDir({ XDG_CACHE_HOME: "/home/u/.c" })).toBe(join("/home/u/.c", "admxkit"));
    const cache = await NamesCache.open(undefined);
    cache.set("/a.admx", statSync(store), { namespace: "N", prefix: "p", policies: [] });
    expect(cache.get("/a.admx", statSync(store))).toBeUndefined();
  });
});

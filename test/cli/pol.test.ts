import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodePol } from "../../src/pol/index.js";
import { formatJsonLines } from "../../src/formats/index.js";
import { REPO_ROOT, runCli, tempDir } from "../helpers/cli.js";

const EXAMPLE_VALUES = join(REPO_ROOT, "examples/defender-proxy.values.json");
const EXAMPLE_POL = join(REPO_ROOT, "examples/defender-proxy.Registry.pol");

/** A temp folder holding `v.json` with the given content (an object is written as JSON). */
async function withValues(values: unknown): Promise<string> {
  const cwd = await tempDir("admxkit-pol-");
  await writeFile(join(cwd, "v.json"), typeof values === "string" ? values : JSON.stringify(values));
  return cwd;
}

const enabled = (options?: Record<string, unknown>) => ({
  state: "enabled",
  ...(options ? { options } : {}),
});

describe("admxkit pol", () => {
  it("writes the example's Registry.pol, byte for byte the golden file", async () => {
    const cwd = await tempDir();
    const result = await runCli(["pol", "--values", EXAMPLE_VALUES, "--out", "Registry.pol"], { cwd });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${join(cwd, "Registry.pol")}\n`);
    expect(await readFile(join(cwd, "Registry.pol"))).toEqual(await readFile(EXAMPLE_POL));
  });

  it("writes a .reg file the way regedit does: UTF-16LE with BOM, CRLF, deletions as =-", async () => {
    const cwd = await withValues({
      machine: {
        ProxyServer: enabled({ ProxyServer: "http://10.0.0.6:8080" }),
        ProxyPacUrl: { state: "disabled" },
      },
    });
    const result = await runCli(["pol", "--values", "v.json", "--format", "reg", "--out", "out/proxy.reg"], {
      cwd,
    });
    expect(result.code, result.stderr).toBe(0);
    const bytes = await readFile(join(cwd, "out/proxy.reg"));
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString("utf16le")).toBe(
      [
        "Windows Registry Editor Version 5.00",
        "",
        "[HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Windows Defender]",
        '"ProxyServer"="http://10.0.0.6:8080"',
        '"ProxyPacUrl"=-',
        "",
        "",
      ].join("\r\n"),
    );
  });

  it("writes the entries as JSON lines with --format json, as dump --json prints them", async () => {
    const cwd = await tempDir();
    const result = await runCli(
      ["pol", "--values", EXAMPLE_VALUES, "--format", "json", "--out", "entries.jsonl"],
      { cwd },
    );
    expect(result.code, result.stderr).toBe(0);
    const decoded = decodePol(new Uint8Array(await readFile(EXAMPLE_POL)));
    if (!decoded.ok) throw new Error("golden file does not decode");
    expect(await readFile(join(cwd, "entries.jsonl"), "utf8")).toBe(formatJsonLines(decoded.entries));
  });

  it("writes the User file with --class user (empty here, with a warning)", async () => {
    const cwd = await tempDir();
    const result = await runCli(["pol", "--values", EXAMPLE_VALUES, "--class", "user", "--out", "User.pol"], {
      cwd,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'warning VALUES_NOTHING_CONFIGURED: the values file configures no policy under "user"',
    );
    expect([...(await readFile(join(cwd, "User.pol")))]).toEqual([0x50, 0x52, 0x65, 0x67, 1, 0, 0, 0]);
  });

  it("reports warnings (IPv6 proxy, comma in the bypass list) and still writes the file", async () => {
    const cwd = await withValues({
      machine: {
        ProxyServer: enabled({ ProxyServer: "http://[2001:db8::6]:8080" }),
        ProxyBypass: enabled({ ProxyBypass: "a.contoso.com,b.contoso.com" }),
      },
    });
    const result = await runCli(["pol", "--values", "v.json", "--out", "Registry.pol"], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'v.json: warning FORMAT_IPV6_ONLY: policy ProxyServer, option ProxyServer: "http://[2001:db8::6]:8080" points at an IPv6 address; Microsoft states that devices configured for IPv6-only traffic are not supported',
    );
    expect(result.stderr).toContain("warning FORMAT_PROXY_BYPASS_COMMA");
    expect(await readdir(cwd)).toContain("Registry.pol");
  });
});

/** [what, values file, expected stderr fragments] — each must fail with exit 1 and write nothing. */
const BAD_INPUTS: [string, unknown, string[]][] = [
  [
    "invalid JSON",
    '{"machine": {,}}',
    ['v.json:1:14: error JSON_EXPECTED_KEY: expected a key in double quotes; found ","'],
  ],
  [
    "an unknown section",
    { computer: {} },
    ["error VALUES_UNKNOWN_SECTION: computer is not a section of a values file"],
  ],
  [
    "a bad state",
    { machine: { ProxyServer: { state: "on" } } },
    ['policy ProxyServer: the state "on" is not one of'],
  ],
  [
    "an unknown policy",
    { machine: { ProxySever: enabled() } },
    [
      "error VALUES_UNKNOWN_POLICY: there is no policy ProxySever in defender-proxy; did you mean ProxyServer? (machine.ProxySever)",
    ],
  ],
  [
    "an unknown option",
    { machine: { ProxyServer: enabled({ ProxyServer: "http://p:80", Proxy: "x" }) } },
    ["error OPTION_UNKNOWN: policy ProxyServer has no option Proxy; did you mean ProxyServer?"],
  ],
  [
    "a Machine policy under user",
    { user: { SSLOptions: enabled() } },
    [
      'error VALUES_WRONG_CLASS: policy SSLOptions has class Machine, so it cannot be set under "user"; move it to "machine" (user.SSLOptions)',
    ],
  ],
  [
    "options on a disabled policy",
    { machine: { ProxyServer: { state: "disabled", options: { ProxyServer: "x" } } } },
    ["error VALUES_OPTIONS_NOT_ENABLED"],
  ],
  [
    "a missing required option",
    { machine: { ProxyServer: enabled() } },
    ["error OPTION_REQUIRED: policy ProxyServer: the option ProxyServer is required"],
  ],
  [
    "a number for a text option",
    { machine: { ProxyServer: enabled({ ProxyServer: 8080 }) } },
    ["error OPTION_NOT_STRING: policy ProxyServer: the option ProxyServer must be a string"],
  ],
  [
    "ProxyServer without a scheme",
    { machine: { ProxyServer: enabled({ ProxyServer: "10.0.0.6:8080" }) } },
    [
      'error FORMAT_PROXY_URL: policy ProxyServer, option ProxyServer: "10.0.0.6:8080" is not a proxy address of the form scheme://host:port',
      "e.g. http://10.0.0.6:8080 (machine.ProxyServer.options.ProxyServer)",
    ],
  ],
  [
    "a port out of range",
    { machine: { ProxyServer: enabled({ ProxyServer: "http://10.0.0.6:70000" }) } },
    ["error FORMAT_PORT_RANGE", "the port 70000"],
  ],
  [
    "TelemetryProxyServer with a scheme",
    { machine: { TelemetryProxyServer: enabled({ TelemetryProxyServer: "http://10.0.0.6:8080" }) } },
    [
      'error FORMAT_HOST_PORT_SCHEME: policy TelemetryProxyServer, option TelemetryProxyServer: "http://10.0.0.6:8080" starts with http://',
      "e.g. 10.0.0.6:8080",
    ],
  ],
  [
    "TelemetryProxyServer without a port",
    { machine: { TelemetryProxyServer: enabled({ TelemetryProxyServer: "proxy" }) } },
    ["error FORMAT_HOST_PORT"],
  ],
  [
    "a ProxyPacUrl that is not a URL",
    { machine: { ProxyPacUrl: enabled({ ProxyPacUrl: "proxy.pac" }) } },
    [
      'error FORMAT_HTTP_URL: policy ProxyPacUrl, option ProxyPacUrl: "proxy.pac"',
      "e.g. http://proxy.contoso.com/proxy.pac",
    ],
  ],
  [
    "an empty ProxyBypass entry",
    { machine: { ProxyBypass: enabled({ ProxyBypass: "a.com;;b.com" }) } },
    ["error FORMAT_PROXY_BYPASS_ENTRY_EMPTY", "entry 2"],
  ],
  [
    "a white-space ProxyBypass",
    { machine: { ProxyBypass: enabled({ ProxyBypass: "   " }) } },
    ["error FORMAT_PROXY_BYPASS_EMPTY", "e.g. 10.0.0.1;*.contoso.com"],
  ],
  [
    "a bad ProxyBypass entry",
    { machine: { ProxyBypass: enabled({ ProxyBypass: "ok.com;not ok" }) } },
    [
      'error FORMAT_PROXY_BYPASS_ENTRY: policy ProxyBypass, option ProxyBypass: the entry not ok of "ok.com;not ok"',
    ],
  ],
];

describe("admxkit pol refuses bad input: exit 1, the reason on stderr, no output file", () => {
  it.each(BAD_INPUTS)("%s", async (_what, values, fragments) => {
    const cwd = await withValues(values);
    const result = await runCli(["pol", "--values", "v.json", "--out", "Registry.pol"], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    for (const fragment of fragments) expect(result.stderr).toContain(fragment);
    expect(await readdir(cwd)).toEqual(["v.json"]);
  });

  it("reports every problem of the file in one run", async () => {
    const cwd = await withValues({
      machine: { ProxySever: enabled(), ProxyServer: enabled({ ProxyServer: "x" }) },
      user: { SSLOptions: enabled() },
    });
    const result = await runCli(["pol", "--values", "v.json", "--out", "Registry.pol"], { cwd });
    expect(result.code).toBe(1);
    const codes = result.stderr
      .trim()
      .split("\n")
      .map((line) => / error (\w+):/.exec(line)?.[1]);
    expect(codes).toEqual(["VALUES_UNKNOWN_POLICY", "FORMAT_PROXY_URL", "VALUES_WRONG_CLASS"]);
  });

  it("leaves an existing output file as it was", async () => {
    const cwd = await withValues({ machine: { ProxyServer: enabled({ ProxyServer: "bad" }) } });
    await writeFile(join(cwd, "Registry.pol"), "previous");
    expect((await runCli(["pol", "--values", "v.json", "--out", "Registry.pol"], { cwd })).code).toBe(1);
    expect(await readFile(join(cwd, "Registry.pol"), "utf8")).toBe("previous");
  });

  it("names a missing values file and an unknown bundle", async () => {
    const cwd = await tempDir();
    const missing = await runCli(["pol", "--values", "nope.json", "--out", "R.pol"], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nope.json: error INPUT_NOT_FOUND: no such file or folder: nope.json");
    const bundle = await runCli(["pol", "--values", EXAMPLE_VALUES, "--bundle", "nosuch", "--out", "R.pol"], {
      cwd,
    });
    expect(bundle.code).toBe(1);
    expect(bundle.stderr).toContain("BUNDLE_NOT_FOUND");
    expect(await readdir(cwd)).toEqual([]);
  });

  it("speaks Japanese with --lang ja-JP and with a Japanese locale in the environment", async () => {
    const cwd = await withValues({ machine: { ProxyServer: enabled({ ProxyServer: "10.0.0.6:8080" }) } });
    const expected =
      'ポリシー ProxyServer、オプション ProxyServer: "10.0.0.6:8080" は scheme://host:port 形式のプロキシ アドレスではありません';
    const byFlag = await runCli(["pol", "--values", "v.json", "--out", "R.pol", "--lang", "ja-JP"], { cwd });
    expect(byFlag.stderr).toContain(expected);
    const byEnv = await runCli(["pol", "--values", "v.json", "--out", "R.pol"], {
      cwd,
      env: { LANG: "ja_JP.UTF-8" },
    });
    expect(byEnv.stderr).toContain(expected);
    expect(byEnv.code).toBe(1);
  });
});

describe("admxkit pol usage errors exit 2", () => {
  it.each([
    ["no --out", ["pol", "--values", EXAMPLE_VALUES]],
    ["no --values", ["pol", "--out", "R.pol"]],
    ["an unknown --format", ["pol", "--values", EXAMPLE_VALUES, "--out", "R.pol", "--format", "xml"]],
    ["an unknown --class", ["pol", "--values", EXAMPLE_VALUES, "--out", "R.pol", "--class", "computer"]],
  ])("%s", async (_what, args) => {
    const cwd = await tempDir();
    const result = await runCli(args, { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("See admxkit pol --help for its options.");
    expect(await readdir(cwd)).toEqual([]);
  });
});

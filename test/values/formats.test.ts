import { describe, expect, it } from "vitest";
import { checkTextFormat, type TextFormat } from "../../src/values/formats.js";

/** `code` for an error, `~code` for a warning; [] when the value is accepted without remark. */
function verdict(format: TextFormat, value: string): string[] {
  return checkTextFormat(format, value).map((i) => (i.severity === "error" ? i.code : `~${i.code}`));
}

const table = (format: TextFormat, cases: [string, string[]][]) =>
  it.each(cases)(`${format}: %j → %j`, (value, expected) => expect(verdict(format, value)).toEqual(expected));

describe("proxyUrl (Defender ProxyServer: http(s)://host:port)", () => {
  table("proxyUrl", [
    ["http://10.0.0.6:8080", []],
    ["https://proxy.contoso.com:3128", []],
    ["HTTP://proxy:80", []],
    ["http://[2001:db8::1]:8080", ["~FORMAT_IPV6_ONLY"]],
    ["10.0.0.6:8080", ["FORMAT_PROXY_URL"]],
    ["ftp://10.0.0.6:8080", ["FORMAT_PROXY_URL"]],
    ["http://10.0.0.6", ["FORMAT_PROXY_URL"]],
    ["http://10.0.0.6:8080/", ["FORMAT_PROXY_URL"]],
    ["http://10.0.0.6:0", ["FORMAT_PORT_RANGE"]],
    ["http://10.0.0.6:65536", ["FORMAT_PORT_RANGE"]],
    ["http://10.0.0.6:65535", []],
    ["http://10.0.0.256:80", ["FORMAT_PROXY_URL"]],
    ["http://2001:db8::1:8080", ["FORMAT_PROXY_URL"]],
    ["http://[2001:db8::zz]:8080", ["FORMAT_PROXY_URL"]],
    ["http://user@proxy:8080", ["FORMAT_PROXY_URL"]],
    ["http://proxy .contoso.com:8080", ["FORMAT_PROXY_URL"]],
    ["http://-bad.contoso.com:8080", ["FORMAT_PROXY_URL"]],
    ["http://:8080", ["FORMAT_PROXY_URL"]],
    ["", ["FORMAT_PROXY_URL"]],
  ]);
});

describe("hostPort (TelemetryProxyServer: host:port without a scheme)", () => {
  table("hostPort", [
    ["10.0.0.6:8080", []],
    ["proxy.contoso.com:8080", []],
    ["[fe80::1]:3128", ["~FORMAT_IPV6_ONLY"]],
    ["http://10.0.0.6:8080", ["FORMAT_HOST_PORT_SCHEME"]],
    ["10.0.0.6", ["FORMAT_HOST_PORT"]],
    ["10.0.0.6:", ["FORMAT_HOST_PORT"]],
    ["10.0.0.6:http", ["FORMAT_HOST_PORT"]],
    ["10.0.0.6:99999", ["FORMAT_PORT_RANGE"]],
    ["proxy_1:8080", ["FORMAT_HOST_PORT"]],
  ]);
});

describe("httpUrl (ProxyPacUrl)", () => {
  table("httpUrl", [
    ["http://proxy.contoso.com/proxy.pac", []],
    ["https://10.0.0.6:8443/wpad.dat?x=1", []],
    ["http://[2001:db8::1]/proxy.pac", ["~FORMAT_IPV6_ONLY"]],
    ["proxy.contoso.com/proxy.pac", ["FORMAT_HTTP_URL"]],
    ["file://server/proxy.pac", ["FORMAT_HTTP_URL"]],
    ["http:///proxy.pac", ["FORMAT_HTTP_URL"]],
    ["http://proxy.contoso.com/a b.pac", ["FORMAT_HTTP_URL"]],
    ["http://proxy.contoso.com:0/proxy.pac", ["FORMAT_PORT_RANGE"]],
  ]);
});

describe("proxyBypass (semicolon-separated; Microsoft documents no separator)", () => {
  table("proxyBypass", [
    ["10.0.0.1;*.contoso.com", []],
    ["<local>", []],
    ["<LOCAL>;10.*;*contoso*", []],
    // White space around an entry is refused, not trimmed: the value is written exactly as given.
    ["intranet; *.corp.contoso.com", ["FORMAT_PROXY_BYPASS_WHITESPACE"]],
    ["intranet\t;a.com", ["FORMAT_PROXY_BYPASS_WHITESPACE"]],
    [" a.com", ["FORMAT_PROXY_BYPASS_WHITESPACE"]],
    ["https://*.contoso.com:8443;[2001:db8::1]", []],
    ["", ["FORMAT_PROXY_BYPASS_EMPTY"]],
    ["   ", ["FORMAT_PROXY_BYPASS_EMPTY"]],
    ["a.com;;b.com", ["FORMAT_PROXY_BYPASS_ENTRY_EMPTY"]],
    ["a.com;", ["FORMAT_PROXY_BYPASS_ENTRY_EMPTY"]],
    [";a.com", ["FORMAT_PROXY_BYPASS_ENTRY_EMPTY"]],
    ["a.com,b.com", ["~FORMAT_PROXY_BYPASS_COMMA"]],
    [
      "a.com, b.com;c d",
      ["~FORMAT_PROXY_BYPASS_COMMA", "FORMAT_PROXY_BYPASS_WHITESPACE", "FORMAT_PROXY_BYPASS_ENTRY"],
    ],
    ["a..com", ["FORMAT_PROXY_BYPASS_ENTRY"]],
    ["a.com:99999", ["FORMAT_PROXY_BYPASS_ENTRY"]],
  ]);

  it("shows the white space of an entry it refuses", () => {
    expect(checkTextFormat("proxyBypass", "a.com;\tb.com")).toEqual([
      {
        code: "FORMAT_PROXY_BYPASS_WHITESPACE",
        severity: "error",
        params: { example: "10.0.0.1;*.contoso.com", index: 2, entry: '"\\tb.com"' },
      },
    ]);
  });

  it("names the entry and its position", () => {
    expect(checkTextFormat("proxyBypass", "ok.com;;bad entry")).toEqual([
      {
        code: "FORMAT_PROXY_BYPASS_ENTRY_EMPTY",
        severity: "error",
        params: { example: "10.0.0.1;*.contoso.com", index: 2 },
      },
      {
        code: "FORMAT_PROXY_BYPASS_ENTRY",
        severity: "error",
        params: { example: "10.0.0.1;*.contoso.com", entry: "bad entry" },
      },
    ]);
  });
});

it("every issue carries the format's example", () => {
  expect(checkTextFormat("hostPort", "x")).toEqual([
    { code: "FORMAT_HOST_PORT", severity: "error", params: { example: "10.0.0.6:8080" } },
  ]);
  expect(checkTextFormat("proxyUrl", "http://a:70000")[0]!.params).toEqual({
    port: "70000",
    example: "http://10.0.0.6:8080",
  });
});

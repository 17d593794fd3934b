import { describe, expect, it } from "vitest";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import {
  binaryEntry,
  createKeyEntry,
  deleteKeysEntry,
  deleteValuesEntry,
  delEntry,
  delvalsEntry,
  dwordEntry,
  expandSzEntry,
  multiSzEntry,
  qwordEntry,
  secureKeyEntry,
  softEntry,
  szEntry,
  type PolEntry,
} from "../../src/pol/index.js";
import {
  checkPowerShellEntries,
  encodePowerShellScript,
  entriesToPowerShell,
  formatPowerShellScript,
} from "../../src/formats/ps1/index.js";
import { parseCommand, type ParsedCommand } from "../helpers/ps-tokenizer.js";

const K = "Software\\Policies\\Contoso";

/** The command lines of a script (those calling Set-GPRegistryValue), parsed. */
function commands(script: string): ParsedCommand[] {
  return script
    .split("\r\n")
    .filter((line) => line.startsWith("Set-GPRegistryValue"))
    .map(parseCommand);
}

describe("entriesToPowerShell: one command per entry, in order", () => {
  it.each<[string, PolEntry, ParsedCommand["parameters"]]>([
    [
      "REG_SZ",
      szEntry(K, "Url", "http://p:8080"),
      [
        ["-ValueName", "Url"],
        ["-Type", "String"],
        ["-Value", "http://p:8080"],
      ],
    ],
    [
      "REG_EXPAND_SZ",
      expandSzEntry(K, "Path", "%windir%"),
      [
        ["-ValueName", "Path"],
        ["-Type", "ExpandString"],
        ["-Value", "%windir%"],
      ],
    ],
    [
      "REG_DWORD",
      dwordEntry(K, "On", 1),
      [
        ["-ValueName", "On"],
        ["-Type", "DWord"],
        ["-Value", 1n],
      ],
    ],
    [
      "REG_DWORD max",
      dwordEntry(K, "Max", 0xffffffff),
      [
        ["-ValueName", "Max"],
        ["-Type", "DWord"],
        ["-Value", 4294967295n],
      ],
    ],
    [
      "REG_QWORD",
      qwordEntry(K, "Big", 2n ** 64n - 1n),
      [
        ["-ValueName", "Big"],
        ["-Type", "QWord"],
        ["-Value", 2n ** 64n - 1n],
      ],
    ],
    [
      "REG_MULTI_SZ",
      multiSzEntry(K, "List", ["a'", "b"]),
      [
        ["-ValueName", "List"],
        ["-Type", "MultiString"],
        ["-Value", ["a'", "b"]],
      ],
    ],
    [
      "empty REG_MULTI_SZ",
      multiSzEntry(K, "None", []),
      [
        ["-ValueName", "None"],
        ["-Type", "MultiString"],
        ["-Value", []],
      ],
    ],
    [
      "REG_BINARY",
      binaryEntry(K, "Bytes", Uint8Array.of(0, 0xab, 0xff)),
      [
        ["-ValueName", "Bytes"],
        ["-Type", "Binary"],
        ["-Value", [0, 0xab, 0xff]],
      ],
    ],
    [
      "**del.",
      delEntry(K, "Old"),
      [
        ["-ValueName", "Old"],
        ["-Disable", true],
      ],
    ],
    ["**delvals.", delvalsEntry(K), [["-Disable", true]]],
    [
      "**DeleteValues",
      deleteValuesEntry(K, ["a", "b"]),
      [
        ["-ValueName", ["a", "b"]],
        ["-Disable", true],
      ],
    ],
  ])("%s", (_, entry, rest) => {
    const [command] = commands(entriesToPowerShell([entry], { hive: "machine" }));
    expect(command).toEqual({
      command: "Set-GPRegistryValue",
      parameters: [["-Key", `HKLM\\${K}`], ...rest],
    });
  });

  it("keeps entry order, and user entries go to HKCU", () => {
    const entries = [delvalsEntry(K), szEntry(K, "1", "a"), szEntry(K, "2", "b")];
    const parsed = commands(entriesToPowerShell(entries, { hive: "user" }));
    expect(parsed.map((c) => c.parameters.map(([name]) => name).join(" "))).toEqual([
      "-Key -Disable",
      "-Key -ValueName -Type -Value",
      "-Key -ValueName -Type -Value",
    ]);
    expect(parsed.every((c) => c.parameters[0]![1] === `HKCU\\${K}`)).toBe(true);
  });

  it("one script for both hives, a titled section each; empty sections left out", () => {
    const script = formatPowerShellScript([
      { hive: "machine", entries: [szEntry(K, "A", "1")] },
      { hive: "user", entries: [] },
    ]);
    expect(script).toContain("# Computer Configuration (HKLM)");
    expect(script).not.toContain("# User Configuration");
  });
});

describe("script frame", () => {
  const script = entriesToPowerShell([szEntry(K, "A", "x"), delEntry(K, "B")], { hive: "machine" });
  const lines = script.split("\r\n");

  it("takes -GpoName, supports -WhatIf and passes it to every cmdlet", () => {
    expect(lines).toContain("[CmdletBinding(SupportsShouldProcess)]");
    expect(script).toMatch(
      /param\(\r\n {4}\[Parameter\(Mandatory\)\]\r\n {4}\[string\]\$GpoName,\r\n\r\n {4}\[switch\]\$Remove\r\n\)/,
    );
    expect(lines).toContain("$gpo = @{ Name = $GpoName; WhatIf = [bool]$WhatIfPreference }");
    expect(lines).toContain("$ErrorActionPreference = 'Stop'");
    // Checked before the first change.
    expect(lines.indexOf("$null = Get-GPO -Name $GpoName")).toBeLessThan(
      lines.findIndex((l) => l.startsWith("Set-GP")),
    );
    expect(lines.filter((l) => l.startsWith("Set-GPRegistryValue")).every((l) => l.includes(" @gpo "))).toBe(
      true,
    );
    // Storing never removes: Remove-GPRegistryValue appears only in the -Remove branch.
    const removeStart = lines.indexOf("if ($Remove) {");
    const removeEnd = lines.indexOf("}", removeStart);
    expect(removeStart).toBeGreaterThan(
      lines.indexOf("$gpo = @{ Name = $GpoName; WhatIf = [bool]$WhatIfPreference }"),
    );
    lines.forEach((line, i) => {
      if (/^\s*Remove-GPRegistryValue /.test(line)) expect(i > removeStart && i < removeEnd, line).toBe(true);
    });
  });

  it("-Remove takes each stored setting out of the GPO once, and stops before storing anything", () => {
    const removeStart = lines.indexOf("if ($Remove) {");
    const block = lines.slice(removeStart + 1, lines.indexOf("}", removeStart));
    expect(block).toEqual([
      "    Remove-GPRegistryValue @gpo -Key 'HKLM\\Software\\Policies\\Contoso' -ValueName 'A' -ErrorAction SilentlyContinue | Out-Null",
      "    Remove-GPRegistryValue @gpo -Key 'HKLM\\Software\\Policies\\Contoso' -ValueName 'B' -ErrorAction SilentlyContinue | Out-Null",
      "    return",
    ]);
    for (const line of block.slice(0, -1)) expect(() => parseCommand(line.trim())).not.toThrow();
  });

  it("CRLF only, ending in CRLF", () => {
    expect(script.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(script.endsWith("\r\n")).toBe(true);
  });

  it("every non-frame line is a command the tokenizer accepts", () => {
    const body = lines.slice(lines.indexOf("# Computer Configuration (HKLM)") + 1).filter((l) => l !== "");
    expect(body).toHaveLength(2);
    for (const line of body) expect(() => parseCommand(line)).not.toThrow();
  });

  it("is saved as UTF-8 with a byte-order mark", () => {
    const bytes = encodePowerShellScript("Write-Output 'プロキシ'\r\n");
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(bytes.slice(3)).toString("utf8")).toBe("Write-Output 'プロキシ'\r\n");
  });
});

describe("entries the GroupPolicy module cannot write are refused, all of them at once", () => {
  const refused: [string, PolEntry, string][] = [
    ["**DeleteKeys", deleteKeysEntry(K, ["Sub"]), "PS1_ACTION_UNSUPPORTED"],
    ["**SecureKey", secureKeyEntry(K, true), "PS1_ACTION_UNSUPPORTED"],
    ["**soft.", softEntry(K, "X", { type: "REG_SZ", value: "v" }), "PS1_ACTION_UNSUPPORTED"],
    ["key-only", createKeyEntry(K), "PS1_ACTION_UNSUPPORTED"],
    ["default value", szEntry(K, "", "v"), "PS1_DEFAULT_VALUE"],
    [
      "REG_DWORD_BIG_ENDIAN",
      { key: K, valueName: "BE", type: 5, data: Uint8Array.of(0, 0, 0, 1) },
      "PS1_TYPE_UNSUPPORTED",
    ],
    [
      "REG_NONE with data",
      { key: K, valueName: "N", type: 0, data: Uint8Array.of(1) },
      "PS1_TYPE_UNSUPPORTED",
    ],
    [
      "malformed DWORD",
      { key: K, valueName: "D", type: 4, data: Uint8Array.of(1, 2, 3) },
      "PS1_TYPE_UNSUPPORTED",
    ],
  ];

  it.each(refused)("%s", (_, entry, code) => {
    const problems = checkPowerShellEntries([{ hive: "machine", entries: [szEntry(K, "ok", "1"), entry] }]);
    expect(problems.map((d) => d.code)).toEqual([code]);
    expect(problems[0]!.params).toMatchObject({ hive: "machine", index: 1, key: K });
  });

  it("entriesToPowerShell throws one AdmxkitError listing every refusal", () => {
    try {
      entriesToPowerShell(
        refused.map(([, e]) => e),
        { hive: "user" },
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AdmxkitError);
      expect((error as AdmxkitError).diagnostics).toHaveLength(refused.length);
    }
  });
});

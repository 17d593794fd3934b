/**
 * Every string the script writer quotes must read back as exactly itself and never reach PowerShell as
 * code. Checked with the independent tokenizer in test/helpers/ps-tokenizer.ts (no PowerShell on this machine).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commandForEntry } from "../../src/formats/ps1/index.js";
import { removeCommandForEntry } from "../../src/formats/ps1/registry-commands.js";
import { psString, psUnsigned } from "../../src/formats/ps1/ps-literal.js";
import { szEntry } from "../../src/pol/index.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";
import { evaluateStringLine, parseCommand, tokenize } from "../helpers/ps-tokenizer.js";

/** Strings the property below tries: a few hundred in the normal run, `ADMXKIT_FUZZ_RUNS` when set. */
const RUNS = fuzzRuns(300);

/** Values that would change a script's meaning if any of them escaped its literal. */
const HOSTILE_VALUES: readonly string[] = [
  "it's",
  "''",
  "'",
  "'; Remove-Item C:\\ -Recurse; '",
  '"double" and "$env:USERNAME"',
  "$(Stop-Computer -Force)",
  "${env:PATH}",
  "$null",
  "back`tick`n`$(x)",
  "`",
  "smart \u2018single\u2019 quotes",
  "low \u201a and reversed \u201b quotes",
  "\u2019; Stop-Computer; \u2018",
  "'\u2019\u2018\u201a\u201b'",
  "line one\r\nline two",
  "lf\nonly",
  "cr\ronly",
  "\r\n",
  "tab\there",
  "next\u0085line and \u2028 separator \u2029",
  "#not a comment",
  "<# not a block comment #>",
  "| Out-Host",
  "@(1,2) + [char]65",
  "%windir%\\system32",
  "日本語のプロキシ 🛡️",
  "",
  " ",
];

describe("psString", () => {
  it.each(HOSTILE_VALUES.map((v) => [v]))("%j reads back exactly and stays one expression", (value) => {
    const literal = psString(value);
    expect(evaluateStringLine(literal)).toBe(value);
    // Nothing that could be a line break reaches the script raw.
    expect(literal).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
  });

  it("doubles each of the five single-quote characters with itself", () => {
    expect(psString("a'b")).toBe("'a''b'");
    expect(psString("\u2018\u2019\u201a\u201b")).toBe("'\u2018\u2018\u2019\u2019\u201a\u201a\u201b\u201b'");
  });

  it("joins control characters in as [char] after a string operand", () => {
    expect(psString("a\nb")).toBe("('a' + [char]0x000A + 'b')");
    expect(psString("\r\n")).toBe("('' + [char]0x000D + [char]0x000A)");
  });

  it("keeps a surrogate pair inside the literal and escapes a lone surrogate", () => {
    expect(psString("🛡")).toBe("'🛡'");
    expect(psString("a\ud800")).toBe("('a' + [char]0xD800)");
    expect(evaluateStringLine(psString("x\udc00y"))).toBe("x\udc00y");
  });

  it("property: any UTF-16 string reads back exactly", () => {
    const quoteHeavy = fc.string({
      unit: fc.constantFrom(
        "'",
        "\u2018",
        "\u2019",
        "\u201a",
        "\u201b",
        "$",
        "`",
        '"',
        "\r",
        "\n",
        "a",
        "(",
        ")",
        "+",
      ),
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), quoteHeavy), (value) => {
        expect(evaluateStringLine(psString(value))).toBe(value);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("psUnsigned", () => {
  it("plain literals where PowerShell reads a signed integer of the same value, casts above", () => {
    expect(psUnsigned(0n, "uint32")).toBe("0");
    expect(psUnsigned(2147483647n, "uint32")).toBe("2147483647");
    expect(psUnsigned(2147483648n, "uint32")).toBe("([uint32]'2147483648')");
    expect(psUnsigned(9223372036854775807n, "uint64")).toBe("9223372036854775807");
    expect(psUnsigned(18446744073709551615n, "uint64")).toBe("([uint64]'18446744073709551615')");
  });
});

describe("hostile values in a whole command", () => {
  const KEY = "Software\\Policies\\Contoso's \u2019Proxy\u2019";
  it.each(HOSTILE_VALUES.filter((v) => v !== "").map((v) => [v]))(
    "value name and data %j do not change the command",
    (value) => {
      const result = commandForEntry(szEntry(KEY, value, value), 0, "machine");
      if (!("line" in result)) throw new Error("refused");
      const line = `${result.line} | Out-Null`;
      const parsed = parseCommand(line);
      expect(parsed.command).toBe("Set-GPRegistryValue");
      expect(parsed.parameters).toEqual([
        ["-Key", `HKLM\\${KEY}`],
        ["-ValueName", value],
        ["-Type", "String"],
        ["-Value", value],
      ]);
    },
  );

  it.each(HOSTILE_VALUES.filter((v) => v !== "").map((v) => [v]))(
    "the -Remove command for value name %j names exactly that value",
    (value) => {
      const line = `${removeCommandForEntry(szEntry(KEY, value, value), "machine")} -ErrorAction SilentlyContinue | Out-Null`;
      const parsed = parseCommand(line);
      expect(parsed.command).toBe("Remove-GPRegistryValue");
      expect(parsed.parameters).toEqual([
        ["-Key", `HKLM\\${KEY}`],
        ["-ValueName", value],
        ["-ErrorAction", "SilentlyContinue"],
      ]);
    },
  );

  it("the tokenizer does fail on code outside literals (so the checks above can fail)", () => {
    expect(() => tokenize("Set-GPRegistryValue @gpo -Value 'a' $(Stop-Computer)")).toThrow(
      /outside a string/,
    );
    expect(() => tokenize("'a'`")).toThrow(/outside a string/);
    expect(() => tokenize("'unterminated")).toThrow(/unterminated/);
    expect(() => parseCommand("Set-GPRegistryValue @gpo -Value 'a' 'b' | Out-Null")).toThrow();
    // A quote written once ends the string: what follows is outside it.
    expect(() => evaluateStringLine("'it's'")).toThrow();
  });
});

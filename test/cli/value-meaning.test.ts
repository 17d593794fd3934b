/**
 * What the values in a values file mean, through the built binary: names compared as the registry
 * compares them, numbers quoted as the file writes them, and a dropdown's number taken as the value
 * its item writes (what an admin sees in the registry), never as a position.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodePol, decodeValue } from "../../src/pol/index.js";
import { runCli, tempDir } from "../helpers/cli.js";

const KEY = "Software\\Policies\\Example\\Meaning";

const texts = {
  Name: "Meaning",
  Description: "Values and what they mean.",
  Supported: "Anything",
  Category: "Meaning",
  P: "P",
  P_Help: "Help",
  Label: "Label:",
  Low: "Low",
  Mid: "Mid",
  High: "High",
};

/** One policy with a decimal, a longDecimal, a dropdown whose items write 1, 2, 3, and a named list. */
const BUNDLE = {
  id: "meaning",
  fileName: "Meaning",
  target: { prefix: "meaning", namespace: "Example.Policies.Meaning" },
  using: [{ prefix: "windows", namespace: "Microsoft.Policies.Windows" }],
  revision: "1.0",
  minRequiredRevision: "1.0",
  displayName: "Name",
  description: "Description",
  supportedOn: [{ name: "SUPPORTED_Meaning", displayName: "Supported" }],
  categories: [{ name: "Meaning", displayName: "Category", parent: "windows:WindowsComponents" }],
  policies: [
    {
      name: "P",
      class: "Machine",
      displayName: "P",
      explainText: "P_Help",
      key: KEY,
      category: "Meaning",
      supportedOn: "SUPPORTED_Meaning",
      elements: [
        {
          kind: "decimal",
          id: "Dec",
          valueName: "Dec",
          maxValue: 4294967295,
          control: { type: "decimalTextBox", label: "Label" },
        },
        {
          kind: "longDecimal",
          id: "Long",
          valueName: "Long",
          maxValue: "18446744073709551615",
          control: { type: "longDecimalTextBox", label: "Label" },
        },
        {
          kind: "enum",
          id: "Level",
          valueName: "Level",
          items: [
            { displayName: "Low", value: { type: "decimal", value: 1 } },
            { displayName: "Mid", value: { type: "decimal", value: 2 } },
            { displayName: "High", value: { type: "decimal", value: 3 } },
          ],
          control: { type: "dropdownList", label: "Label" },
        },
        {
          kind: "list",
          id: "Names",
          key: `${KEY}\\Names`,
          explicitValue: true,
          control: { type: "listBox", label: "Label" },
        },
      ],
    },
  ],
  locales: { "en-US": texts, "ja-JP": texts },
};

let cwd: string;
beforeAll(async () => {
  cwd = await tempDir("admxkit-meaning-");
  await writeFile(join(cwd, "bundle.json"), JSON.stringify(BUNDLE));
});

/** Compiles `options` of policy P, written as the JSON text `optionsText`, in the given language. */
async function compile(optionsText: string, lang = "en-US") {
  const file = `v${Math.random().toString(36).slice(2)}.json`;
  await writeFile(join(cwd, file), `{"machine": {"P": {"state": "enabled", "options": {${optionsText}}}}}`);
  const out = `${file}.pol`;
  const result = await runCli(
    ["pol", "--bundle", "bundle.json", "--values", file, "--out", out, "--lang", lang],
    {
      cwd,
    },
  );
  const written = result.code === 0 ? decodePol(new Uint8Array(await readFile(join(cwd, out)))) : undefined;
  const values = written?.ok
    ? written.entries.map((e) => [e.valueName, decodeValue(e.type, e.data).value] as const)
    : undefined;
  return { ...result, values };
}

describe("registry names compare as the registry compares them", () => {
  it("Straße and STRASSE are two value names of a list (the registry folds one unit at a time)", async () => {
    const result = await compile('"Names": {"Straße": "a", "STRASSE": "b"}');
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.values).toEqual(
      expect.arrayContaining([
        ["Straße", "a"],
        ["STRASSE", "b"],
      ]),
    );
  });

  it("Name and NAME are still one value, refused as a duplicate", async () => {
    const result = await compile('"Names": {"Name": "a", "NAME": "b"}');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("OPTION_LIST_DUPLICATE");
  });
});

describe("numbers are quoted and judged as the file writes them", () => {
  it("9007199254740993 is quoted as written, not as the double 9007199254740992", async () => {
    const result = await compile('"Dec": 9007199254740993');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("OPTION_OUT_OF_RANGE");
    expect(result.stderr).toContain("Dec is 9007199254740993, outside the allowed range 0..4294967295");
    expect(result.stderr).not.toContain("9007199254740992");
  });

  it("18446744073709551615 written as a JSON number is the largest QWORD, not 18446744073709552000", async () => {
    const result = await compile('"Long": 18446744073709551615');
    expect(result.stderr).toBe("");
    expect(result.values).toContainEqual(["Long", 18446744073709551615n]);
    const over = await compile('"Long": 18446744073709551616');
    expect(over.stderr).toContain("Long is 18446744073709551616, outside the allowed range");
  });

  it("1e999, too large for a double, is out of range with the range, in both languages", async () => {
    const en = await compile('"Dec": 1e999');
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(
      "error OPTION_OUT_OF_RANGE: policy P: the option Dec is 1e999, outside the allowed range 0..4294967295",
    );
    expect(en.stderr).not.toContain("Infinity");
    const ja = await compile('"Dec": -1e999', "ja-JP");
    expect(ja.code).toBe(1);
    expect(ja.stderr).toContain("OPTION_OUT_OF_RANGE");
    expect(ja.stderr).toContain("-1e999");
    expect(ja.stderr).toContain("0..4294967295");
    expect(ja.stderr).not.toContain("Infinity");
  });

  it("a fraction a double rounds to a whole number is still not a whole number", async () => {
    const result = await compile('"Dec": 1.00000000000000000001');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("OPTION_NOT_INTEGER");
    expect(result.stderr).toContain("found 1.00000000000000000001");
  });

  it("a raw registry entry's number is refused, not rounded, when its double differs", async () => {
    const raw = (type: string, data: string) =>
      `{"registry": {"machine": [{"key": "Software\\\\X", "valueName": "V", "type": ${type}, "data": ${data}}]}}`;
    for (const [text, code] of [
      [raw('"REG_DWORD"', "1.00000000000000000001"), "VALUES_RAW_BAD_DATA"],
      [raw('"REG_QWORD"', "9007199254740993"), "VALUES_RAW_BAD_DATA"],
      [
        raw("4.0000000000000000001", "1"),
        "VALUES_RAW_BAD_TYPE: raw registry entry: 4.0000000000000000001 is",
      ],
    ]) {
      await writeFile(join(cwd, "raw.json"), text!);
      const result = await runCli(
        ["pol", "--bundle", "bundle.json", "--values", "raw.json", "--out", "raw.pol"],
        {
          cwd,
        },
      );
      expect(result.code, text).toBe(1);
      expect(result.stderr).toContain(code);
    }
  });

  it("a state of 1e999 is quoted as written", async () => {
    await writeFile(join(cwd, "state.json"), '{"machine": {"P": {"state": 1e999}}}');
    const result = await runCli(
      ["pol", "--bundle", "bundle.json", "--values", "state.json", "--out", "s.pol"],
      {
        cwd,
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("VALUES_BAD_STATE: policy P: the state 1e999 is not one of");
  });
});

describe("a dropdown's number is the value its item writes, never a position", () => {
  it("items writing 1, 2, 3: 2 is the item that writes 2 (Mid), not the third item", async () => {
    const result = await compile('"Level": 2');
    expect(result.stderr).toBe("");
    expect(result.values).toContainEqual(["Level", 2]);
    expect((await compile('"Level": "High"')).values).toContainEqual(["Level", 3]);
  });

  it("0, a number no item writes, is refused, naming the items with their values (en-US, ja-JP)", async () => {
    const en = await compile('"Level": 0');
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(
      "error OPTION_ENUM_NUMBER_UNKNOWN: policy P: the option Level is the number 0, which no item of the drop-down list writes",
    );
    expect(en.stderr).toContain("Low (1), Mid (2), High (3)");
    const ja = await compile('"Level": 0', "ja-JP");
    expect(ja.code).toBe(1);
    expect(ja.stderr).toContain("OPTION_ENUM_NUMBER_UNKNOWN");
    expect(ja.stderr).toContain("数値 0 を書き込む項目がドロップダウン リストにありません");
    expect(ja.stderr).toContain("Low (1), Mid (2), High (3)");
  });

  it("values --from names the item by its id, and the id compiles back to the same value", async () => {
    await writeFile(
      join(cwd, "level.json"),
      '{"machine": {"P": {"state": "enabled", "options": {"Level": 3}}}}',
    );
    expect(
      (
        await runCli(["pol", "--bundle", "bundle.json", "--values", "level.json", "--out", "level.pol"], {
          cwd,
        })
      ).code,
    ).toBe(0);
    const back = await runCli(
      ["values", "--bundle", "bundle.json", "--from", "level.pol", "--out", "back.json"],
      { cwd },
    );
    expect(back.code, back.stderr).toBe(0);
    const values = JSON.parse(await readFile(join(cwd, "back.json"), "utf8"));
    expect(values.machine.P.options.Level).toBe("High");
  });
});

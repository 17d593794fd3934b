import { describe, expect, it } from "vitest";
import { renderControl } from "../../src/preview/controls.js";
import { previewContext } from "../../src/preview/preview-context.js";
import { renderPolicyPreview } from "../../src/preview/render-policy.js";
import { attr, fragment, one, select, text, type Node } from "../helpers/dom.js";
import { checked, hostileBundle, hostileBundleInput } from "../helpers/preview-fixtures.js";

const bundle = hostileBundle();

function options(locale = "en-US", b = bundle): Node {
  return one(fragment(renderPolicyPreview(b, "EveryControl", { locale })), "div.options");
}

function control(pane: Node, type: string): Node {
  return one(pane, `div[data-control=${type}]`);
}

/** The fixture with one element's control changed. */
function withControl(id: string, change: (control: Record<string, unknown>) => void) {
  const input = hostileBundleInput();
  const element = input.policies[0].elements.find((e: { id: string }) => e.id === id);
  change(element.control);
  return checked(input);
}

describe("the Options pane", () => {
  it("lays out the text line and every control in the presentation's order", () => {
    const pane = options();
    const order = select(pane, "[class]")
      .filter((e) => (attr(e, "class") ?? "").split(" ").includes("ctl"))
      .map((e) => attr(e, "data-control") ?? "text");
    expect(order).toEqual([
      "text",
      "textBox",
      "comboBox",
      "decimalTextBox",
      "longDecimalTextBox",
      "checkBox",
      "dropdownList",
      "listBox",
      "multiTextBox",
    ]);
  });

  it("textBox: label above a box holding the default", () => {
    const box = control(options(), "textBox");
    expect(text(one(box, "label"))).toBe("Server <input>:");
    expect(attr(one(box, "input"), "value")).toBe(`"><img src=x onerror="window.__pwned='textBox'">`);
    expect(attr(one(box, "label"), "for")).toBe(attr(one(box, "input"), "id"));
  });

  it("comboBox: default in the box, suggestions sorted by the editor unless noSort", () => {
    const combo = control(options(), "comboBox");
    expect(text(one(combo, "label"))).toBe("Mirror:");
    expect(attr(one(combo, "input"), "value")).toBe("zeta.example");
    const listed = select(combo, "li").map(text);
    expect(listed).toHaveLength(3);
    expect(listed.indexOf("alpha.example")).toBeLessThan(listed.indexOf("zeta.example"));
    expect(select(combo, "option").map((o) => attr(o, "value"))).toEqual(listed);
    const unsorted = control(
      options(
        "en-US",
        withControl("Mirror", (c) => (c.noSort = true)),
      ),
      "comboBox",
    );
    expect(select(unsorted, "li").map(text)).toEqual(["zeta.example", "alpha.example", "<b>mid</b>.example"]);
  });

  it("decimalTextBox: the default with spin arrows; without a default the schema's 1", () => {
    const box = control(options(), "decimalTextBox");
    expect(text(one(box, "label"))).toBe("Retries:");
    expect(attr(one(box, "input"), "value")).toBe("3");
    expect(select(box, "span.spin-up")).toHaveLength(1);
    expect(select(box, "span.spin-down")).toHaveLength(1);
    const bare = withControl("Retries", (c) => delete c.defaultValue);
    expect(attr(one(control(options("en-US", bare), "decimalTextBox"), "input"), "value")).toBe("1");
  });

  it("longDecimalTextBox: spin=false draws no arrows", () => {
    const box = control(options(), "longDecimalTextBox");
    expect(text(one(box, "label"))).toBe("Quota (KB):");
    expect(attr(one(box, "input"), "value")).toBe("4096");
    expect(select(box, "span.spin")).toEqual([]);
  });

  it("checkBox: its label beside a box checked by defaultChecked", () => {
    const box = control(options(), "checkBox");
    expect(text(one(box, "label"))).toBe("Verbose <b>logging</b>");
    expect(attr(one(box, "input"), "checked")).toBeDefined();
    const unchecked = withControl("Verbose", (c) => delete c.defaultChecked);
    expect(attr(one(control(options("en-US", unchecked), "checkBox"), "input"), "checked")).toBeUndefined();
  });

  it("dropdownList: items sorted by text, defaultItem counted in the ADMX order", () => {
    const list = control(options(), "dropdownList");
    expect(text(one(list, "label"))).toBe("Mode:");
    const items = select(list, "option");
    expect(items.map(text)).toEqual(["Alpha mode", "Mike mode", "Zulu mode"]);
    expect(items.filter((o) => attr(o, "selected") !== undefined).map(text)).toEqual(["Mike mode"]);
    const ja = select(control(options("ja-JP"), "dropdownList"), "option");
    expect(ja.filter((o) => attr(o, "selected") !== undefined).map(text)).toEqual(["マイク モード"]);
  });

  it("dropdownList: noSort keeps the ADMX order; no defaultItem starts empty, the example fills it", () => {
    const plain = withControl("Mode", (c) => {
      c.noSort = true;
      delete c.defaultItem;
    });
    const policy = plain.policies[0]!;
    const element = policy.elements!.find((e) => e.id === "Mode")!;
    const ctx = previewContext(plain, "en-US");
    const empty = select(fragment(renderControl(ctx, element.control, element, "m").value), "option");
    expect(empty.map(text)).toEqual(["", "Zulu mode", "Alpha mode", "Mike mode"]);
    expect(attr(empty[0]!, "selected")).toBeDefined();
    // The page shows Enabled with the example values: the first item, as the registry panel lists it.
    const items = select(control(options("en-US", plain), "dropdownList"), "option");
    expect(items.map(text)).toEqual(["Zulu mode", "Alpha mode", "Mike mode"]);
    expect(items.filter((o) => attr(o, "selected") !== undefined).map(text)).toEqual(["Zulu mode"]);
  });

  it("shows the Enabled example's values in the controls, as the registry panel lists them", () => {
    const examples = {
      Retries: 9,
      Shares: ["\\\\server\\a", "<b>x</b>"],
      Patterns: ["one", "two"],
    };
    const pane = one(
      fragment(renderPolicyPreview(bundle, "EveryControl", { locale: "en-US", options: examples })),
      "div.options",
    );
    expect(attr(one(control(pane, "decimalTextBox"), "input"), "value")).toBe("9");
    const list = select(one(control(pane, "listBox"), "tbody"), "input").map((i) => attr(i, "value"));
    expect(list).toEqual(["\\\\server\\a", "<b>x</b>", ""]);
    expect(text(one(control(pane, "multiTextBox"), "textarea"))).toBe("one\ntwo");
  });

  it("listBox: its label and a Show... button opening the value list", () => {
    const list = control(options(), "listBox");
    expect(text(one(list, "span.ctl-label"))).toBe("Shares:");
    expect(text(one(list, "summary"))).toBe("Show...");
    expect(text(one(list, "div.dialog-title"))).toBe("Show Contents");
    expect(select(list, "th").map(text)).toEqual(["Value"]);
    const ja = control(options("ja-JP"), "listBox");
    expect([text(one(ja, "summary")), text(one(ja, "div.dialog-title"))]).toEqual(["表示...", "内容の表示"]);
  });

  it("multiTextBox: label above a box of defaultHeight lines; showAsDialog behind Show...", () => {
    const box = control(options(), "multiTextBox");
    expect(text(one(box, "label"))).toBe("Patterns:");
    expect(attr(one(box, "textarea"), "rows")).toBe("4");
    expect(select(box, "summary")).toEqual([]);
    const dialog = withControl("Patterns", (c) => {
      c.showAsDialog = true;
      delete c.defaultHeight;
    });
    const shown = control(options("en-US", dialog), "multiTextBox");
    expect(text(one(shown, "summary"))).toBe("Show...");
    expect(attr(one(shown, "textarea"), "rows")).toBe("3");
  });

  it("gives every control a document-unique id", () => {
    const ids = select(options(), "[id]").map((e) => attr(e, "id"));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

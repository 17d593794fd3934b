import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import { PREVIEW_CSS } from "../../src/preview/styles.js";
import { renderPolicyPreview } from "../../src/preview/render-policy.js";
import { attr, elements, fragment, one, select, text, type Node } from "../helpers/dom.js";
import { checked, hostileBundle, hostileBundleInput } from "../helpers/preview-fixtures.js";

const bundle = hostileBundle();
const en = bundle.locales["en-US"]!;
const ja = bundle.locales["ja-JP"]!;

function render(locale = "en-US", policy = "EveryControl", b = bundle): Node {
  return fragment(renderPolicyPreview(b, policy, { locale }));
}

/** True when any element carries an event-handler attribute or is an element that runs or loads code. */
function hasActiveContent(root: Node): boolean {
  return elements(root).some(
    (e) =>
      ["script", "img", "iframe", "object", "embed"].includes(e.tagName!) ||
      (e.attrs ?? []).some((a) => a.name.startsWith("on")),
  );
}

describe("renderPolicyPreview: escaping", () => {
  it("shows markup and script in policy texts as literal text, never as elements", () => {
    for (const locale of ["en-US", "ja-JP"]) {
      const root = render(locale);
      const catalog = bundle.locales[locale]!;
      expect(hasActiveContent(root)).toBe(false);
      expect(text(one(root, "h1"))).toBe(catalog.EveryControl);
      expect(text(one(root, "div.help"))).toBe(catalog.EveryControl_Help);
      expect(text(one(root, "div.supported"))).toBe(catalog.Supported_Test);
      expect(elements(one(root, "div.options")).map((e) => e.tagName)).not.toContain("em");
      expect(elements(one(root, "div.options")).map((e) => e.tagName)).not.toContain("b");
    }
  });

  it("keeps quotes inside attribute values (a default value cannot close its attribute)", () => {
    const input = one(render(), "div[data-control=textBox]");
    const box = one(input, "input");
    expect(attr(box, "value")).toBe(`"><img src=x onerror="window.__pwned='textBox'">`);
    expect(box.attrs!.map((a) => a.name).sort()).toEqual(["id", "readonly", "type", "value"]);
  });

  it("renders any text literally (property)", () => {
    // The HTML parser turns CR and NUL into other characters by design; catalogs hold neither.
    const textArb = fc
      .string({
        unit: fc.constantFrom(
          "<",
          ">",
          "&",
          '"',
          "'",
          "=",
          "/",
          "a",
          "あ",
          " ",
          "\n",
          "script",
          "on",
          ";",
          "#",
        ),
      })
      .map((s) => `x${s}x`);
    fc.assert(
      fc.property(textArb, textArb, textArb, (title, help, label) => {
        const input = hostileBundleInput();
        Object.assign(input.locales["en-US"], {
          EveryControl: title,
          EveryControl_Help: help,
          Server_Label: label,
        });
        const root = fragment(renderPolicyPreview(checked(input), "EveryControl", { locale: "en-US" }));
        expect(hasActiveContent(root)).toBe(false);
        expect(text(one(root, "h1"))).toBe(title);
        expect(text(one(root, "div.help"))).toBe(help);
        expect(text(one(one(root, "div[data-control=textBox]"), "label"))).toBe(label);
      }),
      { numRuns: 150 },
    );
  });
});

describe("renderPolicyPreview: the dialog", () => {
  it("offers the three states with Enabled selected", () => {
    const radios = select(render(), "input[type=radio]");
    expect(radios.map((r) => attr(r, "value"))).toEqual(["notConfigured", "enabled", "disabled"]);
    expect(radios.map((r) => attr(r, "checked") !== undefined)).toEqual([false, true, false]);
    expect(new Set(radios.map((r) => attr(r, "name"))).size).toBe(1);
  });

  it("labels the dialog in English and in the editor's Japanese", () => {
    const labels = (root: Node) => ({
      states: select(root, "label.state").map((l) => text(l).trim()),
      panes: select(root, "h2.pane-label").map(text),
      meta: select(root, "span.meta-label").map(text),
      show: text(one(root, "summary.button")),
    });
    expect(labels(render("en-US"))).toEqual({
      states: ["Not Configured", "Enabled", "Disabled"],
      panes: ["Options:", "Help:"],
      meta: ["Comment:", "Supported on:"],
      show: "Show...",
    });
    expect(labels(render("ja-JP"))).toEqual({
      states: ["未構成", "有効", "無効"],
      panes: ["オプション:", "ヘルプ:"],
      meta: ["コメント:", "サポートされるバージョン:"],
      show: "表示...",
    });
  });

  it("keeps the line breaks of the Help text and of text lines, and styles them pre-wrap", () => {
    const root = render("ja-JP");
    expect(text(one(root, "div.help"))).toContain("\n\n<img");
    expect(text(one(root, "div.help"))).toContain("\n    字下げ");
    expect(text(one(root, "p.ctl-textline"))).toBe(ja.Intro_Text);
    expect(PREVIEW_CSS).toMatch(/\.help\{[^}]*white-space:pre-wrap/);
    expect(PREVIEW_CSS).toMatch(/\.ctl-textline\{[^}]*white-space:pre-wrap/);
  });

  it("normalizes CRLF read back from an ADML to single line breaks", () => {
    const input = hostileBundleInput();
    input.locales["en-US"].PlainSwitch_Help = "one\r\ntwo";
    const root = fragment(renderPolicyPreview(checked(input), "PlainSwitch", { locale: "en-US" }));
    expect(text(one(root, "div.help"))).toBe("one\ntwo");
  });

  it("shows an own supportedOn definition's text and a readable name for one of another namespace", () => {
    expect(text(one(render(), "div.supported"))).toBe(en.Supported_Test);
    // Windows' text is not at hand: a readable name and where the wording lives, never the raw id.
    expect(text(one(render("en-US", "PlainSwitch"), "div.supported"))).toBe(
      "Windows 10.0 (its wording is in Microsoft.Policies.Windows, a template this preview does not include)",
    );
    expect(text(one(render("ja-JP", "PlainSwitch"), "div.supported"))).toBe(
      "Windows 10.0（正式な表記はこのプレビューに含まれないテンプレート Microsoft.Policies.Windows にあります）",
    );
  });

  it("renders an empty Options pane for a policy without elements", () => {
    expect(elements(one(render("en-US", "PlainSwitch"), "div.options"))).toEqual([]);
  });

  it("links Previous / Next Setting when given, and greys them out otherwise", () => {
    const withLinks = fragment(
      renderPolicyPreview(bundle, "EveryControl", { locale: "en-US", previous: "A.html", next: "B.html" }),
    );
    expect(select(withLinks, "a.button").map((a) => [attr(a, "href"), text(a)])).toEqual([
      ["A.html", "Previous Setting"],
      ["B.html", "Next Setting"],
    ]);
    expect(select(render(), "a.button")).toEqual([]);
    expect(select(render(), "span.disabled").map(text)).toEqual([
      "Previous Setting",
      "Next Setting",
      "Apply",
    ]);
  });
});

describe("renderPolicyPreview: errors", () => {
  it("reports an unknown policy with the names that exist", () => {
    expect(() => renderPolicyPreview(bundle, "Nope", { locale: "en-US" })).toThrow(AdmxkitError);
    try {
      renderPolicyPreview(bundle, "Nope", { locale: "en-US" });
    } catch (error) {
      expect((error as AdmxkitError).diagnostics[0]).toMatchObject({
        code: "PREVIEW_POLICY_NOT_FOUND",
        params: { policy: "Nope", available: "EveryControl, PlainSwitch" },
      });
    }
  });

  it("reports a locale the bundle has no catalog for", () => {
    try {
      renderPolicyPreview(bundle, "EveryControl", { locale: "de-DE" });
      expect.unreachable();
    } catch (error) {
      expect((error as AdmxkitError).diagnostics[0]).toMatchObject({
        code: "LOCALE_MISSING",
        params: { locale: "de-DE", available: "en-US, ja-JP" },
      });
    }
  });
});

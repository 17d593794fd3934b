import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { writeAdml } from "../../src/templates/write-adml.js";
import { writeAdmx } from "../../src/templates/write-admx.js";
import { checkBundle } from "../../src/model/check-bundle.js";
import type { Bundle } from "../../src/model/types.js";
import { findUnsafeNameChar } from "../../src/pol/registry-names.js";
import { escapeAttribute, escapeText } from "../../src/xml/write-xml.js";
import { smallBundle } from "../helpers/bundle-fixtures.js";

const RUNS = Number(process.env.ADMXKIT_FUZZ_RUNS ?? 200);

/** Parses like a careful reader: no trimming, no number coercion, entities decoded. */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  isArray: (name) => ["string", "presentation", "policy", "item"].includes(name),
});

function bundleWith(patch: (b: any) => void): Bundle {
  const input = smallBundle() as any;
  patch(input);
  const checked = checkBundle(input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.diagnostics));
  return checked.bundle;
}

/** Text XML 1.0 can carry: no C0 controls but tab/LF/CR, no lone surrogates, no U+FFFE/FFFF. */
const xmlText = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 60 })
  .map((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "?"))
  .filter((s) => s.trim().length > 0 && s === s.trim());

describe("ADML string text", () => {
  it("round-trips any text through escaping and a real parser (line breaks become CRLF, read back as LF)", () => {
    fc.assert(
      fc.property(xmlText, (text) => {
        const adml = writeAdml(
          bundleWith((b) => (b.locales["en-US"].Proxy_Help = text)),
          "en-US",
        );
        const strings = parser.parse(adml).policyDefinitionResources.resources.stringTable.string as any[];
        const help = strings.find((s) => s["@id"] === "Proxy_Help")["#text"];
        expect(help).toBe(text.replace(/\r\n|\r/g, "\n"));
      }),
      { numRuns: RUNS },
    );
  });

  it("escapes text that merely looks like markup or an entity, so it survives unchanged", () => {
    const text = 'Use &amp; literally, <b>not bold</b>, "quotes", ]]> and &#65;';
    const adml = writeAdml(
      bundleWith((b) => (b.locales["en-US"].Proxy = text)),
      "en-US",
    );
    expect(adml).toContain(
      '<string id="Proxy">Use &amp;amp; literally, &lt;b&gt;not bold&lt;/b&gt;, "quotes", ]]&gt; and &amp;#65;</string>',
    );
  });

  it("adds no whitespace inside strings and keeps each explain text's own line breaks as CRLF", () => {
    const adml = writeAdml(
      bundleWith((b) => (b.locales["en-US"].Proxy_Help = "First line.\n\nSecond.")),
      "en-US",
    );
    expect(adml).toContain('<string id="Proxy_Help">First line.\r\n\r\nSecond.</string>');
  });
});

describe("ADMX attributes", () => {
  it("round-trip registry keys with any printable characters", () => {
    const component = fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 20 })
      .map((s) => s.replace(/[\u0000-\u001F\\\uFFFE\uFFFF]/g, "_"))
      // Printable, as the model accepts it: line and paragraph separators (U+2028/U+2029) and other
      // characters the model refuses in a registry name are not what this property is about.
      .filter((s) => s.length > 0 && !/^(HKLM|HKCU|HKEY_)/i.test(s) && findUnsafeNameChar(s) === undefined);
    fc.assert(
      fc.property(fc.array(component, { minLength: 1, maxLength: 4 }), (parts) => {
        const key = ["Software", ...parts].join("\\");
        const admx = writeAdmx(bundleWith((b) => (b.policies[0].key = key)));
        const policy = parser.parse(admx).policyDefinitions.policies.policy[0];
        expect(policy["@key"]).toBe(key);
      }),
      { numRuns: RUNS },
    );
  });

  it("escapes every character that attribute-value normalization would change", () => {
    expect(escapeAttribute('a&b<c>d"e\tf\ng\rh')).toBe("a&amp;b&lt;c&gt;d&quot;e&#9;f&#10;g&#13;h");
    expect(escapeText('a&b<c>d"e')).toBe('a&amp;b&lt;c&gt;d"e');
  });
});

describe("determinism", () => {
  it("gives the same bytes for equal bundles built separately", () => {
    expect(writeAdmx(bundleWith(() => {}))).toBe(writeAdmx(bundleWith(() => {})));
    expect(
      writeAdml(
        bundleWith(() => {}),
        "ja-JP",
      ),
    ).toBe(
      writeAdml(
        bundleWith(() => {}),
        "ja-JP",
      ),
    );
  });
});

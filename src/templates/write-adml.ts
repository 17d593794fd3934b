import { policyLayout, presentationIdOf, stringTableIds } from "../model/strings.js";
import { own } from "../model/own.js";
import type { Bundle } from "../model/types.js";
import { generatedComment, rootAttributes } from "../xml/policy-definitions.js";
import { writeDocument, type XmlElement } from "../xml/write-xml.js";
import { controlNode } from "./control-nodes.js";

/**
 * The ADML file of a checked bundle for one locale, as text (UTF-8 content, CRLF). Every text comes from
 * the locale's catalog and is written as element text with no added whitespace: the Group Policy editor
 * shows string text exactly, so indentation inside a `<string>` would show up in its Help pane.
 */
export function writeAdml(bundle: Bundle, locale: string): string {
  const catalog = own(bundle.locales, locale);
  if (!catalog) throw new RangeError(`The bundle "${bundle.id}" has no catalog for ${locale}`);
  const text = (id: string): string => {
    const value = own(catalog, id);
    if (value === undefined) throw new RangeError(`The ${locale} catalog of "${bundle.id}" lacks ${id}`);
    return value;
  };

  const strings: XmlElement = {
    name: "stringTable",
    children: stringTableIds(bundle).map((id) => ({
      name: "string",
      attributes: [["id", id]],
      text: text(id),
    })),
  };
  const presentations: XmlElement[] = bundle.policies.flatMap((policy) => {
    const id = presentationIdOf(policy);
    if (!id) return [];
    const children = policyLayout(policy).map((entry) =>
      entry.type === "text"
        ? { name: "text", text: text(entry.text) }
        : controlNode(entry.control, entry.elementId, text(entry.control.label)),
    );
    return [{ name: "presentation", attributes: [["id", id]] as [string, string][], children }];
  });

  return writeDocument(
    {
      name: "policyDefinitionResources",
      attributes: rootAttributes(bundle.revision),
      children: [
        { name: "displayName", text: text(bundle.displayName) },
        { name: "description", text: text(bundle.description) },
        {
          name: "resources",
          children: [
            strings,
            ...(presentations.length > 0 ? [{ name: "presentationTable", children: presentations }] : []),
          ],
        },
      ],
    },
    generatedComment(bundle.id),
  );
}

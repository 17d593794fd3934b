import { presentationRef, stringRef } from "../model/ids.js";
import { presentationIdOf } from "../model/strings.js";
import type { Bundle, Policy } from "../model/types.js";
import { generatedComment, rootAttributes } from "../xml/policy-definitions.js";
import { writeDocument, type XmlElement } from "../xml/write-xml.js";
import { elementNode } from "./element-nodes.js";
import { definitionNode, productsNode } from "./supported-on-nodes.js";
import { valueElement, valueListElement } from "./value-nodes.js";

function policyNode(policy: Policy): XmlElement {
  const presentation = presentationIdOf(policy);
  return {
    name: "policy",
    attributes: [
      ["name", policy.name],
      ["class", policy.class],
      ["displayName", stringRef(policy.displayName)],
      ["explainText", stringRef(policy.explainText)],
      ["presentation", presentation && presentationRef(presentation)],
      ["key", policy.key],
      ["valueName", policy.valueName],
      ["clientExtension", policy.clientExtension],
    ],
    // Schema order: parentCategory, supportedOn, enabledValue, disabledValue, enabledList, disabledList, elements.
    children: [
      { name: "parentCategory", attributes: [["ref", policy.category]] },
      { name: "supportedOn", attributes: [["ref", policy.supportedOn]] },
      ...valueElement("enabledValue", policy.enabledValue),
      ...valueElement("disabledValue", policy.disabledValue),
      ...valueListElement("enabledList", policy.enabledList),
      ...valueListElement("disabledList", policy.disabledList),
      ...(policy.elements && policy.elements.length > 0
        ? [{ name: "elements", children: policy.elements.map(elementNode) }]
        : []),
    ],
  };
}

/**
 * The ADMX file of a checked bundle, as text (UTF-8 content, CRLF). Pure: the same bundle gives the same
 * text. Call {@link checkBundle} first; this function assumes a valid model.
 */
export function writeAdmx(bundle: Bundle): string {
  const namespaces: XmlElement = {
    name: "policyNamespaces",
    children: [
      {
        name: "target",
        attributes: [
          ["prefix", bundle.target.prefix],
          ["namespace", bundle.target.namespace],
        ],
      },
      ...(bundle.using ?? []).map((u) => ({
        name: "using",
        attributes: [
          ["prefix", u.prefix],
          ["namespace", u.namespace],
        ] as [string, string][],
      })),
    ],
  };
  const supportedOn: XmlElement[] =
    bundle.supportedOn?.length || bundle.products?.length
      ? [
          {
            name: "supportedOn",
            children: [
              ...(bundle.products?.length ? [productsNode(bundle.products)] : []),
              ...(bundle.supportedOn?.length
                ? [{ name: "definitions", children: bundle.supportedOn.map(definitionNode) }]
                : []),
            ],
          },
        ]
      : [];
  const categories: XmlElement[] = bundle.categories?.length
    ? [
        {
          name: "categories",
          children: bundle.categories.map((c) => ({
            name: "category",
            attributes: [
              ["name", c.name],
              ["displayName", stringRef(c.displayName)],
              ["explainText", c.explainText && stringRef(c.explainText)],
            ] as [string, string | undefined][],
            children: c.parent
              ? [{ name: "parentCategory", attributes: [["ref", c.parent]] as [string, string][] }]
              : [],
          })),
        },
      ]
    : [];
  return writeDocument(
    {
      name: "policyDefinitions",
      attributes: rootAttributes(bundle.revision),
      children: [
        namespaces,
        {
          name: "resources",
          attributes: [
            ["minRequiredRevision", bundle.minRequiredRevision],
            ["fallbackCulture", bundle.fallbackCulture],
          ],
        },
        ...supportedOn,
        ...categories,
        { name: "policies", children: bundle.policies.map(policyNode) },
      ],
    },
    generatedComment(bundle.id),
  );
}

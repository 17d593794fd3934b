/**
 * The ADMX `<supportedOn>` table: `<products>` (product → majorVersion → minorVersion, each with its
 * versionIndex) and `<definitions>`, whose `<or>`/`<and>` conditions name products, versions or other
 * definitions. The editor shows a definition's displayName as "Supported on"; the conditions drive its
 * requirement filter, so they are written back exactly as read.
 */
import { stringRef } from "../model/ids.js";
import type { Product, SupportedOnCondition, SupportedOnDefinition } from "../model/types.js";
import type { XmlElement } from "../xml/write-xml.js";

/** `<products>` with every product and its versions, in model order. */
export function productsNode(products: readonly Product[]): XmlElement {
  return {
    name: "products",
    children: products.map((product) => ({
      name: "product",
      attributes: [
        ["name", product.name],
        ["displayName", stringRef(product.displayName)],
      ],
      children: (product.majorVersions ?? []).map((major) => ({
        name: "majorVersion",
        attributes: [
          ["name", major.name],
          ["displayName", stringRef(major.displayName)],
          ["versionIndex", major.versionIndex],
        ],
        children: (major.minorVersions ?? []).map((minor) => ({
          name: "minorVersion",
          attributes: [
            ["name", minor.name],
            ["displayName", stringRef(minor.displayName)],
            ["versionIndex", minor.versionIndex],
          ],
        })),
      })),
    })),
  };
}

function conditionNode(condition: SupportedOnCondition): XmlElement {
  // Version bounds belong to <range>; TerminalServer.admx also puts minVersionIndex on a <reference>,
  // which GPMC accepts, so whatever was read is written back.
  return {
    name: condition.range ? "range" : "reference",
    attributes: [
      ["ref", condition.ref],
      ["minVersionIndex", condition.minVersionIndex],
      ["maxVersionIndex", condition.maxVersionIndex],
    ],
  };
}

/** One `<definition>`, with its `<or>` or `<and>` when it has one. */
export function definitionNode(definition: SupportedOnDefinition): XmlElement {
  const combine = definition.or ? "or" : definition.and ? "and" : undefined;
  const conditions = definition.or ?? definition.and ?? [];
  return {
    name: "definition",
    attributes: [
      ["name", definition.name],
      ["displayName", stringRef(definition.displayName)],
    ],
    children: combine ? [{ name: combine, children: conditions.map(conditionNode) }] : [],
  };
}

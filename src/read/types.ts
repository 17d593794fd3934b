/**
 * What the readers return: ADMX and ADML documents as they are written, loose enough for real-world
 * files (a policy without a category, an element no presentation shows, ids the model would refuse),
 * with the source position of every definition. The parts reuse the model's types wherever the file
 * and the model agree, so converting to a {@link Bundle} (to-bundle.ts) only adds what the model
 * requires on top: controls from an ADML, catalog keys for labels, a bundle id.
 */
import type {
  Category,
  Control,
  Element,
  NamespaceBinding,
  Policy,
  SupportedOnDefinition,
} from "../model/types.js";
import type { SourcePosition } from "./positions.js";

/** Omit over each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Something defined at a place in a file. */
export interface Located {
  readonly at: SourcePosition;
}

/** An element of a policy as the ADMX defines it: the model's element without its control. */
export type ReadElement = DistributiveOmit<Element, "control"> & Located;

/** A policy as the ADMX defines it. */
export type ReadPolicy = Omit<Policy, "category" | "supportedOn" | "elements" | "presentationId" | "layout"> &
  Located & {
    /** `parentCategory ref`; the schema lets a policy have none. */
    readonly category?: string;
    readonly supportedOn?: string;
    /** The id inside `presentation="$(presentation.X)"`. */
    readonly presentation?: string;
    readonly elements: readonly ReadElement[];
    /** GUID of a client-side extension; in-box templates use it though the published schema lacks it. */
    readonly clientExtension?: string;
  };

/** A category as the ADMX defines it. */
export type ReadCategory = Category & Located;

/** A `<definition>` of the supportedOn table; `references` are the names its `<or>`/`<and>` refer to. */
export type ReadSupportedOn = SupportedOnDefinition &
  Located & {
    readonly combine?: "or" | "and";
    readonly references: readonly ReadCondition[];
  };

/** One `<reference>` or `<range>` of a supportedOn `<or>`/`<and>`. */
export interface ReadCondition {
  readonly ref: string;
  readonly at: SourcePosition;
  /** True for `<range>`, which may bound the product's versions by index. */
  readonly range?: boolean;
  readonly minVersionIndex?: number;
  readonly maxVersionIndex?: number;
}

/** A product, major or minor version of the supportedOn `<products>` table (names a policy may refer to). */
export interface ReadProduct extends Located {
  readonly name: string;
  readonly displayName: string;
  readonly level: "product" | "majorVersion" | "minorVersion";
  /** `versionIndex` of a major or minor version. */
  readonly versionIndex?: number;
  /** The product (of a major version) or major version (of a minor version) it belongs to. */
  readonly parent?: string;
}

/** An ADMX file. */
export interface AdmxDocument extends Located {
  readonly file: string;
  readonly revision: string;
  readonly schemaVersion: string;
  readonly target?: NamespaceBinding & Located;
  readonly using: readonly (NamespaceBinding & Located)[];
  readonly minRequiredRevision: string;
  readonly fallbackCulture?: string;
  readonly supersededAdm: readonly string[];
  readonly products: readonly ReadProduct[];
  readonly supportedOn: readonly ReadSupportedOn[];
  readonly categories: readonly ReadCategory[];
  readonly policies: readonly ReadPolicy[];
}

/** A presentation control as an ADML writes it: the model's control, with its label text itself. */
export type ReadControl = DistributiveOmit<Control, "label"> & { readonly label: string };

/** One line of a presentation: a control bound to an element by `refId`, or a line of text. */
export type ReadPresentationItem =
  | ({ readonly kind: "control"; readonly refId: string; readonly control: ReadControl } & Located)
  | ({ readonly kind: "text"; readonly text: string } & Located);

/** A presentation of the ADML presentation table, its lines in order. */
export interface ReadPresentation extends Located {
  readonly id: string;
  readonly items: readonly ReadPresentationItem[];
}

/** A string of the ADML string table. */
export interface ReadString extends Located {
  readonly text: string;
}

/** A second definition of a string or presentation id in one ADML. */
export interface ReadDuplicate extends Located {
  readonly kind: "string" | "presentation";
  readonly id: string;
  readonly first: SourcePosition;
}

/** An ADML file. The maps keep the first definition of an id; later ones are listed in `duplicates`. */
export interface AdmlDocument extends Located {
  readonly file: string;
  readonly revision: string;
  readonly displayName: string;
  readonly description: string;
  readonly strings: ReadonlyMap<string, ReadString>;
  readonly presentations: ReadonlyMap<string, ReadPresentation>;
  readonly duplicates: readonly ReadDuplicate[];
}

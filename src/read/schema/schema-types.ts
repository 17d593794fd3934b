import type { SimpleTypeName } from "./simple-types.js";

/** An attribute the schema declares. */
export interface AttributeDecl {
  readonly type: SimpleTypeName;
  readonly required?: boolean;
}

/** `min`/`max` occurrences; `max: Infinity` is `maxOccurs="unbounded"`. Both default to 1. */
interface Occurs {
  readonly min?: number;
  readonly max?: number;
}

/** A content model particle: an element (with the name of its type), a sequence, a choice, a wildcard. */
export type Particle =
  | (Occurs & { readonly element: string; readonly type: string })
  | (Occurs & { readonly sequence: readonly Particle[] })
  | (Occurs & { readonly choice: readonly Particle[] })
  | (Occurs & { readonly any: true });

/** What an element may contain. */
export type Content =
  | { readonly kind: "empty" }
  | { readonly kind: "simple"; readonly type: SimpleTypeName }
  | { readonly kind: "elements"; readonly particle: Particle }
  | { readonly kind: "mixed"; readonly particle: Particle };

/**
 * A complex type of the schema, plus what Windows accepts beyond it: `tolerated` attributes are
 * reported as warnings instead of errors, because Windows' own in-box templates use them and GPMC loads
 * them; `labelText` marks an empty type whose text Windows reads as a label (multiTextBox).
 */
export interface ComplexTypeDecl {
  readonly attributes: Readonly<Record<string, AttributeDecl>>;
  readonly content: Content;
  readonly tolerated?: Readonly<Record<string, AttributeDecl>>;
  readonly labelText?: true;
}

/** Shorthands that keep the schema tables close to the XSD they mirror: an element particle… */
export const el = (element: string, type: string, min = 1, max = 1): Particle => ({
  element,
  type,
  min,
  max,
});
/** …a sequence… */
export const seq = (...sequence: Particle[]): Particle => ({ sequence });
/** …a choice with its occurrences… */
export const choice = (min: number, max: number, ...options: Particle[]): Particle => ({
  choice: options,
  min,
  max,
});
/** Empty content. */
export const EMPTY: Content = { kind: "empty" };
/** Text content of type xs:string. */
export const STRING: Content = { kind: "simple", type: "string" };
/** Element-only content. */
export const elements = (particle: Particle): Content => ({ kind: "elements", particle });
/** A required attribute. */
export const req = (type: SimpleTypeName): AttributeDecl => ({ type, required: true });
/** An optional attribute. */
export const opt = (type: SimpleTypeName): AttributeDecl => ({ type });

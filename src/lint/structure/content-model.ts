/**
 * Matches the child elements of an element against its content model, the way an XSD validator does.
 * A particle is compiled once into a small automaton (Thompson construction; occurrence bounds become
 * copies and loops), then children are fed one by one. The first child the automaton cannot take is
 * "not expected"; ending outside an accepting state means required children are missing. XSD's
 * Unique Particle Attribution rule makes the ADMX content models deterministic, so each accepted child
 * is matched to exactly one declaration, which gives its type.
 */
import type { Particle } from "./schema-types.js";

interface Edge {
  /** Element local name, or undefined for a wildcard (xs:any). */
  readonly name: string | undefined;
  readonly type: string | undefined;
  readonly to: number;
}

interface Automaton {
  readonly edges: Edge[][];
  readonly epsilon: number[][];
  readonly start: number;
  readonly accept: number;
}

class Builder {
  readonly edges: Edge[][] = [];
  readonly epsilon: number[][] = [];

  state(): number {
    this.edges.push([]);
    this.epsilon.push([]);
    return this.edges.length - 1;
  }

  /** A fragment (start, end) for one occurrence of the particle's term. */
  private term(p: Particle): [number, number] {
    const start = this.state();
    const end = this.state();
    if ("element" in p || "any" in p) {
      const name = "element" in p ? p.element : undefined;
      const type = "element" in p ? p.type : undefined;
      this.edges[start]!.push({ name, type, to: end });
    } else if ("sequence" in p) {
      let at = start;
      for (const item of p.sequence) {
        const [s, e] = this.particle(item);
        this.epsilon[at]!.push(s);
        at = e;
      }
      this.epsilon[at]!.push(end);
    } else {
      for (const option of p.choice) {
        const [s, e] = this.particle(option);
        this.epsilon[start]!.push(s);
        this.epsilon[e]!.push(end);
      }
    }
    return [start, end];
  }

  /** A fragment for the particle with its min/max occurrences. */
  particle(p: Particle): [number, number] {
    const min = p.min ?? 1;
    const max = p.max ?? 1;
    const start = this.state();
    let at = start;
    for (let i = 0; i < min; i++) {
      const [s, e] = this.term(p);
      this.epsilon[at]!.push(s);
      at = e;
    }
    const end = this.state();
    if (max === Infinity) {
      const [s, e] = this.term(p);
      this.epsilon[at]!.push(s, end);
      this.epsilon[e]!.push(s, end);
    } else {
      for (let i = min; i < max; i++) {
        const [s, e] = this.term(p);
        this.epsilon[at]!.push(s, end);
        at = e;
      }
    }
    this.epsilon[at]!.push(end);
    return [start, end];
  }
}

const compiled = new WeakMap<Particle, Automaton>();

function automaton(particle: Particle): Automaton {
  let a = compiled.get(particle);
  if (!a) {
    const builder = new Builder();
    const [start, accept] = builder.particle(particle);
    a = { edges: builder.edges, epsilon: builder.epsilon, start, accept };
    compiled.set(particle, a);
  }
  return a;
}

function closure(a: Automaton, states: Iterable<number>): Set<number> {
  const out = new Set<number>();
  const stack = [...states];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (out.has(s)) continue;
    out.add(s);
    stack.push(...a.epsilon[s]!);
  }
  return out;
}

function expectedNames(a: Automaton, states: Set<number>): string[] {
  const names = new Set<string>();
  for (const s of states) for (const e of a.edges[s]!) names.add(e.name ?? "*");
  return [...names].sort();
}

/** The outcome of matching: each accepted child's type (undefined for a wildcard match), or a problem. */
export type MatchResult =
  | { readonly ok: true; readonly types: (string | undefined)[] }
  | {
      readonly ok: false;
      /** Types of the children accepted before the problem. */
      readonly types: (string | undefined)[];
      /** Index of the unexpected child, or undefined when children are missing at the end. */
      readonly unexpected: number | undefined;
      readonly expected: string[];
    };

/** Matches child element local names (elements in other namespaces are given as undefined). */
export function matchChildren(particle: Particle, children: readonly (string | undefined)[]): MatchResult {
  const a = automaton(particle);
  let current = closure(a, [a.start]);
  const types: (string | undefined)[] = [];
  for (const [index, name] of children.entries()) {
    const next: number[] = [];
    let type: string | undefined;
    for (const s of current) {
      for (const e of a.edges[s]!) {
        if (e.name === undefined || (name !== undefined && e.name === name)) {
          if (next.length === 0) type = e.type;
          next.push(e.to);
        }
      }
    }
    if (next.length === 0)
      return { ok: false, types, unexpected: index, expected: expectedNames(a, current) };
    types.push(type);
    current = closure(a, next);
  }
  if (!current.has(a.accept)) {
    return { ok: false, types, unexpected: undefined, expected: expectedNames(a, current) };
  }
  return { ok: true, types };
}

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

/**
 * A state of the deterministic automaton: a set of NFA states (epsilon-closed). Transitions are added
 * lazily as children are seen (subset construction on demand), so matching a child is one map lookup.
 */
interface DfaState {
  readonly nfa: readonly number[];
  readonly accepting: boolean;
  /** Child name (undefined: an element of another namespace) → next state and the child's type. */
  readonly next: Map<string | undefined, { readonly to: DfaState; readonly type: string | undefined } | null>;
  expected?: string[];
}

interface Dfa {
  readonly nfa: Automaton;
  readonly start: DfaState;
  readonly states: Map<string, DfaState>;
}

const compiled = new WeakMap<Particle, Dfa>();

function dfaState(dfa: Dfa, nfaStates: Iterable<number>): DfaState {
  const set = [...closure(dfa.nfa, nfaStates)].sort((a, b) => a - b);
  const key = set.join(",");
  let state = dfa.states.get(key);
  if (!state) {
    state = { nfa: set, accepting: set.includes(dfa.nfa.accept), next: new Map() };
    dfa.states.set(key, state);
  }
  return state;
}

function compile(particle: Particle): Dfa {
  let dfa = compiled.get(particle);
  if (!dfa) {
    const builder = new Builder();
    const [start, accept] = builder.particle(particle);
    const nfa = { edges: builder.edges, epsilon: builder.epsilon, start, accept };
    const states = new Map<string, DfaState>();
    const partial = { nfa, states } as { nfa: Automaton; states: Map<string, DfaState>; start: DfaState };
    partial.start = dfaState(partial, [start]);
    dfa = partial;
    compiled.set(particle, dfa);
  }
  return dfa;
}

/** The transition on a child name, computed the first time it is needed; null when none. */
function step(dfa: Dfa, state: DfaState, name: string | undefined) {
  let move = state.next.get(name);
  if (move === undefined) {
    const targets: number[] = [];
    let type: string | undefined;
    for (const s of state.nfa) {
      for (const e of dfa.nfa.edges[s]!) {
        if (e.name === undefined || (name !== undefined && e.name === name)) {
          if (targets.length === 0) type = e.type;
          targets.push(e.to);
        }
      }
    }
    move = targets.length === 0 ? null : { to: dfaState(dfa, targets), type };
    state.next.set(name, move);
  }
  return move;
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

function expectedNames(dfa: Dfa, state: DfaState): string[] {
  if (!state.expected) {
    const names = new Set<string>();
    for (const s of state.nfa) for (const e of dfa.nfa.edges[s]!) names.add(e.name ?? "*");
    state.expected = [...names].sort();
  }
  return state.expected;
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

/**
 * A match in progress, fed one child at a time: for a caller that walks the children anyway and should
 * not build lists of names and types to call {@link matchChildren}.
 */
export class ChildMatcher {
  private readonly dfa: Dfa;
  private current: DfaState;

  constructor(particle: Particle) {
    this.dfa = compile(particle);
    this.current = this.dfa.start;
  }

  /**
   * Takes the next child (its local name; undefined for an element of another namespace): its type
   * (undefined for a wildcard match), or null when the content model does not expect it here.
   */
  next(name: string | undefined): { readonly type: string | undefined } | null {
    const move = step(this.dfa, this.current, name);
    if (move) this.current = move.to;
    return move;
  }

  /** Whether the children taken so far are complete. */
  get complete(): boolean {
    return this.current.accepting;
  }

  /** What could come next: element names, `*` for a wildcard. */
  expected(): string[] {
    return expectedNames(this.dfa, this.current);
  }
}

/** Matches child element local names (elements in other namespaces are given as undefined). */
export function matchChildren(particle: Particle, children: readonly (string | undefined)[]): MatchResult {
  const matcher = new ChildMatcher(particle);
  const types: (string | undefined)[] = [];
  for (let index = 0; index < children.length; index++) {
    const move = matcher.next(children[index]);
    if (!move) return { ok: false, types, unexpected: index, expected: matcher.expected() };
    types.push(move.type);
  }
  if (!matcher.complete) return { ok: false, types, unexpected: undefined, expected: matcher.expected() };
  return { ok: true, types };
}

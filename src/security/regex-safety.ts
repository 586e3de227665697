// Is a regular expression safe to run on hostile log lines? JavaScript's engine backtracks, so a
// pattern that can match the same text in several ways takes exponential or polynomial time on a
// crafted line. This check decides it statically, in the spirit of the ReDoS analysers
// (Weideman et al., "Analyzing Matching Time Behavior of Backtracking Regular Expression
// Matchers by Using Ambiguity of NFA"; recheck's automaton checker):
//
// 1. The pattern becomes a position automaton (Glushkov): one state per atom, an edge p → r
//    when r's atom can follow p's. A pattern that is not anchored gets a start state that loops
//    on any character: that is how the engine retries at every offset.
// 2. Exponential: some loop state can get back to itself along two different paths that read the
//    same text (a strongly connected component of the pair automaton holds both (q,q) and (p,r)).
// 3. Polynomial: two different loop states p and q can each repeat the same text, with a way from
//    p to q on that text too (two overlapping quantifiers in a row, or an unanchored pattern whose
//    prefix can be made of what its first quantifier repeats: every offset rescans the line).
//    The pair-automaton test used here may reject a few safe patterns; it never accepts an unsafe
//    one that the automaton models. A loop after which the match can only succeed (no `$`, `\b`
//    or lookaround after it) costs nothing: reaching it ends the search.
//
// A bounded repeat of one character class is bounded work, so `[0-9a-f]{40}` is modelled with a
// few copies rather than forty; a bounded repeat of a group is judged as a loop (nested counted
// repeats of ambiguous text blow up like loops do). Backreferences are rejected (no linear bound exists), as are lookarounds that contain an
// unbounded quantifier (they run at every offset).
import { ANY, EMPTY, describe, intersects, withAsciiCaseFolding, type CharSet } from './charset.js';
import { parseRegex, type RegexNode } from './regex-ast.js';

/** Positions of the automaton beyond which a pattern is rejected as too large to check. */
const MAX_STATES = 400;
/** Pair-automaton edges examined before the check gives up (and rejects). */
const MAX_WORK = 4_000_000;

class TooComplex extends Error {}

interface Fragment {
  first: number[];
  last: number[];
  nullable: boolean;
}

const EPSILON: Fragment = { first: [], last: [], nullable: true };

function mergeLists(a: number[], b: number[]): number[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return [...new Set([...a, ...b])];
}

/** The position automaton of a pattern. State 0 is the start. */
class AutomatonBuilder {
  readonly sets: CharSet[] = [EMPTY];
  readonly spans: [number, number][] = [[0, 0]];
  /** follow[p]: state → how many different ways p reaches it (2+ is itself an ambiguity). */
  readonly follow: Map<number, number>[] = [new Map()];
  /** Source offsets of `$`, `\b` and lookarounds: zero-width tests that can still fail. */
  readonly gates: number[] = [];
  readonly lookarounds: RegexNode[] = [];
  backreference = -1;

  constructor(private readonly caseInsensitive: boolean) {}

  private position(set: CharSet, start: number, end: number): number {
    if (this.sets.length >= MAX_STATES) throw new TooComplex(`more than ${MAX_STATES} positions`);
    this.sets.push(this.caseInsensitive ? withAsciiCaseFolding(set) : set);
    this.spans.push([start, end]);
    this.follow.push(new Map());
    return this.sets.length - 1;
  }

  link(from: number[], to: number[]): void {
    for (const f of from) {
      const map = this.follow[f]!;
      for (const t of to) map.set(t, (map.get(t) ?? 0) + 1);
    }
  }

  private concat(parts: Fragment[]): Fragment {
    let result = EPSILON;
    for (const part of parts) {
      this.link(result.last, part.first);
      result = {
        first: result.nullable ? mergeLists(result.first, part.first) : result.first,
        last: part.nullable ? mergeLists(result.last, part.last) : part.last,
        nullable: result.nullable && part.nullable,
      };
    }
    return result;
  }

  build(node: RegexNode): Fragment {
    switch (node.type) {
      case 'atom': {
        const p = this.position(node.set, node.start, node.end);
        return { first: [p], last: [p], nullable: false };
      }
      case 'sequence':
        return this.concat(node.items.map((item) => this.build(item)));
      case 'alternation': {
        const parts = node.alternatives.map((alternative) => this.build(alternative));
        return {
          first: parts.reduce<number[]>((acc, p) => mergeLists(acc, p.first), []),
          last: parts.reduce<number[]>((acc, p) => mergeLists(acc, p.last), []),
          nullable: parts.some((p) => p.nullable),
        };
      }
      case 'repeat':
        return this.repeat(node);
      case 'lookaround':
        this.lookarounds.push(node);
        this.gates.push(node.start);
        return EPSILON;
      case 'assertion':
        if (node.kind !== 'start') this.gates.push(node.start);
        return EPSILON;
      case 'backreference':
        if (this.backreference < 0) this.backreference = node.start;
        return EPSILON;
    }
  }

  private repeat(node: Extract<RegexNode, { type: 'repeat' }>): Fragment {
    const { min, max, node: body } = node;
    if (max === 0) return EPSILON;
    let mandatory: number;
    let optional: number;
    let loop: boolean;
    if (max === Infinity) {
      [mandatory, optional, loop] = [Math.min(min, 2), 0, true];
    } else if (body.type === 'atom') {
      // One character class repeated a bounded number of times: bounded work whatever the count.
      [mandatory, optional, loop] = [Math.min(min, 2), Math.min(max - min, 2), false];
    } else if (max <= 1) {
      [mandatory, optional, loop] = [min, max - min, false];
    } else {
      // A bounded repeat of a group multiplies the ways to match its body: nested bounded repeats
      // of ambiguous text take steps exponential in the counts. Judge it as a loop.
      [mandatory, optional, loop] = [Math.min(min, 1), 0, true];
    }
    const parts: Fragment[] = [];
    for (let i = 0; i < mandatory; i++) parts.push(this.build(body));
    for (let i = 0; i < optional; i++) parts.push({ ...this.build(body), nullable: true });
    if (loop) {
      const copy = this.build(body);
      this.link(copy.last, copy.first);
      parts.push({ ...copy, nullable: true });
    }
    return this.concat(parts);
  }
}

function startsAnchored(node: RegexNode): boolean {
  switch (node.type) {
    case 'assertion':
      return node.kind === 'start';
    case 'sequence':
      return node.items.length > 0 && startsAnchored(node.items[0]!);
    case 'alternation':
      return node.alternatives.every(startsAnchored);
    default:
      return false;
  }
}

function hasUnboundedRepeat(node: RegexNode): boolean {
  switch (node.type) {
    case 'repeat':
      return node.max === Infinity || hasUnboundedRepeat(node.node);
    case 'sequence':
      return node.items.some(hasUnboundedRepeat);
    case 'alternation':
      return node.alternatives.some(hasUnboundedRepeat);
    case 'lookaround':
      return hasUnboundedRepeat(node.node);
    default:
      return false;
  }
}

/** Tarjan's strongly connected components, iterative (patterns can make deep graphs). */
function components(count: number, successors: (v: number) => readonly number[]): Int32Array {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const component = new Int32Array(count).fill(-1);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  let next = 0;
  let componentCount = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      const succ = successors(v);
      if (i < succ.length) {
        frame[1]++;
        const w = succ[i]!;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = componentCount;
        } while (w !== v);
        componentCount++;
      }
    }
  }
  return component;
}

/**
 * Checks that `source` (with `flags`) runs in time linear in the length of the line it is tested
 * against. Returns null when it does, or a one-line reason when it does not or cannot be told.
 */
export function checkRegexSafety(source: string, flags = ''): string | null {
  try {
    new RegExp(source, flags);
  } catch (error) {
    return `invalid regular expression: ${String((error as Error).message).split('\n')[0]}`;
  }
  try {
    return analyse(source, flags);
  } catch (error) {
    if (error instanceof TooComplex) return `too complex to prove linear-time (${error.message}); simplify it`;
    return `cannot be checked for linear time (${(error as Error).message}); simplify it`;
  }
}

function analyse(source: string, flags: string): string | null {
  const tree = parseRegex(source, flags);
  const builder = new AutomatonBuilder(flags.includes('i'));
  const top = builder.build(tree);
  const structural = structuralReason(builder);
  if (structural) return structural;
  // The start state: an unanchored search is an implicit `[^]*?` in front of the pattern.
  const anchored = flags.includes('y') || startsAnchored(tree);
  if (!anchored) {
    builder.sets[0] = ANY;
    builder.link([0], [0]);
  }
  builder.link([0], top.first);
  return new BacktrackingCheck(source, builder, top.last, anchored).reason();
}

/** What is rejected before any automaton is explored: backreferences, unbounded lookarounds. */
function structuralReason(builder: AutomatonBuilder): string | null {
  if (builder.backreference >= 0) return 'backreferences (\\1, \\k<name>) can take exponential time; match without them';
  if (builder.lookarounds.some(hasUnboundedRepeat)) {
    return 'a lookaround with an unbounded quantifier runs at every offset of the line (quadratic); bound it ({0,N}) or drop it';
  }
  return null;
}

/**
 * The pair-automaton tests of one pattern's position automaton (steps 2 and 3 of the header). All
 * explorations share one budget of work, so a pattern too large to decide is rejected, not hung on.
 */
class BacktrackingCheck {
  private readonly n: number;
  private readonly sets: CharSet[];
  private readonly successors: number[][];
  private readonly nfaComponent: Int32Array;
  private readonly cyclic: Uint8Array;
  private readonly lastSet: Set<number>;
  /** Per pair of states: 0 not yet known, 1 their sets are disjoint, 2 they overlap. */
  private readonly overlap: Int8Array;
  private readonly pairEdges = new Map<number, number[]>();
  /** Pair states reachable from the cyclic diagonal, in a dense numbering, with their edges and components. */
  private readonly dense = new Map<number, number>();
  private readonly pairs: number[] = [];
  private denseSuccessors: number[][] = [];
  private pairComponent: ReturnType<typeof components> = new Int32Array(0);
  private work = 0;

  constructor(
    private readonly source: string,
    private readonly builder: AutomatonBuilder,
    last: readonly number[],
    private readonly anchored: boolean,
  ) {
    this.sets = builder.sets;
    this.n = this.sets.length;
    this.successors = builder.follow.map((m) => [...m.keys()]);
    this.nfaComponent = components(this.n, (v) => this.successors[v]!);
    this.cyclic = new Uint8Array(this.n);
    for (let p = 0; p < this.n; p++) {
      for (const r of this.successors[p]!) if (this.nfaComponent[r] === this.nfaComponent[p]) this.cyclic[p] = this.cyclic[r] = 1;
    }
    this.lastSet = new Set(last);
    this.overlap = new Int8Array(this.n * this.n);
  }

  reason(): string | null {
    const nested = this.nestedQuantifierReason();
    if (nested) return nested;
    this.explorePairs();
    return this.exponentialReason() ?? this.polynomialReason();
  }

  private quote(state: number): string {
    const [start, end] = this.builder.spans[state]!;
    return start === end ? 'the start of the search' : `\`${this.source.slice(start, end)}\``;
  }

  private spend(): void {
    if (++this.work > MAX_WORK) throw new TooComplex('too many ways to match');
  }

  /** A state where the match can only succeed: the search stops there, whatever came before. */
  private endsSearch(q: number): boolean {
    return q !== 0 && this.lastSet.has(q) && this.builder.gates.every((offset) => offset < this.builder.spans[q]![0]);
  }

  private overlaps(a: number, b: number): boolean {
    const k = a * this.n + b;
    if (this.overlap[k] === 0) this.overlap[k] = intersects(this.sets[a]!, this.sets[b]!) ? 2 : 1;
    return this.overlap[k] === 2;
  }

  private pairSuccessors(pair: number): number[] {
    let out = this.pairEdges.get(pair);
    if (out) return out;
    out = [];
    const a = Math.floor(pair / this.n);
    const b = pair % this.n;
    for (const r1 of this.successors[a]!) {
      for (const r2 of this.successors[b]!) {
        this.spend();
        if (this.overlaps(r1, r2)) out.push(r1 * this.n + r2);
      }
    }
    this.pairEdges.set(pair, out);
    return out;
  }

  /** Two edges p → r (a position reachable twice over, like `(a*)*`) on a cycle: exponential. */
  private nestedQuantifierReason(): string | null {
    for (let p = 0; p < this.n; p++) {
      for (const [r, ways] of this.builder.follow[p]!) {
        if (ways > 1 && this.nfaComponent[r] === this.nfaComponent[p]) {
          return `exponential backtracking: ${this.quote(r)} is repeated by nested quantifiers; remove the inner or the outer one`;
        }
      }
    }
    return null;
  }

  /** The pair automaton, explored from every (q,q) with q on a cycle. */
  private explorePairs(): void {
    const visit = (pair: number) => {
      if (!this.dense.has(pair)) {
        this.dense.set(pair, this.pairs.length);
        this.pairs.push(pair);
      }
    };
    for (let q = 0; q < this.n; q++) if (this.cyclic[q]) visit(q * this.n + q);
    for (let i = 0; i < this.pairs.length; i++) for (const s of this.pairSuccessors(this.pairs[i]!)) visit(s);
    this.denseSuccessors = this.pairs.map((pair) => this.pairSuccessors(pair).map((s) => this.dense.get(s)!));
    this.pairComponent = components(this.pairs.length, (v) => this.denseSuccessors[v]!);
  }

  /** Exponential: a component holding a diagonal (q,q) and an off-diagonal (p,r). */
  private exponentialReason(): string | null {
    const { n, pairs } = this;
    const diagonalOf = new Map<number, number>();
    for (let i = 0; i < pairs.length; i++) {
      const a = Math.floor(pairs[i]! / n);
      const b = pairs[i]! % n;
      if (a === b && !this.endsSearch(a)) diagonalOf.set(this.pairComponent[i]!, a);
    }
    for (let i = 0; i < pairs.length; i++) {
      const a = Math.floor(pairs[i]! / n);
      const b = pairs[i]! % n;
      const q = diagonalOf.get(this.pairComponent[i]!);
      if (a !== b && q !== undefined && this.denseSuccessors[i]!.length > 0) {
        return `exponential backtracking: the text repeated around ${this.quote(q)} can be matched in more than one way (nested or overlapping quantifiers); make the alternatives or the repeated parts unable to match the same text`;
      }
    }
    return null;
  }

  /** The pair states reachable from `from` along `edges`. */
  private reach(from: number, edges: number[][]): Uint8Array {
    const seen = new Uint8Array(this.pairs.length);
    const queue = [from];
    seen[from] = 1;
    while (queue.length > 0) {
      const v = queue.pop()!;
      for (const w of edges[v]!) {
        this.spend();
        if (!seen[w]) {
          seen[w] = 1;
          queue.push(w);
        }
      }
    }
    return seen;
  }

  /** Polynomial: (p,p) →* (p,q) and (p,q) →* (q,q) for loop states p ≠ q; or an unanchored restart. */
  private polynomialReason(): string | null {
    const { n, dense } = this;
    const predecessors: number[][] = this.pairs.map(() => []);
    this.denseSuccessors.forEach((succ, i) => succ.forEach((j) => predecessors[j]!.push(i)));
    const loops = [...Array(n).keys()].filter((q) => this.cyclic[q] && !this.endsSearch(q));
    if (!this.anchored) {
      const reason = this.restartReason(loops.filter((q) => q !== 0));
      if (reason) return reason;
    }
    const forward = new Map<number, Uint8Array>();
    for (const q of loops) {
      if (q === 0) continue;
      const intoQ = this.reach(dense.get(q * n + q)!, predecessors);
      for (const p of loops) {
        if (p === q || p === 0) continue;
        const pq = dense.get(p * n + q);
        if (pq === undefined || !intoQ[pq]) continue;
        let fromP = forward.get(p);
        if (!fromP) forward.set(p, (fromP = this.reach(dense.get(p * n + p)!, this.denseSuccessors)));
        if (fromP[pq]) {
          return `quadratic backtracking: ${this.quote(p)} and ${this.quote(q)} can repeat the same text one after the other; bound one of them ({0,200}) or put a literal neither can match between them`;
        }
      }
    }
    return null;
  }

  /**
   * Restarts: the search tries every offset, and an attempt that reached a state where the match
   * is sure to succeed has ended the search, so those states are dead ends here. Quadratic when
   * an attempt can walk from the start to a loop q on text that q itself repeats.
   */
  private restartReason(candidates: number[]): string | null {
    for (const q of candidates) {
      // (0,0) →* (0,q) holds whenever q is reachable: the start state reads anything.
      if (this.walk(0, q) && this.walk(q, q * this.n + q)) {
        return `quadratic backtracking: the pattern is not anchored and what comes before ${this.quote(q)} can be made of what it repeats (${describe(this.sets[q]!)}), so every offset rescans the line; bound the repeat ({0,200}), anchor the pattern with ^, or put a literal it cannot match before it`;
      }
    }
    return null;
  }

  /** Whether pair state `to` is reachable from `from` through live states only. */
  private walk(from: number, to: number): boolean {
    const { n, successors } = this;
    const live = (s: number) => !this.endsSearch(s);
    const seen = new Set<number>([from]);
    const queue = [from];
    while (queue.length > 0) {
      const pair = queue.pop()!;
      if (pair === to) return true;
      const a = Math.floor(pair / n);
      const b = pair % n;
      for (const r1 of successors[a]!) {
        if (!live(r1)) continue;
        for (const r2 of successors[b]!) {
          this.spend();
          const next = r1 * n + r2;
          if (live(r2) && !seen.has(next) && this.overlaps(r1, r2)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
    }
    return false;
  }
}

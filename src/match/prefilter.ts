// The per-line prefilter: ONE scan of the line finds every rule literal it contains, whatever the
// number of rules (Aho–Corasick automaton, compiled once into a dense transition table). Only the
// matchers whose literal was found run their regular expressions.
//
// Case: the automaton folds letters (ASCII, and the non-ASCII letters that literals use), so one
// scan serves case-sensitive and case-insensitive literals alike; a case-sensitive literal is then
// confirmed with one exact comparison.

export interface PrefilterLiteral {
  text: string;
  ignoreCase: boolean;
  /** Opaque id given back when the literal is found (e.g. the matcher it belongs to). */
  target: number;
  /**
   * Found only where a word starts (the character before is not a letter, digit or `_`), like a
   * regex's `\b` before a literal that starts with a word character.
   */
  wordStart?: boolean;
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function foldAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** The literals' trie: sparse children while it grows, the literals each state ends, its depth. */
interface Trie {
  children: Map<number, number>[];
  own: number[][];
  depths: number[];
  symbolCount: number;
}

/**
 * 1. The trie of the literals. Each character the literals use gets a symbol in `table` (folded
 * ASCII case; both cases of a non-ASCII letter share one), so the automaton's rows are as narrow
 * as the literals' alphabet.
 */
function buildTrie(literals: readonly PrefilterLiteral[], table: Uint16Array): Trie {
  let symbolCount = 1;
  const symbolOf = (code: number): number => {
    const folded = foldAscii(code);
    if (folded < 128) {
      if (table[folded] === 0) table[folded] = symbolCount++;
      return table[folded]!;
    }
    let s = table[folded]!;
    if (s === 0) {
      s = symbolCount++;
      // Both cases of a non-ASCII letter share the symbol (only letters that literals use).
      const ch = String.fromCharCode(folded);
      for (const variant of [ch, ch.toLowerCase(), ch.toUpperCase()]) {
        if (variant.length === 1 && variant.charCodeAt(0) >= 128) table[variant.charCodeAt(0)] = s;
      }
    }
    return s;
  };
  const children: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  const depths: number[] = [0];
  literals.forEach((lit, index) => {
    let state = 0;
    for (let i = 0; i < lit.text.length; i++) {
      const sym = symbolOf(lit.text.charCodeAt(i));
      let next = children[state]!.get(sym);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        own.push([]);
        depths.push(i + 1);
        children[state]!.set(sym, next);
      }
      state = next;
    }
    own[state]!.push(index);
  });
  return { children, own, depths, symbolCount };
}

/**
 * 2. Breadth-first over the trie: failure links folded into a complete transition table, and the
 * literals each state recognises (its own and its failure state's), flattened.
 */
function buildAutomaton({ children, own, symbolCount }: Trie): { delta: Int32Array; outStart: Int32Array; outList: Int32Array } {
  const states = children.length;
  // Entries are written in their final form (row offset, negative when the state recognises
  // literals), so the table is never walked a second time: this runs once per process, cold.
  const delta = new Int32Array(states * symbolCount);
  const fail = new Int32Array(states);
  /** Whether entering a state recognises literals: its own, or its failure state's. */
  const recognises = new Uint8Array(states);
  const entry = (next: number): number => (recognises[next] === 1 ? -(next * symbolCount) - 1 : next * symbolCount);
  const outputs: number[][] = own.map((o) => [...o]);
  const queue: number[] = [];
  for (const [sym, next] of children[0]!) {
    recognises[next] = own[next]!.length > 0 ? 1 : 0;
    delta[sym] = entry(next);
    queue.push(next);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const f = fail[state]!;
    if (outputs[f]!.length > 0) outputs[state]!.push(...outputs[f]!);
    // The failure state is shallower, so its row is complete: start from it, then the children
    // (whose failure states are shallower still, so whether those recognise is known).
    delta.copyWithin(state * symbolCount, f * symbolCount, (f + 1) * symbolCount);
    for (const [sym, next] of children[state]!) {
      const v = delta[f * symbolCount + sym]!;
      const failNext = (v >= 0 ? v : -v - 1) / symbolCount;
      fail[next] = failNext;
      recognises[next] = own[next]!.length > 0 || recognises[failNext] === 1 ? 1 : 0;
      delta[state * symbolCount + sym] = entry(next);
      queue.push(next);
    }
  }
  const outStart = new Int32Array(states + 1);
  let total = 0;
  for (let s = 0; s < states; s++) {
    outStart[s] = total;
    total += outputs[s]!.length;
  }
  outStart[states] = total;
  const outList = new Int32Array(total);
  outputs.forEach((o, s) => outList.set(o, outStart[s]!));
  return { delta, outStart, outList };
}

export class Prefilter {
  /**
   * The symbol of every UTF-16 code unit, both cases (0 = no literal uses this character): one
   * table read per character, ASCII or not.
   */
  private readonly symbolOf = new Uint16Array(65536);
  private readonly symbols: number;
  /**
   * The complete DFA (failure links folded in), one row of `symbols` entries per state. An entry is
   * the next state's row offset, or `-(offset) - 1` when entering that state recognises literals:
   * the hot loop is one table read and one sign test per character.
   */
  private readonly delta: Int32Array;
  /** Per state, the length of the literal prefix it stands for. */
  private readonly depth: Int32Array;
  /** Literal indexes recognised on entering each state (own and via failure links), flattened. */
  private readonly outStart: Int32Array;
  private readonly outList: Int32Array;
  private readonly literals: PrefilterLiteral[];
  /** Per target, the line generation that last reported it (dedupes targets within one line). */
  private readonly seen: Uint32Array;
  private generation = 0;
  private endRow = 0;
  /**
   * The last scan's targets, where their literal ends, and which literal it was: the first `count`
   * entries. The arrays are overwritten, never shortened, so a line allocates nothing.
   */
  private readonly found: number[] = [];
  private readonly ends: number[] = [];
  private readonly foundLiterals: number[] = [];
  private count = 0;

  constructor(literals: PrefilterLiteral[]) {
    this.literals = literals;
    const trie = buildTrie(literals, this.symbolOf);
    this.symbols = trie.symbolCount;
    const automaton = buildAutomaton(trie);
    // Upper-case ASCII reads the symbol of its lower case: the scan folds case at no cost.
    for (let c = 65; c <= 90; c++) this.symbolOf[c] = this.symbolOf[c + 32]!;
    this.delta = automaton.delta;
    this.depth = Int32Array.from(trie.depths);
    this.outStart = automaton.outStart;
    this.outList = automaton.outList;
    let maxTarget = 0;
    for (const lit of literals) maxTarget = Math.max(maxTarget, lit.target);
    this.seen = new Uint32Array(maxTarget + 1);
  }

  /**
   * Finds the targets whose literal occurs in `line`, each once, in order of first occurrence;
   * returns how many (read them with `targetAt`).
   */
  find(line: string): number {
    this.start();
    if (this.literals.length > 0) this.endRow = this.run(line, line.length, 0);
    return this.count;
  }

  /** The targets `find` found, as a new array. */
  scan(line: string): number[] {
    return this.found.slice(0, this.find(line));
  }

  /** The i-th target of the last `find` or `findCut`. */
  targetAt(i: number): number {
    return this.found[i]!;
  }

  /**
   * The automaton's state after the last `scan`: the longest end of that line that begins a
   * literal. Given back to `scanCut`, it finds literals that a line break cut in two.
   */
  get endState(): number {
    return this.endRow;
  }

  /**
   * The targets whose literal began on the line `fromState` was taken after and ends within the
   * first `limit` characters of `next`: literals cut by the line break. No string is built. A
   * case-sensitive literal is reported unconfirmed (its start is not in `next`): the caller checks
   * the joined text. `endOf` is relative to `next`.
   */
  findCut(fromState: number, next: string, limit: number): number {
    this.start();
    if (this.literals.length > 0 && fromState !== 0) this.runCut(next, Math.min(limit, next.length), fromState);
    return this.count;
  }

  /** The targets `findCut` found, as a new array. */
  scanCut(fromState: number, next: string, limit: number): number[] {
    return this.found.slice(0, this.findCut(fromState, next, limit));
  }

  private start(): void {
    this.count = 0;
    this.generation = (this.generation + 1) >>> 0 || 1;
  }

  private record(target: number, end: number, literal: number): void {
    const n = this.count++;
    this.found[n] = target;
    this.ends[n] = end;
    this.foundLiterals[n] = literal;
  }

  /** The hot loop: `limit` characters of `line` from automaton row `row`; returns the row at the end. */
  private run(line: string, limit: number, row: number): number {
    const { delta, symbolOf } = this;
    for (let i = 0; i < limit; i++) {
      const v = delta[row + symbolOf[line.charCodeAt(i)]!]!;
      if (v >= 0) {
        row = v;
        continue;
      }
      row = -v - 1;
      const state = row / this.symbols;
      const end = this.outStart[state + 1]!;
      for (let o = this.outStart[state]!; o < end; o++) this.report(line, i, this.outList[o]!);
    }
    return row;
  }

  /**
   * Across a line break: the first `limit` characters of `next` from automaton row `row`, reporting
   * (unconfirmed) only literals that started before `next`.
   */
  private runCut(next: string, limit: number, row: number): void {
    const { delta, symbolOf, symbols } = this;
    for (let i = 0; i < limit; i++) {
      const v = delta[row + symbolOf[next.charCodeAt(i)]!]!;
      row = v >= 0 ? v : -v - 1;
      if (v < 0) {
        const state = row / symbols;
        const end = this.outStart[state + 1]!;
        for (let o = this.outStart[state]!; o < end; o++) {
          const literal = this.outList[o]!;
          if (i + 1 - this.literals[literal]!.text.length < 0) this.reportCut(i, literal);
        }
      }
      // Once the prefix in hand lies wholly after the break, nothing cut is left.
      if (this.depth[row / symbols]! <= i + 1) break;
    }
  }

  /** For the i-th target of the last scan, the index just past the first occurrence of its literal. */
  endOf(i: number): number {
    return i < this.count ? this.ends[i]! : 0;
  }

  private reportCut(endIndex: number, literalIndex: number): void {
    const lit = this.literals[literalIndex]!;
    if (this.seen[lit.target] === this.generation) return;
    this.seen[lit.target] = this.generation;
    this.record(lit.target, endIndex + 1, literalIndex);
  }

  /**
   * For the i-th target of the last `scanCut`: whether its literal is really in `joined` (the two
   * lines put back together, the break at `breakAt`), with its case where the literal has one.
   */
  cutConfirmed(i: number, joined: string, breakAt: number): boolean {
    const lit = this.literals[this.foundLiterals[i]!]!;
    const start = breakAt + this.ends[i]! - lit.text.length;
    if (lit.wordStart === true && start > 0 && isWordChar(joined.charCodeAt(start - 1))) return false;
    return lit.ignoreCase || joined.startsWith(lit.text, start);
  }

  private report(line: string, endIndex: number, literalIndex: number): void {
    const lit = this.literals[literalIndex]!;
    if (this.seen[lit.target] === this.generation) return;
    const start = endIndex - lit.text.length + 1;
    if (!lit.ignoreCase && !line.startsWith(lit.text, start)) return;
    if (lit.wordStart === true && start > 0 && isWordChar(line.charCodeAt(start - 1))) return;
    this.seen[lit.target] = this.generation;
    this.record(lit.target, endIndex + 1, literalIndex);
  }

  /** For the i-th target of the last scan, the literal found for it (an index into the constructor's list). */
  literalOf(i: number): number {
    return i < this.count ? this.foundLiterals[i]! : 0;
  }

  /** The length of the text an automaton state stands for (0 for the start state). */
  depthOf(state: number): number {
    return this.depth[state / this.symbols]!;
  }
}

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
}

function foldAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

export class Prefilter {
  /** Symbol of each ASCII code, both cases (0 = no literal uses this character). */
  private readonly asciiSymbol = new Int32Array(128);
  private readonly otherSymbol = new Map<number, number>();
  private readonly symbols: number;
  /**
   * The complete DFA (failure links folded in), one row of `symbols` entries per state. An entry is
   * the next state's row offset, or `-(offset) - 1` when entering that state recognises literals:
   * the hot loop is one table read and one sign test per character.
   */
  private readonly delta: Int32Array;
  /** Literal indexes recognised on entering each state (own and via failure links), flattened. */
  private readonly outStart: Int32Array;
  private readonly outList: Int32Array;
  private readonly literals: PrefilterLiteral[];
  /** Per target, the line generation that last reported it (dedupes targets within one line). */
  private readonly seen: Uint32Array;
  private generation = 0;
  private readonly found: number[] = [];
  private readonly ends: number[] = [];
  private readonly lengths: number[] = [];
  /** Length of the longest literal: how far a literal can reach across a line break. */
  readonly longest: number;

  constructor(literals: PrefilterLiteral[]) {
    this.literals = literals;
    this.longest = literals.reduce((n, lit) => Math.max(n, lit.text.length), 0);
    let symbolCount = 1;
    const symbolOf = (code: number): number => {
      const folded = foldAscii(code);
      if (folded < 128) {
        if (this.asciiSymbol[folded] === 0) this.asciiSymbol[folded] = symbolCount++;
        return this.asciiSymbol[folded]!;
      }
      let s = this.otherSymbol.get(folded);
      if (s === undefined) {
        s = symbolCount++;
        // Both cases of a non-ASCII letter share the symbol (only letters that literals use).
        const ch = String.fromCharCode(folded);
        for (const variant of [ch, ch.toLowerCase(), ch.toUpperCase()]) {
          if (variant.length === 1 && variant.charCodeAt(0) >= 128) this.otherSymbol.set(variant.charCodeAt(0), s);
        }
      }
      return s;
    };

    // 1. The trie, with sparse children while it grows.
    const children: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    literals.forEach((lit, index) => {
      let state = 0;
      for (let i = 0; i < lit.text.length; i++) {
        const sym = symbolOf(lit.text.charCodeAt(i));
        let next = children[state]!.get(sym);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          own.push([]);
          children[state]!.set(sym, next);
        }
        state = next;
      }
      own[state]!.push(index);
    });
    this.symbols = symbolCount;

    // 2. Breadth-first: failure links folded into a complete transition table.
    const states = children.length;
    const delta = new Int32Array(states * symbolCount);
    const fail = new Int32Array(states);
    const outputs: number[][] = own.map((o) => [...o]);
    const queue: number[] = [];
    for (const [sym, next] of children[0]!) {
      delta[sym] = next;
      queue.push(next);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const f = fail[state]!;
      if (outputs[f]!.length > 0) outputs[state]!.push(...outputs[f]!);
      for (let sym = 0; sym < symbolCount; sym++) {
        const next = children[state]!.get(sym);
        if (next === undefined) {
          delta[state * symbolCount + sym] = delta[f * symbolCount + sym]!;
        } else {
          delta[state * symbolCount + sym] = next;
          fail[next] = delta[f * symbolCount + sym]!;
          queue.push(next);
        }
      }
    }
    for (let i = 0; i < delta.length; i++) {
      const next = delta[i]!;
      delta[i] = outputs[next]!.length > 0 ? -(next * symbolCount) - 1 : next * symbolCount;
    }
    for (let c = 65; c <= 90; c++) this.asciiSymbol[c] = this.asciiSymbol[c + 32]!;
    this.delta = delta;
    this.outStart = new Int32Array(states + 1);
    let total = 0;
    for (let s = 0; s < states; s++) {
      this.outStart[s] = total;
      total += outputs[s]!.length;
    }
    this.outStart[states] = total;
    this.outList = new Int32Array(total);
    outputs.forEach((o, s) => this.outList.set(o, this.outStart[s]!));

    let maxTarget = 0;
    for (const lit of literals) maxTarget = Math.max(maxTarget, lit.target);
    this.seen = new Uint32Array(maxTarget + 1);
  }

  /**
   * The targets whose literal occurs in `line`, each once, in order of first occurrence.
   * The returned array is reused by the next call.
   */
  scan(line: string): readonly number[] {
    const found = this.found;
    found.length = 0;
    this.ends.length = 0;
    this.lengths.length = 0;
    if (this.literals.length === 0) return found;
    this.generation = (this.generation + 1) >>> 0 || 1;
    const { delta, asciiSymbol, otherSymbol, symbols } = this;
    let row = 0;
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      const v = delta[row + (code < 128 ? asciiSymbol[code]! : (otherSymbol.get(code) ?? 0))]!;
      if (v >= 0) {
        row = v;
        continue;
      }
      row = -v - 1;
      const state = row / symbols;
      const end = this.outStart[state + 1]!;
      for (let o = this.outStart[state]!; o < end; o++) this.report(line, i, this.outList[o]!);
    }
    return found;
  }

  /** For the i-th target of the last scan, the index just past the first occurrence of its literal. */
  endOf(i: number): number {
    return this.ends[i] ?? 0;
  }

  /** For the i-th target of the last scan, the length of the literal found. */
  lengthOf(i: number): number {
    return this.lengths[i] ?? 0;
  }

  private report(line: string, endIndex: number, literalIndex: number): void {
    const lit = this.literals[literalIndex]!;
    if (this.seen[lit.target] === this.generation) return;
    if (!lit.ignoreCase && !line.startsWith(lit.text, endIndex - lit.text.length + 1)) return;
    this.seen[lit.target] = this.generation;
    this.found.push(lit.target);
    this.ends.push(endIndex + 1);
    this.lengths.push(lit.text.length);
  }
}

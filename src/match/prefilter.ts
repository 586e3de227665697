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

/** The literals' trie, in typed arrays (a process builds it once, cold: no object per state). */
interface Trie {
  /** Per state (0 is the root): its parent, the symbol that leads to it from there, its depth. */
  parent: Int32Array;
  symbol: Int32Array;
  depths: Int32Array;
  /** Per state, its first own literal (-1 for none); `nextOwn` chains the rest. */
  firstOwn: Int32Array;
  nextOwn: Int32Array;
  states: number;
  symbolCount: number;
}

/**
 * 1. Each character the literals use gets a symbol in `table` (folded ASCII case; both cases of a
 * non-ASCII letter share one), so the automaton's rows are as narrow as the literals' alphabet.
 * Returns the number of symbols (0 stands for every other character).
 */
function assignSymbols(literals: readonly PrefilterLiteral[], table: Uint16Array): number {
  let symbolCount = 1;
  for (const lit of literals) {
    for (let i = 0; i < lit.text.length; i++) {
      const folded = foldAscii(lit.text.charCodeAt(i));
      if (table[folded] !== 0) continue;
      const s = symbolCount++;
      if (folded < 128) {
        table[folded] = s;
        continue;
      }
      // Both cases of a non-ASCII letter share the symbol (only letters that literals use).
      const ch = String.fromCharCode(folded);
      for (const variant of [ch, ch.toLowerCase(), ch.toUpperCase()]) {
        if (variant.length === 1 && variant.charCodeAt(0) >= 128) table[variant.charCodeAt(0)] = s;
      }
    }
  }
  return symbolCount;
}

/** 2. The trie of the literals over those symbols. */
function buildTrie(literals: readonly PrefilterLiteral[], table: Uint16Array): Trie {
  const symbolCount = assignSymbols(literals, table);
  let bound = 1;
  for (const lit of literals) bound += lit.text.length;
  /** Row per state, one entry per symbol: the child, 0 for none (the root is nobody's child). */
  const children = new Int32Array(bound * symbolCount);
  const parent = new Int32Array(bound);
  const symbol = new Int32Array(bound);
  const depths = new Int32Array(bound);
  const firstOwn = new Int32Array(bound).fill(-1);
  const nextOwn = new Int32Array(literals.length).fill(-1);
  /** The state each literal ends in. */
  const endOf = new Int32Array(literals.length);
  let states = 1;
  for (let index = 0; index < literals.length; index++) {
    const text = literals[index]!.text;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const sym = table[foldAscii(text.charCodeAt(i))]!;
      const at = state * symbolCount + sym;
      if (children[at] === 0) {
        parent[states] = state;
        symbol[states] = sym;
        depths[states] = i + 1;
        children[at] = states++;
      }
      state = children[at]!;
    }
    endOf[index] = state;
  }
  // Chained from the last literal back, so that each state lists its own in the catalog's order.
  for (let index = literals.length - 1; index >= 0; index--) {
    nextOwn[index] = firstOwn[endOf[index]!]!;
    firstOwn[endOf[index]!] = index;
  }
  return { parent, symbol, depths: depths.slice(0, states), firstOwn, nextOwn, states, symbolCount };
}

/** The states other than the root, shallowest first (a counting sort on depth). */
function byDepth(depths: Int32Array, states: number): { order: Int32Array; levelStart: Int32Array } {
  let deepest = 0;
  for (let s = 0; s < states; s++) deepest = Math.max(deepest, depths[s]!);
  const levelStart = new Int32Array(deepest + 2);
  for (let s = 1; s < states; s++) levelStart[depths[s]! + 1]!++;
  for (let d = 1; d <= deepest + 1; d++) levelStart[d]! += levelStart[d - 1]!;
  const order = new Int32Array(states - 1);
  const at = levelStart.slice();
  for (let s = 1; s < states; s++) order[at[depths[s]!]!++] = s;
  return { order, levelStart };
}

/**
 * 3. Level by level, shallowest first: failure links folded into a complete transition table, and
 * the literals each state recognises (its own and its failure state's), flattened. A failure state
 * is always shallower, so each level reads only rows the levels before it completed: first every
 * state's failure link, then its entry in its parent's row, then its own row as a copy of its
 * failure state's (whose children, one level deeper at most, are entered by then); its own
 * children enter their entries at the next level. No loop runs over a row: the build runs once
 * per process, in cold code, so it does a few steps per state and lets copyWithin copy the rows.
 */
function buildAutomaton({ parent, symbol, depths, firstOwn, nextOwn, states, symbolCount }: Trie): {
  delta: Int32Array;
  outStart: Int32Array;
  outList: Int32Array;
} {
  // Entries are written in their final form: the next state's row offset, negative when entering
  // it recognises literals.
  const delta = new Int32Array(states * symbolCount);
  const fail = new Int32Array(states);
  /** How many literals entering each state recognises: its own and its failure state's. */
  const outCount = new Int32Array(states);
  for (let s = 0; s < states; s++) for (let o = firstOwn[s]!; o >= 0; o = nextOwn[o]!) outCount[s]!++;
  const { order, levelStart } = byDepth(depths, states);
  for (let level = 1; level < levelStart.length - 1; level++) {
    const first = levelStart[level]!;
    const end = levelStart[level + 1]!;
    for (let i = first; i < end; i++) {
      const s = order[i]!;
      const p = parent[s]!;
      if (p !== 0) {
        const v = delta[fail[p]! * symbolCount + symbol[s]!]!;
        fail[s] = (v >= 0 ? v : -v - 1) / symbolCount;
      }
      outCount[s]! += outCount[fail[s]!]!;
    }
    for (let i = first; i < end; i++) {
      const s = order[i]!;
      delta[parent[s]! * symbolCount + symbol[s]!] = outCount[s]! > 0 ? -(s * symbolCount) - 1 : s * symbolCount;
    }
    for (let i = first; i < end; i++) {
      const s = order[i]!;
      const failRow = fail[s]! * symbolCount;
      delta.copyWithin(s * symbolCount, failRow, failRow + symbolCount);
    }
  }
  // Flattened, shallowest first: a state's own literals, then its failure state's (complete by then).
  const outStart = new Int32Array(states + 1);
  for (let s = 0; s < states; s++) outStart[s + 1] = outStart[s]! + outCount[s]!;
  const outList = new Int32Array(outStart[states]!);
  for (let i = 0; i < order.length; i++) {
    const s = order[i]!;
    let at = outStart[s]!;
    for (let o = firstOwn[s]!; o >= 0; o = nextOwn[o]!) outList[at++] = o;
    const f = fail[s]!;
    outList.copyWithin(at, outStart[f]!, outStart[f + 1]!);
  }
  return { delta, outStart, outList };
}

/**
 * What a scan needs of the automaton, apart from the literals: its symbol table and its flat
 * arrays. Built from the literals in a few tens of milliseconds at each start, so a caller that
 * runs again and again (the CLI) may keep them between runs through a `PrefilterTableStore`.
 */
export interface PrefilterTables {
  /** The symbol of every UTF-16 code unit, both cases folded (0 = no literal uses it). */
  symbolOf: Uint16Array;
  symbols: number;
  delta: Int32Array;
  depth: Int32Array;
  outStart: Int32Array;
  outList: Int32Array;
}

/**
 * Keeps built tables between runs. `key` stands for the literals exactly (their text, case, word
 * start and target, in order); a store gives back only tables saved under the same key, and
 * whatever it fails to do, the scan builds its own.
 */
export interface PrefilterTableStore {
  load(key: string): PrefilterTables | undefined;
  save(key: string, tables: PrefilterTables): void;
}

let tableStore: PrefilterTableStore | null = null;

/** Where prefilters built from now on look for, and leave, their tables (null: nowhere). */
export function usePrefilterTableStore(store: PrefilterTableStore | null): void {
  tableStore = store;
}

/** The literals, exactly, as one string: a stored table's key. */
export function literalsKey(literals: readonly PrefilterLiteral[]): string {
  return JSON.stringify(literals.map((lit) => [lit.text, lit.ignoreCase, lit.wordStart === true, lit.target]));
}

/** Builds the tables of `literals` (steps 1 to 3). */
export function buildPrefilterTables(literals: readonly PrefilterLiteral[]): PrefilterTables {
  const symbolOf = new Uint16Array(65536);
  const trie = buildTrie(literals, symbolOf);
  const automaton = buildAutomaton(trie);
  // Upper-case ASCII reads the symbol of its lower case: the scan folds case at no cost.
  for (let c = 65; c <= 90; c++) symbolOf[c] = symbolOf[c + 32]!;
  return { symbolOf, symbols: trie.symbolCount, delta: automaton.delta, depth: trie.depths, outStart: automaton.outStart, outList: automaton.outList };
}

/** The tables of `literals`: from the store when it has them, else built (and left in the store). */
function tablesFor(literals: readonly PrefilterLiteral[]): PrefilterTables {
  const store = tableStore;
  if (store === null || literals.length === 0) return buildPrefilterTables(literals);
  const key = literalsKey(literals);
  const stored = store.load(key);
  if (stored !== undefined) return stored;
  const built = buildPrefilterTables(literals);
  store.save(key, built);
  return built;
}

export class Prefilter {
  /**
   * The symbol of every UTF-16 code unit, both cases (0 = no literal uses this character): one
   * table read per character, ASCII or not.
   */
  private readonly symbolOf: Uint16Array;
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
  /** Per literal: its target, and its length (read in the hot path without touching the literal). */
  private readonly targetOf: Int32Array;
  private readonly lengthOf: Int32Array;
  /**
   * Per literal: the first literal of the same text, case and word start. Several stages and rules
   * register the same literal (`Collecting `, `Successfully installed `), and all of them are
   * found at once: the text is checked once for all (see `confirmed`).
   */
  private readonly sameAs: Int32Array;
  /** Per literal: whether a hit must be checked (case-sensitive, or found only at a word start). */
  private readonly checked: Uint8Array;
  /** The last check made: of which literal (its `sameAs`), ending where, and its answer. */
  private lastChecked = -1;
  private lastCheckedEnd = -1;
  private lastCheckedAnswer = false;
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
    const tables = tablesFor(literals);
    this.symbolOf = tables.symbolOf;
    this.symbols = tables.symbols;
    this.delta = tables.delta;
    this.depth = tables.depth;
    this.outStart = tables.outStart;
    this.outList = tables.outList;
    let maxTarget = 0;
    for (const lit of literals) maxTarget = Math.max(maxTarget, lit.target);
    this.seen = new Uint32Array(maxTarget + 1);
    this.targetOf = new Int32Array(literals.length);
    this.lengthOf = new Int32Array(literals.length);
    this.sameAs = new Int32Array(literals.length);
    this.checked = new Uint8Array(literals.length);
    const first = new Map<string, number>();
    literals.forEach((lit, index) => {
      this.targetOf[index] = lit.target;
      this.lengthOf[index] = lit.text.length;
      this.checked[index] = !lit.ignoreCase || lit.wordStart === true ? 1 : 0;
      const key = `${lit.ignoreCase ? 'i' : 'c'}${lit.wordStart === true ? 'w' : '-'}${lit.text}`;
      const known = first.get(key);
      if (known === undefined) first.set(key, index);
      this.sameAs[index] = known ?? index;
    });
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
    this.lastChecked = -1;
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
          if (i + 1 - this.lengthOf[literal]! < 0) this.reportCut(i, literal);
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
    const target = this.targetOf[literalIndex]!;
    if (this.seen[target] === this.generation) return;
    this.seen[target] = this.generation;
    this.record(target, endIndex + 1, literalIndex);
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
    const target = this.targetOf[literalIndex]!;
    if (this.seen[target] === this.generation) return;
    if (this.checked[literalIndex] === 1 && !this.confirmed(line, endIndex, literalIndex)) return;
    this.seen[target] = this.generation;
    this.record(target, endIndex + 1, literalIndex);
  }

  /**
   * Whether the literal that the automaton saw end at `endIndex` is there with its case and, when
   * it needs one, at a word start. The same literal of other targets is found at the same place
   * next: the answer is kept for them.
   */
  private confirmed(line: string, endIndex: number, literalIndex: number): boolean {
    const same = this.sameAs[literalIndex]!;
    if (same === this.lastChecked && endIndex === this.lastCheckedEnd) return this.lastCheckedAnswer;
    const lit = this.literals[same]!;
    const start = endIndex - lit.text.length + 1;
    const answer = (lit.ignoreCase || line.startsWith(lit.text, start)) && !(lit.wordStart === true && start > 0 && isWordChar(line.charCodeAt(start - 1)));
    this.lastChecked = same;
    this.lastCheckedEnd = endIndex;
    this.lastCheckedAnswer = answer;
    return answer;
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

// One automaton pass per line for every stage that looks for literals. The redactor's secret
// pre-check, the build facts and the rules each register their literals as a group of one shared
// prefilter; the line is scanned once, and each group reads the hits it registered. A stage that
// reads only the end of the line (the grammar takes BuildKit's `#12 3.456 ` frame off a step's
// output) gets the hits that lie in that end, without a second scan, whenever they are exactly
// what a scan of the end alone would find; otherwise that text is scanned on its own.
import { Prefilter, type PrefilterLiteral } from './prefilter.js';

/**
 * What a stage needs from a literal scanner: one group of a shared scan. Results are counts, read
 * from arrays that are overwritten by the next call and never shortened, so a line allocates nothing.
 */
export interface LiteralScanner {
  /** Finds the targets whose literal occurs in `text`, each once, in order of first occurrence; returns how many. */
  find(text: string): number;
  /** The last `find`'s targets: its first entries (as many as it returned). */
  readonly targets: readonly number[];
  /** For the i-th target of the last `find`, the index just past the first occurrence of its literal. */
  endOf(i: number): number;
  /** The automaton's state at the end of the last text scanned (see Prefilter.endState). */
  readonly endState: number;
  /** Finds the targets whose literal a line break cut in two (see Prefilter.findCut); returns how many. */
  findCut(fromState: number, next: string, limit: number): number;
  /** The last `findCut`'s targets: its first entries. */
  readonly cutTargets: readonly number[];
  /** For the i-th target of the last `findCut`, whether its literal is really in `joined`. */
  cutConfirmed(i: number, joined: string, breakAt: number): boolean;
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

export class SharedScan {
  private readonly literals: PrefilterLiteral[] = [];
  private targetCount = 0;
  private hasWordStart = false;
  private automaton: Prefilter | null = null;

  /** The last text scanned whole, and what was found in it: targets of all groups, where each literal ends and starts. */
  private scanned: string | null = null;
  readonly targets: number[] = [];
  readonly ends: number[] = [];
  private readonly starts: number[] = [];
  /** How many entries of `targets`, `ends`, `starts` are the scanned text's (they are never shortened). */
  count = 0;
  private scannedEndState = 0;

  /** The text last asked for: the scanned text, or an end of it, from `offset`. */
  private viewText: string | null = null;
  /** Where the view starts in the scanned text. */
  viewOffset = 0;
  /** Changes whenever the view does. */
  viewGeneration = 0;

  /** Adds a stage's literals (targets counted from 0 for that stage); before the first scan only. */
  group(literals: readonly PrefilterLiteral[]): LiteralScanner {
    if (this.automaton !== null) throw new Error('a shared scan takes no new literals once it has scanned');
    const first = this.targetCount;
    let count = 0;
    for (const lit of literals) {
      this.literals.push({ ...lit, target: first + lit.target });
      if (lit.wordStart === true) this.hasWordStart = true;
      count = Math.max(count, lit.target + 1);
    }
    this.targetCount += count;
    return new ScanGroup(this, first, first + count);
  }

  /** The automaton, built from every group's literals at the first scan. */
  get prefilter(): Prefilter {
    return (this.automaton ??= new Prefilter(this.literals));
  }

  /** The automaton's state at the end of the text in view. */
  get endState(): number {
    return this.scannedEndState;
  }

  /** Makes `text` the view: an end of the text scanned last when that gives the same hits, else a new scan. */
  view(text: string): void {
    if (text === this.viewText) return;
    this.viewText = text;
    this.viewGeneration++;
    const scanned = this.scanned;
    if (scanned !== null && text.length <= scanned.length) {
      const offset = scanned.length - text.length;
      if ((offset === 0 ? text === scanned : scanned.endsWith(text)) && this.sameAsAlone(offset, text.length)) {
        this.viewOffset = offset;
        return;
      }
    }
    this.scanWhole(text);
  }

  /**
   * Whether the hits of the scanned text from `offset` on are what a scan of that end alone finds:
   * no literal found (first) starts before it, a word starts at it when a literal needs one, and
   * the state at the end stands for no more text than the end holds.
   */
  private sameAsAlone(offset: number, length: number): boolean {
    if (offset === 0) return true;
    for (let i = 0; i < this.count; i++) if (this.starts[i]! < offset) return false;
    if (this.hasWordStart && isWordChar(this.scanned!.charCodeAt(offset - 1))) return false;
    return this.prefilter.depthOf(this.scannedEndState) <= length;
  }

  private scanWhole(text: string): void {
    const prefilter = this.prefilter;
    const count = prefilter.find(text);
    this.scanned = text;
    this.viewOffset = 0;
    this.scannedEndState = prefilter.endState;
    this.count = count;
    for (let i = 0; i < count; i++) {
      const end = prefilter.endOf(i);
      this.targets[i] = prefilter.targetAt(i);
      this.ends[i] = end;
      this.starts[i] = end - this.literals[prefilter.literalOf(i)]!.text.length;
    }
  }
}

/** One stage's literals in a shared scan: its own targets, as if it had the automaton to itself. */
class ScanGroup implements LiteralScanner {
  private generation = -1;
  private count = 0;
  readonly targets: number[] = [];
  private readonly ends: number[] = [];
  readonly cutTargets: number[] = [];
  /** Per target of the last `findCut`: its index among all the automaton found. */
  private readonly cut: number[] = [];

  constructor(
    private readonly shared: SharedScan,
    private readonly first: number,
    private readonly end: number,
  ) {}

  find(text: string): number {
    const shared = this.shared;
    shared.view(text);
    if (this.generation === shared.viewGeneration) return this.count;
    this.generation = shared.viewGeneration;
    const { targets, ends } = shared;
    const offset = shared.viewOffset;
    let n = 0;
    for (let i = 0; i < shared.count; i++) {
      const t = targets[i]!;
      if (t < this.first || t >= this.end) continue;
      this.targets[n] = t - this.first;
      this.ends[n] = ends[i]! - offset;
      n++;
    }
    this.count = n;
    return n;
  }

  endOf(i: number): number {
    return i < this.count ? this.ends[i]! : 0;
  }

  get endState(): number {
    return this.shared.endState;
  }

  findCut(fromState: number, next: string, limit: number): number {
    const prefilter = this.shared.prefilter;
    const all = prefilter.findCut(fromState, next, limit);
    let n = 0;
    for (let i = 0; i < all; i++) {
      const t = prefilter.targetAt(i);
      if (t < this.first || t >= this.end) continue;
      this.cutTargets[n] = t - this.first;
      this.cut[n] = i;
      n++;
    }
    return n;
  }

  cutConfirmed(i: number, joined: string, breakAt: number): boolean {
    return this.shared.prefilter.cutConfirmed(this.cut[i]!, joined, breakAt);
  }
}

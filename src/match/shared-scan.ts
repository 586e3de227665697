// One automaton pass per line for every stage that looks for literals. The redactor's secret
// pre-check, the build facts and the rules each register their literals as a group of one shared
// prefilter; the line is scanned once, and each group reads the hits it registered. A stage that
// reads only the end of the line (the grammar takes BuildKit's `#12 3.456 ` frame off a step's
// output) gets the hits that lie in that end, without a second scan, whenever they are exactly
// what a scan of the end alone would find; otherwise that text is scanned on its own.
import { Prefilter, type PrefilterLiteral } from './prefilter.js';

/** What a stage needs from a literal scanner (a group of a shared scan, or a scan of its own). */
export interface LiteralScanner {
  /** The targets whose literal occurs in `text`, each once, in order of first occurrence (reused by the next call). */
  scan(text: string): readonly number[];
  /** For the i-th target of the last scan, the index just past the first occurrence of its literal. */
  endOf(i: number): number;
  /** The automaton's state at the end of the last text scanned (see Prefilter.endState). */
  readonly endState: number;
  /** Targets whose literal a line break cut in two (see Prefilter.scanCut). */
  scanCut(fromState: number, next: string, limit: number): readonly number[];
  /** For the i-th target of the last `scanCut`, whether its literal is really in `joined`. */
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
    for (let i = 0; i < this.starts.length; i++) if (this.starts[i]! < offset) return false;
    if (this.hasWordStart && isWordChar(this.scanned!.charCodeAt(offset - 1))) return false;
    return this.prefilter.depthOf(this.scannedEndState) <= length;
  }

  private scanWhole(text: string): void {
    const prefilter = this.prefilter;
    const found = prefilter.scan(text);
    this.scanned = text;
    this.viewOffset = 0;
    this.scannedEndState = prefilter.endState;
    if (this.targets.length !== 0) {
      this.targets.length = 0;
      this.starts.length = 0;
      this.ends.length = 0;
    }
    for (let i = 0; i < found.length; i++) {
      const end = prefilter.endOf(i);
      this.targets.push(found[i]!);
      this.ends.push(end);
      this.starts.push(end - this.literals[prefilter.literalOf(i)]!.text.length);
    }
  }
}

/** One stage's literals in a shared scan: its own targets, as if it had the automaton to itself. */
class ScanGroup implements LiteralScanner {
  private generation = -1;
  private readonly found: number[] = [];
  private readonly ends: number[] = [];
  /** Per target of the last `scanCut`: its index among all the automaton found. */
  private readonly cut: number[] = [];
  private readonly cutFound: number[] = [];

  constructor(
    private readonly shared: SharedScan,
    private readonly first: number,
    private readonly end: number,
  ) {}

  scan(text: string): readonly number[] {
    const shared = this.shared;
    shared.view(text);
    if (this.generation === shared.viewGeneration) return this.found;
    this.generation = shared.viewGeneration;
    if (this.found.length !== 0) {
      this.found.length = 0;
      this.ends.length = 0;
    }
    const { targets, ends } = shared;
    const offset = shared.viewOffset;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i]!;
      if (t < this.first || t >= this.end) continue;
      this.found.push(t - this.first);
      this.ends.push(ends[i]! - offset);
    }
    return this.found;
  }

  endOf(i: number): number {
    return this.ends[i] ?? 0;
  }

  get endState(): number {
    return this.shared.endState;
  }

  scanCut(fromState: number, next: string, limit: number): readonly number[] {
    const all = this.shared.prefilter.scanCut(fromState, next, limit);
    this.cut.length = 0;
    this.cutFound.length = 0;
    for (let i = 0; i < all.length; i++) {
      const t = all[i]!;
      if (t < this.first || t >= this.end) continue;
      this.cutFound.push(t - this.first);
      this.cut.push(i);
    }
    return this.cutFound;
  }

  cutConfirmed(i: number, joined: string, breakAt: number): boolean {
    return this.shared.prefilter.cutConfirmed(this.cut[i]!, joined, breakAt);
  }
}

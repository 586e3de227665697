// A log copied from a viewer that numbers its lines: AWS CodeBuild's log view puts `4954 | ` before every line, and a copy
// keeps it (aws-samples/aws-codepipeline-devsecops-amazoneks#3: `4955 | ERROR: unable to select packages:`). With it, no
// grammar sees a line start as the tool printed it. BuildKit's own Dockerfile excerpt has the same shape (`  12 | >>> RUN …`,
// `  13 |     pip …`), also numbered one by one, and so has a compiler's source excerpt (gcc's `  139 | #error …`); both
// must stay as they are, the rules read them. What tells them apart:
// - BuildKit's excerpt sits between `--------------------` lines under `Dockerfile:12`: nothing inside that frame is a gutter;
// - after its bar BuildKit prints a three-character marker and a space (`>>> ` on the failing line, four spaces on the
//   others): an excerpt line never starts a gutter, and a `>>>` line ends one that has not been taken yet;
// - a gutter numbers every line it covers, one after another (n, n+1, …), where a compiler's excerpt is one or two
//   numbered lines between unnumbered caret lines (`      |  ^~~~~`): a run is taken only from its third line on.
// So a numbered line whose text is no excerpt line opens a run; the next lines are held while each carries the next
// number; at the third, the run is taken (gutter off), and so is every later line that carries the next number. A run
// that breaks off before its third line is given back as it came. At most two lines are held.

/** Lines a run must have before it is taken as a gutter. */
const RUN_MIN = 3;

/** `4954 | text`, the number right-aligned or not; the text after the bar and one space. */
const GUTTER = /^ {0,8}(\d{1,8}) \|(?: |$)/;

/** What BuildKit prints after an excerpt line's bar: the failing line's marker, or the others' four spaces, or nothing. */
const EXCERPT_BODY = /^(?:>>>| {4}|$)/;

/** BuildKit's excerpt header and frame. */
const EXCERPT_HEADER = /^Dockerfile(?:\.[\w.-]{1,100})?:\d{1,6}$/;
const EXCERPT_RULE = /^-{10,}$/;

interface Held<T> {
  raw: string;
  body: string;
  meta: T;
}

/** Parses a numbered line: its number and the text after the gutter, or null. */
function numbered(text: string): { number: number; body: string } | null {
  const first = text.charCodeAt(0);
  if (first !== 32 && (first < 48 || first > 57)) return null;
  const m = GUTTER.exec(text);
  if (m === null) return null;
  return { number: Number(m[1]), body: text.slice(m[0].length) };
}

/**
 * Takes a viewer's line-number gutter off the lines it covers. Stateful, one per log; `push` gives each line after
 * cleanLine, and `emit` receives it, less the gutter when it is one, in order; `end` gives back the lines still held.
 */
export class LineGutter<T> {
  /** A run not taken yet: consecutive numbered lines, fewer than RUN_MIN. */
  private held: Held<T>[] = [];
  /** The number of the last line held or taken, or -1. */
  private last = -1;
  /** The run has been taken: a line with the next number is part of it. */
  private taken = false;
  /** Inside BuildKit's excerpt frame (after `Dockerfile:N` and its first dashed rule, up to the second). */
  private inExcerpt = false;
  private afterHeader = false;
  /** The last line given was a bar with no number before it (`   |`, `  |  ___^`): a compiler's excerpt, not a gutter. */
  private afterBareBar = false;
  /** The number of the last numbered line given as it came (no gutter), or -1. */
  private declined = -1;

  constructor(private readonly emit: (text: string, meta: T, unguttered: boolean) => void) {}

  push(text: string, meta: T): void {
    const n = numbered(text);
    if (n !== null && this.last >= 0 && n.number === this.last + 1) {
      if (this.taken) {
        this.last = n.number;
        this.emit(n.body, meta, true);
        return;
      }
      if (!n.body.startsWith('>>>')) {
        this.last = n.number;
        this.held.push({ raw: text, body: n.body, meta });
        if (this.held.length >= RUN_MIN) {
          this.taken = true;
          for (const h of this.held) this.emit(h.body, h.meta, true);
          this.held = [];
        }
        return;
      }
    }
    this.release();
    if (n !== null && !this.inExcerpt && !EXCERPT_BODY.test(n.body) && !this.afterBareBar && n.number !== this.declined + 1) {
      this.last = n.number;
      this.held.push({ raw: text, body: n.body, meta });
      return;
    }
    // A compiler's excerpt (rustc's multi-line span: `  |  ____^` then `5 | |     5`, `6 | |     } else {`, …) starts
    // under a bar with no number, and its next numbered lines are the same excerpt's: none of them opens a run.
    if (n !== null) this.declined = n.number;
    this.pass(text, meta);
  }

  /** The log ended: lines still held are no part of a run. */
  end(): void {
    this.release();
  }

  /** Ends the run: lines held are given as they came. */
  private release(): void {
    this.last = -1;
    this.taken = false;
    if (this.held.length === 0) return;
    const held = this.held;
    this.held = [];
    for (const h of held) this.pass(h.raw, h.meta);
  }

  /** A line given as it came; it moves the excerpt frame's state. */
  private pass(text: string, meta: T): void {
    // Only a line that starts with `D`, `-` or `|` (after a wrapper's indent) can change this state.
    const trimmed = text.charCodeAt(0) === 32 ? text.trim() : text;
    const first = trimmed.charCodeAt(0);
    if (this.inExcerpt) {
      if (first === 45 && EXCERPT_RULE.test(trimmed)) this.inExcerpt = false;
    } else if (this.afterHeader && first === 45 && EXCERPT_RULE.test(trimmed)) this.inExcerpt = true;
    this.afterHeader = first === 68 && EXCERPT_HEADER.test(trimmed);
    this.afterBareBar = first === 124 /* | */ && (trimmed.length === 1 || trimmed.charCodeAt(1) === 32);
    this.emit(text, meta, false);
  }
}

/** For the linear-time check of the test suite. */
export const LINE_GUTTER_PATTERNS: readonly RegExp[] = [GUTTER, EXCERPT_BODY, EXCERPT_HEADER, EXCERPT_RULE];

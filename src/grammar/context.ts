// What the grammars share while one log is parsed: the event sink, the formats seen, the step the
// log is "in" (unframed lines continue it), and a bounded registry of steps by id and by name
// (the error box names its step by name only). Every map here is bounded by MAX_STEPS, so a
// hostile log of endless distinct headers cannot grow memory without limit.
import type { BuildEvent, LogFormat, StepHeader } from './events.js';
import { IMPLICIT_STEP_ID, implicitStepHeader } from './implicit-step.js';
import { FRAMED_FORMATS, MAX_STEPS } from './framing.js';
import { withKnownTarget } from './vertex-name.js';
import { isRunOf } from './run-command.js';


/** bake / compose target names remembered at most (to tell `[worker 1/4]` from a stage). */
const MAX_TARGETS = 256;

/** Names scanned at most when a name is looked up by prefix. */
const PREFIX_SCAN_LIMIT = 500;

/** Step errors remembered to tell which step a final `ERROR: failed to solve` is about. */
const RECENT_ERRORS = 16;

export interface KnownStep {
  name: string;
  format: LogFormat;
  finished: boolean;
  /** Output was streamed for it (the closing error box then repeats it: echo). */
  streamed: boolean;
  /** Last output timestamp printed for it, to undo BuildKit's `%#.4g` wrap past 9999 s. */
  lastSeconds: number;
  /** Its last output line and that line's time as printed, while another vertex holds the output (`#5 ...`). */
  partial: { text: string; printed: number } | null;
}

/**
 * A step's name as the registry keys it: runs of blanks as one. The tty display and the error box
 * print a RUN's line continuations with different runs of blanks (`-DLLAMA_CUDA=ON  && cmake` in one,
 * `-DLLAMA_CUDA=ON   && cmake` in the other).
 */
function nameKey(name: string): string {
  return name.includes('  ') || name.includes('\t') ? name.replace(/\s+/g, ' ') : name;
}

export class ParseContext {
  /** The first framed format seen, else `plain-text` once unframed text was read, else `unknown`. */
  format: LogFormat = 'unknown';
  /** The step that unframed lines continue (BuildKit partial lines, classic RUN output). */
  current: number | null = null;
  private readonly formats = new Set<LogFormat>();
  private readonly byId = new Map<number, KnownStep>();
  private readonly byName = new Map<string, number>();
  private readonly recentErrors: { id: number; message: string }[] = [];
  private readonly targets = new Set<string>();
  private implicitStarted = false;
  /** Raw number of the line being parsed. */
  lastLine = 0;
  /** Largest id handed out: a new build session or another format numbers its steps after it. */
  maxId = 0;
  /** The id `step` was last asked for, and its answer. */
  private lastAsked = -1;
  private lastKnown: KnownStep | undefined = undefined;
  /** The step last said not to be listed (see `notListed`). */
  private lastNotListed = -1;

  constructor(readonly emit: (event: BuildEvent) => void) {}

  get framed(): boolean {
    return FRAMED_FORMATS.has(this.format);
  }

  /** Notes a format the first time it is seen; `announce` false when its grammar announces it itself. */
  seeFormat(format: LogFormat, announce = true): void {
    if (this.formats.has(format)) return;
    this.formats.add(format);
    if (!this.framed && format !== 'unknown') this.format = format;
    if (announce) this.emit({ type: 'format', format });
  }

  step(id: number): KnownStep | undefined {
    // A line asks two or three times for its step, and the next line is mostly the same step's.
    if (id === this.lastAsked) return this.lastKnown;
    const known = this.byId.get(id);
    this.lastAsked = id;
    this.lastKnown = known;
    return known;
  }


  /**
   * The step a name belongs to, allowing for the tty display, which cuts names to the terminal's
   * width (shorter still when an `ERROR ` mark takes room): a name of the tty display that the
   * other starts with, or the other way round. The longest such name wins.
   */
  findByName(given: string): number | undefined {
    const name = nameKey(given);
    const exact = this.byName.get(name);
    if (exact !== undefined) return exact;
    // The scan is for real builds' few hundred steps; past that, exact names only (linear time).
    if (this.byName.size > PREFIX_SCAN_LIMIT) return undefined;
    let best: number | undefined;
    let bestLength = 0;
    for (const [known, id] of this.byName) {
      if (known.length < 12 || known.length <= bestLength) continue;
      const tty = this.byId.get(id)?.format === 'buildkit-tty';
      if (name.startsWith(known) || (tty && name.length >= 12 && known.startsWith(name))) {
        best = id;
        bestLength = known.length;
      }
    }
    return best;
  }

  /** A header with its bake / compose target told apart from a stage by the targets seen so far. */
  private withTarget(header: StepHeader): StepHeader {
    if (header.target !== null && this.targets.size < MAX_TARGETS) this.targets.add(header.target);
    return withKnownTarget(header, this.targets);
  }

  /** Registers a step and announces it. Returns false when the registry is full (the step is ignored). */
  startStep(line: number, parsed: StepHeader, format: LogFormat, name: string = parsed.instruction): boolean {
    const header = this.withTarget(parsed);
    if (!this.byId.has(header.id) && this.byId.size >= MAX_STEPS) {
      this.notListed(line, header.id);
      return false;
    }
    this.byId.set(header.id, { name, format, finished: false, streamed: false, lastSeconds: 0, partial: null });
    this.lastAsked = -1;
    if (this.byName.size < MAX_STEPS) this.byName.set(nameKey(name), header.id);
    if (header.id > this.maxId) this.maxId = header.id;
    this.emit({ type: 'step-started', line, header });
    return true;
  }

  /**
   * For a line of a step the registry has no room for: announces it as not listed and returns
   * true, without the header the caller would otherwise parse. Past MAX_STEPS most lines of a
   * build of many steps are such lines, and a header with no name adds nothing `startStep` keeps.
   */
  leftOut(line: number, id: number): boolean {
    if (this.byId.size < MAX_STEPS || this.byId.has(id)) return false;
    this.notListed(line, id);
    return true;
  }

  /** Says a step is not listed; once for a run of its lines (saying it again changes nothing). */
  private notListed(line: number, id: number): void {
    if (id === this.lastNotListed) return;
    this.lastNotListed = id;
    this.emit({ type: 'step-not-listed', line, id });
  }

  /** Names a step registered without one (its header came after its first output). */
  nameStep(line: number, parsed: StepHeader, name: string): void {
    const known = this.byId.get(parsed.id);
    if (known === undefined) return;
    const header = this.withTarget(parsed);
    known.name = name;
    if (this.byName.size < MAX_STEPS) this.byName.set(nameKey(name), header.id);
    this.emit({ type: 'step-started', line, header });
  }

  /** A fresh id after every id seen, for steps that the log does not number (tty, error box). */
  private nextId(): number {
    return this.maxId + 1;
  }

  /** Registers a step the log does not number under a fresh id; that id, or undefined when the registry is full. */
  startUnnumberedStep(line: number, header: (id: number) => StepHeader, format: LogFormat, name?: string): number | undefined {
    const id = this.nextId();
    return this.startStep(line, { ...header(id), numbering: 'none' }, format, name) ? id : undefined;
  }

  finishStep(id: number): void {
    const known = this.byId.get(id);
    if (known !== undefined) known.finished = true;
    if (this.current === id) this.current = null;
  }

  noteError(id: number, message: string): void {
    if (message.length === 0) return;
    this.recentErrors.push({ id, message });
    if (this.recentErrors.length > RECENT_ERRORS) this.recentErrors.shift();
  }

  /** The step whose `#N ERROR: …` the final message repeats (`failed to solve: <step error>`). */
  stepForFinalMessage(message: string): number | null {
    for (let i = this.recentErrors.length - 1; i >= 0; i--) {
      const { id, message: stepMessage } = this.recentErrors[i]!;
      if (message.endsWith(stepMessage)) return id;
    }
    return null;
  }

  /**
   * The step whose header the log lost (registered without a name) that failed running `instruction`: its
   * `#N ERROR: process "/bin/sh -c …"` names the command.
   */
  failedUnnamedStep(instruction: string, internal = false): number | undefined {
    for (let i = this.recentErrors.length - 1; i >= 0; i--) {
      const { id, message } = this.recentErrors[i]!;
      if (this.byId.get(id)?.name === '' && isRunOf(instruction, message)) return id;
    }
    if (!internal) return undefined;
    // A box of BuildKit's own vertex (` > pushing rapidsai/ci-conda:… with docker:`, ` > exporting cache:`), whose error
    // names no command to compare: the one step of the log that lost its header and failed (rapidsai/ci-imgs#162:
    // `#26 ERROR: toomanyrequests: …` then that box), when it failed last.
    const last = this.recentErrors[this.recentErrors.length - 1];
    if (last === undefined || this.byId.get(last.id)?.name !== '') return undefined;
    const unnamed = new Set(this.recentErrors.filter((e) => this.byId.get(e.id)?.name === '').map((e) => e.id));
    return unnamed.size === 1 ? last.id : undefined;
  }

  /** The log so far is unframed output, held by the implicit step: no framing seen, some text read. */
  get inImplicitStep(): boolean {
    return this.implicitStarted && !this.framed;
  }

  /** Output that belongs to no framed step: the implicit step before any framing, else plain text. */
  unframed(line: number, text: string, stamped = false): void {
    if (this.framed) {
      this.emit({ type: 'text', line, text });
      return;
    }
    if (!this.implicitStarted) {
      this.implicitStarted = true;
      this.seeFormat('plain-text');
      this.emit({ type: 'step-started', line, header: implicitStepHeader() });
    }
    this.emit({ type: 'step-output', line, id: IMPLICIT_STEP_ID, seconds: null, text, ...(stamped ? { stamped: true } : {}) });
  }
}

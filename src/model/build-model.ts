// Build model stage: events → steps keyed by vertex id (never by position: parallel steps
// interleave, stop and resume), with bounded memory per step.
//
// Times. rawjson records when each vertex started and ended: those are exact. Plain progress has
// no wall clock, only durations (`#5 DONE 12.3s`) and seconds since a step started (`#5 3.456 …`),
// so the build's clock is estimated from print order: `clock` is the latest build time known so
// far (a step's estimated start plus its latest printed seconds or its duration). A step starts no
// earlier than when its header is first printed, at the then-current clock; it ends at its start
// plus its duration (or its last printed seconds when it failed or was cut). BuildKit prints a
// header when the vertex starts, so the estimate is late by at most the printer's batching. The
// tty display and the classic builder give durations only (tty) or nothing (classic).
import type { BuildEvent, LogFormat, SolveError, StepHeader, StepStatus } from '../grammar/events.js';
import type { BuildModel, Step } from './types.js';
import { IMPLICIT_STEP_ID, implicitStepHeader } from '../grammar/implicit-step.js';
import { exitCodeOf } from '../grammar/exit-code.js';
import { runInstructionOf } from '../grammar/run-command.js';
import { FRAMED_FORMATS, MAX_STEPS } from '../grammar/framing.js';
import { DownloadLedger } from './downloads.js';

/** Output lines kept per step while it runs or after it failed. */
export const TAIL_LINES = 50;
/** Output lines kept once a step has passed: findings on a passed step need less context. */
export const PASSED_TAIL_LINES = 10;
/** Characters kept of one tail line. */
export const TAIL_LINE_CHARS = 500;
/**
 * Steps after this many keep the short tail from the start: with every bound at its maximum the
 * tails hold at most 1000 × 50 + 4000 × 10 lines of 500 characters.
 */
export const FULL_TAIL_STEPS = 1000;
export const MAX_LINT_WARNINGS = 200;


/** Formats that print no times of their own: their steps are timed by the CI's line stamps, if any. */
const CLOCKLESS: ReadonlySet<LogFormat> = new Set<LogFormat>(['classic', 'buildah', 'plain-text']);

/** What the model tracks of a step beyond the Step itself. */
interface StepClock {
  /** Latest seconds printed on its output (since the step started). */
  lastSeconds: number | null;
  /** Exact wall-clock times (epoch ms) when the format gives them. */
  startedAt: number | null;
  endedAt: number | null;
  /** Timed by CI line stamps (a clockless format): the stamp of its latest line. */
  lastStamp: number | null;
  wall: boolean;
  /** Order in which its error was seen (the first error is what the build died of). */
  errorOrder: number | null;
  /** Tail lines kept: TAIL_LINES while running, PASSED_TAIL_LINES once passed (or for late steps). */
  tailLimit: number;
}

/**
 * A step and its copy are made field by field, not with `{ ...header, … }`: a spread whose site has
 * seen a few shapes gives every object it makes a hidden class of its own (a map and a descriptor
 * array, about 1 KB per step in a build of thousands). The optional fields come last, in the order
 * a step gains them.
 */
function emptyStep(header: StepHeader, line: number): Step {
  const step: Step = {
    id: header.id,
    stage: header.stage,
    index: header.index,
    total: header.total,
    instruction: header.instruction,
    platform: header.platform,
    target: header.target,
    internal: header.internal,
    status: 'running',
    seconds: null,
    start: null,
    end: null,
    cached: false,
    error: null,
    exitCode: null,
    firstLine: line,
    lastLine: line,
    tail: [],
    outputLines: 0,
    clipped: false,
  };
  if (header.namedContext !== undefined) step.namedContext = header.namedContext;
  if (header.numbering !== undefined) step.numbering = header.numbering;
  return step;
}

/** A copy of `step` with a tail of its own (see emptyStep on why field by field). */
function copyStep(step: Step): Step {
  const out: Step = {
    id: step.id,
    stage: step.stage,
    index: step.index,
    total: step.total,
    instruction: step.instruction,
    platform: step.platform,
    target: step.target,
    internal: step.internal,
    status: step.status,
    seconds: step.seconds,
    start: step.start,
    end: step.end,
    cached: step.cached,
    error: step.error,
    exitCode: step.exitCode,
    firstLine: step.firstLine,
    lastLine: step.lastLine,
    tail: [...step.tail],
    outputLines: step.outputLines,
    clipped: step.clipped,
  };
  if (step.namedContext !== undefined) out.namedContext = step.namedContext;
  if (step.numbering !== undefined) out.numbering = step.numbering;
  if (step.image !== undefined) out.image = step.image;
  return out;
}

function placeholderHeader(id: number): StepHeader {
  if (id === IMPLICIT_STEP_ID) return implicitStepHeader();
  return { id, stage: null, index: null, total: null, instruction: '', platform: null, target: null, internal: true };
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** A line with something on it (tested without making a trimmed copy: this runs for every line outside a step). */
const NOT_BLANK = /\S/;

export class BuildModelBuilder {
  private readonly steps = new Map<number, Step>();
  private readonly downloads = new DownloadLedger();
  private readonly clocks = new Map<number, StepClock>();
  private format: LogFormat = 'unknown';
  private solveError: SolveError | null = null;
  /** Raw line of the first solve error. */
  private solveErrorLine: number | null = null;
  private readonly lintWarnings: BuildModel['lintWarnings'] = [];
  private readonly lintSeen = new Set<string>();
  /** The latest build time known (seconds since the build started), estimated from print order. */
  private clock = 0;
  private timed = false;
  /**
   * The CI stamp (epoch ms) of the line being parsed, set by the pipeline before each line:
   * the time of every event that line produces, for formats that print none.
   */
  lineTime: number | undefined = undefined;
  private errors = 0;
  private jobCanceled: number | null = null;
  private succeeded: number | null = null;
  /** The last tty screen, while it shows a display still open with vertices to go. */
  private display: { line: number; done: number; total: number } | null = null;
  /** Steps past MAX_STEPS: where the first one began and their ids (counted up to MAX_STEPS more). */
  private notListedFrom: number | null = null;
  private readonly notListed = new Set<number>();
  private lastNotListed = -1;
  /**
   * The last lines printed outside any step before BuildKit's error (a pasted traceback above the
   * error box, the output of a step whose header the cut lost): bounded like a failed step's tail.
   */
  private readonly outside: string[] = [];
  private outsideClosed = false;

  apply(event: BuildEvent): void {
    switch (event.type) {
      case 'step-not-listed':
        this.notListedStep(event.id, event.line);
        return;
      case 'format':
        if (this.format === 'unknown' || (!FRAMED_FORMATS.has(this.format) && FRAMED_FORMATS.has(event.format))) this.format = event.format;
        return;
      case 'step-started':
        this.started(event.header, event.line, event.startedAt);
        return;
      case 'step-output':
        this.output(event);
        return;
      case 'step-done': {
        const step = this.close(event, 'done', event.seconds);
        if (step === undefined) return;
        // A step that passed keeps a shorter tail: its output rarely explains the failure.
        this.clockOf(event.id).tailLimit = PASSED_TAIL_LINES;
        if (step.tail.length > PASSED_TAIL_LINES) step.tail.splice(0, step.tail.length - PASSED_TAIL_LINES);
        return;
      }
      case 'step-cached': {
        const step = this.close(event, 'cached', null);
        if (step !== undefined) step.cached = true;
        return;
      }
      case 'step-error': {
        const step = this.close(event, 'error', event.seconds);
        if (step === undefined) return;
        if (event.message.length > 0) this.noteError(step, event.message);
        this.clockOf(event.id).errorOrder ??= ++this.errors;
        return;
      }
      case 'step-canceled': {
        // ERROR is a vertex's last word: BuildKit never cancels a vertex that already failed. A CANCELED
        // after it is another step told apart from this one only by a name the display or the paste cut
        // (the tty's `=> CANCELED [internal] load metadata for dock…` under the ERROR row of another
        // image's metadata): it must not turn the failure into a cancel, which would read as a build
        // that passed.
        if (this.steps.get(event.id)?.status === 'error') return;
        this.close(event, 'canceled', event.seconds);
        return;
      }
      case 'build-succeeded':
        this.succeeded = event.line;
        return;
      case 'tty-progress':
        // Only the last screen counts: it says whether the display closed.
        this.display = event.finished || event.done >= event.total ? null : { line: event.line, done: event.done, total: event.total };
        return;
      case 'step-image': {
        // Only a step the log opened: an image line alone says nothing worth a placeholder.
        const step = this.steps.get(event.id);
        if (step !== undefined) step.image = event.image;
        return;
      }
      case 'log-clipped': {
        if (event.id === null) return;
        const step = this.stepFor(event.id, event.line);
        if (step !== undefined) step.clipped = true;
        return;
      }
      case 'lint-warning': {
        const key = `${event.rule}\u0000${event.dockerfileLine ?? ''}\u0000${event.message}`;
        if (this.lintSeen.has(key) || this.lintWarnings.length >= MAX_LINT_WARNINGS) return;
        this.lintSeen.add(key);
        this.lintWarnings.push({ rule: event.rule, message: event.message, dockerfileLine: event.dockerfileLine });
        return;
      }
      case 'solve-error':
        this.solveErrorLine ??= event.line;
        this.solved(event.error);
        this.outsideClosed = true;
        return;
      case 'text':
        this.noteCancel(event.text, event.line);
        this.noteOutside(event.text);
        return;
    }
  }

  private output(event: Extract<BuildEvent, { type: 'step-output' }>): void {
    // Unframed, it continues the step that was running (the classic builder): still the runner's line.
    if (event.seconds === null) this.noteCancel(event.text, event.line);
    const step = this.stepFor(event.id, event.line);
    if (step === undefined) return;
    step.lastLine = event.line;
    if (event.seconds !== null) this.advance(event.id, step, event.seconds);
    else this.stamp(event.id);
    if (event.status === true || event.echo === true) return;
    this.downloads.observe(event.id, event.text, event.seconds);
    const kept = event.text.length > TAIL_LINE_CHARS ? event.text.slice(0, TAIL_LINE_CHARS) : event.text;
    if (event.resumes === true && step.tail.length > 0) {
      // The whole line in place of the partial one it completes: one line, not two.
      step.tail[step.tail.length - 1] = kept;
      return;
    }
    step.outputLines++;
    step.tail.push(kept);
    // Cut by the batch, not a line at a time: a shift at every line of a long step moved its whole
    // tail each time (a tenth of the model's time on a long log). It is cut to its limit before
    // anyone reads it (trimTail), so readers see the same lines.
    const limit = this.clockOf(event.id).tailLimit;
    if (step.tail.length >= 2 * limit) step.tail.splice(0, step.tail.length - limit);
    if (event.id === IMPLICIT_STEP_ID) this.noteOutside(event.text);
  }

  /** A line outside any step, kept until BuildKit's error is read (what follows it is not its cause). */
  private noteOutside(text: string): void {
    if (this.outsideClosed || !NOT_BLANK.test(text)) return;
    this.outside.push(text.length > TAIL_LINE_CHARS ? text.slice(0, TAIL_LINE_CHARS) : text);
    if (this.outside.length > TAIL_LINES) this.outside.shift();
  }

  /** The four ways a step ends (done, cached, error, canceled) share this: status, last line, duration, end. */
  private close(event: { id: number; line: number; endedAt?: number }, status: StepStatus, seconds: number | null): Step | undefined {
    const step = this.stepFor(event.id, event.line);
    if (step === undefined) return undefined;
    step.status = status;
    step.lastLine = event.line;
    if (seconds !== null) step.seconds = seconds;
    this.ended(event.id, step, seconds, event.endedAt);
    return step;
  }

  private noteError(step: Step, message: string): void {
    step.error = message;
    step.exitCode = exitCodeOf(message);
    // A log cut before the step's header: the error still names the command it ran.
    if (step.instruction === '') {
      step.instruction = runInstructionOf(message) ?? '';
      // A RUN the error names is a Dockerfile step, not BuildKit's own work.
      if (step.instruction !== '') step.internal = false;
    }
  }

  /** GitHub Actions' `##[error]The operation was canceled.` (the marker is gone by now; `Error: ` as the web view copies it). */
  private noteCancel(text: string, line: number): void {
    if (text.length < 40 && /^(?:Error: )?The operation was canceled\.\s*$/.test(text)) this.jobCanceled = line;
  }

  /** The step with this id as it stands now (the rule engine asks while the log streams). */
  getStep(id: number): Step | undefined {
    const step = this.steps.get(id);
    if (step !== undefined) this.trimTail(step);
    return step;
  }

  /** A step's tail cut to its limit (output() lets it run over, up to twice that). */
  private trimTail(step: Step): void {
    const limit = this.clocks.get(step.id)?.tailLimit;
    if (limit !== undefined && step.tail.length > limit) step.tail.splice(0, step.tail.length - limit);
  }

  finish(lines: number): BuildModel {
    const framed = FRAMED_FORMATS.has(this.format);
    const format: LogFormat = this.format;
    const steps: Step[] = [];
    const origin = this.origin();
    for (const step of this.steps.values()) {
      // Step 0 is the implicit step (see implicit-step.ts): listed only when nothing framed the log.
      if (step.id === IMPLICIT_STEP_ID && framed) continue;
      steps.push(this.finalStep(step, origin));
    }
    const failedStep = this.failedStep(steps);
    const solveError = this.solveError === null ? null : { ...this.solveError, step: this.solveError.step ?? failedStep };
    if (failedStep !== null) {
      const step = steps.find((s) => s.id === failedStep);
      if (step !== undefined && step.status === 'running') {
        // The tty display or a cut log may not show the step's end: the solve error does.
        step.status = 'error';
        step.error ??= solveError?.message || null;
        step.exitCode ??= solveError?.exitCode ?? null;
      }
    }
    // A failure no step holds (the log was cut to the error box, or a traceback was pasted above it):
    // its cause, if printed, is in the lines outside any step.
    const outsideLines = failedStep === null && solveError !== null && this.outside.length > 0 ? [...this.outside] : null;
    return {
      format,
      steps,
      solveError,
      failedStep,
      seconds: this.totalSeconds(steps, origin),
      cacheHitRatio: this.cacheHitRatio(steps),
      lintWarnings: [...this.lintWarnings],
      lines,
      // Only when the CI canceled the job: a model of an ordinary build is the same as before.
      ...(this.jobCanceled === null ? {} : { jobCanceled: this.jobCanceled }),
      ...(this.succeeded === null ? {} : { succeededAt: this.succeeded }),
      ...(this.solveErrorLine === null ? {} : { solveErrorAt: this.solveErrorLine }),
      ...(this.display === null ? {} : { displayOpen: this.display }),
      ...(this.downloads.list().length === 0 ? {} : { downloads: this.downloads.list() }),
      ...(outsideLines === null ? {} : { outsideLines }),
      // Only when steps were left out: a model of an ordinary build is the same as before.
      ...(this.notListedFrom === null ? {} : { stepsNotListed: { fromLine: this.notListedFrom, count: this.notListed.size } }),
    };
  }

  private started(header: StepHeader, line: number, startedAt: number | undefined): void {
    const existing = this.steps.get(header.id);
    if (existing !== undefined) {
      // A header for a step first seen without one (a cut log), or printed again: take its name.
      if (header.instruction.length > 0) Object.assign(existing, header);
      if (startedAt !== undefined) this.clockOf(header.id).startedAt ??= startedAt;
      return;
    }
    if (this.steps.size >= MAX_STEPS) {
      this.notListedStep(header.id, line);
      return;
    }
    const step = emptyStep(header, line);
    step.start = round(this.clock);
    this.steps.set(header.id, step);
    if (startedAt !== undefined) this.clockOf(header.id).startedAt = startedAt;
    else if (this.lineTime !== undefined && CLOCKLESS.has(this.format)) {
      const clock = this.clockOf(header.id);
      clock.wall = true;
      clock.startedAt = this.lineTime;
      clock.lastStamp = this.lineTime;
    }
  }

  /** A step past MAX_STEPS: not listed, but said so (analyze.ts reports where and how many). */
  private notListedStep(id: number, line: number): void {
    // Every line of a step left out comes here: its first one said all there is to say.
    if (id === this.lastNotListed || this.steps.has(id)) return;
    this.lastNotListed = id;
    this.notListedFrom ??= line;
    if (this.notListed.size < MAX_STEPS) this.notListed.add(id);
  }

  /** A line of a step timed by CI stamps moves its end. */
  private stamp(id: number): void {
    if (this.lineTime === undefined) return;
    const clock = this.clocks.get(id);
    if (clock?.wall === true && this.lineTime >= (clock.lastStamp ?? 0)) clock.lastStamp = this.lineTime;
  }

  /** The step for an event, created when the log never showed its header (a log cut mid-step). */
  private stepFor(id: number, line: number): Step | undefined {
    const step = this.steps.get(id);
    if (step !== undefined) return step;
    // Full: what `started` would do with a placeholder, without making one for every line of a step left out.
    if (this.steps.size >= MAX_STEPS) {
      this.notListedStep(id, line);
      return undefined;
    }
    this.started(placeholderHeader(id), line, undefined);
    return this.steps.get(id);
  }

  private clockOf(id: number): StepClock {
    let clock = this.clocks.get(id);
    if (clock === undefined) {
      clock = { lastSeconds: null, startedAt: null, endedAt: null, lastStamp: null, wall: false, errorOrder: null, tailLimit: this.steps.size > FULL_TAIL_STEPS ? PASSED_TAIL_LINES : TAIL_LINES };
      this.clocks.set(id, clock);
    }
    return clock;
  }

  /** A printed `#N 12.34` moves the step's own time and, through its start, the build's clock. */
  private advance(id: number, step: Step, seconds: number): void {
    const clock = this.clockOf(id);
    if (clock.lastSeconds === null || seconds > clock.lastSeconds) clock.lastSeconds = seconds;
    this.timed = true;
    const at = (step.start ?? 0) + seconds;
    if (at > this.clock) this.clock = at;
  }

  private ended(id: number, step: Step, seconds: number | null, endedAt: number | undefined): void {
    const clock = this.clockOf(id);
    if (endedAt !== undefined) clock.endedAt = endedAt;
    else if (clock.wall && this.lineTime !== undefined) clock.endedAt = Math.max(this.lineTime, clock.lastStamp ?? this.lineTime);
    const duration = seconds ?? clock.lastSeconds;
    if (duration === null) {
      step.end = step.start;
      return;
    }
    this.timed = true;
    step.end = round((step.start ?? 0) + duration);
    if (step.end > this.clock) this.clock = step.end;
  }

  private solved(error: SolveError): void {
    if (this.solveError === null) {
      this.solveError = { ...error, excerpt: [...error.excerpt] };
      return;
    }
    // The same failure printed twice (build-push-action repeats buildx's last line): fill gaps only.
    const kept = this.solveError;
    kept.dockerfile ??= error.dockerfile;
    kept.line ??= error.line;
    kept.endLine ??= error.endLine;
    kept.exitCode ??= error.exitCode;
    kept.step ??= error.step;
    if (kept.excerpt.length === 0) kept.excerpt = [...error.excerpt];
    if (kept.message.length === 0) kept.message = error.message;
  }

  /** Seconds, start and end of a step, exact when the format gave wall-clock times. */
  private finalStep(step: Step, origin: number | null): Step {
    const clock = this.clocks.get(step.id);
    this.trimTail(step);
    const out = copyStep(step);
    if (clock === undefined) return out;
    if (origin !== null && clock.startedAt !== null && this.countsWallClock(clock)) {
      // A step timed by CI stamps that never printed its end still ran until its last line.
      const endedAt = clock.endedAt ?? (clock.wall ? clock.lastStamp : null);
      out.start = round((clock.startedAt - origin) / 1000);
      out.end = endedAt === null ? null : round((endedAt - origin) / 1000);
      if (clock.wall && out.seconds === null && out.status !== 'cached' && endedAt !== null) out.seconds = round((endedAt - clock.startedAt) / 1000);
    }
    if (out.seconds === null && out.status !== 'cached' && clock.lastSeconds !== null) out.seconds = clock.lastSeconds;
    return out;
  }

  /**
   * CI stamps time a log only when it has no times of its own: in a BuildKit log, the stamped
   * preamble before the build (the implicit step) must not turn BuildKit's clock into wall time.
   */
  private countsWallClock(clock: StepClock): boolean {
    return !clock.wall || CLOCKLESS.has(this.format);
  }

  /** Epoch ms of the earliest exact start, null when the format gave none. */
  private origin(): number | null {
    let origin: number | null = null;
    for (const clock of this.clocks.values()) {
      if (!this.countsWallClock(clock)) continue;
      if (clock.startedAt !== null && (origin === null || clock.startedAt < origin)) origin = clock.startedAt;
    }
    return origin;
  }

  /** The step named by the solve error, else the first step that failed (not merely canceled). */
  private failedStep(steps: Step[]): number | null {
    const named = this.solveError?.step ?? null;
    if (named !== null && this.steps.has(named)) return named;
    let first: number | null = null;
    let order = Infinity;
    for (const step of steps) {
      const errorOrder = this.clocks.get(step.id)?.errorOrder ?? null;
      if (step.status === 'error' && errorOrder !== null && errorOrder < order) {
        first = step.id;
        order = errorOrder;
      }
    }
    return first ?? this.headlessFailedStep(steps);
  }

  /**
   * A paste cut after a step's header and before its `ERROR` line, ending in the error of a RUN (`executor failed
   * running [/bin/sh -c pip install …]: exit code: 1`, tecoholic/ner-annotator#24; BuildKit's `process "/bin/sh -c …"
   * did not complete successfully`): the step that failed is the one step still running whose header the log lost. Its
   * instruction is the error's command. Never when another step is still running (which of them failed is unknown).
   */
  private headlessFailedStep(steps: Step[]): number | null {
    const instruction = this.solveError === null ? null : runInstructionOf(this.solveError.message);
    if (instruction === null) return null;
    const running = steps.filter((s) => s.status === 'running' && s.id !== IMPLICIT_STEP_ID);
    if (running.length !== 1 || running[0]!.instruction !== '' || running[0]!.outputLines === 0) return null;
    running[0]!.instruction = instruction;
    running[0]!.internal = false;
    return running[0]!.id;
  }

  private totalSeconds(steps: Step[], origin: number | null): number | null {
    if (origin !== null) {
      let start = Infinity;
      let end = -Infinity;
      for (const step of steps) {
        if (step.start !== null && step.start < start) start = step.start;
        if (step.end !== null && step.end > end) end = step.end;
      }
      return end >= start ? round(end - start) : null;
    }
    return this.timed ? round(this.clock) : null;
  }

  private cacheHitRatio(steps: Step[]): number | null {
    let cached = 0;
    let executed = 0;
    for (const step of steps) {
      if (step.internal) continue;
      if (step.status === 'cached') cached++;
      // A step cut off by the end of the log, or canceled, was running: not a cache hit.
      else executed++;
    }
    return cached + executed === 0 ? null : round(cached / (cached + executed));
  }
}

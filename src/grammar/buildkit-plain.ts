// BuildKit's plain progress (`--progress=plain`), as printed by its progressui printer:
//
//   #0 building with "default" instance using docker driver     the builder, not a step
//   #5 [builder 2/7] RUN pip install -r requirements.txt        header: first line of a vertex
//   #5 0.061 Collecting torch                                   output: seconds since the vertex started
//   #5 ...                                                      another vertex takes over; #5 resumes later
//   #5 [builder 2/7] RUN pip install -r requirements.txt        …with its header printed again
//   #2 resolve docker.io/…@sha256:… 0.0s done                   status line of the vertex
//   #5 DONE 12.3s / #5 CACHED / #5 ERROR: … / #5 CANCELED        the vertex's end
//   #1 WARN: FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)
//
// The output timestamp is `%#.4g` cut to five characters: `0.061`, `12.34`, `123.4`, `1234.`,
// and past 9999.5 s the mantissa of `1.235e+04` (`1.235`); the wrap is undone from the step's
// previous timestamp. A second build in the same log numbers its vertices from 1 again: it is
// told by `#0 building with …` or by a header that renames a known vertex, and its ids are moved
// past the first build's.
import type { LogLine } from '../lines/types.js';
import type { ParseContext } from './context.js';
import { isClipNotice, parseLintWarning } from './lint-and-clip.js';
import { parseVertexName } from './vertex-name.js';
import { IMPLICIT_STEP_ID, implicitStepHeader } from './implicit-step.js';

/**
 * `Number(text.slice(from, to))` without the slice, for the times every line of a step prints:
 * `12`, `12.34`. Up to 15 digits the digits are an exact integer and the power of ten is exact, so
 * their quotient is the double nearest the decimal, as `Number` reads it; anything else is read by
 * `Number` itself.
 */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

export function decimal(text: string, from: number, to: number): number {
  let digits = 0;
  let point = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits = digits * 10 + (c - 48);
    else if (c === 46 && point < 0) point = i;
    else return Number(text.slice(from, to));
  }
  const count = to - from - (point < 0 ? 0 : 1);
  if (count === 0 || count > 15 || point === from) return Number(text.slice(from, to));
  return point < 0 ? digits : digits / POWERS_OF_TEN[to - point - 1]!;
}

/** `12.34 ` → 12.34 and the index after the space, or null when the text has no timestamp. */
export function readTimestamp(text: string, from: number): { seconds: number; next: number } | null {
  let i = from;
  let digits = 0;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) {
    i++;
    digits++;
  }
  if (digits === 0 || text.charCodeAt(i) !== 46) return null;
  i++;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i < text.length && text.charCodeAt(i) !== 32) return null;
  const seconds = decimal(text, from, i);
  if (!Number.isFinite(seconds)) return null;
  return { seconds, next: Math.min(i + 1, text.length) };
}

/** Undoes the `%#.4g` wrap: `1.235` after `9999.` means 12350. */
export function unwrapSeconds(printed: number, previous: number): number {
  if (previous < 9999 || printed >= previous || printed >= 10) return printed;
  let value = printed;
  for (let exponent = 4; exponent <= 9 && value < previous; exponent++) value = printed * 10 ** exponent;
  return value;
}

/**
 * QEMU user mode's own lines (`qemu: uncaught target signal 4 (Illegal instruction) - core dumped`,
 * `qemu-aarch64: Could not open '/lib/ld-linux-aarch64.so.1'`): the emulator's output inside an
 * emulated step, never the name of a BuildKit vertex.
 */
const EMULATOR_OUTPUT = /^qemu(?:-[a-z0-9_]{1,20})?: /;

/** `DONE` or `DONE 12.3s` → seconds (null when not printed); undefined when it is not a DONE line. */
function readDone(rest: string): number | null | undefined {
  if (rest === 'DONE') return null;
  if (!rest.startsWith('DONE ') || !rest.endsWith('s')) return undefined;
  const seconds = decimal(rest, 5, rest.length - 1);
  return Number.isFinite(seconds) ? seconds : undefined;
}

export class BuildkitPlainGrammar {
  /** Added to the printed ids of the current build session. */
  private offset = 0;
  /** The last output line read, its step and its time as printed: the partial line a `#N ...` may leave (KnownStep.partial). */
  private lastOutputId = -1;
  private lastOutputText = '';
  private lastOutputPrinted = 0;
  private sessionHasSteps = false;

  constructor(private readonly ctx: ParseContext) {}

  /** `#` followed by a digit: the cheap test the dispatcher runs before `push`. */
  static claims(text: string): boolean {
    const c = text.charCodeAt(1);
    return text.charCodeAt(0) === 35 && c >= 48 && c <= 57;
  }

  push(line: LogLine): boolean {
    const text = line.text;
    let i = 1;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i > 12 || (i < text.length && text.charCodeAt(i) !== 32)) return false;
    const raw = decimal(text, 1, i);
    const rest = i < text.length ? text.slice(i + 1) : '';
    const ctx = this.ctx;
    ctx.seeFormat('buildkit-plain');

    if (raw === 0 && rest.startsWith('building with ')) {
      this.newSessionIfUsed();
      ctx.emit({ type: 'text', line: line.line, text: rest });
      return true;
    }
    if (this.startsNewSession(raw, rest)) this.newSessionIfUsed();
    const id = raw + this.offset;
    const known = ctx.step(id);

    if (rest === '...') {
      // Another vertex takes over the output; this one is printed again with its header later. Its
      // last line may have been partial: if so, it comes again whole under the same time.
      if (ctx.current === id) ctx.current = null;
      if (known !== undefined && this.lastOutputId === id) known.partial = { text: this.lastOutputText, printed: this.lastOutputPrinted };
      this.lastOutputId = -1;
      return true;
    }
    const first = rest.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      const stamp = readTimestamp(rest, 0);
      if (stamp !== null) {
        this.output(line, id, stamp.seconds, rest.slice(stamp.next));
        return true;
      }
    }
    if (first === 68 /* D */) {
      const done = readDone(rest);
      if (done !== undefined) {
        this.ensureStep(line, id, '');
        ctx.emit({ type: 'step-done', line: line.line, id, seconds: done });
        ctx.finishStep(id);
        return true;
      }
    }
    if (rest === 'CACHED') {
      this.ensureStep(line, id, '');
      ctx.emit({ type: 'step-cached', line: line.line, id });
      ctx.finishStep(id);
      return true;
    }
    if (rest === 'CANCELED') {
      this.ensureStep(line, id, '');
      ctx.emit({ type: 'step-canceled', line: line.line, id, seconds: null });
      ctx.finishStep(id);
      return true;
    }
    if (rest.startsWith('ERROR:')) {
      const message = rest.slice(6).trimStart();
      this.ensureStep(line, id, '');
      ctx.emit({ type: 'step-error', line: line.line, id, seconds: null, message });
      ctx.noteError(id, message);
      ctx.finishStep(id);
      return true;
    }
    if (rest.startsWith('WARN: ')) {
      ctx.emit({ type: 'lint-warning', line: line.line, ...parseLintWarning(rest.slice(6)) });
      return true;
    }
    if (known === undefined) {
      // The first line of a vertex is always its header, unless it is a line only a program under
      // the step prints: a paste that dropped the output's timestamps (`#35 qemu: uncaught target
      // signal 4 …`) leaves the step's output where its header would be.
      if (EMULATOR_OUTPUT.test(rest)) {
        this.output(line, id, 0, rest);
        return true;
      }
      if (this.ensureStep(line, id, rest)) ctx.current = id;
      return true;
    }
    ctx.current = id;
    if (rest === known.name) return true; // the header again: the vertex resumes
    if (known.name === '' && rest.charCodeAt(0) === 91 /* [ */) {
      // The header of a step first seen mid-way (a log cut in the middle of it).
      ctx.nameStep(line.line, parseVertexName(id, rest), rest);
      return true;
    }
    ctx.emit({ type: 'step-output', line: line.line, id, seconds: null, text: rest, status: true });
    return true;
  }

  private output(line: LogLine, id: number, printed: number, text: string): void {
    const ctx = this.ctx;
    this.ensureStep(line, id, '');
    const known = ctx.step(id);
    let seconds = printed;
    let resumes = false;
    if (known !== undefined) {
      seconds = unwrapSeconds(printed, known.lastSeconds);
      known.lastSeconds = seconds;
      known.streamed = true;
      const partial = known.partial;
      if (partial !== null) {
        known.partial = null;
        resumes = partial.printed === printed && text.length > partial.text.length && text.startsWith(partial.text);
      }
    }
    ctx.current = id;
    this.lastOutputId = id;
    this.lastOutputText = text;
    this.lastOutputPrinted = printed;
    if (isClipNotice(text)) {
      ctx.emit({ type: 'log-clipped', line: line.line, id, text });
      return;
    }
    // `#0 0.895 Traceback …` (NVIDIA/nvidia-container-toolkit#221, a RUN's output pasted under `#0`): BuildKit's own `#0`
    // messages carry no elapsed seconds, so stamped text under #0 is a build step's output, as unframed stamped text is.
    const stamped = id === IMPLICIT_STEP_ID ? { stamped: true as const } : {};
    ctx.emit(
      resumes
        ? { type: 'step-output', line: line.line, id, seconds, text, resumes: true, ...stamped }
        : { type: 'step-output', line: line.line, id, seconds, text, ...stamped },
    );
  }

  /**
   * Registers a vertex the first time it is named. A log cut in the middle of a step shows its
   * output before any header: the step is registered with an empty name then.
   */
  private ensureStep(line: LogLine, id: number, name: string): boolean {
    if (this.ctx.step(id) !== undefined) return true;
    this.sessionHasSteps = true;
    // A nameless header names no target either: with the registry full, nothing to parse.
    if (name === '' && this.ctx.leftOut(line.line, id)) return false;
    const header = id === IMPLICIT_STEP_ID ? implicitStepHeader() : parseVertexName(id, name);
    return this.ctx.startStep(line.line, header, 'buildkit-plain', name);
  }

  /**
   * A header that gives a known, finished vertex another name, or `#1 [internal] load build
   * definition` once more: the log goes on with another build.
   */
  private startsNewSession(raw: number, rest: string): boolean {
    if (!this.sessionHasSteps || rest.charCodeAt(0) !== 91 /* [ */) return false;
    const known = this.ctx.step(raw + this.offset);
    if (known === undefined || known.name === rest || known.name === '') return false;
    return known.finished || (raw === 1 && rest.startsWith('[internal] load build definition'));
  }

  private newSessionIfUsed(): void {
    if (!this.sessionHasSteps) return;
    this.offset = this.ctx.maxId + 1;
    this.sessionHasSteps = false;
    this.ctx.current = null;
  }
}

// Podman and Buildah (`podman build`, `buildah bud`, redhat-actions/buildah-build):
//
//   [1/2] STEP 1/4: FROM nvidia/cuda:12.4.1-devel-ubuntu22.04 AS builder     stage 1 of 2, its step 1 of 4
//   [1/2] STEP 2/4: RUN pip install -r requirements.txt
//   Collecting torch==2.3.0                                                   the step's output, unframed
//   --> Using cache 0244c9b7f5cc9a999b2aadc2455bff2a0b2136ff96acbf9678eaddfbb287b689   cached
//   --> 0244c9b7f5cc                                                          the step's layer: done
//   [2/2] COMMIT myimage
//   Error: building at STEP "RUN make": while running runtime: exit status 2
//
// A single-stage build prints no `[k/n]` prefix. Older releases say
// `error building at STEP "…": error while running runtime: exit status 1`. Steps are numbered per
// stage; ids run on across the stages (and after any build earlier in the log). No times.
import type { LogLine } from '../lines/types.js';
import type { ParseContext } from './context.js';
import type { StepHeader } from './events.js';
import { emitBuilderFailure } from './builder-failure.js';
import { exitCodeOf } from './final-error.js';
import { stageNameOf } from './stage-name.js';

// Podman before 3 printed no total: `STEP 2: RUN dnf -y install make`.
const STEP = /^(?:\[(\d{1,4})\/(\d{1,4})\] )?STEP (\d{1,6})(?:\/(\d{1,6}))?: /;
const ARROW = '--> ';
const FAILED_AT = 'building at STEP "';
const CONTAINER_NOT_CREATED = /^Error: (?:error )?creating build container: /;

/** A STEP line this long may be a terminal's hard wrap of a longer one (pasted from an 80- to 200-column terminal). */
const MIN_WRAP_WIDTH = 60;

/**
 * A STEP line that a pasted terminal wrapped at its width: `STEP 4/22: RUN apt-get … automak` then `e     cdrdao …`,
 * every piece as long as the first but the last. The pieces are joined while they keep that width; a shorter
 * piece ends the instruction only after a piece of full width, which no unwrapped line gives (a long
 * instruction printed whole, then a shorter output line, is two lines and stays two).
 */
interface WrappedStep {
  width: number;
  header: StepHeader;
  text: string;
  pieces: number;
}

export class BuildahGrammar {
  private offset = 0;
  private stageIndex: string | null = null;
  private stage: string | null = null;
  private step: number | null = null;
  private cached = false;
  /** The open step is a FROM. */
  private atFrom = false;
  /** The open step's STEP line, while it may go on in the next lines (see WrappedStep). */
  private wrapped: WrappedStep | null = null;
  private lastId = 0;

  constructor(private readonly ctx: ParseContext) {}

  static claims(text: string): boolean {
    const c = text.charCodeAt(0);
    return c === 83 /* S */ || c === 91 /* [ */ || c === 45 /* - */ || c === 69 /* E */ || c === 101 /* e */ || c === 67 /* C */;
  }

  /** Whether the next line may continue a wrapped STEP line: the parser offers it here first. */
  get wrapping(): boolean {
    return this.wrapped !== null;
  }

  push(line: LogLine): boolean {
    const text = line.text;
    if (this.wrapped !== null && this.continueWrapped(line)) return true;
    if (text.startsWith('STEP ') || text.startsWith('[') || text.startsWith('COMMIT ')) return this.stepLine(line);
    if ((text.startsWith('Error: ') || text.startsWith('error ')) && text.includes(FAILED_AT) && text.indexOf(FAILED_AT) <= 14) {
      this.fail(line);
      return true;
    }
    // A base image that cannot be pulled ends the build at its FROM: `Error: creating build
    // container: …` (podman 4; `Error: error creating build container: …` before it). A RUN's own
    // output may start with `Error: ` too, so only this message is taken, and only at a FROM.
    if (this.step !== null && this.atFrom && CONTAINER_NOT_CREATED.test(text)) {
      this.fail(line);
      return true;
    }
    if (this.step === null) return false;
    const id = this.step;
    if (text.startsWith(ARROW)) {
      const what = text.slice(ARROW.length);
      if (what.startsWith('Using cache ')) {
        this.cached = true;
        this.ctx.emit({ type: 'step-cached', line: line.line, id });
      } else if (/^[0-9a-f]{8,64}$/.test(what)) {
        if (!this.cached) this.ctx.emit({ type: 'step-done', line: line.line, id, seconds: null });
        this.close();
      } else {
        return false;
      }
      return true;
    }
    return false;
  }

  private stepLine(line: LogLine): boolean {
    const m = STEP.exec(line.text);
    if (m === null) {
      // `[2/2] COMMIT myimage` (`COMMIT myimage` in a single-stage build): the last step is written as an image.
      if (this.step !== null && /^(?:\[\d{1,4}\/\d{1,4}\] )?COMMIT\b/.test(line.text)) {
        this.ctx.emit({ type: 'step-output', line: line.line, id: this.step, seconds: null, text: line.text, status: true });
        return true;
      }
      return false;
    }
    this.ctx.seeFormat('buildah');
    const [, stageK, , index, total] = m;
    if (this.step !== null && !this.cached) this.ctx.emit({ type: 'step-done', line: line.line, id: this.step, seconds: null });
    this.close();
    const stageKey = stageK ?? null;
    if (Number(index) === 1 && (stageKey === null || stageKey === '1') && this.lastId > 0) {
      // A second build in the same log: number its steps after everything seen so far.
      this.offset = this.ctx.maxId;
      this.lastId = 0;
    } else if (this.lastId === 0 && this.ctx.maxId > 0) {
      this.offset = this.ctx.maxId;
    }
    if (stageKey !== this.stageIndex) {
      this.stageIndex = stageKey;
      this.stage = null;
    }
    const instruction = line.text.slice(m[0].length);
    this.atFrom = /^from\s/i.test(instruction);
    if (this.atFrom) this.stage = stageNameOf(instruction) ?? (stageKey !== null ? `stage-${Number(stageKey) - 1}` : null);
    this.lastId++;
    const id = this.offset + this.lastId;
    const header = { id, stage: this.stage, index: Number(index), total: total === undefined ? null : Number(total), instruction, platform: null, target: null, internal: false };
    if (this.ctx.startStep(line.line, header, 'buildah', line.text)) {
      this.step = id;
      this.ctx.current = id;
      this.wrapped = line.text.length >= MIN_WRAP_WIDTH ? { width: line.text.length, header, text: line.text, pieces: 1 } : null;
    }
    return true;
  }

  /** `line` as the next piece of a wrapped STEP line, when it is one (see WrappedStep); the step is renamed. */
  private continueWrapped(line: LogLine): boolean {
    const wrapped = this.wrapped!;
    const text = line.text;
    const fullWidth = text.length === wrapped.width;
    if (text.length === 0 || STEP.test(text) || text.startsWith(ARROW) || (!fullWidth && wrapped.pieces < 2)) {
      this.wrapped = null;
      return false;
    }
    wrapped.text += text;
    wrapped.header.instruction += text;
    wrapped.pieces++;
    if (!fullWidth) this.wrapped = null;
    this.atFrom = /^from\s/i.test(wrapped.header.instruction);
    this.ctx.nameStep(line.line, { ...wrapped.header }, wrapped.text);
    return true;
  }

  private fail(line: LogLine): void {
    this.ctx.seeFormat('buildah');
    const message = line.text.replace(/^Error: /, '');
    const id = this.step ?? (this.lastId > 0 ? this.offset + this.lastId : this.namedStep(line, message));
    emitBuilderFailure(this.ctx, line.line, id, message, exitCodeOf(message));
    this.close();
  }

  /**
   * A pasted error line with no `STEP` line before it still names the step: `building at STEP
   * "RUN make": …`. It becomes the step the build failed at, so that the verdict names it.
   */
  private namedStep(line: LogLine, message: string): number | null {
    const at = message.indexOf(FAILED_AT);
    const end = message.lastIndexOf('": ');
    if (at < 0 || end <= at + FAILED_AT.length) return null;
    const instruction = message.slice(at + FAILED_AT.length, end).replace(/\\"/g, '"');
    const header = (id: number): StepHeader => ({ id, stage: null, index: null, total: null, instruction, platform: null, target: null, internal: false });
    return this.ctx.startUnnumberedStep(line.line, header, 'buildah', line.text) ?? null;
  }

  private close(): void {
    if (this.step !== null) this.ctx.finishStep(this.step);
    this.step = null;
    this.cached = false;
    this.wrapped = null;
  }
}

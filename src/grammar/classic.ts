// The legacy builder (`DOCKER_BUILDKIT=0`, docker-compose v1, old CI images):
//
//   Sending build context to Docker daemon  2.048kB
//   Step 4/9 : RUN pip install -r requirements.txt
//    ---> Running in 0a1b2c3d4e5f
//   Collecting torch==2.3.0                          the step's output, with no frame at all
//   Removing intermediate container 0a1b2c3d4e5f
//    ---> 9f8e7d6c5b4a                               the step's image: it is done
//    ---> Using cache                                cached
//   The command '/bin/sh -c make' returned a non-zero code: 2
//
// Steps are numbered across the whole Dockerfile (`Step 7/10`); the stage is the `AS` name of
// the last FROM. The step number is the id; a second build in the same log (its `Step 1/…`)
// gets ids after the first one's. The classic builder prints no times.
import type { LogLine } from '../lines/types.js';
import type { ParseContext } from './context.js';
import type { StepHeader } from './events.js';
import { emitBuilderFailure } from './builder-failure.js';
import { stageNameOf } from './stage-name.js';
import { exitCodeOf } from './final-error.js';
import { IMPLICIT_STEP_ID } from './implicit-step.js';

// Docker before 1.13 printed no total: `Step 2 : RUN apt-get install -y git`.
const STEP = /^Step (\d{1,6})(?:\/(\d{1,6}))? : /;

/**
 * The classic builder's end of a failed step: `The command '/bin/sh -c make' returned a non-zero
 * code: 2`, docker-compose v1's `ERROR: Service 'web' failed to build : The command '…' returned
 * a non-zero code: 1`, `COPY failed: …`, `ADD failed: …`.
 */
function isStepFailure(text: string): boolean {
  if (text.startsWith('COPY failed: ') || text.startsWith('ADD failed: ')) return true;
  // Cheap tests first: this runs on every output line of a classic step.
  if (!text.startsWith("The command '") && !text.startsWith('ERROR: Service ') && !text.startsWith("Service '")) return false;
  const command = text.indexOf("The command '");
  if (command !== 0 && !(command > 0 && /^(?:ERROR: )?Service '[^']{1,200}' failed to build/.test(text))) return false;
  return text.includes("' returned a non-zero code: ", command);
}

/**
 * The classic builder's failure of a command: `The command '/bin/sh -c make' returned a non-zero code: 2`, alone or after
 * docker-compose v1's `ERROR: Service 'web' failed to build : `.
 */
export function isCommandFailure(text: string): boolean {
  return !text.startsWith('COPY failed: ') && !text.startsWith('ADD failed: ') && isStepFailure(text);
}

/** The `The command '…' returned a non-zero code: N` part of a failure line (compose v1 puts its own words before it). */
function commandFailureOf(text: string): string | null {
  const at = text.indexOf("The command '");
  return at < 0 ? null : text.slice(at);
}

/** The daemon could not get the base image of a `FROM` step. */
function isPullFailure(text: string): boolean {
  return (
    text.startsWith('pull access denied for ') ||
    (text.startsWith('manifest for ') && text.includes(' not found')) ||
    text.startsWith('manifest unknown') ||
    text.startsWith('toomanyrequests: ') ||
    text.startsWith('Error response from daemon: ')
  );
}
const ARROW = ' ---> ';

export class ClassicGrammar {
  private offset = 0;
  private lastIndex = 0;
  private stage: string | null = null;
  private step: number | null = null;
  private stepCached = false;
  /** The open step is a `FROM`: a pull error ends it. */
  private fromStep = false;
  /** The `The command '…' returned …` part of the last failure read, to tell a repeat of it from a new one. */
  private lastCommandFailure: string | null = null;

  constructor(private readonly ctx: ParseContext) {}

  static claims(text: string): boolean {
    const c = text.charCodeAt(0);
    return (
      c === 83 /* S */ || c === 32 || c === 84 /* T */ || c === 82 /* R */ || c === 67 /* C */ || c === 65 /* A */ ||
      c === 69 /* E: ERROR: Service …, Error response … */ || c === 112 /* pull access denied */ || c === 109 /* manifest */ || c === 116 /* toomanyrequests */
    );
  }

  push(line: LogLine): boolean {
    const text = line.text;
    if (text.startsWith('Step ')) return this.stepLine(line);
    // podman prints `Successfully tagged` too: the classic builder's only once its steps were seen.
    if (text.startsWith('Sending build context to Docker daemon') || (this.lastIndex > 0 && (text.startsWith('Successfully built ') || text.startsWith('Successfully tagged ')))) {
      this.ctx.seeFormat('classic');
      this.ctx.emit({ type: 'text', line: line.line, text });
      if (text.startsWith('Successfully built ')) this.ctx.emit({ type: 'build-succeeded', line: line.line });
      return true;
    }
    if (this.step === null) return this.loneFailure(line);
    const id = this.step;
    if (text.startsWith(ARROW)) {
      const what = text.slice(ARROW.length);
      if (what === 'Using cache') {
        this.stepCached = true;
        this.ctx.emit({ type: 'step-cached', line: line.line, id });
      } else if (/^[0-9a-f]{12}$/.test(what)) {
        this.ctx.emit({ type: 'step-image', line: line.line, id, image: what });
        if (!this.stepCached) this.ctx.emit({ type: 'step-done', line: line.line, id, seconds: null });
        this.close();
      } else {
        this.ctx.emit({ type: 'step-output', line: line.line, id, seconds: null, text: what, status: true });
      }
      return true;
    }
    if (text.startsWith('Removing intermediate container ')) {
      this.ctx.emit({ type: 'step-output', line: line.line, id, seconds: null, text, status: true });
      return true;
    }
    if (isStepFailure(text) || (this.fromStep && isPullFailure(text))) {
      this.fail(line, id, text);
      return true;
    }
    return false;
  }

  private stepLine(line: LogLine): boolean {
    const m = STEP.exec(line.text);
    if (m === null) return false;
    this.ctx.seeFormat('classic');
    const index = Number(m[1]);
    const total = m[2] === undefined ? null : Number(m[2]);
    if (this.step !== null && !this.stepCached) {
      // The previous step printed no image id (a step with no output layer): it is done.
      this.ctx.emit({ type: 'step-done', line: line.line, id: this.step, seconds: null });
    }
    this.close();
    if (index <= this.lastIndex || (this.lastIndex === 0 && this.ctx.maxId > 0)) {
      this.offset = this.ctx.maxId;
      this.stage = null;
    }
    this.lastIndex = index;
    const instruction = line.text.slice(m[0].length);
    if (/^from\s/i.test(instruction)) this.stage = stageNameOf(instruction);
    const id = this.offset + index;
    const header: StepHeader = { id, stage: this.stage, index, total, instruction, platform: null, target: null, internal: false, numbering: 'classic' };
    if (this.ctx.startStep(line.line, header, 'classic', line.text)) {
      this.step = id;
      this.fromStep = /^from\s/i.test(instruction);
      this.ctx.current = id;
    }
    return true;
  }

  private fail(line: LogLine, id: number, message: string): void {
    emitBuilderFailure(this.ctx, line.line, id, message, exitCodeOf(message));
    this.lastCommandFailure = commandFailureOf(message);
    this.close();
  }

  /**
   * `The command '/bin/sh -c …' returned a non-zero code: 109` with no classic step open: the
   * builder's error pasted without the `Step N/M :` header above it (oschwengers/bakta#342 quotes
   * the command's last lines and this line), the classic twin of BuildKit's lone `process "/bin/sh
   * -c …" did not complete successfully: exit code: N` (final-error.ts). It is the build's error, with
   * its exit code: on the implicit step when unframed lines came before it (they are the command's
   * last output), else on no step. The same failure printed again (a wrapper such as docker-compose v1,
   * `ERROR: Service 'web' failed to build : The command '…'`, repeating a step's error) is not a
   * second one. Only the command's wording: `COPY failed: …` alone names no builder.
   */
  private loneFailure(line: LogLine): boolean {
    const text = line.text;
    if (this.ctx.current !== null || !isCommandFailure(text)) return false;
    const command = commandFailureOf(text);
    if (command === this.lastCommandFailure) return false;
    this.lastCommandFailure = command;
    // The lines above it, read as the implicit step's, are the command's last output (bakta#342: micromamba's `The
    // following argument was not expected: -p`): the failure is that step's, so rules read them with the command. Its
    // format stays the log's (`plain-text`): a framed format would leave that step out of the build, as a CI preamble.
    emitBuilderFailure(this.ctx, line.line, this.ctx.inImplicitStep ? IMPLICIT_STEP_ID : null, text, exitCodeOf(text), text);
    return true;
  }

  private close(): void {
    if (this.step !== null) this.ctx.finishStep(this.step);
    this.step = null;
    this.stepCached = false;
    this.fromStep = false;
  }
}

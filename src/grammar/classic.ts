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
    if (this.step === null) return false;
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
    this.close();
  }

  private close(): void {
    if (this.step !== null) this.ctx.finishStep(this.step);
    this.step = null;
    this.stepCached = false;
    this.fromStep = false;
  }
}

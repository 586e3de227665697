// A framed log that ends while a step is still running, with no failure in it, was cut short: the
// CI job hit its time limit or was cancelled, or the paste stops early. Its outcome is unknown:
// not "passed", and rules that speak only of failed steps may speak.
import { IMPLICIT_STEP_ID } from '../grammar/implicit-step.js';
import type { BuildModel, Step } from './types.js';

/** The last step still running at the end of an unfailed framed log, null when there is none. */
export function unfinishedStep(model: Pick<BuildModel, 'format' | 'steps' | 'failedStep' | 'solveError'>): Step | null {
  if (model.format === 'plain-text' || model.format === 'unknown') return null;
  if (model.failedStep !== null || model.solveError !== null) return null;
    // A step in error means the build failed, whatever else still runs.
  if (model.steps.some((s) => s.status === 'error')) return null;
  return lastActive(model.steps, ['running']);
}

/**
 * BuildKit's tty display closes with a screen whose header says ` FINISHED`, failed build or not. A
 * capture whose last screen still counts vertices to go (`[+] Building 1.5s (23/27)`) and shows no
 * failure was cut while the build went on: the last step it shows done is where it was.
 *
 * The legacy builder runs every step of the Dockerfile in order, each printed `Step k/n`, and ends in
 * `Successfully built …` or a failure line. A log whose last step is not the last of its build
 * (`Step 2/7`, then nothing) and that shows no failure was cut after that step: its outcome is not in it.
 * BuildKit skips the steps of stages the target does not need, so its `[k/n]` says nothing of the kind.
 */
export function cutAfterStep(model: Pick<BuildModel, 'format' | 'steps' | 'failedStep' | 'solveError' | 'succeededAt' | 'displayOpen'>): Step | null {
  if (model.failedStep !== null || model.solveError !== null) return null;
  if (model.format === 'buildkit-tty') return model.displayOpen === undefined ? null : lastActive(model.steps, ['done', 'cached']);
  if (model.format !== 'classic' || model.succeededAt !== undefined) return null;
  let last: Step | null = null;
  for (const step of model.steps) if (step.id !== IMPLICIT_STEP_ID && (last === null || step.id > last.id)) last = step;
  if (last === null || last.status === 'error' || last.index === null || last.total === null || last.index >= last.total) return null;
  return last;
}

/** The step that was running last (a Dockerfile step rather than BuildKit's bookkeeping around it). */
function lastActive(steps: readonly Step[], statuses: readonly Step['status'][]): Step | null {
  let last: Step | null = null;
  for (const step of steps) {
    if (!statuses.includes(step.status) || step.id === IMPLICIT_STEP_ID) continue;
    if (last === null || (last.internal && !step.internal) || (last.internal === step.internal && step.lastLine > last.lastLine)) last = step;
  }
  return last;
}

/** BuildKit's answer to a cancel: `ERROR: failed to solve: Canceled: context canceled`, `#5 CANCELED`. */
const CANCELED = /\bcancel(?:l)?ed\b/i;

/**
 * A CI job canceled or stopped by its time limit (`##[error]The operation was canceled.`): the
 * build did not fail of itself, even when BuildKit reports the cancel as an error.
 */
export function canceledByJob(model: Pick<BuildModel, 'steps' | 'failedStep' | 'solveError' | 'jobCanceled'>): boolean {
  if (model.jobCanceled === undefined || model.jobCanceled === null) return false;
  if (model.failedStep === null && model.solveError === null) return true;
  const failed = model.steps.find((s) => s.id === model.failedStep);
  return CANCELED.test(model.solveError?.message ?? '') && (failed === undefined || CANCELED.test(failed.error ?? ''));
}

export interface Stop {
  /** `canceled`: the CI job was canceled or hit its time limit; `cut`: the log just ends. */
  how: 'canceled' | 'cut';
  /** Where the build was: the step running then, else the last step it finished; null before any. */
  step: Step | null;
  /** Whether `step` was still running (else the build was past it). */
  running: boolean;
}

/** How a build that did not finish stopped, and where it was; null when it did not stop so. */
export function howItStopped(model: Pick<BuildModel, 'format' | 'steps' | 'failedStep' | 'solveError' | 'jobCanceled'>): Stop | null {
  if (canceledByJob(model)) {
    const active = lastActive(model.steps, ['running', 'canceled', 'error']);
    if (active !== null) return { how: 'canceled', step: active, running: true };
    return { how: 'canceled', step: lastActive(model.steps, ['done', 'cached']), running: false };
  }
  const running = unfinishedStep(model);
  if (running !== null) return { how: 'cut', step: running, running: true };
  const after = cutAfterStep(model);
  return after === null ? null : { how: 'cut', step: after, running: false };
}

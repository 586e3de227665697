// A framed log that ends while a step is still running, with no failure in it, was cut short: the
// CI job hit its time limit or was cancelled, or the paste stops early. Its outcome is unknown:
// not "passed", and rules that speak only of failed steps may speak.
import { IMPLICIT_STEP_ID } from './implicit-step.js';
import type { BuildModel, Step } from './types.js';

/** The last step still running at the end of an unfailed framed log, null when there is none. */
export function unfinishedStep(model: Pick<BuildModel, 'format' | 'steps' | 'failedStep' | 'solveError'>): Step | null {
  if (model.format === 'plain-text' || model.format === 'unknown') return null;
  if (model.failedStep !== null || model.solveError !== null) return null;
  let last: Step | null = null;
  for (const step of model.steps) {
    if (step.status === 'error') return null;
    if (step.status !== 'running' || step.id === IMPLICIT_STEP_ID) continue;
    // A Dockerfile step is the better answer than BuildKit's own bookkeeping around it.
    if (last === null || (last.internal && !step.internal) || (last.internal === step.internal && step.lastLine > last.lastLine)) last = step;
  }
  return last;
}

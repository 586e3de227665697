// The exit code the log shows for a step, from the step's own error or the build's closing one.
import type { BuildModel, Step } from './types.js';

/** The exit code the log shows for `step`: its own, or the solve error's when it is the step the build died of. */
export function exitCodeShown(step: Step | null, model: BuildModel): number | null {
  if (step?.exitCode != null) return step.exitCode;
  if (step === null || step.id === model.failedStep || step.id === model.solveError?.step) return model.solveError?.exitCode ?? null;
  return null;
}

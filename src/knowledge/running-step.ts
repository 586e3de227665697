// The `running-step` enricher: the build step that was still running when the log ends, for
// findings about a build stopped from outside (a CI job's time limit) whose own line belongs to
// no step. The last such step is the one the job was waiting for.
import type { BuildModel, Step } from '../model/types.js';
import { formatSpan } from '../timeline/format-duration.js';

/** The Dockerfile step seen last among those that never finished, or null. */
export function lastRunningStep(model: BuildModel): Step | null {
  let found: Step | null = null;
  for (const step of model.steps) {
    if (step.internal || step.status !== 'running' || step.instruction === '') continue;
    if (found === null || step.lastLine >= found.lastLine) found = step;
  }
  return found;
}

export function runningStepEnrich(_captures: Readonly<Record<string, string>>, _step: Step | null, model: BuildModel): Record<string, string> {
  const step = lastRunningStep(model);
  if (step === null) {
    return { runningNote: 'The log does not show which build step was running when the job was stopped.', runningInstruction: '' };
  }
  const ran = step.seconds != null ? `, after ${formatSpan(step.seconds)} of it` : '';
  const instruction = step.instruction.length > 160 ? `${step.instruction.slice(0, 157)}…` : step.instruction;
  return {
    runningNote: `The job was stopped while the build ran \`${instruction}\` (step #${step.id}${ran}): that step is what took the time.`,
    runningInstruction: instruction,
  };
}

// The `running-step` enricher: the build step that was still running when the log ends, for
// findings about a build stopped from outside (a CI job's time limit) whose own line belongs to
// no step. The last such step is the one the job was waiting for.
import type { BuildModel, Step } from '../model/types.js';
import { formatSpan } from '../text/format-duration.js';

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
  const ran = step.seconds != null ? ` for ${formatSpan(step.seconds)}` : '';
  const instruction = step.instruction.length > 160 ? `${step.instruction.slice(0, 157)}…` : step.instruction;
  // A template value cannot carry a code span (safeValue turns backticks into quotes), so the
  // instruction is quoted with ' as every log value in prose is.
  const position = step.index !== null && step.total !== null ? `${step.index}/${step.total}${step.stage ? ` of stage ${step.stage}` : ''}: ` : '';
  const label = `step #${step.id} (${position}'${instruction}')`;
  return {
    runningNote: `It was stopped while ${label} was running${ran}: that step is where the time went.`,
    runningInstruction: instruction,
  };
}

// The `step-duration` enricher: how long the finding's step ran, as a sentence, so a message can
// say it and still read right for a pasted snippet that has no step and no timestamps.
import type { BuildModel, Step } from '../model/types.js';
import { formatSpan } from '../text/format-duration.js';

export function stepDurationEnrich(_captures: Readonly<Record<string, string>>, step: Step | null, _model: BuildModel): Record<string, string> {
  if (step?.seconds == null) return { durationNote: '' };
  return { durationNote: `The step ran ${formatSpan(step.seconds)}.` };
}

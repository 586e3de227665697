// A step as BuildKit's header names it, without the `#N`: `[linux/arm64 builder 5/5] RUN make`.
import type { Step } from './types.js';

/**
 * What BuildKit prints between the header's brackets: `linux/arm64 builder 5/5`, with the bake /
 * compose target first when asked (`web builder 2/5`); '' when the header has none of them.
 */
export function stepPlace(step: Pick<Step, 'platform' | 'stage' | 'index' | 'total'> & { target?: string | null }, withTarget = false): string {
  return [withTarget ? step.target ?? null : null, step.platform, step.stage, step.index !== null && step.total !== null ? `${step.index}/${step.total}` : null]
    .filter((x) => x !== null && x !== '')
    .join(' ');
}

/**
 * The step's number as the log prints it: `#12` (BuildKit's vertex), or null when the log's own
 * name already carries it (the classic builder's `Step 3/9 :`) or the log numbers no step.
 */
export function printedStepNumber(step: Pick<Step, 'id' | 'numbering'>): string | null {
  return step.numbering === undefined ? `#${step.id}` : null;
}

export function stepHeader(step: Step): string {
  const where = stepPlace(step);
  return where ? `[${where}] ${step.instruction}` : step.instruction;
}

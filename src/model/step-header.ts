// A step as BuildKit's header names it, without the `#N`: `[linux/arm64 builder 5/5] RUN make`.
import type { Step } from './types.js';

export function stepHeader(step: Step): string {
  const where = [step.platform, step.stage, step.index !== null && step.total !== null ? `${step.index}/${step.total}` : null]
    .filter((x) => x !== null && x !== '')
    .join(' ');
  return where ? `[${where}] ${step.instruction}` : step.instruction;
}

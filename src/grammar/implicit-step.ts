// The step that holds output outside any build step.
//
// A pasted CMake, pip or nvcc log has no framing at all, yet the rule engine needs a step to put
// its findings on: lines read before any framing belong to step 0, this implicit step. BuildKit
// numbers its own vertices from 1 and uses `#0` only for the builder's description and its own
// messages (`#0 building with "default" instance…`), so 0 is free to mean "outside any step".
// In a framed log step 0 holds the CI preamble before the build, if anything: the build model
// lists it only when the log turned out to have no framing (format `plain-text`).
import type { StepHeader } from './events.js';

export const IMPLICIT_STEP_ID = 0;

export const IMPLICIT_STEP_INSTRUCTION = '(output outside any build step)';

export function implicitStepHeader(): StepHeader {
  return {
    id: IMPLICIT_STEP_ID,
    stage: null,
    index: null,
    total: null,
    instruction: IMPLICIT_STEP_INSTRUCTION,
    platform: null,
    target: null,
    internal: true,
  };
}

// Whether a log showed a build at all. Text with no BuildKit or classic-builder framing (a pasted
// pip or CMake log, or anything else) says nothing about a build's outcome: "passed" would be a guess.
import { IMPLICIT_STEP_ID } from '../model/implicit-step.js';
import type { BuildModel, Finding } from '../model/types.js';

/** No step of a build in the log: empty or binary input, or text outside any build step. */
export function noBuildSteps(model: Pick<BuildModel, 'format' | 'steps'>): boolean {
  if (model.format === 'unknown') return true;
  return model.format === 'plain-text' && model.steps.every((s) => s.id === IMPLICIT_STEP_ID);
}

/** Nothing this tool knows: no build steps and no finding in the text. */
export function unrecognisedInput(model: Pick<BuildModel, 'format' | 'steps'>, findings: readonly Finding[]): boolean {
  return findings.length === 0 && noBuildSteps(model);
}

// The bake / compose targets a build model holds.
import type { BuildModel } from './types.js';

/** The targets a log builds (bake / compose), in order of appearance. */
export function targetsOf(model: BuildModel): string[] {
  const seen = new Set<string>();
  for (const step of model.steps) if (step.target !== null) seen.add(step.target);
  return [...seen];
}

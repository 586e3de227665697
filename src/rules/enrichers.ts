// Named enrichers: built-in pure functions a rule can ask for by name (`enrich: 'cuda-arches'`)
// to add `{enrich.<key>}` values to its message and fix. Rules stay data: a user's rule can name
// an enricher, never supply one. To add one, add an entry to `enrichers` below.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import type { Rule } from './schema.js';
import { cudaArchesEnrich, cudaVersionEnrich } from '../knowledge/cuda-arch-enricher.js';
import { stepDurationEnrich } from '../knowledge/step-duration.js';
import { runningStepEnrich } from '../knowledge/running-step.js';

/**
 * The first value of each named capture of the rule's matches, plus `context.<name>.<group>`
 * for the groups of remembered context hits (and `context.<name>` for the context line itself).
 */
export type CaptureValues = Readonly<Record<string, string>>;

/**
 * Returns `{key: value}` pairs, offered to templates as `{enrich.key}`. `facts` is what the log
 * proves about the build, as seen from the finding's step. Must not throw.
 */
export type Enricher = (captures: CaptureValues, step: Step | null, model: BuildModel, facts: FactView) => Record<string, string>;

/** The enrichers a rule names, in order (one name or a list). */
export function enricherNames(rule: Pick<Rule, 'enrich'>): string[] {
  return rule.enrich === undefined ? [] : typeof rule.enrich === 'string' ? [rule.enrich] : rule.enrich;
}

export const enrichers: Record<string, Enricher> = {
  /** CUDA version of the failing step and the GPU architectures it accepts (`{enrich.verdict}`, …). */
  'cuda-arches': cudaArchesEnrich,
  /** CUDA version of the step's toolkit or base image, its apt suffix and `-devel` image (`{enrich.aptSuffix}`, …). */
  'cuda-version': cudaVersionEnrich,
  /** How long the step ran, as a sentence (`{enrich.durationNote}`), empty without timestamps. */
  'step-duration': stepDurationEnrich,
  /** The build step still running when the log ends, as a sentence (`{enrich.runningNote}`), for jobs stopped from outside. */
  'running-step': runningStepEnrich,
};

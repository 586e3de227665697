import type { RuleInput } from '../../schema.js';
import { resolutionImpossible } from './resolution-impossible.js';
import { noMatchingDistribution } from './no-matching-distribution.js';
import { buildIsolation } from './build-isolation.js';
import { externallyManaged } from './externally-managed.js';
import { wheelBuildFailed } from './wheel-build-failed.js';
import { resolverBacktracking } from './resolver-backtracking.js';
import { basePackageReplaced } from './base-package-replaced.js';
import { constraintDeprecation } from './constraint-deprecation.js';
import { wheelNotSupported } from './wheel-not-supported.js';

/** The pip/ rules, in priority order. */
export const pipRules: RuleInput[] = [
  resolutionImpossible,
  noMatchingDistribution,
  wheelNotSupported,
  buildIsolation,
  externallyManaged,
  wheelBuildFailed,
  resolverBacktracking,
  basePackageReplaced,
  constraintDeprecation,
];

import type { RuleInput } from '../../schema.js';
import { resolutionImpossible } from './resolution-impossible.js';
import { noMatchingDistribution } from './no-matching-distribution.js';
import { buildIsolation } from './build-isolation.js';
import { externallyManaged } from './externally-managed.js';
import { wheelBuildFailed } from './wheel-build-failed.js';
import { resolverBacktracking } from './resolver-backtracking.js';
import { basePackageReplaced } from './base-package-replaced.js';
import { constraintDeprecation } from './constraint-deprecation.js';
import { forceReinstall } from './force-reinstall.js';
import { cacheMountUnused } from './cache-mount-unused.js';
import { wheelDownloadedTwice } from './wheel-downloaded-twice.js';

/** The pip/ rules, in priority order. */
export const pipRules: RuleInput[] = [
  resolutionImpossible,
  noMatchingDistribution,
  buildIsolation,
  externallyManaged,
  wheelBuildFailed,
  resolverBacktracking,
  basePackageReplaced,
  constraintDeprecation,
  forceReinstall,
  cacheMountUnused,
  wheelDownloadedTwice,
];

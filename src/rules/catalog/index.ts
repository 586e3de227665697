// The built-in catalog: one file per rule under catalog/<family>/, each family listing its rules
// in priority order. The order here is the tie-break when two rules are equally specific.
import type { RuleInput } from '../schema.js';
import { cudaRules } from './cuda/index.js';
import { cmakeRules } from './cmake/index.js';
import { runtimeRules } from './runtime/index.js';
import { pipRules } from './pip/index.js';
import { aptRules } from './apt/index.js';
import { resourcesRules } from './resources/index.js';
import { shellRules } from './shell/index.js';
import { buildxRules } from './buildx/index.js';
import { buildkitRules } from './buildkit/index.js';
import { securityRules } from './security/index.js';
import { condaRules } from './conda/index.js';
import { ciRules } from './ci/index.js';

export const builtinRules: RuleInput[] = [
  ...securityRules,
  ...ciRules,
  ...cudaRules,
  ...cmakeRules,
  ...runtimeRules,
  ...pipRules,
  ...condaRules,
  ...aptRules,
  ...resourcesRules,
  ...shellRules,
  ...buildxRules,
  ...buildkitRules,
];

import type { RuleInput } from '../../schema.js';

/** The buildkit/ rules, in priority order. */
export const buildkitRules: RuleInput[] = [];

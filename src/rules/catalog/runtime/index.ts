import type { RuleInput } from '../../schema.js';

/** The runtime/ rules, in priority order. */
export const runtimeRules: RuleInput[] = [];

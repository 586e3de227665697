import type { RuleInput } from '../../schema.js';

/** The cuda/ rules, in priority order. */
export const cudaRules: RuleInput[] = [];

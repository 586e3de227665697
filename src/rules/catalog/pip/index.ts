import type { RuleInput } from '../../schema.js';

/** The pip/ rules, in priority order. */
export const pipRules: RuleInput[] = [];

import type { RuleInput } from '../../schema.js';

/** The apt/ rules, in priority order. */
export const aptRules: RuleInput[] = [];

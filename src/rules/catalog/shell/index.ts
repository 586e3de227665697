import type { RuleInput } from '../../schema.js';

/** The shell/ rules, in priority order. */
export const shellRules: RuleInput[] = [];

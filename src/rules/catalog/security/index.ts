import type { RuleInput } from '../../schema.js';

/** The security/ rules, in priority order. */
export const securityRules: RuleInput[] = [];

import type { RuleInput } from '../../schema.js';

/** The cmake/ rules, in priority order. */
export const cmakeRules: RuleInput[] = [];

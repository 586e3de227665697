import type { RuleInput } from '../../schema.js';

/** The buildx/ rules, in priority order. */
export const buildxRules: RuleInput[] = [];

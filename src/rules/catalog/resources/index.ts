import type { RuleInput } from '../../schema.js';

/** The resources/ rules, in priority order. */
export const resourcesRules: RuleInput[] = [];

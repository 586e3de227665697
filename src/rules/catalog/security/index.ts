import type { RuleInput } from '../../schema.js';
import { secretInLog } from './secret-in-log.js';

/** The security/ rules, in priority order. */
export const securityRules: RuleInput[] = [secretInLog];

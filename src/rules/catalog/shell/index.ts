import type { RuleInput } from '../../schema.js';
import { commandNotFound } from './command-not-found.js';
import { unboundVariable } from './unbound-variable.js';
import { installFailureSwallowed } from './install-failure-swallowed.js';

/** The shell/ rules, in priority order. */
export const shellRules: RuleInput[] = [unboundVariable, commandNotFound, installFailureSwallowed];

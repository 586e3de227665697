import type { RuleInput } from '../../schema.js';
import { runnerLost } from './runner-lost.js';
import { coldCache } from './cold-cache.js';

/** The ci/ rules, in priority order (before resources/: a lost runner outranks the timeout and OOM findings it causes). */
export const ciRules: RuleInput[] = [runnerLost, coldCache];

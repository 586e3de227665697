import type { RuleInput } from '../../schema.js';
import { emulatedSlowStep } from './emulated-slow-step.js';
import { execFormatError } from './exec-format-error.js';
import { manifestListLoad } from './manifest-list-load.js';
import { invalidTag } from './invalid-tag.js';

/** The buildx/ rules, in priority order. */
export const buildxRules: RuleInput[] = [manifestListLoad, invalidTag, execFormatError, emulatedSlowStep];

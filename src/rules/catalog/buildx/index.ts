import type { RuleInput } from '../../schema.js';
import { emulatedSlowStep } from './emulated-slow-step.js';
import { execFormatError } from './exec-format-error.js';
import { manifestListLoad } from './manifest-list-load.js';

/** The buildx/ rules, in priority order. */
export const buildxRules: RuleInput[] = [manifestListLoad, execFormatError, emulatedSlowStep];

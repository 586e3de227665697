import type { RuleInput } from '../../schema.js';
import { packagesNotFound } from './packages-not-found.js';
import { unsatisfiable } from './unsatisfiable.js';

/** The conda/ rules, in priority order. */
export const condaRules: RuleInput[] = [packagesNotFound, unsatisfiable];

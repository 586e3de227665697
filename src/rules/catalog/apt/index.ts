import type { RuleInput } from '../../schema.js';
import { fetchFailed } from './fetch-failed.js';
import { unableToLocatePackage } from './unable-to-locate-package.js';

/** The apt/ rules, in priority order. */
export const aptRules: RuleInput[] = [unableToLocatePackage, fetchFailed];

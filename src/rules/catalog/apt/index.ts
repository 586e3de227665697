import type { RuleInput } from '../../schema.js';
import { fetchFailed } from './fetch-failed.js';
import { unableToLocatePackage } from './unable-to-locate-package.js';
import { heldBrokenPackages } from './held-broken-packages.js';
import { heldPackagesChanged } from './held-packages-changed.js';

/** The apt/ rules, in priority order. */
export const aptRules: RuleInput[] = [unableToLocatePackage, fetchFailed, heldPackagesChanged, heldBrokenPackages];

import type { RuleInput } from '../../schema.js';
import { cuptiLibraryNotfound } from './cupti-library-notfound.js';
import { notfound } from './notfound.js';
import { packageNotFound } from './package-not-found.js';
import { error } from './error.js';
import { cudaArchDetectFailed } from './cuda-arch-detect-failed.js';

/** The cmake/ rules, in priority order. */
export const cmakeRules: RuleInput[] = [cuptiLibraryNotfound, cudaArchDetectFailed, notfound, packageNotFound, error];

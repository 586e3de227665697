import type { RuleInput } from '../../schema.js';
import { baseImageNotFound } from './base-image-not-found.js';
import { copySourceMissing } from './copy-source-missing.js';
import { dockerfileParseError } from './dockerfile-parse-error.js';
import { logClipped } from './log-clipped.js';
import { stepFailed } from './step-failed.js';
import { pushDenied } from './push-denied.js';
import { circularStageDependency } from './circular-stage-dependency.js';

/** The buildkit/ rules, in priority order. */
export const buildkitRules: RuleInput[] = [dockerfileParseError, circularStageDependency, pushDenied, baseImageNotFound, copySourceMissing, logClipped, stepFailed];

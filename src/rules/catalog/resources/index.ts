import type { RuleInput } from '../../schema.js';
import { diskFull } from './disk-full.js';
import { oomKilled } from './oom-killed.js';
import { jobTimeout } from './job-timeout.js';

/** The resources/ rules, in priority order. */
export const resourcesRules: RuleInput[] = [oomKilled, diskFull, jobTimeout];

// The action's `pre` step: the runner runs it when the job starts, before any build. It notes the
// time, so that `build-ref: auto` reads only the build records this job produced (a self-hosted
// runner's daemon keeps records of earlier jobs). It appends one `name=value` line to the runner's
// GITHUB_STATE file (the main step sees it as STATE_job-started), imports nothing else, and cannot
// fail the job.
import { appendFileSync } from 'node:fs';
import { JOB_STARTED_STATE } from './github/job-start.js';

const file = process.env.GITHUB_STATE;
if (file) {
  try {
    appendFileSync(file, `${JOB_STARTED_STATE}=${new Date().toISOString()}\n`);
  } catch {
    // no state: `auto` then reads the latest record only, and says so
  }
}

// When the job started, as the action's `pre` step noted it (GITHUB_STATE → STATE_job-started in the
// main step's environment): `build-ref: auto` reads the build records created since then.
export const JOB_STARTED_STATE = 'job-started';

/** The noted start, null when the pre step did not run (the action run by hand) or wrote nonsense. */
export function jobStartedAt(env: NodeJS.ProcessEnv): Date | null {
  const value = env[`STATE_${JOB_STARTED_STATE}`];
  if (value === undefined || value === '') return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

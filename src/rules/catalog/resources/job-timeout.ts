// A CI job stopped by its time limit while the build was still running: no tool failed, the build
// was too slow for the job's budget. The job's own line belongs to no build step, so the
// `running-step` enricher names the step that never finished (the one the time went to).
// A lost runner (`… lost communication with the server`, `The runner has received a shutdown
// signal`) is the other way a job stops from outside; ci/runner-lost explains it, so this rule does
// not match those lines (one finding per cause). A step that exceeds its limit exceeds it again:
// not retryable.
import { flashAttnWheelContexts, withFlashAttnNote, withFlashAttnVariants } from '../pip/flash-attn-wheel.js';
import type { RuleInput } from '../../schema.js';

export const jobTimeout: RuleInput = {
  id: 'resources/job-timeout',
  title: 'CI job stopped by its time limit',
  severity: 'error',
  match: [
    {
      // GitHub Actions: `##[error]The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 360 minutes.`,
      // newer runners: `The job has exceeded the maximum execution time of 6h0m0s`
      literals: ['has exceeded the maximum execution time of'],
      pattern: 'has exceeded the maximum execution time of (?<limit>\\d{1,6}(?: minutes|h\\d{1,2}m\\d{1,2}s|m\\d{1,2}s)?)',
    },
    // Azure Pipelines: `##[error]The job running on agent Hosted Agent ran longer than the maximum time of 60 minutes.`
    { literals: ['ran longer than the maximum time of'], pattern: 'ran longer than the maximum time of (?<limit>\\d{1,6} minutes)' },
    // GitLab CI: `ERROR: Job failed: execution took longer than 1h0m0s seconds`
    { literals: ['execution took longer than'], pattern: 'Job failed: execution took longer than (?<limit>[\\dhms]{2,20})' },
    // Travis CI: `The job exceeded the maximum time limit for jobs, and has been terminated.`
    { literals: ['The job exceeded the maximum time limit for jobs'] },
  ],
  context: [...flashAttnWheelContexts],
  scope: 'build',
  maxFindings: 1,
  specificity: 3,
  message:
    'The CI job reached its time limit ({limit|the runner\'s maximum}) and was stopped while the build was still running: no ' +
    'command failed, the build took longer than the job may run. {enrich.runningNote}',
  fix: withFlashAttnNote([
    'Make the slow step shorter, or give the job more time:',
    '',
    '- reuse layers between runs: `cache-from: type=gha` / `cache-to: type=gha,mode=max` with docker/build-push-action (or a registry cache);',
    '- compile less: only the GPU architectures you deploy to (`TORCH_CUDA_ARCH_LIST`), a prebuilt wheel instead of a source',
    '  build where the project publishes one for your CUDA and torch versions;',
    '- a larger runner, or `timeout-minutes:` on the job (GitHub-hosted runners stop every job at 360 minutes; self-hosted ones allow more).',
  ].join('\n')),
  variants: withFlashAttnVariants('reuse the compiled layer between runs (`cache-from` / `cache-to` with `type=gha` in docker/build-push-action), or give the job more time (`timeout-minutes:`; GitHub-hosted runners stop every job at 360 minutes).', []),
  enrich: ['running-step', 'flash-attn-wheel'],
  docs: 'https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idtimeout-minutes',
};

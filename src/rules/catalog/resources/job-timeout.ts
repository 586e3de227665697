// A CI job stopped by its time limit while the build was still running: no tool failed, the build
// was too slow for the job's budget. The job's own line belongs to no build step, so the
// `running-step` enricher names the step that never finished (the one the time went to).
// A lost runner is the other way a job stops from outside: GitHub's `The hosted runner: … lost
// communication with the server. Anything in your workflow that terminates the runner process, starves
// it for CPU/Memory, or blocks its network access can cause this error.` and `The runner has received a
// shutdown signal` (actions/runner#2624, #2662; actions/runner-images#9823, where GitHub answers that
// the job exhausted the runner's resources). Only that case is retryable: a step that exceeds its
// limit exceeds it again.
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
    // GitHub Actions, the runner went away: `The hosted runner: GitHub Actions 8 lost communication with the server.`
    { literals: ['lost communication with the server'] },
    { literals: ['The runner has received a shutdown signal'] },
  ],
  context: [
    { name: 'lostRunner', literals: ['lost communication with the server', 'The runner has received a shutdown signal'] },
    { name: 'timeLimit', literals: ['has exceeded the maximum execution time of', 'ran longer than the maximum time of', 'execution took longer than', 'The job exceeded the maximum time limit for jobs'] },
  ],
  scope: 'build',
  maxFindings: 1,
  specificity: 3,
  message:
    'The CI job reached its time limit ({limit|the runner\'s maximum}) and was stopped while the build was still running: no ' +
    'command failed, the build took longer than the job may run. {enrich.runningNote}',
  variants: [
    {
      when: 'lostRunner&!timeLimit',
      title: 'CI runner lost during the build',
      retryable: true,
      message:
        'The CI runner stopped answering (or was shut down) while the build was still running: no command failed, the ' +
        'machine running the job went away. {enrich.runningNote}',
      fix: [
        'Re-run the job. If it happens again at the same step, the build is starving the runner: GitHub names',
        'processes that use up its CPU or memory as a cause. Lower the compile parallelism of that step (`MAX_JOBS`,',
        '`CMAKE_BUILD_PARALLEL_LEVEL`) or use a larger runner; on self-hosted runners also check the machine\'s memory and',
        'network.',
      ].join('\n'),
    },
  ],
  fix: [
    'Make the slow step shorter, or give the job more time:',
    '',
    '- reuse layers between runs: `cache-from: type=gha` / `cache-to: type=gha,mode=max` with docker/build-push-action (or a registry cache);',
    '- compile less: only the GPU architectures you deploy to (`TORCH_CUDA_ARCH_LIST`), a prebuilt wheel instead of a source',
    '  build where the project publishes one for your CUDA and torch versions;',
    '- a larger runner, or `timeout-minutes:` on the job (GitHub-hosted runners stop every job at 360 minutes; self-hosted ones allow more).',
  ].join('\n'),
  enrich: 'running-step',
  docs: 'https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idtimeout-minutes',
};

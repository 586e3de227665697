// A build that was canceled from outside rather than failed by a step: BuildKit's last line is
// `ERROR: failed to solve: Canceled: context canceled` (older: `failed to solve: context canceled`) and the steps still
// running end `CANCELED`. BuildKit's client went away: Ctrl-C, a CI job canceled or out of time, or (bake, compose) another
// target failed and the others were canceled.
// Matched only when that is the whole message: a step's own error that ends in `…: exit code: 137: context canceled` is
// the step's failure (other rules), and buildx's `ERRO[0012] (*service).Write failed error="rpc error: code = Canceled
// desc = context canceled"` is a log line of a build that went on (docker/buildx#369).
// Exit code 124 is what GNU `timeout` returns when it stops the command at its limit (GNU coreutils manual, "timeout
// invocation": "If the command times out, and --preserve-status is not set, then exit with status 124"). A GitHub Actions
// job is canceled by a newer run of the same `concurrency` group with `cancel-in-progress: true`, or stopped at its
// `timeout-minutes` (docs.github.com, "Using concurrency" and workflow syntax); resources/job-timeout names the latter when
// the runner's line is in the log, and ranks above this rule.
import type { RuleInput } from '../../schema.js';

export const buildCanceled: RuleInput = {
  id: 'buildkit/build-canceled',
  title: 'Build canceled before it finished',
  severity: 'error',
  match: [
    // The rules read the final line's message, less its `ERROR: failed to solve: `: `Canceled: context canceled`.
    { literals: ['context canceled'], pattern: '^(?:Canceled: )?context canceled(?!:)' },
  ],
  context: [
    // `Error: Process completed with exit code 124.` (GitHub Actions), `exit status 124`
    { name: 'timeout124', literals: ['exit code 124', 'exit status 124'] },
  ],
  scope: 'build',
  only: 'failed-build',
  // A tool-level error: a rule naming why the job stopped (resources/job-timeout, ci/runner-lost) leads.
  specificity: 2,
  message:
    'No build step failed: the build was canceled from outside (`context canceled`) and BuildKit stopped the steps that ' +
    'were still running. Its client went away: Ctrl-C, a CI job canceled or out of time, or, with bake or compose, another ' +
    'target failed first.',
  variants: [
    {
      when: 'timeout124',
      message:
        'No build step failed: the command running the build exited with code 124, which is what `timeout` returns when it ' +
        'stops a command at its time limit, and BuildKit canceled the steps that were still running (`context canceled`).',
      fix: [
        'Give the build more time than the `timeout` around it (or the CI step\'s limit), or make the slow step faster: reuse',
        'layers between runs (`cache-from` / `cache-to`, e.g. `type=gha` with docker/build-push-action), compile less.',
        'The last lines of the step that was canceled show what it was doing when the time ran out.',
      ].join('\n'),
    },
  ],
  fix: [
    'Nothing in the Dockerfile caused this; find what stopped the build:',
    '',
    '- in CI, the job\'s own status: canceled by hand, by a newer run (`concurrency` with `cancel-in-progress: true`), or',
    '  stopped at its `timeout-minutes`;',
    '- with bake or compose, the first error of another target above this line is the cause;',
    '- a step that hung (no output for minutes: retrying a network connection, waiting for input) was stopped by whoever',
    '  gave up on it: its last lines show what it was waiting for.',
    '',
    'Then run the build again.',
  ].join('\n'),
  docs: 'https://docs.github.com/en/actions/using-jobs/using-concurrency',
};

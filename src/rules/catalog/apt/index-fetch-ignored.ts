// `apt-get update` that could not reach a mirror and carried on: apt counts a connection failure (timeout, DNS, refused)
// as transient and then only warns, `W: Some index files failed to download. They have been ignored, or old ones used
// instead.`, and exits 0; any other failed index is an `E:` line of the same words and exit 100 (apt's apt-pkg/update.cc,
// ListUpdate: `if (TransientNetworkFailure == true) … _error->Warning(…)` / `else if (Failed == true) … _error->Error(…)`).
// The step then runs on no index for those sources (a fresh image has none) or the previous one, and passes:
// NVIDIA/gpu-driver-container#142, `W: Failed to fetch http://us.archive.ubuntu.com/ubuntu/dists/jammy-updates/InRelease
// Could not connect to us.archive.ubuntu.com:80 …, connection timed out`, then the script's `E: No packages found` and empty
// kernel and driver versions, and `#11 DONE 40.0s`. A warning (the build passed, what it made is not what was meant), and
// only for a step that passed: a failed step with these lines is apt/fetch-failed's.
// The remedies: apt's `Acquire::Retries` (apt.conf(5): "Number of retries to perform. If this is non-zero APT will retry
// failed files the given number of times"), another mirror in the sources list, and a check that turns the warning into a
// failure, since apt itself will not.
import type { RuleInput } from '../../schema.js';

export const indexFetchIgnored: RuleInput = {
  id: 'apt/index-fetch-ignored',
  title: 'apt update could not reach its mirror, and the step passed on a missing or stale package index',
  severity: 'warning',
  only: 'passed-step',
  match: [
    {
      literals: ['Some index files failed to download'],
      pattern: '^W: Some index files failed to download\\. They have been ignored, or old ones used instead\\.',
    },
  ],
  context: [
    // the fetch apt gave up on, and why: `W: Failed to fetch http://…/InRelease  Could not connect to …, connection timed out`.
    // Required: the summary line alone (a log that kept only it) says nothing of which source failed or how.
    {
      name: 'fetch',
      required: true,
      literals: ['W: Failed to fetch '],
      pattern: '^W: Failed to fetch (?<url>https?://(?<host>[^/\\s]{1,200})/\\S{0,300})\\s{1,4}(?<reason>.{1,300})$',
    },
    // what then found nothing: the step's own script, or apt
    { name: 'nothingFound', literals: ['E: No packages found', 'Unable to locate package', 'has no installation candidate'] },
  ],
  scope: 'step',
  maxFindings: 1,
  specificity: 3,
  retryable: true,
  message:
    'apt could not fetch some package indexes in this step ({context.fetch.host}: {context.fetch.reason}) and went on: for a ' +
    'connection failure apt only warns (`W: Some index files failed to download`) and exits 0, so ' +
    'the step passed with no index for those sources, or the one an earlier run left.',
  fix: [
    'Build again once the mirror answers (a timeout is usually brief), and make the step fail when its index is incomplete, since',
    'apt will not: retry the fetches, and stop on the warning (or on an `E:` line, whose exit status the pipe would hide).',
    '',
    '```sh',
    'apt-get -o Acquire::Retries=5 update 2>&1 | tee /tmp/apt-update.log',
    'if grep -qE "^(W: Some index files failed to download|E: )" /tmp/apt-update.log; then echo "apt index incomplete" >&2; exit 1; fi',
    '```',
    '',
    'If {context.fetch.host} keeps timing out from this runner, point the sources at another mirror of the same',
    'distribution (the `URIs:` / `deb` lines of /etc/apt/sources.list or /etc/apt/sources.list.d/).',
  ].join('\n'),
  variants: [
    {
      when: 'nothingFound',
      message:
        'apt could not fetch some package indexes in this step ({context.fetch.host}: {context.fetch.reason}) and went on: for a ' +
        'connection failure apt only warns (`W: Some index files failed to download`) and exits 0. ' +
        'What ran next then found nothing (`E: …` below the warning), yet the step passed: what it made is empty or wrong.',
    },
  ],
  docs: 'https://manpages.debian.org/apt.conf.5',
};

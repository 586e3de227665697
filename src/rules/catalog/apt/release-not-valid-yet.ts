// apt refuses a repository's Release file dated in the future: `E: Release file for <url> is not valid yet (invalid
// for another 7h 39min 41s). Updates for this repository will not be applied.` (intel/intel-cmt-cat#216). The file's
// `Date:` is checked against the clock where apt runs, and a build runs on the host's clock (a container has no
// clock of its own): that clock is behind, often a VM or WSL 2 after the host slept, or a machine without time sync.
// A paste often cuts apt's sentence after `is not valid yet` (microsoft/vscode-dev-containers#240, Docker Desktop's
// VM clock behind after the host slept, docker/for-win#5593): the line is read without its `(invalid for another …)`.
// apt's own string (libapt-pkg 2.6.1, read here with `strings`): `Release file for %s is not valid yet (invalid for
// another %s). Updates for this repository will not be applied.`
// Not matched: apt's expired-Release error (`is expired`, apt/release-expired), a clock ahead or a stale mirror, another cause.
//
// The advice: set the clock right where Docker runs. A workaround that keeps the clock wrong is apt's
// `Acquire::Check-Date=false`, documented in apt.conf(5) (apt 2.6 on this Debian 12 machine: "Disabling it means
// that the machine's time cannot be trusted, and APT will hence disable all time-related checks").
import type { RuleInput } from '../../schema.js';

export const releaseNotValidYet: RuleInput = {
  id: 'apt/release-not-valid-yet',
  title: "apt refused a Release file dated in the future: the build's clock is behind",
  severity: 'error',
  match: [
    {
      literals: ['is not valid yet'],
      pattern: 'Release file for (?<url>\\S{1,300}) is not valid yet(?: \\(invalid for another (?<ahead>[^)]{1,40})\\))?',
    },
  ],
  context: [{ name: 'ahead', literals: ['is not valid yet (invalid for another'] }],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'apt refused the Release file of `{url}`: its date lies {ahead} ahead of the clock where apt ran. A build ' +
    'runs on the clock of the machine that runs Docker (a container has none of its own), so that clock is behind: typically a ' +
    'VM or WSL 2 that slept, or a machine without time sync.',
  fix: [
    'Set the clock right where Docker runs, then rebuild. Check it against the real time first:',
    '',
    '```sh',
    'date -u',
    'timedatectl status      # systemd hosts: "System clock synchronized: yes"',
    'sudo timedatectl set-ntp true',
    '```',
    '',
    'Docker Desktop and WSL 2 keep the clock of their VM: restarting Docker Desktop (or `wsl --shutdown`) resets it. ' +
      'Only as a stopgap, apt can skip its date checks for the one update: `apt-get -o Acquire::Check-Date=false update`.',
  ].join('\n'),
  variants: [
    {
      when: '!ahead',
      message:
        'apt refused the Release file of `{url}` as not valid yet: its date lies ahead of the clock where apt ran. A build ' +
        'runs on the clock of the machine that runs Docker (a container has none of its own), so that clock is behind: typically a ' +
        'VM or WSL 2 that slept, or a machine without time sync.',
    },
  ],
  docs: 'https://manpages.debian.org/bookworm/apt/apt.conf.5.en.html',
};

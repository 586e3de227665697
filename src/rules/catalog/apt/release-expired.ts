// apt refuses a repository's Release file whose `Valid-Until` date has passed: `E: Release file for <url> is expired
// (invalid since 8d 7h 25min 31s). Updates for this repository will not be applied.` (projectcalico/toolchain#394,
// buster-backports on a country mirror). apt's own string (libapt-pkg 2.6.1, read here with `strings`): `Release file
// for %s is expired (invalid since %s). Updates for this repository will not be applied.` A paste may wrap apt's
// sentence: the line read is the one with `expired (invalid since …)`, the URL and suite are taken from the scope's first
// `/dists/…/InRelease` URL.
//
// Why and what to do (sources.list(5), apt's doc/sources.list.5.xml, option `Check-Valid-Until`): the check guards
// against replayed old data and "also helps users identify mirrors which are no longer updated. Some repositories
// like historic archives aren't updated anymore by design though, so this check can be disabled by setting this
// option to no"; `Acquire::Check-Valid-Until` in apt.conf(5) is the global default of that option. Two causes, told
// apart, for a Debian suite, by asking Debian's own CDN for it: a stale mirror (deb.debian.org serves a current file) or a suite
// no longer refreshed (deb.debian.org answers 404: an archived release on archive.debian.org, knowledge/eol-releases.ts).
// A clock ahead gives the same message; the clock is then checked with `date -u`.
// Not matched: a Release dated in the future (`is not valid yet`, apt/release-not-valid-yet).
import type { RuleInput } from '../../schema.js';

/** After moving to a supported release: the stop-gap, for a release whose suites are no longer re-signed. */
const EXPIRY_CHECK_OFF = [
  'Only as a stop-gap, with no more security updates, turn the expiry check off for the update:',
  '',
  '```sh',
  'apt-get -o Acquire::Check-Valid-Until=false update',
  '```',
];

export const releaseExpired: RuleInput = {
  id: 'apt/release-expired',
  title: "apt refused an expired Release file: the mirror stopped syncing, or the suite is archived",
  severity: 'error',
  match: [
    {
      literals: ['expired (invalid since'],
      pattern: '(?:Release file for \\S{1,300} is )?expired \\(invalid since (?<since>[^)]{1,40})\\)',
    },
  ],
  context: [
    {
      name: 'release',
      literals: ['/dists/'],
      pattern: '(?<url>https?://\\S{1,300}/dists/(?<suite>[^/\\s]{1,100})/(?:In)?Release)\\b',
    },
    // a Debian suite (`http://ftp.am.debian.org/debian/dists/buster-backports/InRelease`): deb.debian.org tells the two causes apart
    { name: 'debianSuite', literals: ['/debian/dists/'], pattern: '\\.debian\\.org/debian/dists/(?<suite>[^/\\s]{1,100})/(?:In)?Release\\b' },
    // any suite of Debian's archive or its security archive (`…/debian-security/dists/bullseye-security/InRelease`): its release
    {
      name: 'debianRelease',
      literals: ['/debian/dists/', '/debian-security/dists/'],
      pattern: '\\.debian\\.org/debian(?:-security)?/dists/(?<suite>[^/\\s]{1,100})/(?:In)?Release\\b',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'apt refused the Release file of `{context.release.url|a repository}`: its `Valid-Until` date passed {since} ago, ' +
    'so apt treats it as stale data. Either the mirror stopped syncing, or the suite is no longer refreshed by design ' +
    '(an archived release).',
  // The repository is not Debian's, or its URL is not in the log: read its own dates; only Debian's suites have the
  // deb.debian.org / archive.debian.org pair to tell a stale mirror from an archived suite.
  fix: [
    "Read the Release file's own dates: apt's line names it; fetch it (`curl -s` with that URL) and compare its `Date:` and",
    "`Valid-Until:` lines with `date -u` (a clock ahead of the real time makes a current file look expired too). An old `Date:` means",
    'the mirror or repository stopped updating it: use a current mirror of it. A repository that is no longer updated by design',
    '(an archived release) needs the expiry check off for it: `[check-valid-until=no]` on its `deb` line, or for one update',
    '`apt-get -o Acquire::Check-Valid-Until=false update`.',
  ].join('\n'),
  enrich: ['debian-lts-ended'],
  variants: [
    // The release's LTS has ended (eol-releases.ts ltsEndedDebian): no mirror will have a current file again, so the lasting
    // fix is a supported release; the expiry check off is a stop-gap with no more security updates.
    {
      when: 'debianRelease&enrich.ltsEnded&fact.place=image-build',
      message:
        'apt refused the Release file of `{context.release.url}`: its `Valid-Until` date passed {since} ago. ' +
        '{enrich.ltsRelease} is past its end of support (its LTS ended on {enrich.ltsEnded}): its suites are no longer re-signed, ' +
        'so no mirror will have a current file again.',
      fix: [
        'Move the build to a supported Debian release, {enrich.ltsMoveTo}: a base image on it{enrich.ltsBaseNote} (for an official',
        'image, its `-bookworm` or `-trixie` tag), then rebuild and fix what the newer packages change.',
        '',
        ...EXPIRY_CHECK_OFF,
      ].join('\n'),
    },
    {
      when: 'debianRelease&enrich.ltsEnded',
      message:
        'apt refused the Release file of `{context.release.url}`: its `Valid-Until` date passed {since} ago. ' +
        '{enrich.ltsRelease} is past its end of support (its LTS ended on {enrich.ltsEnded}): its suites are no longer re-signed, ' +
        'so no mirror will have a current file again.',
      fix: [
        'Move the job to a supported Debian release, {enrich.ltsMoveTo}: the image or machine it runs on (for an official image,',
        'its `-bookworm` or `-trixie` tag), then fix what the newer packages change.',
        '',
        ...EXPIRY_CHECK_OFF,
      ].join('\n'),
    },
    {
      when: 'debianSuite',
      fix: [
        "Find out which: ask Debian's own CDN for the same suite:",
        '',
        '```sh',
        "curl -s http://deb.debian.org/debian/dists/{context.debianSuite.suite}/InRelease | grep -E '^(Date|Valid-Until):'",
        'date -u   # a clock ahead of the real time makes a current file look expired too',
        '```',
        '',
        '- A file there with `Valid-Until` in the future: the mirror in your sources is stale. Point the ' +
          'source at `deb.debian.org` (or another mirror that is current) and rebuild.',
        '- 404 there: the suite left the mirrors for `archive.debian.org`, which is not updated any more by design. Point the ' +
          'source there and skip the expiry check for it: `deb [check-valid-until=no] http://archive.debian.org/debian {context.debianSuite.suite} main`, ' +
          'or for one update `apt-get -o Acquire::Check-Valid-Until=false update`.',
        '',
        'Only as a stopgap on a stale mirror, the same `-o Acquire::Check-Valid-Until=false` gets the build through, with data ' +
          'that no longer gets updates.',
      ].join('\n'),
    },
    {
      when: 'release',
      fix: [
        "Read the Release file's own dates and compare them with the clock:",
        '',
        '```sh',
        "curl -s {context.release.url} | grep -E '^(Date|Valid-Until):'",
        'date -u   # a clock ahead of the real time makes a current file look expired too',
        '```',
        '',
        'An old `Date:`: the mirror or repository stopped updating it; use a current mirror of it. A repository no longer updated by',
        'design (an archived release) needs the expiry check off for it: `[check-valid-until=no]` on its `deb` line, or for one',
        'update `apt-get -o Acquire::Check-Valid-Until=false update`.',
      ].join('\n'),
    },
  ],
  docs: 'https://manpages.debian.org/bookworm/apt/sources.list.5.en.html',
};

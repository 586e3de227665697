// apt stops an update when a repository's Release file changes its Origin, Label, Suite, Codename, Version or
// DefaultPin from what apt saw last: `Repository 'http://deb.debian.org/debian testing InRelease' changed its 'Codename'
// value from 'trixie' to 'forky'` (status-im/nimbus-eth1#3635; the message is libapt-pkg's `Repository '%s' changed its
// '%s' value from '%s' to '%s'`, apt 2.6.1 on this machine). Since apt 1.5 the change must be confirmed (apt-secure(8),
// "INFORMATION CHANGES"); `apt` asks interactively, `apt-get` fails. `--allow-releaseinfo-change` accepts it for one
// update, and `--allow-releaseinfo-change-<field>` (origin, label, codename, suite, version, defaultpin) for one field
// only; configuration item Acquire::AllowReleaseInfoChange (apt-get(8), apt 2.6.1).
// The usual causes: sources that name a moving suite (`testing`, `unstable` / `sid`, `stable`, `oldstable`) whose
// release moved on (trixie's release turned `testing` into forky), and a named release whose Suite moved (`buster` from
// `stable` to `oldstable` when a new stable came out): the first changes the distribution under the image, the second
// only its label. apt notes some changes without stopping (`N: Repository '…' changed its 'Suite' value …`, the update
// goes on): only an `E:` / `Error:` line (apt 3 writes `Error:`) is a failure.
import type { RuleInput } from '../../schema.js';

const ALLOW =
  'apt-get update --allow-releaseinfo-change';

export const releaseInfoChanged: RuleInput = {
  id: 'apt/release-info-changed',
  title: "apt stopped: a repository changed its release information",
  severity: 'error',
  match: [
    {
      literals: ["' changed its '"],
      pattern:
        "(?:^|\\s)(?:E|Error): Repository '(?<repo>[^'\\n]{1,300})' changed its '(?<field>Origin|Label|Suite|Codename|Version|DefaultPin)' value from '(?<from>[^'\\n]{0,100})' to '(?<to>[^'\\n]{0,100})'",
    },
  ],
  context: [
    {
      // the sources name a moving suite: ` testing InRelease`, ` sid InRelease`, ` stable-updates InRelease`. A pocket's
      // Codename carries the pocket (`from 'trixie-updates' to 'forky-updates'`, `from 'trixie-security' to 'forky-security'`:
      // apache/arrow#47323): `release` / `next` are the release names alone, for an image tag.
      name: 'movingSuite',
      literals: ["' changed its '"],
      pattern:
        "Repository '\\S{0,300}debian\\S{0,300} (?<suite>testing|unstable|sid|stable|oldstable|oldoldstable)(?:-[a-z-]{1,30})?(?:/[\\w-]{1,30})? InRelease' changed its 'Codename'" +
        " value from '(?<release>[a-z]{2,30})(?:-[a-z-]{1,30})?' to '(?<next>[a-z]{2,30})(?:-[a-z-]{1,30})?'",
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    "apt refused to go on with `{repo}`: its Release file changed `{field}` from `{from}` to `{to}`, and apt (1.5 and later) makes " +
    'such a change wait for an explicit confirmation (apt-secure(8), "INFORMATION CHANGES"): `apt` asks, `apt-get` fails.',
  fix: [
    'If the change is expected (a new release of the distribution came out), accept it for this update:',
    '',
    '```sh',
    ALLOW,
    '```',
    '',
    '(apt-get(8)\'s specialist options accept one field only: `--allow-releaseinfo-change-origin`, `-label`, `-codename`,',
    '`-suite`, `-version`, `-defaultpin`). Otherwise read the repository\'s',
    'announcements before accepting: a changed Origin or Label can mean the URL now serves something else.',
  ].join('\n'),
  variants: [
    {
      when: 'movingSuite',
      title: 'The image follows a moving suite, and it moved to a new release',
      message:
        'The sources of this image name the suite `{context.movingSuite.suite}`, not a release: `{repo}` now serves `{to}` where it ' +
        'served `{from}`, and apt (1.5 and later) waits for a confirmation before it moves the image to another release of the ' +
        'distribution (apt-secure(8), "INFORMATION CHANGES"): `apt` asks, `apt-get` fails.',
      fix: [
        'Pin the base to a named release, so the image stays on `{context.movingSuite.release}` (or pick the new one on purpose): in the Dockerfile,',
        '',
        '```dockerfile',
        'FROM debian:{context.movingSuite.release}',
        '```',
        '',
        'in place of `debian:{context.movingSuite.suite}` (keep your tag\'s variant, `-slim`), or name the release instead of',
        'the suite in the image\'s sources (`Suites:` in `/etc/apt/sources.list.d/debian.sources`, or `/etc/apt/sources.list`).',
        'To follow the suite into `{context.movingSuite.next}` instead, accept the change for the update:',
        '',
        '```sh',
        ALLOW,
        '```',
      ].join('\n'),
    },
  ],
  docs: 'https://manpages.debian.org/trixie/apt/apt-secure.8.en.html',
};

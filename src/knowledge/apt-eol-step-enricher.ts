// The `apt-eol-step` enricher: a failed step that runs apt, on a release that has left its distribution's mirrors
// (knowledge/eol-releases.ts: Debian's for archive.debian.org, Ubuntu's interim releases for old-releases.ubuntu.com),
// in a log cut before apt's error. The release comes from the step's `os` fact (apt's own `… buster InRelease` lines,
// or the base image's tag); the keys are those of the `eol-release` enricher (eolRelease, eolEnded, archiveCommand,
// supported, baseNote), plus `eolCodename` and `eolMirror` for the check that confirms it.
// Absent when the step's output shows that mirror still serving the release (`Hit:`/`Get:` of its suite: then the
// move is not what failed), or shows the sources already on the archive.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { releaseOfCodename } from '../facts/release-codenames.js';
import { archivedDebian, endedUbuntu } from './eol-releases.js';
import { eolReleaseEnrich } from './eol-release-enricher.js';

/** `apt update`, `apt-get -y install …`, `apt-get dist-upgrade` in the step's own instruction. */
const APT_COMMAND = /\bapt(?:-get)?\s(?:[^&;|\n]{0,200}\s)?(?:update|install|upgrade|dist-upgrade)\b/;

/** The codename of a release named as `Debian 10` / `Ubuntu 23.10`, when it is tabled as moved off the mirrors. */
function movedCodename(os: string): { codename: string; distro: 'debian' | 'ubuntu' } | null {
  for (const [codename, release] of Object.entries(releaseOfCodename)) {
    if (release === os && archivedDebian[codename] !== undefined) return { codename, distro: 'debian' };
  }
  for (const [codename, release] of Object.entries(endedUbuntu)) {
    if (`Ubuntu ${release.version}` === os) return { codename, distro: 'ubuntu' };
  }
  return null;
}

export function aptEolStepEnrich(_captures: Readonly<Record<string, string>>, step: Step | null, model: BuildModel, facts: FactView): Record<string, string> {
  if (step === null || !APT_COMMAND.test(step.instruction ?? '')) return {};
  const os = facts.value('os');
  const moved = os === null ? null : movedCodename(os);
  if (moved === null) return {};
  const { codename, distro } = moved;
  const mirror = distro === 'debian' ? /\b(?:deb|security|ftp\.[a-z]{2})\.debian\.org\b/ : /\b(?:[a-z]{2}\.)?(?:archive|security)\.ubuntu\.com\b/;
  // A suite of the release fetched (`Hit:1 http://deb.debian.org/debian buster InRelease`, `Get:5 … buster/main amd64 Packages`).
  const served = new RegExp(`^\\s*(?:Hit|Get):\\d+\\s+\\S+\\s+${codename}\\b`);
  for (const line of step.tail) {
    for (const part of line.split(/\s{3,}/)) {
      const text = part.replace(/^[\d.]+\s+/, '');
      if (/\barchive\.debian\.org\b|\bold-releases\.ubuntu\.com\b/.test(text)) return {};
      if (served.test(text) && mirror.test(text)) return {};
    }
  }
  const keys = eolReleaseEnrich(distro === 'debian' ? { 'context.debianEol.codename': codename } : { 'context.ubuntuEol.codename': codename }, step, model, facts);
  if (keys.eolRelease === undefined) return {};
  return {
    ...keys,
    eolCodename: codename,
    eolMirror: distro === 'debian' ? 'http://deb.debian.org/debian' : 'http://archive.ubuntu.com/ubuntu',
    eolArchive: distro === 'debian' ? 'http://archive.debian.org/debian' : 'http://old-releases.ubuntu.com/ubuntu',
  };
}

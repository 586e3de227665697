// The `eol-release` enricher: for apt's `does not have a Release file` on a Debian release that has moved to
// archive.debian.org (eol-releases.ts), the release, when its support ended, the sed that points the sources at
// the archive, and the base image of a supported release when the image tag names the old codename. For an Ubuntu
// release past its end of life (its `does not have a Release file`, or its `Err:… Release` lines), the release, its
// end-of-life date, the sed that points the file its images keep their sources in at old-releases.ubuntu.com, and the
// supported LTS image.
// For a Debian `<codename>-backports` suite with no Release file (a backports suite closed while its release is still
// served: eol-releases.ts archivedBackports), the suite, the date it left the mirrors when tabled, and the command that drops
// its lines from the sources.
// Every key is absent when its input is not in the log.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { archiveSourcesCommand, archivedBackports, archivedDebian, dropSuiteCommand, endedUbuntu, releaseName, supportedDebian, supportedUbuntu, ubuntuOldReleasesCommand } from './eol-releases.js';

/** An Ubuntu interim release past its end of life: its name and date, and `FROM ubuntu:24.04` for an `ubuntu:<it>` base. */
function ubuntuEnrich(codename: string, facts: FactView): Record<string, string> {
  const release = endedUbuntu[codename];
  if (release === undefined) return {};
  const out: Record<string, string> = {
    eolRelease: `Ubuntu ${release.version} (${codename})`,
    eolEnded: release.ended,
    supported: `Ubuntu ${supportedUbuntu.version} (${supportedUbuntu.codename})`,
    oldReleasesCommand: ubuntuOldReleasesCommand(release.version),
  };
  const base = facts.value('baseImage');
  const tag = base === null ? null : /^(?:docker\.io\/)?(?:library\/)?ubuntu:([\w.-]+)$/.exec(base)?.[1];
  if (tag === release.version || tag === codename) {
    out.baseNote = `: \`FROM ubuntu:${supportedUbuntu.version}\` in place of \`${base}\``;
  }
  return out;
}

/** A Debian backports suite without a Release file: its name, the command that drops it, and its archive date when tabled. */
function backportsEnrich(suite: string | undefined): Record<string, string> {
  if (suite === undefined) return {};
  const codename = suite.replace(/-backports(?:-sloppy)?$/, '');
  // a release archived as a whole: its other suites are gone too, which the release's own finding says
  if (archivedDebian[codename] !== undefined) return {};
  const out: Record<string, string> = { backportsSuite: suite, dropSuiteCommand: dropSuiteCommand(suite), backportsRelease: releaseName(codename) };
  const archived = archivedBackports[codename];
  if (archived !== undefined) out.backportsArchived = archived.archived;
  return out;
}

/**
 * Replaces a source's address (`http://debian-archive.trafficmanager.net/debian-security`) with archive.debian.org's, in
 * whichever of apt's source files names it.
 */
function mirrorToArchiveCommand(base: string, archive: string): string {
  const target = `http://archive.debian.org/${archive}`;
  return `sed -i 's|${base}|${target}|g' $(grep -rlF '${base}' /etc/apt/sources.list /etc/apt/sources.list.d/)`;
}

export function eolReleaseEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, facts: FactView): Record<string, string> {
  const ubuntu = captures['context.ubuntuEol.codename'] ?? captures['context.ubuntuEolSuite.codename'];
  if (ubuntu !== undefined) return ubuntuEnrich(ubuntu, facts);
  const codename = captures['context.debianEol.codename'] ?? captures['context.debianEolSuite.codename'];
  if (codename === undefined) return backportsEnrich(captures['context.debianBackportsGone.suite']);
  const release = archivedDebian[codename];
  const command = archiveSourcesCommand(codename);
  if (release === undefined || command === null) return {};
  const out: Record<string, string> = {
    eolRelease: releaseName(codename),
    eolEnded: release.ended,
    archiveCommand: command,
    supported: supportedDebian.map(releaseName).join(' or '),
  };
  const mirror = captures['context.debianEolSuite.base'];
  const archive = captures['context.debianEolSuite.archive'];
  if (mirror !== undefined && archive !== undefined) out.mirrorArchiveCommand = mirrorToArchiveCommand(mirror, archive);
  const base = facts.value('baseImage');
  const pattern = new RegExp(`\\b${codename}\\b`);
  if (base !== null && pattern.test(base)) {
    const newBase = base.replace(pattern, supportedDebian[supportedDebian.length - 1]!);
    out.baseNote = `: \`FROM ${newBase}\` in place of \`${base}\`, if that tag is published for your version`;
  }
  return out;
}

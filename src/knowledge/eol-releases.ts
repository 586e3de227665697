// Debian releases whose suites have left deb.debian.org and security.debian.org for archive.debian.org,
// and how to point an image's apt sources there. apt then prints, for every suite of the release,
// `Err:… Release  404  Not Found` and `E: The repository '… buster Release' does not have a Release file.`
//
// Sources:
// - end of life (end of LTS): https://wiki.debian.org/LTS (Debian 9 "stretch" LTS to 2022-06-30; Debian 10
//   "buster" LTS to 2024-06-30, also https://www.debian.org/releases/buster/).
// - the move to archive.debian.org: Debian's announcement of the removal of old releases from the mirrors,
//   https://lists.debian.org/debian-devel-announce/2024/03/msg00003.html; buster's suites answered 404 on
//   deb.debian.org from July 2025 (zerotier/install.zerotier.com#133, bihealth/sodar-server#2220).
// - the archive's layout: archive.debian.org/debian holds `<codename>` and, for buster, `buster-updates`;
//   archive.debian.org/debian-security holds `<codename>/updates` (apt output on the archive in
//   debuerreotype/docker-debian-eol-artifacts#9 for stretch; sonic-net/sonic-buildimage#23783 and the sources
//   reported working in gist ishad0w/6ce1eb569c734880200c47923577426a for buster). `stretch-updates` is not in
//   the archive, so its line is dropped (Tecnativa/doodba#546).
// - Old Debian images list their sources in /etc/apt/sources.list (one-line form; deb822 debian.sources came
//   with Debian 12), with deb.debian.org for the release and security.debian.org or deb.debian.org for
//   `debian-security`: both host names are rewritten.
// Ubuntu is not tabled: a release that leaves archive.ubuntu.com moves to old-releases.ubuntu.com
// (https://help.ubuntu.com/community/EOLUpgrades), which the fix checks for the codename in the log.
import { releaseOfCodename } from '../facts/release-codenames.js';

export interface EolRelease {
  /** The date its last support (LTS) ended, ISO. */
  ended: string;
  /** sed expressions that point /etc/apt/sources.list at archive.debian.org. */
  sedExpressions: readonly string[];
}

const toArchive = ["s|deb.debian.org|archive.debian.org|g", "s|security.debian.org|archive.debian.org|g"];

/** Debian releases moved to archive.debian.org, by codename. */
export const archivedDebian: Readonly<Record<string, EolRelease>> = {
  stretch: { ended: '2022-06-30', sedExpressions: [...toArchive, '/stretch-updates/d'] },
  buster: { ended: '2024-06-30', sedExpressions: toArchive },
};

/** The supported Debian releases a base image can move to, newest first (release-codenames table). */
export const supportedDebian: readonly string[] = ['trixie', 'bookworm'];

/** `buster` → `Debian 10 (buster)`. */
export function releaseName(codename: string): string {
  const release = releaseOfCodename[codename];
  return release === undefined ? codename : `${release} (${codename})`;
}

/** The shell command that points the image's sources at archive.debian.org, or null for a release not archived. */
export function archiveSourcesCommand(codename: string): string | null {
  const release = archivedDebian[codename];
  if (release === undefined) return null;
  return `sed -i ${release.sedExpressions.map((e) => `-e '${e}'`).join(' ')} /etc/apt/sources.list`;
}

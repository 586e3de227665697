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
// Ubuntu's interim releases leave archive.ubuntu.com and security.ubuntu.com for old-releases.ubuntu.com after their
// end of life (https://help.ubuntu.com/community/EOLUpgrades; Ubuntu's release team archives each release there at
// end of life, https://wiki.ubuntu.com/EndOfLifeProcess). End-of-life dates: https://wiki.ubuntu.com/Releases, as
// Ubuntu's distro-info-data records them (ubuntu.csv, `eol` column, Debian package 0.58+deb12u6 read here).
// LTS releases are not tabled: they stay on archive.ubuntu.com long after their standard support.
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

/** Ubuntu interim releases past their end of life, by codename: their version and end-of-life date. */
export const endedUbuntu: Readonly<Record<string, { version: string; ended: string }>> = {
  yakkety: { version: '16.10', ended: '2017-07-20' },
  zesty: { version: '17.04', ended: '2018-01-13' },
  artful: { version: '17.10', ended: '2018-07-19' },
  cosmic: { version: '18.10', ended: '2019-07-18' },
  disco: { version: '19.04', ended: '2020-01-23' },
  eoan: { version: '19.10', ended: '2020-07-17' },
  groovy: { version: '20.10', ended: '2021-07-22' },
  hirsute: { version: '21.04', ended: '2022-01-20' },
  impish: { version: '21.10', ended: '2022-07-14' },
  kinetic: { version: '22.10', ended: '2023-07-20' },
  lunar: { version: '23.04', ended: '2024-01-25' },
  mantic: { version: '23.10', ended: '2024-07-11' },
  oracular: { version: '24.10', ended: '2025-07-10' },
  plucky: { version: '25.04', ended: '2026-01-15' },
};

/** The Ubuntu LTS release a base image can move to (release-codenames table; standard support to 2029-05-31, distro-info-data). */
export const supportedUbuntu = { codename: 'noble', version: '24.04' } as const;

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

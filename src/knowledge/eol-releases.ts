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
// Where the sources are: images of Ubuntu 24.04 and later and of Debian 12 and later keep the distribution's own sources in
// deb822 form, /etc/apt/sources.list.d/ubuntu.sources and /etc/apt/sources.list.d/debian.sources, and their
// /etc/apt/sources.list holds only a comment that says so (tonistiigi/xx#132 with `docker run debian:12 cat
// /etc/apt/sources.list.d/debian.sources`; DataDog/datadog-agent#49503, a sed of sources.list that was a no-op on the
// ubuntu:24.04 image; sjtug/mirror-requests#378 with the 24.04 sources.list comment; Ubuntu's spec "APT deb822 sources by
// default", https://discourse.ubuntu.com/t/spec-apt-deb822-sources-by-default/29333). Older releases, 23.10 included
// (tonistiigi/xx#132, written while 23.10 was current, names 24.04 as the first), use the one-line /etc/apt/sources.list.
// Both forms write the mirror as a URL (`deb http://archive.ubuntu.com/ubuntu …`, `URIs: http://archive.ubuntu.com/ubuntu/`),
// so the same sed rewrites either file.
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

/**
 * Debian releases whose LTS has ended while their suites are still on Debian's mirrors (not yet on archive.debian.org): their
 * Release files are no longer re-signed, so each one expires in turn (apt's `Release file for … is expired`), the security
 * suite first, and none will be refreshed again. The date is the end of LTS: https://wiki.debian.org/LTS (Debian 11
 * "bullseye": LTS until 2026-08-31) and Debian's announcement of bullseye's move to LTS, https://www.debian.org/News/2024/20240815
 * ("LTS … until August 31st, 2026"). Ocelot-Social-Community/Ocelot-Social#10229 and LinuxCNC/linuxcnc#4510 (2026-09-09):
 * `bullseye-security/InRelease is expired` days after that date.
 */
export const ltsEndedDebian: Readonly<Record<string, { ended: string }>> = {
  bullseye: { ended: '2026-08-31' },
};

/**
 * Debian `<codename>-backports` suites closed and moved from Debian's mirrors to archive.debian.org while the release itself
 * was still served (LTS). Backports are not supported through LTS: since 2017 an oldstable-backports suite closes some time
 * after the next stable release and is then removed from the mirrors and moved to the archive (the backports team,
 * https://lists.debian.org/debian-backports/2017/06/msg00055.html, "Deprecation of LTS support for backports"; jessie-backports
 * the same way, https://www.lucas-nussbaum.net/blog/?p=947). apt then prints `Err:… <codename>-backports Release  404  Not Found`
 * and `E: The repository '… <codename>-backports Release' does not have a Release file.` (or `no longer has`) for that one
 * line, while the release's other suites still update.
 * - bullseye: closed one year after Debian 12's release (backports.debian.org/Instructions, quoted in ooni/backend#1024, with the
 *   closing announcement https://lists.debian.org/debian-backports-announce/2024/07/msg00000.html); removed from the mirrors on
 *   2025-07-22 (Wikimedia's incident task https://phabricator.wikimedia.org/T383557: "On 2025-07-22, bullseye-backports was
 *   archived"; docker-library/official-images#19514, 2025-07-21). archive.debian.org/debian/dists/bullseye-backports/ serves it
 *   (tonistiigi/xx#212; sonic-net/sonic-buildimage#23564 with `Get:3 http://archive.debian.org/debian bullseye-backports
 *   InRelease`). The maintainers' fixes: drop the line (armbian/build#8437, tonistiigi/xx#212, SuperManito/LinuxMirrors#98) or
 *   point it at the archive (sonic-net/sonic-buildimage#23564, gramineproject/gsc#257).
 * Older backports (buster's and before) went with their whole release: archivedDebian above, whose sed covers every suite.
 */
export const archivedBackports: Readonly<Record<string, { archived: string }>> = {
  bullseye: { archived: '2025-07-22' },
};

/**
 * The shell command that removes a `<suite>` line (`bullseye-backports`) from the one-line apt sources, in whichever file it is
 * (/etc/apt/sources.list or a file under /etc/apt/sources.list.d/): lines of that suite only, commented or not, other suites
 * of the same host untouched.
 */
export function dropSuiteCommand(suite: string): string {
  return `grep -rl '${suite}' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null | xargs -r sed -E -i '/^[#[:space:]]*deb(-src)?[[:space:]].*[[:space:]]${suite}[[:space:]]/d'`;
}

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

/**
 * The file that holds the distribution's own apt sources on an image of `release` (`Ubuntu 24.10`, `Debian 10`): the deb822
 * `ubuntu.sources` / `debian.sources` from Ubuntu 24.04 and Debian 12, else the one-line /etc/apt/sources.list.
 */
export function aptSourcesFile(release: string): string {
  const m = /^(Ubuntu|Debian) (\d+)(?:\.(\d+))?$/.exec(release);
  if (m === null) return '/etc/apt/sources.list';
  const major = Number(m[2]);
  if (m[1] === 'Ubuntu') return major >= 24 ? '/etc/apt/sources.list.d/ubuntu.sources' : '/etc/apt/sources.list';
  return major >= 12 ? '/etc/apt/sources.list.d/debian.sources' : '/etc/apt/sources.list';
}

/** The shell command that points the image's sources at archive.debian.org, or null for a release not archived. */
export function archiveSourcesCommand(codename: string): string | null {
  const release = archivedDebian[codename];
  if (release === undefined) return null;
  return `sed -i ${release.sedExpressions.map((e) => `-e '${e}'`).join(' ')} ${aptSourcesFile(releaseOfCodename[codename] ?? '')}`;
}

/** The sed expressions that point Ubuntu's mirrors (country mirrors included) and security.ubuntu.com at old-releases. */
const OLD_RELEASES_SED = "sed -i -e 's|//[a-z.]*archive.ubuntu.com|//old-releases.ubuntu.com|g' -e 's|//security.ubuntu.com|//old-releases.ubuntu.com|g'";

/**
 * The shell command that points an Ubuntu image's sources at old-releases.ubuntu.com: for a known version (`24.10`), a sed of
 * the file that release keeps its sources in; for an unknown one, the same sed on every sources file that names Ubuntu's
 * mirrors, whichever form the image uses.
 */
export function ubuntuOldReleasesCommand(version: string | null): string {
  if (version !== null) return `${OLD_RELEASES_SED} ${aptSourcesFile(`Ubuntu ${version}`)}`;
  return `grep -rlE '//([a-z.]*archive|security)\\.ubuntu\\.com' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null | xargs -r ${OLD_RELEASES_SED}`;
}

// Debian / Ubuntu packages that newer releases no longer have, which ML Dockerfiles still name (OpenCV's
// libGL, `add-apt-repository`). The `python:3.x-slim` images moved from Debian 12 (bookworm) to Debian 13
// (trixie) in August 2025 (docker-library/python 093598a, cited in browser-use/web-ui#681), so a Dockerfile
// that built for years fails at `apt-get install` with `has no installation candidate` / `Unable to locate package`.
//
// Each row: the first releases without the package, what to install instead, and where that was checked.
// - libgl1-mesa-glx, libegl1-mesa: transitional packages since Debian 10 (89luca89/distrobox#1005); on Debian 12 they
//   are `transitional dummy package`s depending on `libgl1, libglx-mesa0` and on `libegl1` (apt-cache show, this
//   machine, 2026-12-05). Gone from Debian 13 (distrobox#1005; CatchTheTornado/text-extract-api#126 on python:3.10-slim,
//   citing the trixie release notes' obsolete packages) and from Ubuntu 23.10 (LibrePhotos/librephotos-linux#64: no
//   candidate on 23.10 mantic). The replacements exist on every supported release, so the fix needs no release check.
// - software-properties-common (add-apt-repository): removed from Debian testing in November 2024
//   (tracker.debian.org/news/1579223, bug #1038747), absent from Debian 13 (dokku/dokku#7877, comtrya/comtrya#583);
//   Ubuntu still ships it. No replacement package: a repository is added as a file under /etc/apt/sources.list.d/.
// - python-pip (pip for Python 2): gone with Python 2 from Ubuntu 20.04 (apache/openwhisk#5188, eugenekolo/sec-tools#10:
//   `E: Unable to locate package python-pip` on 20.04; apt itself names `python3-pip` as what replaces it) and from
//   Debian 11 (litnimax/astconfman#69, hyperledger-cello/cello#316 on bullseye; Debian 12 on this machine: `apt-cache
//   policy python-pip` and `python-dev` show `Candidate: (none)`, python3-dev is there). python3-pip installs on Ubuntu 16.04 and 18.04 too (ctxis/crackerjack#3)
//   and ships /usr/bin/pip3 (and /usr/bin/pip on Debian 12: denyhosts/denyhosts#208, apt-file).
// - python-dev (Python 2's headers): gone from Ubuntu 20.04 (renpy/renpy-build#9: "python-dev package no longer exists on
//   20.04"; on 22.04 apt lists `python2-dev python2 python-dev-is-python3` as what replaces it, nicolargo/glancesautoinstall#46)
//   and from Debian 11 ("Starting with the Debian 11 (bullseye) and Ubuntu 20.04 LTS (focal) releases, all python packages
//   use explicit python3 or python2 interpreter": packages.debian.org/bookworm/python-dev-is-python3; Debian 12 on this
//   machine: no candidate, apt lists python-dev-is-python3). python3-dev exists on every release since (packages.ubuntu.com
//   jammy python3-dev, cited in Klipper3d/klipper#6112); python-dev-is-python3 depends on python3-dev and python-is-python3.
// - python3-distutils (the distutils module of the system Python 3): Python 3.12 removed distutils from its standard library
//   (PEP 632; https://docs.python.org/3/whatsnew/3.12.html), and Debian and Ubuntu dropped the package with it, under no new
//   name. Gone from Ubuntu 24.04 (BtbN/FFmpeg-Builds#363, citing packages.ubuntu.com/noble and Launchpad bug 2060772;
//   Distributive-Network/PythonMonkey#356 on 24.04 with Python 3.12.3) and from Debian 13 (labgrid-project/meta-labgrid#72,
//   rauc/meta-rauc#384). Debian 12 has it (this machine: `apt-cache policy python3-distutils`, 3.11.2-3). setuptools carries
//   distutils on (PEP 632's migration advice; python3-setuptools "provides a compatibility layer", meta-labgrid#72), and on
//   Debian 12 python3-setuptools 66.1.1-1+deb12u2 depends on python3-distutils (`apt-cache show`, this machine), so
//   python3-setuptools installs on either side of the change. Ubuntu 23.10 was not checked: tabled as first lacking in 24.04.
// - libc-client-dev (and the real package behind it, libc-client2007e-dev: UW IMAP's c-client, source uw-imap): removed from
//   Debian as unmaintained, absent from Debian 13 (php/pecl-mail-imap#18: "There is no `libc-client` packages in debian 13
//   anymore", with `apt search libc-client` on debian:12 and 13; #21, cmb69: "`libc-client` has been removed from Debian
//   Trixie"; mlocati/docker-php-extension-installer#1140: "they removed the required `libc-client` system library (part of
//   uw-imap) because it's unmaintained"; postfixadmin/docker#88 citing packages.debian.org/source/bookworm/uw-imap). PHP's
//   imap extension is built against it (docker-library/php#1608: `libc-client-dev libkrb5-dev` then `docker-php-ext-configure
//   imap --with-kerberos --with-imap-ssl`). The php images' default tags moved to trixie with docker-library/php#1596 (August
//   2025; postfixadmin/docker#88, martialblog/docker-limesurvey#235), and keep Debian 12 under `-bookworm` tags
//   (`php:8.3-apache` → `php:8.3-apache-bookworm`, `php:8.3-fpm` → `php:8.3-fpm-bookworm`: postfixadmin/docker#88, the
//   maintainer's answer in docker-limesurvey#235). Ubuntu was not checked: tabled as still shipping it (ubuntu: null).
// - libgconf-2-4 (GConf, GNOME's old configuration database; its package description: "for legacy applications and no longer
//   used by GNOME"): the source package gconf is in Debian 11 and 12 only (packages.debian.org/source/bookworm/gconf lists
//   bullseye and bookworm; the package search for gconf2 / libgconf-2-4 finds no trixie entry), gone from Debian 13
//   (koha-community/koha-testing-docker MR 485: "remove gconf pkg from trixie, as it no longer exists";
//   browser-use/web-ui#684 on python:*-slim). Ubuntu shipped it through 23.04 (lunar) and dropped it in 23.10 (mantic), the
//   first release without it: balena-io/etcher#4096 ("Ubuntu 23.10 is no longer packaging gconf2"); keybase/client#25984 (a fresh
//   23.10 cannot install it, and "When I upgrade from ubuntu 23.04 to 23.10, my copy of libgconf-2-4 stays on my system",
//   zheleznovster 2023-11-11); oxen-io/lokinet#2231 (its lunar package depends on gconf2 and does not install on mantic); and
//   an Ubuntu gconf source newer than jammy's 3.2.6-7ubuntu2, 3.2.6-8ubuntu1 (its .dsc kept on build.opensuse.org,
//   home:aggraef:test/gconf2), builds libgconf-2-4. packages.ubuntu.com lists
//   only releases still supported (focal and jammy today), so it cannot show 22.10 / 23.04; Launchpad's publishing history of
//   the source package gconf (launchpad.net/ubuntu/+source/gconf) is where the per-release record is.
//   Electron stopped needing it in 7.0.0 (electron/electron#2727, cited in etcher#4096; balena-io/etcher#4226 dropped the
//   gconf2 / libgconf-2-4 dependencies and ran on Debian testing). Nothing replaces it: GNOME moved to dconf / GSettings.

export interface DroppedPackage {
  /** The package name Dockerfiles still use. */
  name: string;
  /** The first releases that lack it, as people write them. */
  goneFrom: string;
  /** The first Debian major release without it. */
  debianMajor: number;
  /** The first Ubuntu release without it (`[23, 10]` for 23.10), null when Ubuntu still has it. */
  ubuntu: readonly [number, number] | null;
  /** What provides the same files on every supported release; empty when nothing replaces it. */
  replacement: readonly string[];
  /** What the package was for, for the advice when nothing replaces it. */
  purpose: string;
  /** Why the replacement fits, said after "replace it with …:"; empty when nothing replaces it. */
  replacementNote: string;
  /** Which base images moved to a release without it, for a log that does not show the release. */
  movedNote: string;
  /** When nothing replaces it: what else goes with it (the build step that needs it), said after "nothing replaces it."
   *  (plain text: an enricher's value is quoted, not rendered as code); empty for the add-apt-repository advice. */
  removeNote: string;
  /** A base tag that names Debian 12, as the example of pinning the release (`python:3.11-slim-bookworm`). */
  pinExample: string;
}

// plain text: an enricher's value is quoted, not rendered as code
const SLIM_MOVED = "Base images that follow the current release moved there (python:3.x-slim is Debian 13 since August 2025); the log does not show this base's release.";
const PY_PIN = 'python:3.11-slim-bookworm';
const MESA_NOTE = 'the packages it only pulled in, which exist on older releases too, so the line keeps working on any base.';

export const DROPPED_PACKAGES: readonly DroppedPackage[] = [
  {
    name: 'libgl1-mesa-glx',
    goneFrom: 'Debian 13 (trixie) and Ubuntu 23.10',
    debianMajor: 13,
    ubuntu: [23, 10],
    replacement: ['libgl1', 'libglx-mesa0'],
    purpose: "the transitional name of Mesa's libGL (what OpenCV's cv2 loads)",
    replacementNote: MESA_NOTE,
    movedNote: SLIM_MOVED,
    removeNote: '',
    pinExample: PY_PIN,
  },
  {
    name: 'libegl1-mesa',
    goneFrom: 'Debian 13 (trixie) and Ubuntu 23.10',
    debianMajor: 13,
    ubuntu: [23, 10],
    replacement: ['libegl1'],
    purpose: "the transitional name of Mesa's libEGL",
    replacementNote: MESA_NOTE,
    movedNote: SLIM_MOVED,
    removeNote: '',
    pinExample: PY_PIN,
  },
  {
    name: 'software-properties-common',
    goneFrom: 'Debian 13 (trixie)',
    debianMajor: 13,
    ubuntu: null,
    replacement: [],
    purpose: 'the package of add-apt-repository',
    replacementNote: '',
    movedNote: SLIM_MOVED,
    removeNote: '',
    pinExample: PY_PIN,
  },
  {
    name: 'python-pip',
    goneFrom: 'Debian 11 (bullseye) and Ubuntu 20.04',
    debianMajor: 11,
    ubuntu: [20, 4],
    replacement: ['python3-pip'],
    purpose: 'pip for Python 2',
    replacementNote:
      "pip for Python 3 (Python 2's packages went with it: python-dev likewise becomes python3-dev). python3-pip installs as " +
      'far back as Ubuntu 16.04, so the line keeps working on any base; the build then runs pip3 and Python 3, so code that only runs on Python 2 needs porting.',
    movedNote: "ubuntu:latest and debian:latest are such releases today; the log does not show this base's release.",
    removeNote: '',
    pinExample: PY_PIN,
  },
  {
    name: 'python-dev',
    goneFrom: 'Debian 11 (bullseye) and Ubuntu 20.04',
    debianMajor: 11,
    ubuntu: [20, 4],
    replacement: ['python3-dev'],
    purpose: "the headers of Python 2",
    replacementNote:
      'the headers of Python 3, what a C extension built for python3 needs (python-dev-is-python3 installs python3-dev too, and points ' +
      'python and python-config at Python 3, for scripts that call them). Code that only runs on Python 2 needs porting.',
    movedNote: "ubuntu:latest and debian:latest are such releases today; the log does not show this base's release.",
    removeNote: '',
    pinExample: PY_PIN,
  },
  {
    name: 'python3-distutils',
    goneFrom: 'Debian 13 (trixie) and Ubuntu 24.04',
    debianMajor: 13,
    ubuntu: [24, 4],
    replacement: ['python3-setuptools'],
    purpose: "the distutils module of the system's Python 3 (Python 3.12 removed distutils from its standard library, PEP 632, so no package of a new name replaces it)",
    replacementNote:
      "setuptools carries distutils on: an import of distutils finds its copy on Python 3.12 and later. On Debian 12 python3-setuptools " +
      'depends on python3-distutils, so the line keeps working on older bases too. A build that never imports distutils needs neither: just remove it.',
    movedNote: "Base images that follow the current release moved there (debian:latest, ubuntu:latest, python:3.x-slim since August 2025); the log does not show this base's release.",
    removeNote: '',
    pinExample: PY_PIN,
  },
  {
    name: 'libgconf-2-4',
    goneFrom: 'Debian 13 (trixie) and Ubuntu 23.10',
    debianMajor: 13,
    ubuntu: [23, 10],
    replacement: [],
    purpose: "GConf, GNOME's old configuration library, kept for legacy applications",
    replacementNote: '',
    movedNote: SLIM_MOVED,
    removeNote:
      'Old dependency lists for headless browsers and Electron apps carry it, but Electron stopped needing it in 7.0; only a ' +
      'program that still loads libgconf-2.so.4 needs a release that has it.',
    pinExample: PY_PIN,
  },
  ...['libc-client-dev', 'libc-client2007e-dev'].map((name) => ({
    name,
    goneFrom: 'Debian 13 (trixie)',
    debianMajor: 13,
    ubuntu: null,
    replacement: [],
    purpose: "the headers of UW IMAP's c-client library, which PHP's imap extension is built against",
    replacementNote: '',
    movedNote:
      "The php images' default tags (php:8.3-apache, php:8.3-fpm, …) moved to Debian 13 in August 2025; the log does not show this base's release.",
    removeNote:
      "Drop PHP's imap extension with it (its docker-php-ext-configure imap and docker-php-ext-install imap lines): it cannot be " +
      'built without c-client, and Debian 13 has no c-client at all.',
    pinExample: 'php:8.3-apache-bookworm',
  })),
];

/** The names, for a rule's literals and pattern. */
export const droppedPackageNames: readonly string[] = DROPPED_PACKAGES.map((p) => p.name);

export function droppedPackage(name: string): DroppedPackage | null {
  return DROPPED_PACKAGES.find((p) => p.name === name) ?? null;
}

/** Whether the release in fact `os` (`Debian 13`, `Ubuntu 24.04`) is one that lacks the package; null when unknown. */
export function releaseLacks(pkg: DroppedPackage, os: string | null): boolean | null {
  if (os === null) return null;
  const debian = /^Debian (\d{1,2})\b/.exec(os);
  if (debian) return Number(debian[1]) >= pkg.debianMajor;
  const ubuntu = /^Ubuntu (\d{2})\.(\d{2})\b/.exec(os);
  if (ubuntu) {
    if (pkg.ubuntu === null) return false;
    const [major, minor] = pkg.ubuntu;
    const [m, n] = [Number(ubuntu[1]), Number(ubuntu[2])];
    return m > major || (m === major && n >= minor);
  }
  return null;
}

/**
 * The same image pinned to Debian 12, for the official images whose tags take a release suffix
 * (`python:3.11-slim` → `python:3.11-slim-bookworm`); null for any other image or a tag that already names a release.
 */
export function bookwormTagOf(image: string | null): string | null {
  if (image === null) return null;
  const m = /^((?:docker\.io\/)?(?:library\/)?(?:python|php)):([\w.-]{1,100})$/.exec(image);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const tag = m[2];
  if (/-(?:bookworm|bullseye|buster|trixie|alpine[\w.]*)$|^(?:bookworm|bullseye|buster|trixie)$/.test(tag)) return null;
  // `latest` has no `latest-bookworm`; the release alone is its pinned alias.
  return tag === 'latest' ? `${m[1]}:bookworm` : `${m[1]}:${tag}-bookworm`;
}

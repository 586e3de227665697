// apt could not download package lists or packages. Which causes a retry fixes decides `retryable`:
// - DNS, connection and 5xx failures and a mirror caught mid-sync are transient (apt itself prints
//   "Mirror sync in progress?" with `File has unexpected size`: apt-mirror/apt-mirror#167; `Hash Sum
//   mismatch` while a mirror syncs: aptly-dev/aptly#313, docker-library/official-images#3703);
// - a missing signing key and a 404 from stale lists or an end-of-life release are not.
// NVIDIA's 2022 key rotation (NO_PUBKEY A4B469963BF863CC): knowledge/nvidia-repos.ts (keys, steps)
// and knowledge/nvidia-key-enricher.ts (the keyring for the repository in the log, fetched with
// `ADD` because old CUDA images have neither curl nor wget, and the retired nvidia-ml.list removed:
// NVIDIA/nvidia-docker#1631, NVIDIA/deepops#1166). `-o Acquire::Retries=N`: apt.conf(5), and
// Debian/apt#122 (apt's maintainer suggests it for flaky downloads).
// `BADSIG` is not a missing key: the installed key checked the signature and it does not match the
// `Release` file. On NVIDIA's repository that was its CDN serving a `Release` and a `Release.gpg` of
// different dates, reported from many countries the same day and gone later (NVIDIA/nvidia-docker#613,
// #969, #1178, #1369): retryable; nothing in the image fixes it, and a build that needs no CUDA apt
// package can drop NVIDIA's sources (`cuda.list`, `nvidia-ml.list`, the names NVIDIA's images use).
// A 404 on a repository's own index (`…/InRelease`, `…/Release`, `…/Packages`) is `apt-get update` failing to read
// the repository, not stale lists: stale lists show as a 404 on a `.deb` during `apt-get install` (Docker's
// best-practices page, "apt-get"). On NVIDIA's repository that was its CDN: on 2022-03-30 the CUDA and
// machine-learning repositories answered 404 for ubuntu1604, 1804 and 2004 alike, and NVIDIA's maintainer called it
// "a known issue" being resolved on their side (NVIDIA/nvidia-docker#1624): retryable, and a build that needs no
// CUDA apt package can drop NVIDIA's sources, as for BADSIG.
// A 404 on a package file (`…/containerd.io_2.2.1-1%7eubuntu.24.04%7enoble_arm64.deb  404  Not Found`) when the log shows
// the package lists refreshed just before (apt's `Hit:`/`Get:… InRelease` lines, or a traced or typed `apt-get update`) is
// not stale lists either: the index apt just read lists a version the server has no file for. A vendor pulled the file or
// published the index before it (docker/docker-install#544 and docker/for-linux#1557: Docker's repository listed
// containerd.io 2.2.1 with the .deb gone from its pool, fixed on Docker's side; syncthing/syncthing#4290, "a temporary
// situation" per the maintainer; pop-os/pop#3962), or a mirror is between syncs (RPi-Distro/repo#136). The way round it
// until the repository is fixed is the previous version: `apt-cache madison PKG` lists the versions the index offers
// (apt-cache(8)), `apt-get install PKG=VERSION` installs one (apt-get(8)).
//
// An EXPIRED key is not a missing one either: the key is installed, and the (sub)key that made the signature is past
// its expiry, so the verifier rejects it and apt treats the repository as unsigned. gpgv says `EXPKEYSIG <keyid>`
// (yarnpkg/yarn#7866, #8924), apt ≥ 3.0's sqv `Signing key on <fingerprint> is bad: … The subkey is not live
// because: Expired on <date>` (yarnpkg/yarn#9217; rails/buildkite-config#170; ronivay/XenOrchestraInstallerUpdater#347).
// Yarn's subkeys expired on 2019-01-01 (yarnpkg/yarn#6865), 2020-02-02 (#7866), 2021-02 (#8569) and 2026-01-23.
// Two cases: the vendor extended the key's expiry or added a new key, and downloading the key again fixes it
// (yarnpkg/yarn#7866, the maintainer's answer in 2020); or the repository itself is still signed by the dead subkey,
// and no client-side change helps (yarnpkg/yarn#9217, 2026-01-23: builds stopped using Yarn's apt repository,
// rails/buildkite-config#170). Yarn's own case went from the second to the first: its old signing subkeys expired on
// 2026-01-23, and on 2026-01-28 Yarn started signing with a new ed25519 key, added to
// https://dl.yarnpkg.com/debian/pubkey.gpg (devcontainers/features#1547 and #1548, with `gpg --show-keys` of the file).
// apt reads armored keys from `/etc/apt/trusted.gpg.d/*.asc` (ronivay/XenOrchestraInstallerUpdater#255 installs
// Yarn's key there). `gpg
// --show-keys FILE` prints each subkey with its `[expires: …]` / `[expired: …]` date (openstreetmap/chef#610 checks the
// downloaded key the same way). Yarn 1 is on npm as `yarn` (`npm install --global yarn`, Yarn's install docs).
//
// A third-party repository whose key rotated: the log names the repository (`Err:8 https://apt.kitware.com/ubuntu focal
// InRelease`, `W: GPG error: <url> …`, `The repository '<url> …' is not signed`) and the key (`NO_PUBKEY <id>`); the fix
// names both. Vendors whose keys rotated under builds:
// - Kitware (apt.kitware.com): NO_PUBKEY 42D5A192B819C5DA (NVIDIA-ISAAC-ROS/isaac_ros_common#50, fixed by #108 "Update GPG
//   key for kitware"), 1A127079A92F09ED (envoyproxy/envoy-build-tools#307, the 2024 key). Kitware's instructions
//   (https://apt.kitware.com/, quoted in GuillaumeDua/CppShelf#203): `wget -O - https://apt.kitware.com/keys/kitware-archive-latest.asc
//   | gpg --dearmor - | tee /usr/share/keyrings/kitware-archive-keyring.gpg`, a source with `signed-by=` that file,
//   `apt-get update`, `rm` of that file, then the `kitware-archive-keyring` package, which keeps the key current as Kitware rotates it (aws/sagemaker-scikit-learn-container#66,
//   #99; aws/sagemaker-xgboost-container#239) and installs it at that same path (ossia/libossia#926).
// - Apache Arrow (apache.jfrog.io/artifactory/arrow): NO_PUBKEY 275C532289DD0F4A in an osgeo/GDAL base image
//   (NOAA-OWP/inundation-mapping#1168; its fix #1172 removed the Arrow source). Arrow's maintainer: install the current
//   `apache-arrow-apt-source-latest-<codename>.deb` as arrow.apache.org/install says, or import
//   https://downloads.apache.org/arrow/KEYS (kou in apache/arrow#40967). The install page (apache/arrow-site install.md)
//   now downloads it from https://packages.apache.org/artifactory/arrow/<distribution>/, no longer apache.jfrog.io. The
//   repository is signed with release managers' keys, new ones added over time (apache/arrow#5786).
import type { RuleInput } from '../../schema.js';
import { archivedDebian, endedUbuntu, ubuntuOldReleasesCommand } from '../../../knowledge/eol-releases.js';
import {
  HOST_SECCOMP_CAUSE,
  HOST_SECCOMP_CHECK_COMMANDS,
  HOST_SECCOMP_REMEDY_BUILD,
  HOST_SECCOMP_REMEDY_RUN,
} from '../../../knowledge/host-seccomp.js';

/** The codenames of Debian releases moved to archive.debian.org, as a regex alternation. */
const ARCHIVED_CODENAMES = Object.keys(archivedDebian).join('|');

/** The codenames of Ubuntu releases past their end of life, as a regex alternation. */
const ENDED_UBUNTU = Object.keys(endedUbuntu).join('|');

/**
 * apt's own line for a suite of an end-of-life Ubuntu release whose index is gone:
 * `Err:6 http://archive.ubuntu.com/ubuntu eoan Release` (its `404  Not Found` follows on the next line).
 */
const UBUNTU_EOL_SUITE_ERR = `Err:\\d{1,4} https?://(?:[a-z]{2}\\.)?(?:archive|security)\\.ubuntu\\.com/ubuntu/? (?<codename>${ENDED_UBUNTU})(?:-[a-z]{1,20})? (?:In)?Release\\b`;

/**
 * apt's own line for a suite of a Debian release moved to archive.debian.org (knowledge/eol-releases.ts), from Debian's mirrors
 * or any other host that still names it: `Err:3 http://debian-archive.trafficmanager.net/debian-security buster/updates Release`
 * (its `404  Not Found` follows on the next line; sonic-net/sonic-buildimage#23336, a paste cut before apt's `E:` lines). `base`
 * is the address up to the archive's name (`debian` or `debian-security`), which the fix points at archive.debian.org; a 404
 * from archive.debian.org itself is another cause.
 */
const DEBIAN_EOL_SUITE_ERR = `Err:\\d{1,4} (?<base>https?://(?!archive\\.debian\\.org[/:])(?<host>[A-Za-z0-9.-]{1,200})(?::\\d{1,5})?/(?:[^\\s]{0,100}/)?(?<archive>debian-security|debian))/? (?<suite>(?<codename>${ARCHIVED_CODENAMES})(?:/updates|-updates|-security|-backports)?) (?:In)?Release\\b`;

/**
 * apt's line for the official images' docker-clean hook that failed (`APT::Update::Post-Invoke` after `apt-get update`,
 * `DPkg::Post-Invoke` after dpkg ran): `rm -f /var/cache/apt/archives/*.deb … || true`.
 */
const POST_INVOKE_DOCKER_CLEAN =
  "Problem executing scripts (?<hook>APT::Update::Post-Invoke|DPkg::Post-Invoke) 'rm -f /var/cache/apt/archives/\\*\\.deb[^'\\n]{0,300}\\|\\| true'";

/** An `InRelease` of the distribution's own archive, as apt names it: `http://deb.debian.org/debian bookworm InRelease`. */
const DISTRO_ARCHIVE_INDEX =
  "https?://(?:(?:deb|security|ftp\\.[a-z]{2})\\.debian\\.org|(?:[a-z]{2}\\.)?(?:archive|security|ports)\\.ubuntu\\.com)/[^\\s']{0,100} [a-z0-9/-]{1,60} InRelease";

const updateInSameRun = [
  'Update and install in the same `RUN`, so a cached, stale package list is never used:',
  '',
  '```dockerfile',
  'RUN apt-get update && apt-get install {context.install.args} && rm -rf /var/lib/apt/lists/*',
  '```',
].join('\n');

/** The Dockerfile lines that enrol NVIDIA's current key for the log's repository (ADD needs no curl or wget in the image). */
const enrolKeyDockerfile: readonly string[] = [
  '```dockerfile',
  'ADD {enrich.keyUrl} /tmp/',
  'RUN rm -f /etc/apt/sources.list.d/nvidia-ml.list \\',
  ' && (apt-key del 7fa2af80 || true) \\',
  ' && {enrich.keyInstall} \\',
  ' && apt-get update',
  '```',
];

/** Removing NVIDIA's apt sources before the update, for builds that install nothing from them. */
const dropNvidiaSourcesDockerfile: readonly string[] = [
  '```dockerfile',
  'RUN rm -f /etc/apt/sources.list.d/cuda.list /etc/apt/sources.list.d/nvidia-ml.list && apt-get update',
  '```',
];

/** The same in a Dockerfile and, as root, in a shell: for logs that do not show where apt ran. */
const dropNvidiaSourcesEither: readonly string[] = [
  ...dropNvidiaSourcesDockerfile,
  'in a shell, as root:',
  '',
  '```sh',
  'rm -f /etc/apt/sources.list.d/cuda.list /etc/apt/sources.list.d/nvidia-ml.list && apt-get update',
  '```',
];

/** NVIDIA's repository answered 404 for its own index, which `apt-get update` reads. */
const NVIDIA_INDEX_404 =
  "NVIDIA's apt repository answered 404 for its own index (`{context.nvidiaIndex404.url}`), which `apt-get update` " +
  'itself downloads: the repository was unavailable on the server side (NVIDIA\'s download servers have had outages ' +
  'that hit every Ubuntu release at once). The package lists are not stale, and nothing in the build caused it.';

/** A BADSIG on NVIDIA's repository: its key is installed, the files it was served disagree. */
const NVIDIA_BADSIG =
  'apt has NVIDIA\'s key, but the signature it downloaded for `{repository}` does not match the `Release` file ' +
  '(`BADSIG {badKey}`): NVIDIA\'s download servers were serving a `Release` and a `Release.gpg` that do not belong ' +
  'together. The key is not missing, and the `is not signed` line only follows from the bad signature.';

/**
 * `NO_PUBKEY` or `At least one invalid signature` on the distribution's own archive. Its keys ship in the image, so
 * gpgv (which apt runs to check the `InRelease` signature) failed in the container. Known causes, all on the host:
 * - a Docker engine or libseccomp older than the image's release (knowledge/host-seccomp.ts, its facts and sources).
 * - a full disk under Docker (Docker Desktop's disk image): `At least one invalid signature`, gone after pruning
 *   images and containers (docker/for-mac#6963, its only apt line `W: GPG error: … At least one invalid signature was
 *   encountered.`; docker-library/php#898). `docker builder prune` removes build cache (docker-builder-prune(1));
 *   Docker Desktop's disk image has its size setting under Settings → Resources ("Disk image size", docker/docs#14523).
 * - a proxy or content filter that rewrites `InRelease` (tianon, tianon/docker-brew-ubuntu-core#173).
 * Which one it is, the log does not show: the fix gives the checks for each.
 */
const DISTRO_ARCHIVE_REFUSED =
  "apt rejects the signature of {fact.os|the distribution}'s own archive (`NO_PUBKEY` or `invalid signature` on its " +
  "official mirrors). Those keys ship in the image's keyring, so importing keys cannot help: gpgv, " +
  `which apt runs to check them, failed inside the container. The known causes are on the Docker host: ${HOST_SECCOMP_CAUSE}, ` +
  'or a full disk under Docker.';

/** The checks on the Docker host that tell the causes of DISTRO_ARCHIVE_REFUSED apart, and what each answer means. */
const DISTRO_ARCHIVE_CHECKS = [
  "Nothing in the Dockerfile fixes this; check the host that runs the build (the log does not show which cause it is):",
  '',
  '```sh',
  ...HOST_SECCOMP_CHECK_COMMANDS,
  'df -h /var/lib/docker /tmp',
  'docker system df',
  '```',
  HOST_SECCOMP_REMEDY_BUILD,
  '- The filesystem of Docker\'s root dir full or nearly full (Docker Desktop: its disk image): free space and build',
  '  again. `docker system df` shows what takes it; `docker builder prune` removes the build cache, `docker image prune`',
  '  and `docker container prune` unused images and stopped containers (`docker system prune` all three). On Docker',
  '  Desktop, a bigger disk image is its disk size setting under Settings → Resources.',
  '- Neither: an apt proxy or filter on the way may be rewriting `InRelease`; build once without it.',
].join('\n');

/**
 * The same refusal typed at a machine's own shell (no container): no seccomp profile is in the way there. apt checks
 * signatures as its unprivileged `_apt` user, and a keyring file in /etc/apt/trusted.gpg.d that user cannot read is
 * left out (newer apt says so: `The key(s) in the keyring /etc/apt/trusted.gpg.d/… are ignored as the file is not
 * readable by user '_apt' executing apt-key.`); the ubuntuforums thread "xenial sources.list broken" (2017-02-28):
 * every archive `invalid signature`, fixed by removing the two keyring files of mode 0640.
 */
const DISTRO_ARCHIVE_REFUSED_HOST =
  "apt on this machine rejects the signature of {fact.os|the distribution}'s own archive (`NO_PUBKEY` or `invalid signature` on its " +
  'official mirrors). Those keys come with the system\'s keyring package, so importing keys does not help. apt checks signatures as ' +
  'its unprivileged `_apt` user: a keyring file that user cannot read, a full disk, or a proxy that rewrites the files breaks the check.';

const DISTRO_ARCHIVE_CHECKS_HOST = [
  'Check the keyrings apt reads, and the disk:',
  '',
  '```sh',
  'ls -la /etc/apt/trusted.gpg /etc/apt/trusted.gpg.d/',
  'df -h /var/lib/apt /tmp',
  '```',
  '- A keyring file not readable by all (`-rw-r-----`, `-rw-------`): apt\'s `_apt` user cannot read it. Keyrings hold',
  '  public keys only: make them readable (`sudo chmod a+r /etc/apt/trusted.gpg.d/*`) or remove a stale one, then `sudo apt update`.',
  '- A full filesystem: free space, then update again.',
  '- Neither: an apt proxy or filter on the way may be rewriting `InRelease`; update once without it.',
].join('\n');

/**
 * apt could not run the image's own docker-clean hook (`rm -f … || true`, which cannot fail by itself): the shell that
 * runs it could not start, the sign of a host whose seccomp profile is older than the image (knowledge/host-seccomp.ts).
 */
const POST_INVOKE_BLOCKED =
  "apt could not run its own `{context.postInvoke.hook}` hook, the image's docker-clean (`rm -f /var/cache/apt/… || true`): " +
  'a command that cannot fail by itself, so what failed is starting it, not the package lists (they downloaded). That is ' +
  `the known sign of a Docker host too old for {fact.os|the image}: ${HOST_SECCOMP_CAUSE}.`;

/** The host checks for POST_INVOKE_BLOCKED, ahead of the remedy fitted to the place. */
const POST_INVOKE_CHECKS = [
  'Nothing in the image or the Dockerfile causes this; check the Docker host that ran it:',
  '',
  '```sh',
  ...HOST_SECCOMP_CHECK_COMMANDS,
  '```',
].join('\n');

/**
 * nginx signs its repository with more than one key: nginx_signing.key holds 8540A6F18833A80E9C1653A42FD21310B49F6B46
 * (`signing-key-2`, rsa4096, 2024-05-29), 573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 (the 2011 key, expires 2027-05-24)
 * and 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3 (`signing-key-3`) (nginx/documentation, the agent install steps with
 * their `gpg --import-options import-show` output). Debian install steps, keyring path and `signed-by=`:
 * https://nginx.org/en/linux_packages.html. docker-nginx's Dockerfile fetched the keys one by one and its export
 * wrote only the first, so `NO_PUBKEY 2FD21310B49F6B46` once the repository was signed with the 2024 key; fixed
 * upstream (nginx/docker-nginx commit 0b49b8b, docker-library/official-images#19467; nginx/docker-nginx-unprivileged#327).
 */
const NGINX_KEY_MISSING =
  'apt refuses nginx\'s repository (`{repository|nginx.org/packages}`): it is signed with the key `{key|the NO_PUBKEY line names}`, ' +
  "and the keyring that the source's `signed-by=` names does not hold it. nginx signs with more than one key (since " +
  '2024 also 8540A6F1…2FD21310B49F6B46 beside the 2011 key 573BFD6B…ABF5BD827BD9BF62), and a keyring made from one of them fails.';

/** Where the Dockerfile came from nginx's own image. */
const NGINX_UPSTREAM_NOTE =
  "A Dockerfile copied from nginx's official image (docker-nginx) that fetches the keys one by one and exports them wrote " +
  'only the first key before the 2025 fix: take the current upstream Dockerfile.';

/** A 404 on a package file that the index apt had just downloaded lists (see the comment at the top). */
const INDEX_WITHOUT_FILE_MESSAGE =
  'The repository answered 404 for `{context.deb404.file}`, a file of `{context.deb404.package}` that its index lists. The package ' +
  'lists are not stale: they were refreshed just before, so the index apt read and the files on `{context.deb404.host}` disagree. ' +
  'The repository published an index naming a file it has since pulled (or not uploaded yet), or a mirror of it is between syncs: ' +
  'nothing on this side caused it.';

function indexWithoutFileFix(pinWhere: string): string {
  return [
    'Check that the file is still missing, and see which versions the index offers:',
    '',
    '```sh',
    'curl -sI {context.deb404.url} | head -n 1   # 404: still missing',
    'apt-cache madison {context.deb404.package}',
    '```',
    "- Retry later: the repository's owner has to restore the file or publish a fixed index; report it to them if it persists.",
    '- Meanwhile install the version below it that `apt-cache madison` lists, written as `{context.deb404.package}=` followed by that ' +
      'version as madison prints it, ' + pinWhere + '. Packages of the same vendor that require this one at its exact version ' +
      'may need their matching versions pinned too.',
  ].join('\n');
}

const INDEX_WITHOUT_FILE = {
  title: 'Package file missing from the repository that lists it',
  message: INDEX_WITHOUT_FILE_MESSAGE,
  fix: indexWithoutFileFix('in the same `apt-get install` (in a Dockerfile, the same `RUN` as the update)'),
};

/** The same, the install run by a script that traces its commands (`curl -fsSL https://get.docker.com | sh`). */
const INDEX_WITHOUT_FILE_SCRIPT = {
  title: 'Package file missing from the repository that lists it',
  message: INDEX_WITHOUT_FILE_MESSAGE,
  fix: indexWithoutFileFix(
    'in place of `{context.deb404.package}` in the install the script ran, run by hand as root: `{context.scriptInstall.command}`',
  ),
};

/**
 * Points the sources at old-releases.ubuntu.com, country mirrors included, for a release the log does not date: every file
 * that names Ubuntu's mirrors, one-line or deb822 (24.04 and later keep them in ubuntu.sources; knowledge/eol-releases.ts).
 * A dated release gets `{enrich.oldReleasesCommand}`, the sed of the one file its images use.
 */
export const UBUNTU_OLD_RELEASES_ANY = ubuntuOldReleasesCommand(null);

/**
 * The Ubuntu variants for one way of seeing the release's suites gone (`ubuntuEol`: apt's `does not have a Release file`;
 * `ubuntuEolSuite&notFound`: its `Err:… Release` and `404  Not Found` lines). A tabled release gets its name, end-of-life date
 * and a supported image first; any other codename the check that it moved.
 */
function ubuntuEolVariants(when: string): NonNullable<RuleInput['variants']> {
  const codename = `{context.${when.split('&')[0]}.codename}`;
  const title = 'Ubuntu release past its end of life, moved to old-releases.ubuntu.com';
  const dated =
    '{enrich.eolRelease} reached its end of life on {enrich.eolEnded}, and Ubuntu has moved its suites from archive.ubuntu.com ' +
    'and security.ubuntu.com to old-releases.ubuntu.com: every `Release` file of it now answers 404, so `apt-get update` has nothing to read.';
  const undated =
    `Ubuntu's mirrors have no \`Release\` file for \`${codename}\`: a release past its end of life is moved from archive.ubuntu.com ` +
    'and security.ubuntu.com to old-releases.ubuntu.com.';
  const check = [
    'Check that old-releases.ubuntu.com has it (an answer `200` means it moved there):',
    '',
    '```sh',
    `curl -sI http://old-releases.ubuntu.com/ubuntu/dists/${codename}/Release | head -n 1`,
    '```',
  ];
  const stopgapImage = ['```dockerfile', 'RUN {enrich.oldReleasesCommand}', '```'];
  const stopgapShell = ['```sh', '{enrich.oldReleasesCommand}', '```'];
  const anyImage = ['```dockerfile', `RUN ${UBUNTU_OLD_RELEASES_ANY}`, '```'];
  const anyShell = ['```sh', UBUNTU_OLD_RELEASES_ANY, '```'];
  return [
    {
      when: `${when}&enrich.eolEnded&fact.place=image-build`,
      title,
      message: dated,
      fix: [
        'Move the base image to a supported Ubuntu release, {enrich.supported}{enrich.baseNote|} (the packages the `RUN` installs',
        'may have other names there). As a stopgap that keeps the old release (it gets no security updates), point apt at',
        'old-releases.ubuntu.com in a `RUN` before the failing one:',
        '',
        ...stopgapImage,
      ].join('\n'),
    },
    {
      when: `${when}&enrich.eolEnded`,
      title,
      message: dated,
      fix: [
        'Move to a supported Ubuntu release, {enrich.supported}. As a stopgap that keeps the old release (no security updates),',
        'point apt at old-releases.ubuntu.com (as root; in a Dockerfile, as a `RUN` before the failing one), then update again:',
        '',
        ...stopgapShell,
      ].join('\n'),
    },
    {
      when: `${when}&fact.place=image-build`,
      title,
      message: undated,
      fix: [
        'Move the base image to a supported Ubuntu release. To confirm the move, or to keep the release as a stopgap (no security',
        'updates): ' + check[0]!,
        ...check.slice(1),
        'then point the sources at the old releases (every sources file that names Ubuntu\'s mirrors: `/etc/apt/sources.list`, or',
        '`/etc/apt/sources.list.d/ubuntu.sources` from 24.04) in a `RUN` before the failing one:',
        '',
        ...anyImage,
      ].join('\n'),
    },
    {
      when,
      title,
      message: undated,
      fix: [
        'Move to a supported Ubuntu release. To confirm the move, or to keep the release as a stopgap (no security updates): ' + check[0]!,
        ...check.slice(1),
        'then point the sources at the old releases (every sources file that names Ubuntu\'s mirrors: `/etc/apt/sources.list`, or',
        '`/etc/apt/sources.list.d/ubuntu.sources` from 24.04), as root; in a Dockerfile, as a `RUN` before the failing one:',
        '',
        ...anyShell,
      ].join('\n'),
    },
  ];
}


/**
 * A Debian backports suite gone from the mirrors (`debianBackportsGone`, knowledge/eol-releases.ts archivedBackports): only its
 * line fails, so the fix removes that line, or points it at archive.debian.org for a build that installs from it. A tabled
 * suite gets the date it left; any other the check that the archive has it. sources.list(5): a source's `check-valid-until=no`
 * option (or `-o Acquire::Check-Valid-Until=false`, apt.conf(5)) for an archive that is no longer refreshed.
 */
function backportsGoneVariants(): NonNullable<RuleInput['variants']> {
  const title = 'Debian backports suite retired from the mirrors';
  const dated =
    '`{enrich.backportsSuite}` left Debian\'s mirrors for archive.debian.org on {enrich.backportsArchived}: backports are not kept ' +
    "through a release's long-term support, so this suite was closed and removed on its own, ahead of the release's other suites. " +
    'apt fails on this one line of the sources: it is neither the network nor stale package lists.';
  const undated =
    "Debian's mirror has no `Release` file for `{enrich.backportsSuite}`: backports are not kept through a release's long-term " +
    'support, so a closed backports suite is removed from the mirrors and moved to archive.debian.org, ahead of the release\'s ' +
    'other suites. apt fails on this one line of the sources: it is neither the network nor stale package lists.';
  const archiveLine = 'deb http://archive.debian.org/debian {enrich.backportsSuite} main';
  const archiveNote = [
    'Only if the build installs a package from it (`-t {enrich.backportsSuite}`), point that line at the archive instead, with the',
    'components it had:',
    '',
    '```',
    archiveLine,
    '```',
    '',
    "If apt then says that Release file is expired, the archive is no longer refreshed: write the line as",
    '`deb [check-valid-until=no] http://archive.debian.org/debian {enrich.backportsSuite} main`.',
  ];
  const check = [
    'Check that it moved (`200`: the archive has it):',
    '',
    '```sh',
    'curl -sI http://archive.debian.org/debian/dists/{enrich.backportsSuite}/Release | head -n 1',
    '```',
    '',
  ];
  const shellFix = (checkFirst: boolean): string =>
    [
      ...(checkFirst ? check : []),
      'Remove that suite\'s lines from the apt sources (as root; in a Dockerfile, as a `RUN` before the failing one; where a script',
      'writes the line, remove it there), then update again:',
      '',
      '```sh',
      '{enrich.dropSuiteCommand} && apt-get update',
      '```',
      '',
      ...archiveNote,
    ].join('\n');
  const imageFix = (checkFirst: boolean): string =>
    [
      ...(checkFirst ? check : []),
      'Remove that suite\'s lines from the apt sources in a `RUN` before the failing one (or drop the line where the Dockerfile',
      'or a script it runs writes it):',
      '',
      '```dockerfile',
      'RUN {enrich.dropSuiteCommand}',
      '```',
      '',
      ...archiveNote,
    ].join('\n');
  return [
    { when: 'debianBackportsGone&enrich.backportsArchived&fact.place=image-build', title, message: dated, fix: imageFix(false) },
    { when: 'debianBackportsGone&enrich.backportsArchived', title, message: dated, fix: shellFix(false) },
    { when: 'debianBackportsGone&enrich.backportsSuite&fact.place=image-build', title, message: undated, fix: imageFix(true) },
    { when: 'debianBackportsGone&enrich.backportsSuite', title, message: undated, fix: shellFix(true) },
  ];
}

/**
 * A third-party repository without the suite a line names (knowledge/vendor-no-release-enricher.ts): for a vendor that moves
 * the releases it dropped to an archive of its own (knowledge/vendor-apt-archives.ts), the line pointed there; for any
 * other, the check of what the repository serves and the ways out.
 */
function vendorNoReleaseVariants(): NonNullable<RuleInput['variants']> {
  const title = 'Third-party apt repository no longer serves this release';
  const archived =
    'apt found no `Release` file for `{context.vendorNoRelease.suite}` in {enrich.vendorName} (`{context.vendorNoRelease.url}`): ' +
    'it has dropped {enrich.vendorSuiteRelease|that release}. It moves a distribution release to `{enrich.vendorArchiveHost}` once ' +
    'Debian or Ubuntu has ended it, under the same suite name ({enrich.vendorPolicy}), so its line in this image now names a suite ' +
    'the repository does not have.';
  const check = [
    '```sh',
    'curl -sI {context.vendorNoRelease.url}/dists/{context.vendorNoRelease.suite}/Release | head -n 1',
    '```',
  ];
  const archiveCheck = [
    '```sh',
    'curl -sI {enrich.vendorArchiveUrl}/dists/{context.vendorNoRelease.suite}/Release | head -n 1   # 200: the archive has it',
    '```',
  ];
  const rewrite = "grep -rl '{context.vendorNoRelease.host}' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null | xargs -r {enrich.vendorArchiveSed}";
  const lasting =
    'The archive is a stopgap for a release past its end of life; the lasting fix is a base image of a release the repository still ' +
    'serves, and that repository line written for it.';
  return [
    {
      when: 'vendorNoRelease&enrich.vendorArchiveUrl&fact.place=image-build',
      title,
      message: archived,
      fix: [
        'Point that line at the archive, suite unchanged: where the Dockerfile (or a script it runs) writes',
        '`{context.vendorNoRelease.url}`, write `{enrich.vendorArchiveUrl}`; for a line the base image already has, rewrite it in',
        'a `RUN` before the failing one:',
        '',
        '```dockerfile',
        `RUN ${rewrite}`,
        '```',
        '',
        'Check that the archive has the suite:',
        '',
        ...archiveCheck,
        '',
        lasting,
      ].join('\n'),
    },
    {
      when: 'vendorNoRelease&enrich.vendorArchiveUrl',
      title,
      message: archived,
      fix: [
        'Point that line at the archive, suite unchanged (`{enrich.vendorArchiveUrl}` for `{context.vendorNoRelease.url}`), as root,',
        'then update again:',
        '',
        '```sh',
        `${rewrite} && apt-get update`,
        '```',
        '',
        lasting,
      ].join('\n'),
    },
    {
      when: 'vendorNoRelease',
      title,
      message:
        'apt found no `Release` file for `{context.vendorNoRelease.suite}` in the third-party repository ' +
        '`{context.vendorNoRelease.url}`: it does not serve that suite. A vendor drops a distribution release from its repository ' +
        'some time after the release\'s end of life and adds a new one some time after it comes out, so a line for ' +
        '{enrich.vendorSuiteRelease|this release} can outlive it or come too early.',
      fix: [
        'Ask the repository (`404` means it has no such suite):',
        '',
        ...check,
        '',
        "Then follow the vendor's install page: a base image of a release it serves; the vendor's archive of dropped releases,",
        'if it keeps one; or remove that source if the build needs nothing from it.',
      ].join('\n'),
    },
  ];
}

/**
 * A suite of a Debian release moved to archive.debian.org, seen on apt's `Err:… Release` and `404  Not Found` lines (a paste
 * may stop before the `E:` lines, and the host may be a third-party mirror that dropped the release). The fix points that
 * address, whatever its host, at archive.debian.org, which holds `debian/<codename>`, `<codename>-updates` and
 * `-backports` (buster), and `debian-security/<codename>/updates` (knowledge/eol-releases.ts; meta-debian/meta-debian#385
 * reads http://archive.debian.org/debian-security/dists/buster/updates/Release; sonic-net/sonic-buildimage#23783 moved
 * `debian-security buster/updates` from debian-archive.trafficmanager.net to archive.debian.org). With nothing in the log
 * that shows apt or the step failed, a notice.
 */
function debianEolSuiteVariants(): NonNullable<RuleInput['variants']> {
  const title = 'Debian release past its end of life: a source still points where it is gone';
  const message =
    '{enrich.eolRelease} reached the end of its support on {enrich.eolEnded}, and its suites have moved to archive.debian.org. ' +
    'apt found no `Release` file for `{context.debianEolSuite.suite}` at `{context.debianEolSuite.base}` (404): that source ' +
    'still points at a host that no longer serves the release, so `apt-get update` fails on it (the other sources the log ' +
    'shows may already be on the archive).';
  const fix = [
    'Point that source at the archive: the line `{context.debianEolSuite.base} {context.debianEolSuite.suite}` becomes',
    '`http://archive.debian.org/{context.debianEolSuite.archive} {context.debianEolSuite.suite}`. Change it where it is written',
    '(the Dockerfile, a template of sources.list, or /etc/apt/sources.list in the image); as root in the image, before',
    '`apt-get update`:',
    '',
    '```sh',
    '{enrich.mirrorArchiveCommand}',
    '```',
    '',
    'The release gets no more security updates: move to a supported Debian release, {enrich.supported}, when you can.',
  ].join('\n');
  return [
    { when: 'debianEolSuite&notFound&enrich.mirrorArchiveCommand&failedShown', title, message, fix },
    { when: 'debianEolSuite&notFound&enrich.mirrorArchiveCommand', severity: 'notice', title, message, fix },
  ];
}

const vendorKeyFix = (keyring: boolean): string =>
  [
    keyring
      ? "Download {enrich.keyVendor}'s current key file again, as its install instructions do, into the keyring its source line names (`{enrich.vendorKeyring}` in the current instructions; `grep -r {context.keyRepo.host} /etc/apt/sources.list.d/` shows the `signed-by=` in use, which older images may have elsewhere), before `apt-get update`:"
      : "Download {enrich.keyVendor}'s current key file again ({enrich.keyUrl}) before `apt-get update`, into the keyring the source's `signed-by=` names (`grep -r {context.keyRepo.host} /etc/apt/sources.list /etc/apt/sources.list.d/` shows it): `gpg --dearmor` it into that file. For a source without `signed-by=`:",
    '',
    '```sh',
    keyring ? '{enrich.vendorKeyCommand} && apt-get update' : '{enrich.trustedKeyCommand} && apt-get update',
    '```',
    '',
    ...(keyring ? ['A source without `signed-by=` reads trusted.gpg.d instead: `{enrich.trustedKeyCommand}`.', ''] : []),
    'When the key and the source come from the base image (no step of this Dockerfile adds them), the stale key lives in that',
    'image: put this command in a `RUN` before the first `apt-get update` here, or rebuild the base image. A Docker build that',
    'downloaded the key in an earlier, cached `RUN` keeps the old copy: build once with `--no-cache`.',
  ].join('\n');

export const fetchFailed: RuleInput = {
  id: 'apt/fetch-failed',
  title: 'apt could not fetch packages',
  severity: 'error',
  only: 'failed-step',
  match: [
    {
      // `E: Failed to fetch http://archive.ubuntu.com/ubuntu/pool/main/…  404  Not Found [IP: 91.189.91.83 80]`. apt names
      // the item by its URI (apt-pkg's `Failed to fetch %s  %s` with the item's DescURI): `http://`, `https://`, `store:/…`,
      // `copy:/…`, `file:/…`, `cdrom:[…]`, `mirror+http://…`. Other tools word it too: uv's `Caused by: Failed to fetch wheel:
      // numpy==1.24.4` (mit-ll/MaDDG#1) names a package, not a URI, and is no apt download.
      literals: ['Failed to fetch'],
      pattern: 'Failed to fetch (?<url>(?:[a-z][a-z0-9+.-]{0,30}:/|cdrom:\\[)[^\\s]{0,500})',
    },
    {
      // `Err:1 http://archive.ubuntu.com/ubuntu jammy InRelease  Temporary failure resolving 'archive.ubuntu.com'`
      literals: ['Temporary failure resolving', 'Could not resolve'],
      pattern: "(?:Temporary failure resolving|Could not resolve) '(?<host>[^'\\n]{1,200})'",
    },
    { literals: ['Unable to fetch some archives'] },
    {
      // apt's size check on a downloaded index, pasted without its `Failed to fetch <url>` head: `File has unexpected
      // size (745228 != 742938). Mirror sync in progress?` (apt-pkg/acquire-item.cc's wording).
      literals: ['Mirror sync in progress?'],
      pattern: 'File has unexpected size \\(\\d{1,15} != \\d{1,15}\\)\\. Mirror sync in progress\\?',
    },
    {
      // `W: GPG error: https://developer.download.nvidia.com/compute/cuda/repos/ubuntu1804/x86_64  Release: The following
      // signatures were invalid: BADSIG F60F4B3D7FA2AF80 cudatools <cudatools@nvidia.com>` (before the `is not signed` line)
      literals: ['BADSIG'],
      pattern: 'GPG error: (?<repository>[^\\s]{1,300})[^\\n]{0,300}BADSIG (?<badKey>[0-9A-F]{8,40})',
    },
    {
      // `E: The repository 'http://deb.debian.org/debian buster Release' does not have a Release file.` Other apt
      // releases word it `no longer has` (beli3ver/debgen#14) or `does no longer have` (tianon/docker-brew-ubuntu-core#213):
      // `apt-get update` found no index for a suite at all.
      literals: ['have a Release file', 'has a Release file'],
      pattern: "The repository '(?<repository>[^'\\n]{1,300}) Release' (?:does not have|does no longer have|no longer has) a Release file",
    },
    {
      // `Err:6 http://archive.ubuntu.com/ubuntu eoan Release` (then `  404  Not Found [IP: 91.189.88.142 80]`): apt's line for a
      // suite of an end-of-life Ubuntu release, which a log cut before apt's final `E:` lines still has (jruffet/docker-shogigui#1).
      literals: ['Err:'],
      pattern: UBUNTU_EOL_SUITE_ERR,
    },
    {
      // The same for a Debian release moved to archive.debian.org (sonic-net/sonic-buildimage#23336: a third-party mirror's
      // `debian-security buster/updates`, the paste cut before apt's `E:` lines).
      literals: ['Err:'],
      pattern: DEBIAN_EOL_SUITE_ERR,
    },
    {
      // `W: …/InRelease: The key(s) in the keyring /etc/apt/keyrings/docker.gpg are ignored as the file has an unsupported
      // filetype.` (frostyard/snosi#91): the key is there, in a format apt does not read under that name.
      literals: ['unsupported filetype'],
      pattern: 'The key\\(s\\) in the keyring (?<keyring>/[^\\s]{1,300}) are ignored as the file has an unsupported filetype',
    },
    {
      // `W: GPG error: http://deb.debian.org/debian stable InRelease: At least one invalid signature was encountered.`, the
      // one line a log may keep (docker/for-mac#6963): the distribution's own archive refused, as with NO_PUBKEY there.
      literals: ['At least one invalid signature'],
      pattern: `GPG error: ${DISTRO_ARCHIVE_INDEX}: At least one invalid signature was encountered`,
    },
    {
      // `E: Problem executing scripts APT::Update::Post-Invoke 'rm -f /var/cache/apt/archives/*.deb
      // /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true'`: the official images' docker-clean hook
      // could not be started (knowledge/host-seccomp.ts). Another hook failing (Ubuntu's `Post-Invoke-Success` of
      // command-not-found) is that script's own error, not this.
      literals: ['Problem executing scripts'],
      pattern: POST_INVOKE_DOCKER_CLEAN,
    },
    {
      // `E: The repository 'https://developer.download.nvidia.com/… InRelease' is not signed.`
      literals: ['is not signed', 'NO_PUBKEY'],
      pattern: "(?:repository '(?<repository>[^'\\n]{1,300})' is not signed|NO_PUBKEY (?<key>[0-9A-F]{8,40}))",
    },
  ],
  context: [
    // NVIDIA's Debian-family key since April 2022 (knowledge/nvidia-repos.ts NEW_DEB_KEY).
    { name: 'nvidiaKey', literals: ['NO_PUBKEY A4B469963BF863CC'] },
    { name: 'badsig', literals: ['BADSIG'] },
    {
      name: 'keyringFiletype',
      literals: ['unsupported filetype'],
      pattern: 'The key\\(s\\) in the keyring (?<keyring>/[^\\s]{1,300}) are ignored as the file has an unsupported filetype',
    },
    // NVIDIA's CUDA or machine-learning repository named in the BADSIG line.
    { name: 'nvidiaBadsig', pattern: 'GPG error: https?://developer\\.download\\.nvidia\\.com/[^\\n]{0,300}BADSIG', literals: ['BADSIG'] },
    { name: 'key', literals: ['NO_PUBKEY', 'is not signed'] },
    { name: 'invalidSig', literals: ['At least one invalid signature'] },
    { name: 'postInvoke', literals: ['Problem executing scripts'], pattern: POST_INVOKE_DOCKER_CLEAN },
    // The distribution's own archive refused: `Err:1 http://deb.debian.org/debian bookworm InRelease`, `GPG error:
    // http://deb.debian.org/debian-security bookworm-security InRelease: …`, `The repository
    // 'http://archive.ubuntu.com/ubuntu jammy InRelease' is not signed.` Its keys ship in the image (Debian's
    // `debian-archive-keyring`, Ubuntu's `ubuntu-keyring`), so a `NO_PUBKEY` or `At least one invalid signature` there
    // is gpgv failing inside the container, not a key to import (see DISTRO_ARCHIVE_REFUSED).
    {
      name: 'distroArchive',
      literals: ['debian.org', 'ubuntu.com'],
      pattern: `(?:Err:\\d{1,4} |GPG error: |The repository ')${DISTRO_ARCHIVE_INDEX}`,
    },
    // The repository apt names on the `Err:` line of its failing index (`Err:8 https://apt.kitware.com/ubuntu focal
    // InRelease`) or on the `W: GPG error:` line: with `key`, the repository whose key is missing.
    // the failing step adds the source itself: `RUN apt-add-repository 'deb http://debian.drdteam.org stable multiverse'`,
    // `echo "deb https://… stable main" > /etc/apt/sources.list.d/x.list` (knowledge/apt-repo-key-order.ts)
    {
      name: 'addRepo',
      source: 'instruction',
      literals: ['add-apt-repository', 'apt-add-repository', 'echo'],
      pattern: '(?:(?:apt-add-repository|add-apt-repository)(?:\\s{1,10}(?:-y|--yes))?\\s{1,10}|\\becho\\s{1,10})[\'"](?<line>deb\\s[^\'"\\n]{1,400})[\'"]',
    },
    // the same step handles a key: not a source added before its key
    { name: 'keyInStep', source: 'instruction', literals: ['apt-key', 'gpg', 'signed-by', 'keyring', 'keyserver', '.asc'] },
    // NodeSource's per-release layout: `Err:6 https://deb.nodesource.com/node_18.x bullseye InRelease`
    {
      name: 'nodesourceRelease',
      literals: ['deb.nodesource.com/node_'],
      pattern: '(?:Err:\\d{1,4}|GPG error:) (?<url>https?://deb\\.nodesource\\.com/node_(?<major>\\d{1,2})\\.x) (?!nodistro\\b)[a-z]{3,20} ',
    },
    {
      name: 'keyRepo',
      literals: ['Err:', 'GPG error: '],
      pattern: '(?:Err:\\d{1,4}|GPG error:) (?<url>https?://(?<host>[A-Za-z0-9.-]{1,200})[^\\s:]{0,300})(?: |$)',
    },
    { name: 'kitwareRepo', literals: ['apt.kitware.com'] },
    { name: 'arrowRepo', literals: ['apache.jfrog.io/artifactory/arrow'] },
    // nginx's own package repository (https://nginx.org/en/linux_packages.html: `http://nginx.org/packages/debian`,
    // `…/packages/mainline/ubuntu`).
    { name: 'nginxRepo', literals: ['nginx.org/packages'] },
    // gpgv `EXPKEYSIG 23E7166788B63E1E Yarn Packaging <yarn@dan.cx>` / `KEYEXPIRED 1548981106`; sqv `The subkey is not live
    // because: Expired on 2023-01-24T19:06:41Z`: the signing key is installed but expired.
    {
      name: 'expiredKey',
      literals: ['EXPKEYSIG', 'KEYEXPIRED', 'Expired on'],
      pattern: '\\b(?:EXPKEYSIG|KEYEXPIRED) [0-9A-F]{8,40}\\b|because: Expired on \\d{4}-\\d{2}-\\d{2}',
    },
    { name: 'expiredOn', literals: ['Expired on'], pattern: 'because: Expired on (?<date>\\d{4}-\\d{2}-\\d{2})' },
    // Yarn's own apt repository, signed with a subkey that expired and was not re-signed (yarnpkg/yarn#9217)
    { name: 'yarnRepo', literals: ['dl.yarnpkg.com'] },
    // ROS 2's apt repository (`http://packages.ros.org/ros2/ubuntu jammy InRelease`), whose signing key F42ED6FBAB17C654
    // expired on 2025-06-01 (osrf/docker_images#807, ros/rosdistro#46260: "your signing key F42ED6FBAB17C654 expired today").
    // ROS's remedy (sloretz in ros/rosdistro#46260, pointing at discourse.ros.org/t/ros-signing-key-migration-guide/43937): the
    // `ros2-apt-source` package, which installs the key and the source and updates them with later releases. Its install,
    // verbatim from ROS 2's installation docs (ros2/ros2_documentation, source/Installation/_Apt-Repositories.rst):
    // `export ROS_APT_SOURCE_VERSION=$(curl -s https://api.github.com/repos/ros-infrastructure/ros-apt-source/releases/latest
    // | grep -F "tag_name" | awk -F'"' '{print $4}')`, `curl -L -o /tmp/ros2-apt-source.deb "https://github.com/
    // ros-infrastructure/ros-apt-source/releases/download/${ROS_APT_SOURCE_VERSION}/ros2-apt-source_${ROS_APT_SOURCE_VERSION}.
    // $(. /etc/os-release && echo ${UBUNTU_CODENAME:-${VERSION_CODENAME}})_all.deb"`, `sudo dpkg -i /tmp/ros2-apt-source.deb`.
    // While the old source is listed, `apt-get update` fails on it, so an image without curl cannot install it first: the old
    // source goes before that update.
    { name: 'ros2Repo', literals: ['packages.ros.org/ros2'] },
    { name: 'dns', literals: ['Temporary failure resolving', 'Could not resolve'] },
    {
      // `Could not connect to archive.ubuntu.com:80 (…), connection timed out`, `503  Service Unavailable`
      name: 'transient',
      literals: ['Connection timed out', 'connection timed out', 'Could not connect to', 'Connection failed', 'Unable to connect to', '500  Internal Server Error', '502  Bad Gateway', '503  Service Unavailable', '504  Gateway Time'],
    },
    { name: 'hash', literals: ['Hash Sum mismatch', 'File has unexpected size'] },
    {
      // `E: Failed to fetch https://developer.download.nvidia.com/compute/machine-learning/repos/ubuntu1604/x86_64/Packages.gz
      // Hash Sum mismatch` (NVIDIA/nvidia-docker#571), or its size check `… Packages.gz  File has unexpected size (1127072 !=
      // 1126689). Mirror sync in progress?` (docker/build-push-action#933): a vendor's own repository, not a distribution's mirror network
      // (hosts naming debian, ubuntu, raspbian, a mirror or an archive are left out). Newer apt names the list file it
      // checked instead of the URL, `Failed to fetch store:/var/lib/apt/lists/partial/<host>_<path>_Packages.xz  Hash Sum
      // mismatch`: the host is the file name's first part. Its metadata was inconsistent on the
      // vendor's side for hours (NVIDIA reproduced it and filed it internally), and there is no other mirror to switch to.
      name: 'vendorHash',
      literals: ['Hash Sum mismatch', 'File has unexpected size'],
      pattern:
        'Failed to fetch (?:https?://|store:/var/lib/apt/lists/partial/)(?<host>(?![^/_\\s]{0,200}(?:debian|ubuntu|raspbian|mirror|archive))[^/_\\s]{1,200})[/_]\\S{0,300}\\s+(?:Hash Sum mismatch|File has unexpected size)',
    },
    {
      // `E: Failed to fetch https://developer.download.nvidia.com/compute/cuda/repos/ubuntu1604/x86_64/Packages  404  Not Found`,
      // `…/x86_64/InRelease  404  Not Found [IP: …]`: the repository's index, read by `apt-get update`.
      name: 'nvidiaIndex404',
      literals: ['developer.download.nvidia.com'],
      pattern:
        'Failed to fetch (?<url>https?://developer\\.download\\.nvidia\\.com/[^\\s]{0,300}/(?:InRelease|Release(?:\\.gpg)?|Packages(?:\\.gz|\\.xz|\\.bz2|\\.lz4)?))\\s+404\\b',
    },
    { name: 'notFound', literals: ['404  Not Found', '404 Not Found'] },
    {
      // A package file, not an index, answered 404: `E: Failed to fetch https://download.docker.com/linux/ubuntu/dists/noble/
      // pool/stable/arm64/containerd.io_2.2.1-1%7eubuntu.24.04%7enoble_arm64.deb  404  Not Found [IP: …]`.
      name: 'deb404',
      literals: ['.deb'],
      pattern: 'Failed to fetch (?<url>https?://(?<host>[A-Za-z0-9.-]{1,200})\\S{0,500}/(?<file>(?<package>[a-z0-9][a-z0-9+.-]{0,100})_[^\\s/_]{1,100}_[a-z0-9-]{1,20}\\.deb))\\s+404\\b',
    },
    {
      // The install an install script ran, as its `set -x` trace shows it: `+ sh -c DEBIAN_FRONTEND=noninteractive apt-get -y
      // -qq install docker-ce … docker-model-plugin >/dev/null` (get.docker.com), less the output redirection. The last one:
      // the script stops at the one that failed.
      name: 'scriptInstall',
      literals: ['install'],
      pattern: "^\\s{0,8}\\+{1,3} (?:sh -c '?)?(?<command>(?:[A-Z_]{1,40}=\\S{1,40} )?apt(?:-get)? (?:[^>'&;|\\n]{0,200} )?install [^>'&;|\\n]{0,500}[^>'&;|\\s])",
      keep: 'last',
    },
    {
      // The package lists were refreshed in this scope: apt's own lines of `apt-get update` (`Hit:1 http://… noble InRelease`,
      // `Get:5 https://download.docker.com/linux/ubuntu noble InRelease [48.8 kB]`), or the command itself traced by a script
      // (`+ sh -c apt-get -qq update >/dev/null`, get.docker.com) or typed at a prompt (`root@host:~# apt-get update`).
      name: 'updateRan',
      literals: ['InRelease', 'update'],
      pattern:
        "^\\s{0,8}(?:(?:Hit|Get):\\d{1,5} \\S{1,300} \\S{1,100} InRelease\\b|(?:\\+{1,3} (?:sh -c '?)?|[^\\s@]{1,64}@[^\\s:]{1,64}:[^\\s#$]{0,200}[#$] |[#$] )(?:sudo )?(?:[A-Z_]{1,40}=\\S{1,40} )?apt(?:-get)? (?:[^&;|>\\n]{0,200} )?update\\b)",
    },
    {
      // A third-party repository's suite with no Release file: `E: The repository 'http://apt.postgresql.org/pub/repos/apt
      // buster-pgdg Release' does not have a Release file.` (Tecnativa/doodba#623). Debian's and Ubuntu's own mirrors are
      // debianEol / ubuntuEol, NVIDIA's repository nvidiaIndex404: not taken here.
      name: 'vendorNoRelease',
      literals: ['have a Release file', 'has a Release file'],
      pattern:
        "The repository '(?<url>https?://(?<host>(?![A-Za-z0-9.-]{0,200}(?:debian\\.org|ubuntu\\.com|developer\\.download\\.nvidia\\.com)\\b)[A-Za-z0-9.-]{1,200})(?::\\d{1,5})?(?:/[^'\\s]{0,300})?) (?<suite>[A-Za-z0-9._/-]{1,80}) Release' (?:does not have|does no longer have|no longer has) a Release file",
    },
    {
      // A Debian release's suite with no Release file on Debian's mirrors, for a release moved to archive.debian.org
      // (knowledge/eol-releases.ts): `The repository 'http://deb.debian.org/debian-security buster/updates Release' …`.
      name: 'debianEol',
      literals: ['have a Release file', 'has a Release file'],
      pattern: `The repository 'https?://(?:deb|security|ftp\\.[a-z]{2})\\.debian\\.org/[^'\\s]{0,100} (?<codename>${ARCHIVED_CODENAMES})\\b[^'\\n]{0,40}' (?:does not have|does no longer have|no longer has) a Release file`,
    },
    {
      // A Debian backports suite with no Release file on a Debian mirror: `E: The repository 'http://deb.debian.org/debian
      // bullseye-backports Release' no longer has a Release file.` (tiny-pilot/tinypilot#1919, armbian/build#8436). A backports
      // suite closes and leaves the mirrors before its release does (knowledge/eol-releases.ts archivedBackports); a release
      // archived as a whole (buster) is debianEol, whose variants come first.
      name: 'debianBackportsGone',
      literals: ['-backports'],
      pattern:
        "The repository 'https?://[^'\\s]{1,200}/debian/? (?<suite>[a-z]{3,12}-backports(?:-sloppy)?) Release' (?:does not have|does no longer have|no longer has) a Release file",
    },
    {
      // The same for Ubuntu's mirrors: `The repository 'http://archive.ubuntu.com/ubuntu artful Release' …` (Lab41/PySEAL#30).
      // A release past its end of life moves to old-releases.ubuntu.com (https://help.ubuntu.com/community/EOLUpgrades); the sed
      // rewrites country mirrors (`us.archive.ubuntu.com`) and security.ubuntu.com, as in fbenz/FpDebug#11.
      name: 'ubuntuEol',
      literals: ['have a Release file', 'has a Release file'],
      pattern: "The repository 'https?://(?:[a-z]{2}\\.)?(?:archive|security)\\.ubuntu\\.com/ubuntu/? (?<codename>[a-z]+)\\b[^'\\n]{0,40}' (?:does not have|does no longer have|no longer has) a Release file",
    },
    // The same move seen on apt's `Err:` line for a suite of a release tabled as end-of-life (knowledge/eol-releases.ts); with a
    // `404  Not Found` in the step it is the same cause (the variants require `notFound` beside it).
    { name: 'ubuntuEolSuite', literals: ['Err:'], pattern: UBUNTU_EOL_SUITE_ERR },
    { name: 'debianEolSuite', literals: ['Err:'], pattern: DEBIAN_EOL_SUITE_ERR },
    // what shows that apt, or the step, failed: apt's `E:` lines, the classic builder's and BuildKit's exit lines
    {
      name: 'failedShown',
      literals: ['E: ', 'returned a non-zero code', 'did not complete successfully', 'exit code'],
      pattern: '^(?:E: |.{0,300}(?:returned a non-zero code|did not complete successfully|exit code))',
    },
    // `apt-get update`, `apt-get -yq update`, `apt update` in the failing RUN itself
    { name: 'update', source: 'instruction', literals: ['update'], pattern: '\\bapt(?:-get)?\\s(?:[^&;|\\n]{0,200}\\s)?update\\b' },
    // What the RUN installs, flags included, to write the corrected RUN with the same arguments.
    { name: 'install', source: 'instruction', literals: ['install'], pattern: '\\bapt(?:-get)? (?:[^&;|\\n]{0,200} )?install (?<args>[^&;|\\n\\\\]{1,300})' },
  ],
  message: 'apt could not download `{url|the package lists}`: the repository was unreachable or refused the request.',
  variants: [
    {
      when: 'debianEol&fact.place=image-build',
      title: 'Debian release past its end of life, moved to archive.debian.org',
      message:
        '{enrich.eolRelease} reached the end of its support on {enrich.eolEnded}, and Debian has moved its suites from ' +
        'deb.debian.org and security.debian.org to archive.debian.org: every `Release` file of it now answers 404, so ' +
        '`apt-get update` has nothing to read: the base image is of a release Debian no longer serves from its mirrors.',
      fix: [
        'Move the base image to a supported Debian release, {enrich.supported}{enrich.baseNote}. As a stopgap that keeps',
        'the old release (it gets no security updates), point apt at the archive in a `RUN` before the failing one:',
        '',
        '```dockerfile',
        'RUN {enrich.archiveCommand}',
        '```',
      ].join('\n'),
    },
    {
      when: 'debianEol',
      title: 'Debian release past its end of life, moved to archive.debian.org',
      message:
        '{enrich.eolRelease} reached the end of its support on {enrich.eolEnded}, and Debian has moved its suites from ' +
        'deb.debian.org and security.debian.org to archive.debian.org: every `Release` file of it now answers 404.',
      fix: [
        'Move to a supported Debian release, {enrich.supported}. As a stopgap that keeps the old release (no security',
        'updates), point apt at the archive, as root, then update again:',
        '',
        '```sh',
        '{enrich.archiveCommand} && apt-get update',
        '```',
      ].join('\n'),
    },
    ...debianEolSuiteVariants(),
    ...backportsGoneVariants(),
    {
      // apt reads binary OpenPGP keyrings under `.gpg` and ASCII-armored keys under `.asc` (apt >= 1.4), not a keybox
      // (gpg2's default keyring format) nor an armored key under `.gpg` (apt-key(8), "SUPPORTED KEYRING FILES"; apt checks
      // the first octet of a `.gpg` file, Debian/apt commit 012932793ba0 "ignore unsupported key formats in apt-key").
      when: 'keyringFiletype',
      title: 'apt ignores a signing key file in a format it does not read (unsupported filetype)',
      message:
        'The key is installed, but apt ignores it: `{context.keyringFiletype.keyring}` is not in a format apt reads under ' +
        'its name, so the repository then looks unsigned (`NO_PUBKEY`). apt reads a binary OpenPGP keyring under a `.gpg` ' +
        'name and an ASCII-armored key under an `.asc` name; an armored key saved as `.gpg` (a `curl … -o …gpg` of a ' +
        'vendor\'s key file) or a gpg keybox is neither.',
      fix: [
        'See what the file is (an armored key starts with `-----BEGIN PGP PUBLIC KEY BLOCK-----`):',
        '',
        '```sh',
        'head -c 40 {context.keyringFiletype.keyring}; echo',
        '```',
        '',
        'If it is armored, convert it to the binary form apt expects under that name, where the key is written (as root; ' +
          '`gpg` is in the `gnupg` package):',
        '',
        '```sh',
        'gpg --dearmor < {context.keyringFiletype.keyring} > /tmp/key.gpg && mv /tmp/key.gpg {context.keyringFiletype.keyring}',
        '```',
        '',
        'or save the armored key under an `.asc` name and point the source\'s `signed-by=` at that file. A keybox (gpg2\'s ' +
          'default keyring format) is exported to a plain keyring with `gpg --no-default-keyring --keyring ' +
          '{context.keyringFiletype.keyring} --export > /tmp/key.gpg`, then moved over it as above.',
      ].join('\n'),
    },
    ...ubuntuEolVariants('ubuntuEol'),
    ...ubuntuEolVariants('ubuntuEolSuite&notFound'),
    {
      when: 'nvidiaKey&fact.nvidiaRepo&fact.place=image-build',
      title: "NVIDIA's CUDA repository key is not installed",
      message:
        'apt refuses NVIDIA\'s CUDA repository `{fact.nvidiaRepo}`: it is signed with the key NVIDIA has used since April 2022 ' +
        '(A4B469963BF863CC), and this image only trusts the retired key 7fa2af80. CUDA images built before the rotation ' +
        '(and Dockerfiles that add the old key) fail at every `apt-get update`.',
      fix: [
        'Before the failing `RUN`, enrol the current key for `{fact.nvidiaRepo}` and drop the machine-learning repository',
        '(`nvidia-ml.list`, retired and signed with the old key). `ADD` downloads the file, so the image needs no curl or wget:',
        '',
        ...enrolKeyDockerfile,
        'Or move to a `nvidia/cuda` tag built after the rotation; tags of end-of-life CUDA releases are deleted from Docker',
        'Hub, so that may mean a newer CUDA.',
      ].join('\n'),
    },
    {
      when: 'nvidiaKey&fact.nvidiaRepo&fact.place=host-shell',
      title: "NVIDIA's CUDA repository key is not installed",
      message:
        'apt refuses NVIDIA\'s CUDA repository `{fact.nvidiaRepo}`: it is signed with the key NVIDIA has used since April 2022 ' +
        '(A4B469963BF863CC), and this system only trusts the retired key 7fa2af80.',
      fix: [
        'Enrol the current key for `{fact.nvidiaRepo}` and drop the retired machine-learning repository:',
        '',
        '```sh',
        'cd /tmp && wget {enrich.keyUrl}',
        'sudo rm -f /etc/apt/sources.list.d/nvidia-ml.list',
        'sudo apt-key del 7fa2af80',
        'sudo sh -c "{enrich.keyInstall}"',
        'sudo apt-get update',
        '```',
      ].join('\n'),
    },
    {
      // Where apt ran is not in the log (an excerpt, a container): sudo may be missing, so both forms, without it.
      when: 'nvidiaKey&fact.nvidiaRepo',
      title: "NVIDIA's CUDA repository key is not installed",
      message:
        'apt refuses NVIDIA\'s CUDA repository `{fact.nvidiaRepo}`: it is signed with the key NVIDIA has used since April 2022 ' +
        '(A4B469963BF863CC), and this system only trusts the retired key 7fa2af80.',
      fix: [
        'Enrol the current key for `{fact.nvidiaRepo}` and drop the retired machine-learning repository. The log does not show where',
        'apt ran: in a Dockerfile, before the failing `RUN` (`ADD` downloads the file, so the image needs no curl or wget):',
        '',
        ...enrolKeyDockerfile,
        'In a shell, as root (put `sudo` before each command on a host where you are not root):',
        '',
        '```sh',
        'cd /tmp && wget {enrich.keyUrl}',
        'rm -f /etc/apt/sources.list.d/nvidia-ml.list',
        'apt-key del 7fa2af80',
        'sh -c "{enrich.keyInstall}"',
        'apt-get update',
        '```',
      ].join('\n'),
    },
    {
      when: 'nvidiaKey',
      title: "NVIDIA's CUDA repository key is not installed",
      message:
        "apt refuses NVIDIA's CUDA repository: it is signed with the key NVIDIA has used since April 2022 (A4B469963BF863CC), " +
        'and this system only trusts the retired key 7fa2af80. The log does not show which repository directory it is.',
      fix: [
        'List the NVIDIA repositories the image uses (the directory after `compute/cuda/repos/`, e.g. `ubuntu2004/x86_64`):',
        '',
        '```sh',
        'grep -rh developer.download.nvidia.com /etc/apt/sources.list /etc/apt/sources.list.d/',
        '```',
        'then, for that directory, remove `/etc/apt/sources.list.d/cuda.list` and `nvidia-ml.list`, run `apt-key del 7fa2af80`',
        'and install the `cuda-keyring` package from the same directory before `apt-get update` (NVIDIA\'s steps:',
        'https://developer.nvidia.com/blog/updating-the-cuda-linux-gpg-repository-key/).',
      ].join('\n'),
    },
    {
      when: 'nvidiaBadsig&fact.place=image-build',
      title: "NVIDIA's repository served a bad signature (BADSIG)",
      retryable: true,
      message: NVIDIA_BADSIG,
      fix: [
        'Nothing in the image fixes this; it is on the server side. Retry later, without the cached layer:',
        '`docker build --no-cache …`. If the build needs no package from NVIDIA\'s apt repositories, drop them before',
        'the failing `apt-get update`:',
        '',
        ...dropNvidiaSourcesDockerfile,
      ].join('\n'),
    },
    {
      when: 'nvidiaBadsig',
      title: "NVIDIA's repository served a bad signature (BADSIG)",
      retryable: true,
      message: NVIDIA_BADSIG,
      fix: [
        'Nothing local fixes this; it is on the server side. Retry later (a Docker build with `--no-cache`). If no package',
        "from NVIDIA's apt repositories is needed, remove their sources before `apt-get update`; in a Dockerfile:",
        '',
        ...dropNvidiaSourcesEither,
      ].join('\n'),
    },
    {
      when: 'expiredKey&ros2Repo',
      title: "ROS 2's apt repository key has expired",
      message:
        'apt has a key for `{repository|ROS 2\'s apt repository}`, but it expired (`EXPKEYSIG`), so the verifier rejects the signature and ' +
        'apt treats the repository as unsigned. ROS\'s signing key F42ED6FBAB17C654 expired on 2025-06-01; ROS now ships its key and ' +
        'source as a package, `ros2-apt-source`, which later releases keep current.',
      fix: [
        'Replace the old source and key with ROS\'s `ros2-apt-source` package. While the old source is listed, `apt-get update` fails',
        'on it, so remove it first (then apt can install curl, when the image lacks it); in the Dockerfile, before the',
        'first `apt-get update`:',
        '',
        '```dockerfile',
        'RUN grep -rl packages.ros.org /etc/apt/sources.list.d/ | xargs -r rm -f \\',
        ' && apt-get update && apt-get install -y curl \\',
        ' && export ROS_APT_SOURCE_VERSION=$(curl -s https://api.github.com/repos/ros-infrastructure/ros-apt-source/releases/latest | grep -F "tag_name" | awk -F\'"\' \'{print $4}\') \\',
        ' && curl -L -o /tmp/ros2-apt-source.deb "https://github.com/ros-infrastructure/ros-apt-source/releases/download/${ROS_APT_SOURCE_VERSION}/ros2-apt-source_${ROS_APT_SOURCE_VERSION}.$(. /etc/os-release && echo ${UBUNTU_CODENAME:-${VERSION_CODENAME}})_all.deb" \\',
        ' && dpkg -i /tmp/ros2-apt-source.deb && rm /tmp/ros2-apt-source.deb \\',
        ' && apt-get update',
        '```',
        '',
        'The commands are ROS 2\'s installation steps (https://docs.ros.org/en/jazzy/Installation/Ubuntu-Install-Debs.html); the',
        'migration: https://discourse.ros.org/t/ros-signing-key-migration-guide/43937.',
      ].join('\n'),
    },
    {
      when: 'expiredKey&yarnRepo',
      title: "Yarn's apt repository key has expired",
      message:
        'apt has a key for `{repository|Yarn\'s apt repository}`, but the Yarn subkey that key holds has expired (`EXPKEYSIG` / ' +
        '`Expired on`), so the verifier rejects the signature and apt treats the repository as unsigned. The key is not ' +
        'missing: the copy installed is out of date. Yarn\'s signing subkeys have expired before (2019, 2020, 2021, ' +
        'January 2026), and each time Yarn published a renewed key in the same file, most recently a new key on 2026-01-28.',
      fix: [
        'Stop using Yarn\'s apt repository, so its keys cannot expire under the build again: delete the lines that add its key',
        'and the `dl.yarnpkg.com` source (`grep -rl dl.yarnpkg.com /etc/apt/sources.list.d/` names the file) and install Yarn',
        'with npm once Node.js is installed:',
        '',
        '```sh',
        'npm install --global yarn',
        '```',
        'To keep the repository, download Yarn\'s key file again before `apt-get update` (it holds the 2026 key), to the file',
        'the source\'s `signed-by=` names, or, for a source without `signed-by=`, as an armored key in `trusted.gpg.d`:',
        '',
        '```sh',
        'curl -fsSL https://dl.yarnpkg.com/debian/pubkey.gpg -o /etc/apt/trusted.gpg.d/yarn.asc && apt-get update',
        '```',
        'A Docker build that downloads the key in an earlier, cached `RUN` keeps the old copy: build once with `--no-cache`.',
      ].join('\n'),
    },
    // A vendor whose key file is documented (knowledge/vendor-apt-keys.ts): its URL and keyring, not "its instructions".
    ...[true, false].map((keyring) => ({
      when: `expiredKey&keyRepo&${keyring ? 'enrich.vendorKeyring' : 'enrich.keyUrl'}`,
      title: 'apt repository signed with an expired key',
      message:
        'apt has the key of `{context.keyRepo.url}`, but the (sub)key that made its signature expired, so the verifier rejects the ' +
        'signature (`EXPKEYSIG` / `Expired on`) and apt treats the repository as unsigned. The key is not missing: the copy ' +
        'installed is out of date, and {enrich.keyVendor} publishes the renewed key in the same file.',
      fix: vendorKeyFix(keyring),
    })),
    ...[
      { when: 'expiredKey&expiredOn', since: ' on {context.expiredOn.date}' },
      { when: 'expiredKey', since: '' },
    ].map(({ when, since }) => ({
      when,
      title: 'apt repository signed with an expired key',
      message:
        `apt has the key of \`{repository|the repository}\`, but the (sub)key that made its signature expired${since}, so the ` +
        'verifier rejects the signature (`EXPKEYSIG` / `Expired on`) and apt treats the repository as unsigned. The key is not ' +
        'missing.',
      fix: [
        'Download the vendor\'s current key again (the URL its install instructions give, into the keyring file the source\'s',
        '`signed-by=` names) and check each subkey\'s date: `gpg --show-keys` with the downloaded file prints them.',
        'A signing subkey (`[S]`) with a later `[expires: …]` date: the vendor extended it, and `apt-get update` passes with the',
        'new file. Still `[expired: …]`, or the same error with the new file: the repository itself is signed with the dead',
        'key, and nothing on this side fixes it (`trusted=yes` would only switch verification off). Remove the source that',
        'names it (`grep -rl` its host in `/etc/apt/sources.list.d/`) and install the package another way, or wait for the',
        'vendor to re-sign the repository.',
      ].join('\n'),
    })),
    {
      when: 'badsig',
      title: 'apt repository served a bad signature (BADSIG)',
      retryable: true,
      message:
        'apt has the key of `{repository}`, but the signature it downloaded does not match the `Release` file (`BADSIG ' +
        '{badKey}`): the repository, a mirror of it or a caching proxy on the way served files that do not belong together. ' +
        'The key is not missing.',
      fix: [
        'Retry later (a Docker build with `--no-cache`); if it persists, bypass any apt proxy or cache between the build and',
        'the repository, or report it to the repository. If the repository is not needed, remove the file that names it',
        '(`grep -rl` its URL in `/etc/apt/sources.list.d/`) before `apt-get update`.',
      ].join('\n'),
    },
    {
      when: 'postInvoke&fact.place=docker-run',
      title: 'apt could not start its own clean-up hook: the Docker host is too old for this image (seccomp)',
      message: POST_INVOKE_BLOCKED,
      fix: [POST_INVOKE_CHECKS, HOST_SECCOMP_REMEDY_RUN].join('\n'),
    },
    {
      when: 'postInvoke',
      title: 'apt could not start its own clean-up hook: the Docker host is too old for this image (seccomp)',
      message: POST_INVOKE_BLOCKED,
      fix: [POST_INVOKE_CHECKS, HOST_SECCOMP_REMEDY_BUILD].join('\n'),
    },
    ...['key', 'invalidSig'].map((sign) => ({
      when: `${sign}&distroArchive&fact.place=host-shell`,
      title: "apt rejects the distribution's own archive: not a missing key",
      message: DISTRO_ARCHIVE_REFUSED_HOST,
      fix: DISTRO_ARCHIVE_CHECKS_HOST,
    })),
    {
      when: 'key&distroArchive',
      title: "apt rejects the distribution's own archive: a problem of the Docker host, not a missing key",
      message: DISTRO_ARCHIVE_REFUSED,
      fix: DISTRO_ARCHIVE_CHECKS,
    },
    {
      when: 'invalidSig&distroArchive',
      title: "apt rejects the distribution's own archive: a problem of the Docker host, not a missing key",
      message: DISTRO_ARCHIVE_REFUSED,
      fix: DISTRO_ARCHIVE_CHECKS,
    },
    {
      when: 'key&nginxRepo&fact.place=image-build',
      title: "nginx's apt repository is signed with a key the image's keyring lacks",
      message: NGINX_KEY_MISSING,
      fix: [
        "Write nginx's current key file, which holds all three of its keys, to the keyring that the nginx source's",
        '`signed-by=` names, in the `RUN` before the failing update (the image needs `curl` and `gpg`; nginx\'s instructions',
        'use `/usr/share/keyrings/nginx-archive-keyring.gpg`, `grep -r nginx.org /etc/apt/sources.list.d/` shows the one in use):',
        '',
        '```dockerfile',
        'RUN curl -fsSL https://nginx.org/keys/nginx_signing.key | gpg --dearmor --yes -o /usr/share/keyrings/nginx-archive-keyring.gpg \\',
        ' && gpg --show-keys /usr/share/keyrings/nginx-archive-keyring.gpg \\',
        ' && apt-get update',
        '```',
        NGINX_UPSTREAM_NOTE,
      ].join('\n'),
    },
    {
      when: 'key&nginxRepo',
      title: "nginx's apt repository is signed with a key the keyring lacks",
      message: NGINX_KEY_MISSING,
      fix: [
        "Write nginx's current key file, which holds all three of its keys, to the keyring that the nginx source's",
        "`signed-by=` names (nginx's instructions use `/usr/share/keyrings/nginx-archive-keyring.gpg`; `grep -r nginx.org",
        '/etc/apt/sources.list.d/` shows the one in use), as root; in a Dockerfile, as a `RUN` before the failing update:',
        '',
        '```sh',
        'curl -fsSL https://nginx.org/keys/nginx_signing.key | gpg --dearmor --yes -o /usr/share/keyrings/nginx-archive-keyring.gpg',
        'gpg --show-keys /usr/share/keyrings/nginx-archive-keyring.gpg',
        'apt-get update',
        '```',
        NGINX_UPSTREAM_NOTE,
      ].join('\n'),
    },
    {
      when: 'key&kitwareRepo',
      title: "Kitware's apt repository key is not installed (Kitware rotates it)",
      message:
        'apt refuses Kitware\'s repository (`{context.keyRepo.url|apt.kitware.com}`): it is signed with the key ' +
        '`{key|the NO_PUBKEY line names}`, which the image does not have. Kitware rotates its signing key, and a key baked into ' +
        'an image (or its Dockerfile) goes stale.',
      fix: [
        "Install Kitware's current key before the failing `apt-get update`, as https://apt.kitware.com/ says, and let the",
        "`kitware-archive-keyring` package keep it current from then on. The source must name that keyring with `signed-by=`",
        '(`grep -r apt.kitware.com /etc/apt/sources.list /etc/apt/sources.list.d/` shows the line; to one without it, add',
        '`[signed-by=/usr/share/keyrings/kitware-archive-keyring.gpg]` after `deb`):',
        '',
        '```sh',
        'curl -fsSL https://apt.kitware.com/keys/kitware-archive-latest.asc | gpg --dearmor --yes -o /usr/share/keyrings/kitware-archive-keyring.gpg',
        'apt-get update',
        'rm /usr/share/keyrings/kitware-archive-keyring.gpg   # the package installs its own copy there',
        'apt-get install -y kitware-archive-keyring',
        '```',
        'As root; in a Dockerfile, as one `RUN` (`&&` between the commands; the image needs curl and gpg). If the build installs',
        'nothing from Kitware (its CMake), remove the file that names apt.kitware.com instead.',
      ].join('\n'),
    },
    {
      when: 'key&arrowRepo',
      title: "Apache Arrow's apt repository key is not installed (the key rotated)",
      message:
        'apt refuses Apache Arrow\'s repository (`{context.keyRepo.url|apache.jfrog.io/artifactory/arrow}`): it is signed ' +
        'with the key `{key|the NO_PUBKEY line names}`, which the image does not have. Arrow signs with the key of each ' +
        'release manager, so a keyring baked into a base image goes stale; the distribution\'s own suites are fine.',
      fix: [
        'If the build installs nothing from Arrow (libarrow, libparquet), remove the file that names the repository before',
        '`apt-get update` (`grep -rlE \'apache\\.jfrog\\.io|packages\\.apache\\.org\' /etc/apt/sources.list.d/` names it); a base image such as',
        'GDAL\'s may ship it. To keep it, install Arrow\'s current `apache-arrow-apt-source` package, which brings the source and its',
        'keyring, as https://arrow.apache.org/install/ gives it (as root; the image needs wget and lsb-release); Arrow\'s packages',
        'now come from packages.apache.org. Remove first an Arrow source file that no package owns (`dpkg -S FILE` names none):',
        '',
        '```sh',
        "wget https://packages.apache.org/artifactory/arrow/$(lsb_release --id --short | tr 'A-Z' 'a-z')/apache-arrow-apt-source-latest-$(lsb_release --codename --short).deb",
        'apt install -y -V ./apache-arrow-apt-source-latest-$(lsb_release --codename --short).deb',
        'apt update',
        '```',
        "or import https://downloads.apache.org/arrow/KEYS into the keyring the source's `signed-by=` names.",
      ].join('\n'),
    },
    {
      // mccarrmb/docker-doom#2: the key was never installed (knowledge/apt-repo-key-order.ts)
      when: 'key&keyRepo&addRepo&enrich.repoSource&!keyInStep',
      title: 'apt repository added before its key was installed',
      message:
        'This step adds `{enrich.repoHost}` as an apt source (`{context.addRepo.line}`), and apt refuses it right away: the ' +
        'repository is signed with the key `{key}`, and no step before this one installed it (`apt-add-repository` runs ' +
        '`apt update` itself, so the refusal comes in this step). The key is missing, not changed: the source has to come ' +
        'after its key, and name the keyring that holds it (`signed-by=`).',
      fix: [
        'In place of this `RUN`, install the key (the ID apt printed) into a keyring file of its own, then add the source with',
        '`signed-by=` pointing to that file:',
        '',
        '```dockerfile',
        'RUN apt-get update && apt-get install -y --no-install-recommends gnupg ca-certificates \\',
        ' && gpg --keyserver hkps://keyserver.ubuntu.com --recv-keys {key} \\',
        ' && gpg --export {key} > {enrich.repoKeyring} \\',
        " && echo '{enrich.repoSource}' > {enrich.repoListFile} \\",
        ' && apt-get update',
        '```',
        '',
        'If the vendor\'s install page gives a key file to download, fetch that one instead of the keyserver and pipe it through',
        '`gpg --dearmor` into `{enrich.repoKeyring}`; either way `gpg --show-keys {enrich.repoKeyring}` should list the key `{key}`.',
      ].join('\n'),
    },
    // NodeSource's per-release repositories (`deb.nodesource.com/node_18.x bullseye`): NodeSource's install page
    // (nodesource/distributions README, "Installation Instructions") sets up one repository for every Debian / Ubuntu release,
    // `deb [signed-by=/etc/apt/keyrings/nodesource.gpg] https://deb.nodesource.com/node_$NODE_MAJOR.x nodistro main`, with the
    // key from https://deb.nodesource.com/gpgkey/nodesource-repo.gpg.key (the same lines in internetarchive/openlibrary's
    // scripts/install_nodejs.sh and Budibase's scripts/install-node.sh). GFDRR/thinkhazard#1000 took Node from the official
    // `node` image instead (a `node:18-alpine` stage).
    {
      when: 'key&nodesourceRelease',
      title: "NodeSource's old per-release apt repository: its signing key is not installed",
      message:
        'apt refuses `{context.nodesourceRelease.url}`: it is signed with the key `{key|the NO_PUBKEY line names}`, which is not installed in the image. ' +
        'That is NodeSource\'s old layout, one repository per distribution release (the release named after the URL); NodeSource\'s install instructions now set up one ' +
        'repository for all releases (`nodistro`) with its own key file.',
      fix: [
        'In the Dockerfile, delete the lines that add the old NodeSource repository (and its key), so no `nodesource` source file is left ' +
          '(`grep -rl deb.nodesource.com /etc/apt/sources.list /etc/apt/sources.list.d/` lists none), and set up NodeSource\'s current one ' +
          '(https://github.com/nodesource/distributions) in their place:',
        '',
        '```sh',
        'apt-get update && apt-get install -y ca-certificates curl gnupg',
        'mkdir -p /etc/apt/keyrings',
        'curl -fsSL https://deb.nodesource.com/gpgkey/nodesource-repo.gpg.key | gpg --dearmor -o /etc/apt/keyrings/nodesource.gpg',
        'echo "deb [signed-by=/etc/apt/keyrings/nodesource.gpg] https://deb.nodesource.com/node_{context.nodesourceRelease.major}.x nodistro main" > /etc/apt/sources.list.d/nodesource.list',
        'apt-get update && apt-get install -y nodejs',
        '```',
        '',
        'Or take Node from ' +
          'Docker\'s official image instead of apt: a build stage `FROM node:{context.nodesourceRelease.major}-slim` (or `-alpine`) for what needs Node. ' +
          'Node {context.nodesourceRelease.major} may be past its end of life (https://nodejs.org/en/about/previous-releases).',
      ].join('\n'),
    },
    ...[true, false].map((keyring) => ({
      when: `key&keyRepo&${keyring ? 'enrich.vendorKeyring' : 'enrich.keyUrl'}`,
      title: 'apt repository signing key missing',
      message:
        'apt refuses `{context.keyRepo.url}`: it is signed with the key `{key|the NO_PUBKEY line names}`, which is not installed, ' +
        'so `apt-get update` stops: the keyring lacks the key {enrich.keyVendor} signs with now (a rotated key the image never got, ' +
        'or a key added to a keyring file the source line does not name).',
      fix: vendorKeyFix(keyring),
    })),
    {
      when: 'key&keyRepo',
      title: 'apt repository signing key missing',
      message:
        'apt refuses `{context.keyRepo.url}`: it is signed with the key `{key|the NO_PUBKEY line names}`, which is not ' +
        'installed, so `apt-get update` stops: the image lacks the key that repository signs with (never added, added to a keyring ' +
        'file the source line does not name, or the vendor signs with another key now).',
      fix: [
        "Install that repository's current key before `apt-get update`, as its vendor's install instructions say, into the",
        "keyring file that the source's `signed-by=` option names (`grep -r {context.keyRepo.host} /etc/apt/sources.list",
        "/etc/apt/sources.list.d/` shows the source line and that file). If the build installs nothing from",
        '{context.keyRepo.host}, remove the file that names it before `apt-get update` instead; never the distribution\'s own',
        '`debian.sources` or `ubuntu.sources`.',
      ].join('\n'),
    },
    {
      when: 'key',
      title: 'apt repository signing key missing',
      message:
        'apt refuses a repository because the key that signs it is not installed (the `NO_PUBKEY` / `is not signed` lines ' +
        'below name it), so `apt-get update` stops.',
      fix: [
        "Install the repository's current key before `apt-get update`, as its vendor's install instructions say (a keyring",
        "file that the source's `signed-by=` option names). If that",
        'third-party repository is not needed, remove the file that names it (`grep -rl` its host in',
        "`/etc/apt/sources.list.d/`), never the distribution's own `debian.sources` or `ubuntu.sources`.",
      ].join('\n'),
    },
    {
      when: 'dns',
      title: 'apt repository host could not be resolved',
      retryable: true,
      message: 'The build could not resolve `{host|the repository host}`: a DNS or network failure inside the build, not a problem of the package list.',
      fix: [
        'Retry. If it persists, it is the network of the builder: on self-hosted runners check DNS and the proxy (pass',
        '`--build-arg http_proxy=… --build-arg https_proxy=…`, which apt honours); a `RUN --network=none` or a',
        "builder started without network cannot reach apt's mirrors at all.",
      ].join('\n'),
    },
    {
      when: 'transient',
      title: 'apt mirror unreachable or failing',
      retryable: true,
      message: 'The mirror timed out or answered with a server error for `{url|the package lists}`: an outage of the mirror or the network path to it.',
      fix: 'Retry; to ride out short outages let apt retry each download: `apt-get -o Acquire::Retries=3 update` (and the same option on `apt-get install`).',
    },
    {
      when: 'vendorHash',
      title: "a vendor's apt repository served inconsistent metadata",
      retryable: true,
      message:
        '`{context.vendorHash.host}` served package lists that do not match its own index (a hash or size mismatch). It is the ' +
        "vendor's own repository, not one of a distribution's mirrors: there is no other mirror to switch to, and the " +
        "inconsistency is on the vendor's side until they republish.",
      fix: [
        'Retry later (a failed step is not cached, so the next build asks the server again), with the lists cleared in the',
        'same `RUN` so no partial file is reused: `rm -rf /var/lib/apt/lists/* && apt-get update`. If the build needs no',
        'package from `{context.vendorHash.host}`, remove its source before `apt-get update`:',
        '',
        '```sh',
        "grep -rl '{context.vendorHash.host}' /etc/apt/sources.list.d/ | xargs -r rm -f",
        '```',
      ].join('\n'),
    },
    {
      when: 'hash',
      title: 'apt mirror caught mid-sync',
      retryable: true,
      message: 'The mirror served files that do not match its own index: it was being synced while the build read it.',
      fix:
        'Retry the build (usually gone within minutes). If it persists, clear the package lists in the same `RUN` before updating, so ' +
        'that no list the base image shipped or a partial download left is reused: `rm -rf /var/lib/apt/lists/* && apt-get update`; ' +
        'then try another mirror.',
    },
    {
      when: 'nvidiaIndex404&fact.place=image-build',
      title: "NVIDIA's apt repository answered 404 for its index",
      retryable: true,
      message: NVIDIA_INDEX_404,
      fix: [
        'Retry the build later (a failed step is not cached, so the next build asks the server again). If the build needs',
        "no package from NVIDIA's apt repositories, drop them before the failing `apt-get update`:",
        '',
        ...dropNvidiaSourcesDockerfile,
      ].join('\n'),
    },
    {
      when: 'nvidiaIndex404',
      title: "NVIDIA's apt repository answered 404 for its index",
      retryable: true,
      message: NVIDIA_INDEX_404,
      fix: [
        "Retry later. If no package from NVIDIA's apt repositories is needed, remove their sources before `apt-get update`;",
        'in a Dockerfile:',
        '',
        ...dropNvidiaSourcesEither,
      ].join('\n'),
    },
    ...vendorNoReleaseVariants(),
    // A package file gone though the lists are fresh: the log shows the update, or the failing RUN runs it.
    { when: 'deb404&updateRan&scriptInstall', ...INDEX_WITHOUT_FILE_SCRIPT },
    { when: 'deb404&updateRan', ...INDEX_WITHOUT_FILE },
    { when: 'deb404&update', ...INDEX_WITHOUT_FILE },
    {
      when: 'notFound&!update&install',
      message:
        'The mirror answered 404 for `{url|a file of the package lists or a package}`: this `RUN` installs without `apt-get update`, so it used package lists ' +
        'from an earlier, cached layer, and the mirror has since replaced that package version.',
      fix: updateInSameRun,
    },
    {
      when: 'notFound&update',
      message:
        'The mirror answered 404 for `{url|a file of the package lists or a package}` although the lists were updated in this `RUN`: the release has reached ' +
        'end of life and left the mirrors, or the repository is broken.',
      fix: [
        'Check the release of the base image and the `Err:` lines: an end-of-life Debian release has moved to archive.debian.org,',
        'an end-of-life Ubuntu release to old-releases.ubuntu.com (point the sources there as a stopgap: `/etc/apt/sources.list`,',
        'or `/etc/apt/sources.list.d/ubuntu.sources` from 24.04); a',
        "third-party repository drops old releases on its own schedule. The lasting fix is a base image of a supported release.",
      ].join('\n'),
    },
    {
      when: 'notFound',
      message:
        'The mirror answered 404 for `{url|a file of the package lists or a package}`: the package lists are stale (the `apt-get update` ran in an earlier, ' +
        'cached layer and the mirror moved on) or the release reached end of life and left the mirrors.',
      fix: [
        'Run `apt-get update` in the same `RUN` as `apt-get install`, so a cached list is never used. For an end-of-life',
        'release, move to a supported base image (archive.debian.org for Debian, old-releases.ubuntu.com for Ubuntu, is a stopgap).',
      ].join('\n'),
    },
  ],
  fix: [
    'Read the `Err:` lines above the failure for the cause (DNS, timeout, 404, signature). Update and install in one',
    '`RUN` so the lists are fresh, and add `-o Acquire::Retries=3` to `apt-get` for flaky networks.',
  ].join('\n'),
  enrich: ['nvidia-key', 'eol-release', 'vendor-no-release', 'repo-key-order', 'vendor-apt-key'],
  docs: 'https://docs.docker.com/build/building/best-practices/#apt-get',
};

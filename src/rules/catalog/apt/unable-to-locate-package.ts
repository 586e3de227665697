// apt does not know a package: lists that were never downloaded (no `apt-get update` in this RUN, or
// an update that failed), a name from another release, or a package not built for this architecture.
// The fix names the packages from the log and checks them on the platform that was built
// (`apt-cache policy` prints the candidate per package, `(none)` when there is none: apt-cache(8)).
// A toolkit name no repository has (`cuda-toolkit-dev`, knowledge/cuda-toolkit-apt-names.ts), asked for outside an image
// build (a host's setup script), gets the two real ones, NVIDIA's `cuda-toolkit-<major>-<minor>` and the distribution's
// `nvidia-cuda-toolkit`, as shell commands; in an image build, as Dockerfile lines (or NVIDIA's `-devel` image).
import type { RuleInput } from '../../schema.js';
import { KEYRING_FILE, KEYRING_URL_FORM, keyringDistros, madeUpToolkitNames } from '../../../knowledge/cuda-toolkit-apt-names.js';
import { droppedPackageNames } from '../../../knowledge/apt-dropped-packages.js';

const checkInBaseImage = [
  'Ask apt in the base image, for the platform that was built, which of them exist (`Candidate: (none)` or',
  '`Unable to locate` = not in any enabled repository):',
  '',
  '```sh',
  "docker run --rm --platform {fact.platform|linux/amd64} {fact.baseImage} sh -c 'apt-get update -qq && apt-cache policy {package:words}'",
  '```',
];

const checkInStage = [
  'Ask apt in this stage which of them exist (`Candidate: (none)` or `Unable to locate` = not in any enabled',
  'repository), e.g. temporarily before the failing line:',
  '',
  '```dockerfile',
  'RUN apt-get update && apt-cache policy {package:words}',
  '```',
];

/** Outside an image build (a host's script, a pasted excerpt): the same check as shell commands. */
const checkInShell = [
  'Ask apt, where the install ran, which of them exist (`Candidate: (none)` or `Unable to locate` = not in any enabled',
  'repository), as root (or with `sudo`); in a Dockerfile, the same in a `RUN` before the failing line:',
  '',
  '```sh',
  'apt-get update && apt-cache policy {package:words}',
  '```',
];

const afterCheck = [
  'Names differ between releases (Python versions, library sonames, `-dev` packages): a name from another release',
  'needs the name of this one or another base image; a package of a repository that is not enabled needs that',
  'repository added first.',
];

/** A package built for amd64 only, installed only there (`TARGETARCH` is set by BuildKit for each platform). */
const amd64OnlyInstall: readonly string[] = [
  'For a package that exists on amd64 only, install it only there:',
  '',
  '```dockerfile',
  'ARG TARGETARCH',
  'RUN apt-get update \\',
  ' && if [ "$TARGETARCH" = "amd64" ]; then apt-get install -y --no-install-recommends {package:words}; fi \\',
  ' && rm -rf /var/lib/apt/lists/*',
  '```',
];

// Packages that only NVIDIA's own apt repositories have: the CUDA repository's `cuda-<major>-<minor>` and cuDNN's
// `libcudnn<N>` / `libcudnn<N>-dev` (none of them in Debian 12 with main, contrib and non-free enabled: `apt-cache policy`
// on this machine; Debian packages only an `nvidia-cudnn` download script). Up to CUDA 10, cuDNN 7 and NCCL came from a
// second one, NVIDIA's machine-learning repository (…/compute/machine-learning/repos/ubuntu1604/x86_64/, installed next to
// the CUDA repository in google/clusterfuzz#1929 and TensorFlow's Ubuntu 16.04 / CUDA 10 guide). Since NVIDIA's 2022 key
// rotation the CUDA repository is added with its cuda-keyring package: `cuda-keyring_1.0-1_all.deb` for ubuntu1604
// (tensorflow/docs site/en/install/gpu.md, "Ubuntu 16.04"; no 1.1-1 for ubuntu1604 in any public script found), and
// `cuda-keyring_1.1-1_all.deb` for ubuntu1804 and later (public install scripts fetch repos/ubuntu1804/x86_64/,
// repos/debian10/x86_64/ and every later distro's cuda-keyring_1.1-1_all.deb: code corpus; knowledge/nvidia-repos.ts
// for 2004 and later); the distro directory is `$ID` and `$VERSION_ID` without the dot, from /etc/os-release.
const NVIDIA_ONLY_MESSAGE =
  'apt has no package `{package:all}`: these are packages of NVIDIA\'s own CUDA apt repository (cuDNN 7 and NCCL of CUDA 10 ' +
  'and earlier: of its machine-learning repository), which no Debian or Ubuntu archive has, and the repositories enabled here ' +
  'do not include it: it was never added.';

const nvidiaRepoLines = (prefix: string): string[] => [
  `${prefix}apt-get update && apt-get install -y --no-install-recommends wget ca-certificates apt-transport-https \\`,
  ' && . /etc/os-release && distro="$ID$(echo "$VERSION_ID" | tr -d .)" \\',
  ' && case "$distro" in ubuntu1604) keyring=cuda-keyring_1.0-1_all.deb ;; *) keyring=cuda-keyring_1.1-1_all.deb ;; esac \\',
  ` && wget -q "${KEYRING_URL_FORM.replace('<distro>', '$distro').replace(KEYRING_FILE, '$keyring')}" \\`,
  ' && dpkg -i "$keyring" && rm "$keyring" \\',
  ' && apt-get update \\',
  ' && apt-get install -y --no-install-recommends {package:words}',
];

const nvidiaRepoAfter = [
  'Keep the version pins of your own install line (cuDNN\'s versions name the CUDA release: `7.6.4.38-1+cuda10.1` is for 10.1). The repository',
  'is the one for the release of this image, read from /etc/os-release (on amd64: `x86_64`; arm64 servers use `sbsa`, for some',
  'releases only). If cuDNN 7 is still `Unable to locate`, `apt-cache policy {package:words}` after the update shows which are',
  'missing: those came from the machine-learning repository. Or build on NVIDIA\'s own image of CUDA {fact.cuda|this release}',
  'with cuDNN and the same distro release (its tags name all three: https://hub.docker.com/r/nvidia/cuda/tags); tags of CUDA',
  'releases past end of life are deleted six months after it, so check that the tag still pulls.',
];

const nvidiaRepoInDockerfile = [
  'Add NVIDIA\'s CUDA repository first, in the same `RUN` as the install:',
  '',
  '```dockerfile',
  ...nvidiaRepoLines('RUN '),
  '```',
  ...nvidiaRepoAfter,
].join('\n');

const nvidiaRepoInShell = [
  'Add NVIDIA\'s CUDA repository first, as root (or with `sudo`), where the install runs:',
  '',
  '```sh',
  ...nvidiaRepoLines(''),
  '```',
  ...nvidiaRepoAfter,
].join('\n');

const madeUpToolkitMessage =
  'apt has no package `{package:all}`, and no apt repository has one by that name: NVIDIA\'s CUDA repository puts the ' +
  'CUDA release in the toolkit\'s name (`cuda-toolkit-12-4` for CUDA 12.4) and names its development parts the same way ' +
  '(`cuda-libraries-dev-12-4`); Debian and Ubuntu package the toolkit as `nvidia-cuda-toolkit`.';

/** NVIDIA's repository and its toolkit, or the distribution's, in a shell. Where apt ran is not in the log: as root, with a note. */
const realToolkitsInShell = [
  'Install one of the two real toolkits, in the shell or script that ran apt, as root (put `sudo` before each command',
  'where you are not root).',
  '',
  `NVIDIA's, of the CUDA release the build needs: add NVIDIA's repository for your distribution (NVIDIA publishes it for ${keyringDistros().map((d) => `\`${d}\``).join(', ')}, among others), then install that release:`,
  '',
  '```sh',
  '. /etc/os-release && distro="$ID$(echo "$VERSION_ID" | tr -d .)"   # ubuntu2204, debian12, …',
  `wget "${KEYRING_URL_FORM.replace('<distro>', '$distro')}"`,
  `dpkg -i ${KEYRING_FILE}`,
  'apt-get update',
  "apt-cache search --names-only '^cuda-toolkit-[0-9]'   # the releases it has: cuda-toolkit-12-4 is CUDA 12.4",
  'release=12-4   # pick from that list the release torch was built for: python3 -c "import torch; print(torch.version.cuda)"',
  'apt-get install -y "cuda-toolkit-$release"',
  'export PATH="/usr/local/cuda-${release/-/.}/bin:$PATH"',
  '```',
  '',
  "Or the distribution's: `apt-cache policy nvidia-cuda-toolkit` prints the CUDA release it packages (Debian 12: 11.8, " +
    'in non-free and contrib; Ubuntu: in multiverse); if that release fits, `apt-get install -y nvidia-cuda-toolkit`.',
].join('\n');

/** The same two toolkits in an image build: NVIDIA's `-devel` image, or NVIDIA's repository added in the Dockerfile. */
const realToolkitsInDockerfile = [
  "Build on NVIDIA's `-devel` image of the CUDA release the build needs (https://hub.docker.com/r/nvidia/cuda/tags): the",
  "toolkit is in it. Or add NVIDIA's repository for the base image's distribution (on amd64: `x86_64`) and install that release's toolkit",
  `(NVIDIA publishes the repository for ${keyringDistros().map((d) => `\`${d}\``).join(', ')}, among others):`,
  '',
  '```dockerfile',
  '# the release torch was built for, as in cuda-toolkit-12-4 (python3 -c "import torch; print(torch.version.cuda)")',
  'ARG CUDA_RELEASE=12-4',
  'RUN apt-get update \\',
  ' && apt-get install -y --no-install-recommends ca-certificates wget \\',
  ' && . /etc/os-release \\',
  ` && wget -q "${KEYRING_URL_FORM.replace('<distro>', '$ID$(echo "$VERSION_ID" | tr -d .)')}" \\`,
  ` && dpkg -i ${KEYRING_FILE} && rm ${KEYRING_FILE} \\`,
  ' && apt-get update \\',
  ' && apt-get install -y --no-install-recommends "cuda-toolkit-$CUDA_RELEASE" \\',
  ' && rm -rf /var/lib/apt/lists/*',
  '```',
  '',
  "Or the distribution's own `nvidia-cuda-toolkit`, if the CUDA release it packages fits (`apt-cache policy nvidia-cuda-toolkit`",
  'in the base image prints it; Debian 12: 11.8, in non-free and contrib).',
].join('\n');

/**
 * A package a newer release dropped (knowledge/apt-dropped-packages.ts): the story with and without a replacement,
 * each told flatly when the log shows a release without it, hedged when it does not.
 */
function droppedVariants(): NonNullable<RuleInput['variants']> {
  const why = 'it was {enrich.droppedPurpose}, and {enrich.droppedFrom} dropped it';
  const replace = [
    'In the `apt-get install` line, replace `{enrich.droppedName}` with `{enrich.droppedReplacement}`: {enrich.droppedReplacementNote}',
  ];
  const remove = [
    'Remove `{enrich.droppedName}` from the `apt-get install` line: nothing replaces it. If the build runs `add-apt-repository`,',
    'add that repository the way its vendor documents for Debian instead (a file in `/etc/apt/sources.list.d/` and the keyring',
    "its `signed-by=` option names); a `ppa:` is built for Ubuntu and does not fit a Debian image.",
  ];
  // a package whose table row says what goes with it (PHP's imap extension with libc-client-dev)
  const removeWith = ['Remove `{enrich.droppedName}` from the `apt-get install` line: nothing replaces it. {enrich.droppedRemoveNote}'];
  // The way back to a release that has it: the exact tag where the base's tags name their Debian release.
  const pinExact = 'Or keep Debian 12 for now: `FROM {enrich.droppedPinnedImage}`.';
  const pinAny = 'Or keep Debian 12 for now, on a base tag that names it (`-bookworm`, as in `{enrich.droppedPinExample}`) where the image has one.';
  const known = `apt has no \`{enrich.droppedName}\` because this build's release, {enrich.droppedRelease}, does not ship it: ${why}.`;
  const unknown =
    `apt has no \`{enrich.droppedName}\`: ${why}. {enrich.droppedMovedNote}`;
  const stories = [
    { when: 'enrich.droppedReplacement&enrich.droppedRelease', title: 'apt package dropped by this release', message: known, steps: replace },
    { when: 'enrich.droppedReplacement', title: 'apt package dropped by newer releases', message: unknown, steps: replace },
    { when: 'enrich.droppedRemoveNote&enrich.droppedRelease', title: 'apt package dropped by this release', message: known, steps: removeWith },
    { when: 'enrich.droppedRemoveNote', title: 'apt package dropped by newer releases', message: unknown, steps: removeWith },
    { when: 'enrich.droppedName&enrich.droppedRelease', title: 'apt package dropped by this release', message: known, steps: remove },
    { when: 'enrich.droppedName', title: 'apt package dropped by newer releases', message: unknown, steps: remove },
  ];
  return stories.flatMap(({ when, title, message, steps }) => [
    { when: `${when}&enrich.droppedPinnedImage`, title, message, fix: [...steps, pinExact].join('\n') },
    { when: `${when}&enrich.droppedDebianPin`, title, message, fix: [...steps, pinAny].join('\n') },
    { when, title, message, fix: steps.join('\n') },
  ]);
}

/**
 * A package apt knows only as an old name (knowledge/apt-replaced.ts): "not available, but is referred to by another
 * package", `has no installation candidate`. The lists are loaded (another package names it), so the stale-lists story does
 * not fit: the name is from an older release. The fix installs what replaces it (the table's pick, or apt's only
 * replacement), in the step's own install line where that line is plain; a Python 2 module name with nothing listed gets
 * its Python 3 name to check (Debian's Python Policy: Python 3 module packages are `python3-<module>`, Python 2's were
 * `python-<module>`; lists.debian.org/debian-python/2013/02/msg00196.html); anything else, how to find the new name.
 */
function obsoleteVariants(): NonNullable<RuleInput['variants']> {
  const title = 'apt package obsolete in this release';
  const message =
    'apt cannot install `{package:all}`, and its package lists are loaded: it says a package is "not available, but is referred ' +
    'to by another package" when the lists it read still name it, as an old name other packages replace or depend on. This ' +
    'release no longer ships a package of that name, so another `apt-get update` does not bring it back. {enrich.replacedAptSaid|}';
  const after = ['', '{enrich.replacedNotes|} {enrich.replacedPython2|}'];
  const installInDockerfile = [
    'Install what replaces it ({enrich.replacedSwaps}), with the update in the same `RUN`:',
    '',
    '```dockerfile',
    'RUN apt-get update \\',
    ' && apt-get install {enrich.replacedInstall} \\',
    ' && rm -rf /var/lib/apt/lists/*',
    '```',
    ...after,
  ];
  const installInShell = [
    'Install what replaces it ({enrich.replacedSwaps}), where the install ran, as root (or with `sudo`):',
    '',
    '```sh',
    'apt-get update && apt-get install {enrich.replacedInstall}',
    '```',
    ...after,
  ];
  const swap = ['In the `apt-get install` line, replace {enrich.replacedSwaps}.', ...after];
  const checkHow = (block: string[]): string[] => [
    'Debian and Ubuntu named the Python 2 package of a module `python-` and the module\'s name, and those went with Python 2',
    '(Debian 11, Ubuntu 20.04); the Python 3 package is `python3-` and the same name. Check that this release has',
    '`{enrich.replacedCheck}`:',
    '',
    ...block,
    '',
    'A `Candidate:` version: install `{enrich.replacedCheck}` in place of `{enrich.replacedCheckOld}`. `Candidate: (none)`: the',
    'module has another name here or no package; `apt-cache search --names-only` with part of its name lists the names, or',
    'install the module with pip.',
  ];
  const checkStage = checkHow(['```dockerfile', 'RUN apt-get update && apt-cache policy {enrich.replacedCheck}', '```']);
  const checkShell = checkHow(['```sh', 'apt-get update && apt-cache policy {enrich.replacedCheck}', '```']);
  const find = [
    'Find the name this release uses for it. `apt-cache showpkg {package:words}` lists, under "Reverse Depends" and "Reverse',
    'Provides", the packages that still refer to it; `apt-cache search --names-only` with part of the name lists the names',
    'this release has; packages.debian.org and packages.ubuntu.com search names per release. Then install that name, or',
    'build on an older base release that still has `{package:all}`.',
  ];
  return [
    { when: 'obsolete&!dockerRepo&enrich.replacedInstall&fact.place=image-build', title, message, fix: installInDockerfile.join('\n') },
    { when: 'obsolete&!dockerRepo&enrich.replacedInstall', title, message, fix: installInShell.join('\n') },
    { when: 'obsolete&!dockerRepo&enrich.replacedSwaps', title, message, fix: swap.join('\n') },
    { when: 'obsolete&!dockerRepo&enrich.replacedCheck&fact.place=image-build', title, message, fix: checkStage.join('\n') },
    { when: 'obsolete&!dockerRepo&enrich.replacedCheck', title, message, fix: checkShell.join('\n') },
    { when: 'obsolete&!dockerRepo&enrich.replacedObsolete', title, message, fix: find.join('\n') },
  ];
}

/**
 * A pinned version the repositories no longer carry: the package is there, the version is not. A suite's package index
 * lists one version of each package (on Debian 12, `apt-cache policy curl` shows one per suite: bookworm, bookworm-security),
 * so a point release or security update that replaces it removes the pinned one from the mirror; snapshot.debian.org keeps
 * "all past and current packages the Debian archive provides" and is "accessible like any normal apt repository" (its home page).
 */
function versionGoneVariants(): NonNullable<RuleInput['variants']> {
  const title = 'apt package version no longer available';
  const message =
    'apt knows `{context.versionGone.package}` but not the version pinned here, `{context.versionGone.version}`: the repositories ' +
    'enabled in this stage do not carry that version. A distribution\'s mirror keeps one version of a package per suite, so the next ' +
    'point release or security update of it removes a pinned version from there.';
  const thenPin = [
    '',
    'Then drop the pin (`{context.versionGone.package}` alone installs that candidate) or bump it to the `Candidate:` line; a pin',
    'of an exact Debian revision breaks again at the next update. The exact old version is kept only on snapshot.debian.org,',
    'an apt repository of every past state of the archive, for a build that must reproduce it.',
  ];
  const askBase = [
    'Read the version the base image offers now (`Candidate:`):',
    '',
    '```sh',
    "docker run --rm --platform {fact.platform|linux/amd64} {fact.baseImage} sh -c 'apt-get update -qq && apt-cache policy {context.versionGone.package:words}'",
    '```',
  ];
  const askStage = [
    'Read the version this stage offers now (`Candidate:`), e.g. temporarily before the failing line:',
    '',
    '```dockerfile',
    'RUN apt-get update && apt-cache policy {context.versionGone.package:words}',
    '```',
  ];
  const askShell = [
    'Read the version offered now (`Candidate:`) where the install ran (in a Dockerfile, in a `RUN` before the failing line):',
    '',
    '```sh',
    'apt-get update && apt-cache policy {context.versionGone.package:words}',
    '```',
  ];
  return [
    { when: 'versionGone&fact.baseImage', title, message, fix: [...askBase, ...thenPin].join('\n') },
    { when: 'versionGone&fact.place=image-build', title, message, fix: [...askStage, ...thenPin].join('\n') },
    { when: 'versionGone', title, message, fix: [...askShell, ...thenPin].join('\n') },
  ];
}

/**
 * A pinned version apt does not find, in a `RUN` that runs no `apt-get update`: the pin may be fine and the lists stale
 * (an earlier layer's, as old as that layer when it is cached; a base image ships none), or the repository no longer has
 * it. The fix keeps the pin: update in the same `RUN`, and let the build print what the repository carries.
 * `apt-cache madison` "displays available versions of a package in a tabular format", one line per version and source,
 * and `apt-cache policy` the installed and candidate versions with the version table (apt-cache(8); both run on this
 * project's machine, apt 2.6). NVIDIA's flat repositories keep many builds of a package side by side; an NCCL build names
 * its CUDA release in its version (`2.3.7-1+cuda10.0`, NVIDIA's NCCL install guide:
 * https://docs.nvidia.com/deeplearning/nccl/install-guide/index.html, "sudo apt install libnccl2=2.x.x-1+cudaX.Y").
 */
function pinnedWithoutUpdateVariants(): NonNullable<RuleInput['variants']> {
  const title = 'pinned apt version not in the package lists';
  const message =
    'The version pinned for `{context.versionGone.package:all}`, `{context.versionGone.version:all}`, is not in the package lists this ' +
    '`RUN` reads. The `RUN` runs no `apt-get update`, so apt reads the lists an earlier layer left, as old as that layer (a cached ' +
    'layer keeps its old lists; a base image ships none): either those lists predate the pinned version, or the repository no ' +
    'longer carries it.';
  const after = [
    '',
    'The build log now shows the versions the repositories carry (`apt-cache madison` prints one line per version and',
    'repository). If the pinned version is among them, the fresh lists were all it needed. If it is not, the repository dropped',
    'it: pick one of the versions madison lists and pin that, rather than dropping the pin, so that the build stays',
    "reproducible. For NVIDIA's packages, pick a build for the image's CUDA release: the `+cuda` suffix of an NCCL version",
    'names it (major.minor, as in `2.3.7-1+cuda10.0`).',
  ];
  const withInstall = [
    'Keep the pin, and update in the same `RUN` as the install, printing what the repositories carry before it:',
    '',
    '```dockerfile',
    'RUN apt-get update \\',
    ' && apt-cache madison {context.versionGone.package:words} \\',
    ' && apt-get install {enrich.aptInstallArgs} \\',
    ' && rm -rf /var/lib/apt/lists/*',
    '```',
  ];
  const withoutInstall = [
    'Keep the pin, and put `apt-get update &&` before the install in the same `RUN` (your install line as it is, its options',
    'and every pin kept), printing what the repositories carry before it:',
    '',
    '```dockerfile',
    'RUN apt-get update \\',
    ' && apt-cache madison {context.versionGone.package:words} \\',
    " && apt-get install -y --no-install-recommends {context.versionGone.package}='{context.versionGone.version}'",
    '```',
  ];
  return [
    { when: 'versionGone&!update&aptInstall&enrich.aptInstallArgs', title, message, fix: [...withInstall, ...after].join('\n') },
    { when: 'versionGone&!update&aptInstall', title, message, fix: [...withoutInstall, ...after].join('\n') },
  ];
}

// Docker's own packages, which only Docker's apt repository (download.docker.com) has: the five its install guide installs
// and the rootless extras its uninstall step removes (docs.docker.com/engine/install/debian/ and …/ubuntu/, docker/docs
// content/manuals/engine/install/debian.md). Debian's and Ubuntu's own packages are `docker.io`, `docker-compose`, `docker-doc`
// (the guide's "unofficial packages"), so those names are not taken here. Docker builds for amd64, armhf, arm64 and ppc64le
// (same page), each release of the distribution apart: a version string names it (`5:20.10.17~3-0~debian-buster`,
// `-1~debian.12~bookworm` in the guide's `apt-cache madison docker-ce` example), and the repository keeps past versions
// (the guide lists them with madison to pin one). The guide writes the sources line with the architecture and release read
// on the machine: `deb [arch=$(dpkg --print-architecture) signed-by=/etc/apt/keyrings/docker.asc]
// https://download.docker.com/linux/debian $(. /etc/os-release && echo "$VERSION_CODENAME") stable`; its Ubuntu page reads
// `${UBUNTU_CODENAME:-$VERSION_CODENAME}`. Older versions of the guide had a tab per architecture whose x86_64 line was
// `deb [arch=amd64] …` (docker/docs#11990), the line copied into many Dockerfiles; an arm64 build then gets only the amd64
// list, whose packages it does not install (kyverno/kyverno#8675: `jammy/stable amd64 Packages` fetched in an arm64
// devcontainer build; nextcloud/server#39461: "the following packages replace it: docker-ce-cli:amd64"), and reports them
// missing (microsoft/AzureTRE-Deployment#42: `docker-ce-cli` and `containerd.io` "Unable to locate" on Apple silicon, fixed
// with `arch=$(dpkg --print-architecture)`; kedacore/keda#3084). The guide's current pages write the same source in deb822
// form, `/etc/apt/sources.list.d/docker.sources` with `Architectures: $(dpkg --print-architecture)` (docker/docs#24552);
// the one-line form printed here is equivalent. The guide makes the key readable to apt (`sudo chmod a+r
// /etc/apt/keyrings/docker.asc`): under a restrictive umask the downloaded key is not, and apt then ignores it.
const dockerRepoPackages = ['docker-ce', 'docker-ce-cli', 'docker-ce-rootless-extras', 'containerd.io', 'docker-buildx-plugin', 'docker-compose-plugin'];

const DOCKER_REPO_MESSAGE =
  'apt has none of `{context.dockerRepo.name:all}` to install in this stage: they come from Docker\'s own apt repository ' +
  '(download.docker.com), not from the distribution. That repository\'s line is missing, was added after the last ' +
  '`apt-get update`, or names an architecture other than the stage\'s ({fact.platform|the log does not show the platform ' +
  'built}) or a release Docker has no packages for. A line copied from older install guides, `deb [arch=amd64] ' +
  'https://download.docker.com/…`, gives an arm64 build only amd64 packages, which it does not install (apt may name them ' +
  '`docker-ce-cli:amd64`); a build on an arm64 machine (Apple silicon, Graviton) is arm64 unless `--platform` asks for another.';
const DOCKER_REPO_PIN =
  ' The pin `{context.versionGone.version}` names a release too: Docker builds each version for each distribution release ' +
  '(`~debian-buster`, `~debian.12~bookworm`), and only that release\'s list has it.';

const dockerRepoCheck = (prefix: string): string[] => [
  'Compare the Docker line with the machine apt runs on: `dpkg --print-architecture` prints the architecture it installs',
  'packages for, and the line\'s `[arch=…]` must name it; `grep -rn download.docker.com /etc/apt/sources.list /etc/apt/sources.list.d/`',
  `shows the line. Write it as Docker's install guide does (https://docs.docker.com/engine/install/debian/, …/ubuntu/), with the`,
  `architecture and release read ${prefix === 'RUN ' ? 'in the stage' : 'on the machine'}, and update before the install:`,
];

const dockerRepoLines = (prefix: string, sudo: string): string[] => [
  `${prefix}${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ca-certificates curl \\`,
  ` && ${sudo}install -m 0755 -d /etc/apt/keyrings \\`,
  ' && . /etc/os-release \\',
  ` && ${sudo}curl -fsSL "https://download.docker.com/linux/$ID/gpg" -o /etc/apt/keyrings/docker.asc \\`,
  ` && ${sudo}chmod a+r /etc/apt/keyrings/docker.asc \\`,
  ` && echo "deb [arch=$(dpkg --print-architecture) signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/$ID \${UBUNTU_CODENAME:-$VERSION_CODENAME} stable" ${sudo === '' ? '>' : '| sudo tee'} /etc/apt/sources.list.d/docker.list${sudo === '' ? '' : ' > /dev/null'} \\`,
  ` && ${sudo}apt-get update \\`,
  ` && ${sudo}apt-get install -y --no-install-recommends {context.dockerRepo.name:words}${sudo === '' ? ' \\' : ''}`,
  ...(sudo === '' ? [' && rm -rf /var/lib/apt/lists/*'] : []),
];

const dockerRepoAfter = [
  '`$ID` is `debian` or `ubuntu` there; a derivative distribution needs the name and codename of the release it is built on.',
  'Replace the old Docker line (in the file the `grep` shows) rather than add a second one: two lines for one repository with',
  'different `signed-by=` stop apt (`Conflicting values set for option Signed-By`).',
];
const dockerRepoPinAfter =
  'To keep a pinned version, list what the repository has for this release after the update (`apt-cache madison docker-ce`) ' +
  'and pin one of those lines.';
const dockerRepoAmd64Image =
  'An image that must stay amd64 (it runs amd64-only programs) is built for amd64 instead, under emulation on an arm64 machine: ' +
  '`docker build --platform linux/amd64 …`.';

function dockerRepoVariants(): NonNullable<RuleInput['variants']> {
  const title = "Docker's apt repository gives this stage no packages";
  const inDockerfile = (pin: boolean): string =>
    [
      ...dockerRepoCheck('RUN '),
      '',
      '```dockerfile',
      ...dockerRepoLines('RUN ', ''),
      '```',
      '',
      ...dockerRepoAfter,
      ...(pin ? [dockerRepoPinAfter] : []),
      dockerRepoAmd64Image,
    ].join('\n');
  const inShell = (pin: boolean): string =>
    [
      ...dockerRepoCheck(''),
      '',
      '```sh',
      ...dockerRepoLines('', 'sudo '),
      '```',
      '',
      ...dockerRepoAfter,
      ...(pin ? [dockerRepoPinAfter] : []),
    ].join('\n');
  return [
    { when: 'dockerRepo&versionGone&fact.place=image-build', title, message: DOCKER_REPO_MESSAGE + DOCKER_REPO_PIN, fix: inDockerfile(true) },
    { when: 'dockerRepo&fact.place=image-build', title, message: DOCKER_REPO_MESSAGE, fix: inDockerfile(false) },
    { when: 'dockerRepo&versionGone', title, message: DOCKER_REPO_MESSAGE + DOCKER_REPO_PIN, fix: inShell(true) },
    { when: 'dockerRepo', title, message: DOCKER_REPO_MESSAGE, fix: inShell(false) },
  ];
}

// A third-party repository whose Release file apt fetched (`Get:4 https://packagecloud.io/cloudamqp/amqproxy/debian
// bullseye InRelease [24.4 kB]`) while the update fetched no package index at all: apt downloads the index files the
// Release file lists for each configured component and architecture (`main/binary-arm64/Packages`; wiki.debian.org
// DebianRepository/Format, "Release" and its `Architectures` field), so a repository that lists none for this
// machine's architecture gives it no packages, and every name of it is "Unable to locate" (cloudamqp/amqproxy#94: the
// packagecloud repository had amd64 builds only, the build ran on an M1 Mac; the maintainer uploaded arm64 packages
// only at the next release). The distribution's own mirrors (debian.org, ubuntu.com) are not third-party here.
const NO_ARCH_INDEX_MESSAGE =
  'apt has no package `{package:all}`. The update fetched the Release file of `{context.vendorRelease.url}` ' +
  '(`{context.vendorRelease.suite}`) but no package index from it, nor from anywhere: a repository apt reads lists ' +
  'its indexes per architecture, and one that has none for the architecture of this build gives it no packages. ' +
  'Third-party repositories often publish amd64 only, and a build on an Apple-Silicon Mac or an arm64 runner is arm64 ' +
  'unless `--platform` names another ({fact.platform|the log does not name the platform built}).';

const noArchIndexFix = (inImage: boolean): string =>
  [
    'Check which architectures the repository publishes (its Release file lists them, and its indexes by name: `binary-amd64`, `binary-arm64`, …):',
    '',
    '```sh',
    "curl -fsSL {context.vendorRelease.url}/dists/{context.vendorRelease.suite}/Release | grep -iE '^architectures:|binary-'",
    '```',
    '',
    (inImage ? '`dpkg --print-architecture` in the stage' : '`dpkg --print-architecture`') +
      ' names the architecture apt wants. If it is not listed, the repository has no build of `{package:all}` for it: take ' +
      'the vendor\'s build for that architecture from its releases page if it has one, or ' +
      (inImage
        ? 'build the image for amd64, under QEMU emulation on an arm64 machine (slower, same image): `docker build --platform linux/amd64 .` ' +
          '(https://docs.docker.com/build/building/multi-platform/).'
        : 'run the amd64 build under emulation (`docker run --platform linux/amd64 …`).'),
  ].join('\n');

const DISTUTILS_GONE_MESSAGE =
  'There is no `{context.distutilsGone.name}` to install: Python 3.12 removed the distutils module from its standard library ' +
  '(PEP 632), so neither Debian, Ubuntu nor the deadsnakes PPA packages it for this Python.';
// PEP 632's migration advice: setuptools carries distutils on (its `distutils` shim is what `import distutils` finds).
const DISTUTILS_SETUPTOOLS =
  'Code or a build that still imports `distutils` gets it from setuptools: install `setuptools` with pip for that Python ' +
  '(or add it to requirements.txt).';

// An install outside a build step whose log shows no update before it (no index lines, no `apt-get update`): apt's package
// lists are empty in a new container of an image built with them removed (Docker's best practices, "apt-get": "when you clean up
// the apt cache by removing /var/lib/apt/lists it reduces the image size") and apt locates no package. mmartial/ComfyUI-Nvidia-Docker#134: a user script run at container start installs `libcurl4-openssl-dev`; the
// reporter's fix, "adding `sudo apt update && sudo apt install -y curl libcurl4-openssl-dev` early in the script". The update
// and the install go in one command (Docker's best practices, "apt-get": `RUN apt-get update && apt-get install -y …`, as an
// update alone in its own RUN is cached and goes stale). A paste may be cut, so the wording is what the log shows.
function noUpdateOutsideBuildVariants(): NonNullable<RuleInput['variants']> {
  const title = 'apt package not found: the log shows no `apt-get update` before the install';
  const lists =
    'Images are usually built with their package lists removed (`rm -rf /var/lib/apt/lists/*`, as Docker\'s best practices advise), so a new ' +
    'container has none, and with no lists apt locates no package at all, whatever its name: the name may be right, the lists are what is missing.';
  const same = (where: string): string[] => [
    where,
    '',
    '```sh',
    'apt-get update && apt-get install -y {package:words}',
    '```',
    '',
    'with the other packages of that install line after it (`sudo apt-get …` when the script runs as a user with sudo). ' +
      'If the package is still not found after an update, the name is from another release: `apt-cache policy {package:words}` asks apt for it. ' +
      'In a Dockerfile the two go in one `RUN` (https://docs.docker.com/build/building/best-practices/#apt-get).',
  ];
  const none = 'apt has no package `{package:all}`, and the log shows no `apt-get update` before the install (no `Hit:` / `Get:` index lines, no update command); ';
  const inScript = (where: string) =>
    same(`Update the lists in the same command as the install, in the script that failed, \`{context.scriptPath.path}\` (${where}: edit the script, not a Dockerfile):`).join('\n');
  const inContainer = (where: string) => same(`Update the lists in the same command as the install, where the container runs it (${where}):`).join('\n');
  const noUpdate = '!fact.place=image-build&installOutput&!indexLine&!updateLine';
  const compose = 'the install runs in a container of compose service `{fact.composeService}`. ';
  const run = 'the install runs in a container (`docker run`). ';
  // Only in a container: a host's lists are there from its own updates (a host script that asks for a package of a
  // repository not enabled keeps the generic finding: match-cuda-meta-host-script).
  return [
    { when: `${noUpdate}&scriptPath&fact.composeService`, title, message: none + compose + lists, fix: inScript('the container runs it at start') },
    { when: `${noUpdate}&scriptPath&fact.place=docker-run`, title, message: none + run + lists, fix: inScript('the container runs it') },
    { when: `${noUpdate}&fact.composeService`, title, message: none + compose + lists, fix: inContainer('its command or entrypoint script in the compose file') },
    { when: `${noUpdate}&fact.place=docker-run`, title, message: none + run + lists, fix: inContainer('the command of the `docker run`, or its entrypoint script') },
  ];
}

// The deadsnakes PPA deletes a release's packages once the release reaches its end of life: "packages are deleted from
// deadsnakes once a distribution version reaches end-of-life" (its maintainer, deadsnakes/issues#251, 2023-06-05). Ubuntu
// 20.04 (focal) went in October 2025: Samsung/ONE#16196 (2025-10-12: the PPA "has dropped python3.10 (and all other
// versions too) for focal"), deadsnakes/issues#328 (2025-10-16: a `nvidia/cuda:11.4.3-runtime-ubuntu20.04` build that
// passed the week before, `Unable to locate package python3.10-dev`), deadsnakes/issues#325 (2025-10-02, arm64, L4T
// r35.3.1 = JetPack 5.1.1 = Ubuntu 20.04). Older releases went earlier (xenial: deadsnakes/issues#165, 2021; bionic:
// deadsnakes/issues#257, 2023). The PPA builds for Ubuntu LTS releases only (deadsnakes/issues#249, #151).
// An Ubuntu release's own Python 3 is not in the PPA ("Python 3.5 (xenial), Python 3.6 (bionic), Python 3.8 (focal) are
// not provided by deadsnakes as upstream ubuntu provides those packages", its description quoted in deadsnakes/issues#180),
// so a Python 3.10 or newer on 20.04 or older is the PPA's: the condition `ppaPython` below.
// Without apt: uv installs CPython from the python-build-standalone project (`uv python install 3.10`,
// docs.astral.sh/uv/concepts/python-versions; the alternative Samsung/ONE#16196 names for focal).
// Jetson: JetPack 5.1.x is L4T r35 on Ubuntu 20.04, JetPack 6.x is L4T r36 on Ubuntu 22.04 (NVIDIA's JetPack archive,
// developer.nvidia.com/embedded/jetpack-archive, as tabled in edgehook/Jetson-AI-task and Astute-Systems/bsp v1.3.0).
const DEADSNAKES_SIGNALS = ['deadsnakesPpa', 'deadsnakesLine', 'ppaPython'] as const;
const DEADSNAKES_END =
  'The PPA deletes the packages of an Ubuntu release once the release reaches its end of life, and since October 2025 it has ' +
  'none for Ubuntu 20.04 (focal) or older';

function deadsnakesGoneMessage(signal: (typeof DEADSNAKES_SIGNALS)[number]): string {
  if (signal === 'ppaPython') {
    return (
      "apt has no package `{package:all}`. Python {context.ppaPython.version} is not {fact.os}'s own Python: builds on it take " +
      `it from the deadsnakes PPA (\`add-apt-repository ppa:deadsnakes/ppa\`). ${DEADSNAKES_END}: this build's release is {fact.os}.`
    );
  }
  return `apt has no package \`{package:all}\`, which this build takes from the deadsnakes PPA. ${DEADSNAKES_END}: this build's release is {fact.os}.`;
}

function deadsnakesGoneFix(moved: boolean): string {
  const target = moved
    ? '  `FROM {enrich.deadsnakesFrom}` in place of `{fact.baseImage}`{enrich.deadsnakesNote}.'
    : "  the base image's 22.04 tag where its publisher has one (`FROM ubuntu:22.04` for `ubuntu:20.04`), or the machine's release.";
  return [
    'The PPA will not serve {fact.os} again: adding it again or retrying does not help. Either',
    '- move to an Ubuntu LTS the PPA still builds for, 22.04 (`jammy`) or 24.04 (`noble`):',
    target,
    '  There, first check which Python the release packages itself (`apt-cache policy python3`): if it is the one you need,',
    '  install that and drop the PPA;',
    '- or keep {fact.os} and install Python without apt: uv installs a standalone CPython (amd64 and arm64),',
    '  `uv python install {context.ppaPython.version|<version>}`, then `uv venv --python {context.ppaPython.version|<version>}`.',
  ].join('\n');
}

const DEADSNAKES_UNKNOWN_MESSAGE =
  'apt has no package `{package:all}`, a Python that Ubuntu builds take from the deadsnakes PPA unless it is their release\'s ' +
  `own. ${DEADSNAKES_END}; the log does not show this build's release.`;

const DEADSNAKES_UNKNOWN_FIX = [
  'Print the release where the install ran (in a Dockerfile, in a `RUN` of the same stage):',
  '',
  '```sh',
  '. /etc/os-release; echo "$ID $VERSION_ID $VERSION_CODENAME"',
  '```',
  '- `focal` (20.04) or older: the PPA has nothing for it any more. Move to 22.04 (`jammy`) or 24.04 (`noble`) and check',
  '  the Python that release packages itself first (`apt-cache policy python3`); on NVIDIA Jetson, JetPack 5 (L4T r35) is',
  '  20.04 and JetPack 6 (L4T r36) is 22.04. Or keep the release and install Python without apt: `uv python install',
  '  {context.ppaPython.version|<version>}` (a standalone CPython, amd64 and arm64).',
  '- `jammy` or `noble`: the PPA builds for them. Check that `add-apt-repository -y ppa:deadsnakes/ppa` ran before this',
  '  install, that an `apt-get update` followed it, and what apt sees: `apt-cache policy {package:words}`.',
].join('\n');

/** The deadsnakes variants of a release the log shows as Ubuntu 20.04 or older: the PPA has dropped it. */
function deadsnakesGoneVariants(): NonNullable<RuleInput['variants']> {
  return DEADSNAKES_SIGNALS.flatMap((signal) =>
    [true, false].map((moved) => ({
      when: `${signal}&fact.os<=Ubuntu 20.04${moved ? '&enrich.deadsnakesFrom' : ''}`,
      title: 'apt package not found: the deadsnakes PPA has no packages for this release',
      message: deadsnakesGoneMessage(signal),
      fix: deadsnakesGoneFix(moved),
    })),
  );
}

/** The deadsnakes variants of a log that shows no release: how to find it, and what each answer means. */
function deadsnakesUnknownVariants(): NonNullable<RuleInput['variants']> {
  return DEADSNAKES_SIGNALS.map((signal) => ({
    when: `${signal}&!fact.os`,
    title: 'apt package not found: a Python from the deadsnakes PPA',
    message: DEADSNAKES_UNKNOWN_MESSAGE,
    fix: DEADSNAKES_UNKNOWN_FIX,
  }));
}

export const unableToLocatePackage: RuleInput = {
  id: 'apt/unable-to-locate-package',
  title: 'apt package not found',
  severity: 'error',
  match: [
    // apt's own line, `E: Unable to locate package NAME` (the `E` may end the line before when stdout and stderr interleave),
    // and a name of Debian's package-name characters (Debian Policy 5.6.1: lowercase letters, digits, `+`, `-`, `.`), with
    // an optional `:arch`; so a name quoted in prose (`… package python-pip\`.`) ends where the name does. apt prints the
    // name as it was asked for, upper case included (apt 2.6 here: `apt-get install -s Zzfoo` prints `E: Unable to locate
    // package Zzfoo`), so upper-case letters are part of it: `python3.X` (a pasted placeholder) is one name, not `python3`.
    {
      literals: ['Unable to locate package'],
      pattern: '(?:\\bE|^):\\s{1,4}Unable to locate package (?<package>[A-Za-z0-9](?:[A-Za-z0-9+.-]{0,198}[A-Za-z0-9+])?(?::[a-z0-9-]{1,30})?)',
    },
    {
      // `E: Package 'python3.8' has no installation candidate`
      literals: ['has no installation candidate'],
      pattern: "Package '?(?<package>[^'\\s]{1,200})'? has no installation candidate",
    },
    {
      // `E: Version '8.9.2.26-1+cuda12.1' for 'libcudnn8' was not found`
      literals: ['was not found'],
      pattern: "Version '(?<version>[^'\\n]{1,100})' for '(?<package>[^'\\n]{1,200})' was not found",
    },
    { literals: ["Couldn't find any package by"], pattern: "Couldn't find any package by (?:glob|regex) '(?<package>[^'\\n]{1,200})'" },
    // The first line of apt's block for a name it has no candidate for, where the log stops on it (a paste or a log cut
    // before apt's `E: Package 'X' has no installation candidate`): `Package firefox is not available, but is referred to
    // by another package.`, then `This may mean that the package is missing, has been obsoleted, or` / `is only available
    // from another source` / `E: Package firefox has no installation candidate` (apt's block as users paste it, e.g. the
    // Ubuntu forums' `apt-get install firefox` of 2007), or cut mid-word (`Package libgl1-mesa-glx is not ava`,
    // neo4j-labs/llm-graph-builder#1380). Only at the end of the log: with more lines after it, apt's `E:` line says whether
    // the install failed, and a later `Setting up` of the same name would say it did not.
    {
      literals: ['is not a'],
      pattern:
        '^Package (?<package>[a-z0-9][a-z0-9+.-]{0,198}[a-z0-9+]) is not a(?:v(?:a(?:i(?:l(?:a(?:b(?:l(?:e(?:,(?: but is referred to by another package\\.?)?)?)?)?)?)?)?)?)?)?\\s*$',
      atEnd: true,
    },
  ],
  context: [
    // `apt-get update`, `apt-get -yq update`, `apt-get -o Acquire::Retries=3 update`, `apt update`
    { name: 'update', source: 'instruction', literals: ['update'], pattern: '\\bapt(?:-get)?\\s(?:[^&;|\\n]{0,200}\\s)?update\\b' },
    // The instruction runs apt's install itself (not a script that does: `RUN /install.sh`), so what it lacks is its own.
    { name: 'aptInstall', source: 'instruction', literals: ['install'], pattern: '\\bapt(?:-get)?\\s(?:[^&;|\\n]{0,200}\\s)?install\\b' },
    // The instruction adds the deadsnakes PPA (`add-apt-repository -y ppa:deadsnakes/ppa`), or the log shows it (the
    // command, or apt's `Get:5 https://ppa.launchpadcontent.net/deadsnakes/ppa/ubuntu focal InRelease`): DEADSNAKES_END.
    { name: 'deadsnakesPpa', source: 'instruction', literals: ['ppa:deadsnakes'], pattern: 'ppa:deadsnakes/' },
    { name: 'deadsnakesLine', literals: ['ppa:deadsnakes/', 'launchpadcontent.net/deadsnakes/', 'launchpad.net/deadsnakes/'] },
    // A package of a Python 3.10 or newer (`python3.10`, `python3.11-dev`, `python3.10-distutils`): on Ubuntu 20.04 or older, the PPA's.
    {
      name: 'ppaPython',
      literals: ['python3.1'],
      pattern: "(?:Unable to locate package |Package '?)python(?<version>3\\.1\\d)(?![\\d.])",
    },
    // The update in this RUN could not reach the mirror: apt knows no packages at all.
    { name: 'networkFailed', literals: ['Temporary failure resolving', 'Could not resolve', 'Could not connect to', 'Connection timed out'] },
    { name: 'listsFailed', literals: ['Some index files failed to download', 'NO_PUBKEY', 'is not signed'] },
    // The NVIDIA Container Toolkit's own packages: host software from NVIDIA's libnvidia-container repository
    // (docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html), which gives containers the GPU.
    {
      name: 'hostToolkit',
      literals: ['nvidia-container-toolkit', 'nvidia-docker2', 'nvidia-container-runtime', 'libnvidia-container'],
      pattern: "(?:Unable to locate package |Package '?)(?:nvidia-container-toolkit(?:-base)?|nvidia-docker2|nvidia-container-runtime|libnvidia-container(?:-tools|1))(?![\\w.-])",
    },
    // A name a newer Debian / Ubuntu release dropped (`E: Package 'libgl1-mesa-glx' has no installation candidate`).
    {
      name: 'dropped',
      literals: [...droppedPackageNames],
      pattern: `(?:Unable to locate package |Package '?)(?<name>${droppedPackageNames.map((n) => n.replace(/[.+]/g, '\\$&')).join('|')})(?![\\w.+-])`,
    },
    // apt's block for a name it knows only because other packages refer to it (knowledge/apt-replaced.ts): the lists
    // are loaded; its second line stands for it when a cut log lost the first.
    {
      name: 'obsolete',
      literals: ['is not available, but is referred to by another package', 'This may mean that the package is missing, has been obsoleted'],
    },
    // `python3.12-distutils`: distutils left the standard library in Python 3.12 (PEP 632, peps.python.org/pep-0632), so
    // no release or PPA builds the package for 3.12 or later (the-blue-alliance/the-blue-alliance#6816 and
    // skier233/media_ai_model_server#20: merged fixes drop it; opencodelists#2213 cites PEP 632's migration advice).
    {
      name: 'distutilsGone',
      literals: ['-distutils'],
      pattern: "(?:Unable to locate package |Package '?)(?<name>python3\\.(?:1[2-9]|[2-9]\\d)-distutils)(?![\\w.+-])",
    },
    // apt knows the package but not the pinned version (`E: Version '7.88.1-10+deb12u7' for 'curl' was not found`,
    // apt's wording, reproduced with apt 2.6 on Debian 12; a missing package reads `Unable to locate package`).
    {
      name: 'versionGone',
      tally: true,
      literals: ['was not found'],
      pattern: "Version '(?<version>[^'\\n]{1,100})' for '(?<package>[^'\\n]{1,200})' was not found",
    },
    // A package of Docker's own apt repository (dockerRepoPackages), in any of apt's four lines.
    {
      name: 'dockerRepo',
      tally: true,
      literals: ['docker-ce', 'containerd.io', 'docker-buildx-plugin', 'docker-compose-plugin'],
      pattern: `(?:Unable to locate package |Package '?|' for '|Couldn't find any package by (?:glob|regex) ')(?<name>${dockerRepoPackages.map((n) => n.replace(/\./g, '\\.')).join('|')})(?![\\w.+-])`,
    },
    // `Get:4 https://packagecloud.io/cloudamqp/amqproxy/debian bullseye InRelease [24.4 kB]`: a repository other than
    // the distribution's own mirrors, whose Release file this update downloaded (NO_ARCH_INDEX_MESSAGE)
    {
      name: 'vendorRelease',
      literals: [' InRelease', ' Release '],
      pattern:
        '\\bGet:\\d{1,4} (?<url>https?://(?![^/\\s]{0,100}(?:debian\\.org|ubuntu\\.com)/)[^\\s]{1,300}?)/? (?<suite>[\\w.~/-]{1,100}) (?:InRelease|Release)\\b',
    },
    // any package index downloaded by the update (`Get:5 http://deb.debian.org/debian bookworm/main amd64 Packages [8786 kB]`)
    { name: 'indexFetched', literals: [' Packages'], pattern: '\\bGet:\\d{1,4} https?://[^\\n]{1,400} Packages\\b' },
    // What the log shows of an update outside a build step (a script's output, a shell): the index lines of `apt-get update`
    // (`Hit:1 http://archive.ubuntu.com/ubuntu noble InRelease`, `Get:2 …`, `Ign:3 …`) or the update command itself, and
    // apt's own `Reading package lists...` of the install, so the paste holds the install's start.
    { name: 'indexLine', literals: ['Hit:', 'Get:', 'Ign:'], pattern: '\\b(?:Hit|Get|Ign):\\d{1,4} ' },
    { name: 'updateLine', literals: ['update'], pattern: '\\bapt(?:-get)?\\s(?:[^&;|\\n]{0,200}\\s)?update\\b' },
    { name: 'installOutput', literals: ['Reading package lists'] },
    // A shell script the log names as running (`++ Running user script: /userscripts_dir/11-onnxruntime-gpu.sh`,
    // mmartial/ComfyUI-Nvidia-Docker#134): the install is in that script, not in a Dockerfile.
    { name: 'scriptPath', literals: ['.sh'], pattern: '(?<path>(?<![\\w.-])(?:/|\\./)[\\w./-]{0,200}[\\w-]\\.sh)(?![\\w.-])' },
    // A package only NVIDIA's apt repositories have (NVIDIA_ONLY_MESSAGE).
    {
      name: 'nvidiaOnly',
      literals: ['Unable to locate package cuda-', 'Unable to locate package libcudnn'],
      pattern: 'Unable to locate package (?:cuda-\\d{1,2}-\\d{1,2}|libcudnn\\d{1,2}(?:-dev)?)(?![\\w.-])',
    },
    // A CUDA toolkit name that is no package anywhere.
    {
      name: 'madeUpToolkit',
      literals: [...madeUpToolkitNames],
      pattern: `Unable to locate package (?:${madeUpToolkitNames.join('|')})(?![\\w.-])`,
    },
  ],
  message: 'apt has no package `{package:all}` in the repositories enabled in this stage.',
  variants: [
    {
      when: 'hostToolkit&!networkFailed&!listsFailed',
      message:
        'apt has no package `{package:all}` in the repositories enabled in this stage. It is part of the NVIDIA Container Toolkit, ' +
        'which NVIDIA publishes in its own apt repository (nvidia.github.io/libnvidia-container), not in the distribution\'s or the ' +
        'CUDA repository; and it is host software: it lets the container engine hand the GPU to containers.',
      fix: [
        'Leave it out of the image: the GPU reaches a container through the toolkit installed on the host, and `docker run --gpus all …`.',
        'On the host (Debian / Ubuntu), NVIDIA\'s install guide',
        '(https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html):',
        '',
        '```sh',
        'curl -fsSL https://nvidia.github.io/libnvidia-container/gpgkey | sudo gpg --dearmor -o /usr/share/keyrings/nvidia-container-toolkit-keyring.gpg',
        "curl -s -L https://nvidia.github.io/libnvidia-container/stable/deb/nvidia-container-toolkit.list | sed 's#deb https://#deb [signed-by=/usr/share/keyrings/nvidia-container-toolkit-keyring.gpg] https://#g' | sudo tee /etc/apt/sources.list.d/nvidia-container-toolkit.list",
        'sudo apt-get update && sudo apt-get install -y nvidia-container-toolkit',
        'sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker',
        '```',
      ].join('\n'),
    },
    {
      when: 'networkFailed',
      retryable: true,
      message:
        '`apt-get update` could not reach the mirror (see the `Temporary failure resolving` / `Failed to fetch` lines), so apt ' +
        'had no package lists and knows no package at all: `{package:all}` is missing because of that, not because of its name.',
      fix: 'Retry the build; if the network failure persists, see the apt/fetch-failed finding for the builder\'s DNS and proxy.',
    },
    {
      when: 'listsFailed',
      message:
        '`apt-get update` failed to download some package lists (see the `Failed to fetch` / `NO_PUBKEY` lines), so the ' +
        'packages of that repository are unknown: `{package:all}` may be missing because of that.',
      fix: 'Fix the repository that failed first (see the apt/fetch-failed finding); then the install can find the packages.',
    },
    { when: 'nvidiaOnly&fact.place=image-build', message: NVIDIA_ONLY_MESSAGE, fix: nvidiaRepoInDockerfile },
    { when: 'nvidiaOnly', message: NVIDIA_ONLY_MESSAGE, fix: nvidiaRepoInShell },
    {
      when: 'distutilsGone&fact.place=image-build',
      title: 'No distutils package for Python 3.12 or later',
      message: DISTUTILS_GONE_MESSAGE,
      fix: `Remove \`{context.distutilsGone.name}\` from this \`RUN\`'s \`apt-get install\` list and rebuild. ${DISTUTILS_SETUPTOOLS}`,
    },
    {
      when: 'distutilsGone',
      title: 'No distutils package for Python 3.12 or later',
      message: DISTUTILS_GONE_MESSAGE,
      fix: `Remove \`{context.distutilsGone.name}\` from the \`apt-get install\` command. ${DISTUTILS_SETUPTOOLS}`,
    },
    ...deadsnakesGoneVariants(),
    // Not for Docker's own packages: apt prints its "referred to by another package" block for them too when their
    // repository is missing, and no distribution package replaces docker-ce (dockerRepoVariants, below).
    // A name tabled as dropped (no new name for it) before the search for its new name that apt's obsolete block starts.
    ...droppedVariants(),
    ...obsoleteVariants(),
    { when: 'madeUpToolkit&fact.place=image-build', message: madeUpToolkitMessage, fix: realToolkitsInDockerfile },
    { when: 'madeUpToolkit&!fact.place=image-build', message: madeUpToolkitMessage, fix: realToolkitsInShell },
    ...pinnedWithoutUpdateVariants(),
    {
      when: '!update&aptInstall',
      message:
        'This `RUN` installs `{package:all}` without `apt-get update` in the same instruction: base images (CUDA ones ' +
        'included) ship without package lists, and an update in an earlier, cached layer is stale.',
      fix: [
        'Update and install in one `RUN`, so the lists are always fresh:',
        '',
        '```dockerfile',
        'RUN apt-get update \\',
        ' && apt-get install -y --no-install-recommends {package:words} \\',
        ' && rm -rf /var/lib/apt/lists/*',
        '```',
      ].join('\n'),
    },
    ...dockerRepoVariants(),
    ...versionGoneVariants(),
    {
      when: 'vendorRelease&!indexFetched&fact.place=image-build',
      title: 'apt package not found: the repository has no index for this architecture',
      message: NO_ARCH_INDEX_MESSAGE,
      fix: noArchIndexFix(true),
    },
    {
      when: 'vendorRelease&!indexFetched',
      title: 'apt package not found: the repository has no index for this architecture',
      message: NO_ARCH_INDEX_MESSAGE,
      fix: noArchIndexFix(false),
    },
    ...noUpdateOutsideBuildVariants(),
    ...deadsnakesUnknownVariants(),
    {
      when: 'fact.platform=linux/arm64&fact.baseImage',
      message:
        'apt has no package `{package:all}` for linux/arm64 in the repositories of `{fact.baseImage}`: the name is from another ' +
        'release, misspelled, in a repository not enabled here, or the package is built for amd64 only.',
      fix: [
        ...checkInBaseImage,
        ...amd64OnlyInstall,
        ...afterCheck,
      ].join('\n'),
    },
    {
      when: 'fact.platform=linux/arm64',
      message:
        'apt has no package `{package:all}` for linux/arm64 in the repositories enabled in this stage: the name is from another ' +
        'release, misspelled, in a repository not enabled here, or the package is built for amd64 only.',
      fix: [
        ...checkInStage,
        ...amd64OnlyInstall,
        ...afterCheck,
      ].join('\n'),
    },
    {
      when: 'fact.baseImage',
      message:
        'apt has no package `{package:all}` in the repositories of `{fact.baseImage}`: the name is from another release, ' +
        'misspelled, in a repository not enabled here, or not built for {fact.platform|this architecture}.',
      fix: [...checkInBaseImage, ...afterCheck].join('\n'),
    },
    { when: '!fact.place=image-build', fix: [...checkInShell, ...afterCheck].join('\n') },
  ],
  fix: [...checkInStage, ...afterCheck].join('\n'),
  enrich: ['apt-dropped', 'apt-pinned-install', 'apt-replaced', 'deadsnakes-base'],
  docs: 'https://docs.docker.com/build/building/best-practices/#apt-get',
};

// `E: Unable to correct problems, you have held broken packages.` is apt's generic "no install plan"
// message (apt-pkg's problem resolver gave up); it rarely means a hold: people report it with no
// package on hold (`apt-mark showhold` empty) and the answer is a version mismatch between repositories
// (public Q&A copies in the code corpus: "I checked to see what my held packages are, and there are none"
// → "a version mismatch between the …"). The lines above it say which dependency failed:
// ` build-essential : Depends: libc6-dev but it is not going to be installed` (the dependency itself
// cannot be installed: ask apt to install it to see why) or ` libpcre3-dev : Depends: libpcre3 (= 2:8.39-13)
// but 2:8.44-2+…sury… is to be installed` (two repositories, or the image and the lists, disagree on a
// version). `E: Error, pkgProblemResolver::Resolve generated breaks, this may be caused by held packages.`
// is the same failure from the resolver (string in APT 2.6's libapt-pkg on this machine).
// Corpus: mark-kubacki/apt-image#6, dotnet/dotnet-buildtools-prereqs-docker#1303, xtyxtyx/sorry#96.
// `apt-cache policy` prints installed / candidate versions and their repositories (apt-cache(8)).
// apt prints the `The following packages have unmet dependencies:` block before that `E:` line, and a log cut short
// (or a tool that prefixes each line, rocker's `building > `) can keep the block alone: the block is the same failure.
// The block after `You might want to run 'apt --fix-broken install'` (`E: Unmet dependencies. Try …`) is another
// one, packages already half-installed in the image, and is left out (NVIDIA/DIGITS#635, matthieu637/ddrl#9).
//
// Two causes get their own advice:
// - An NVIDIA driver whose own packages are not installable (` nvidia-driver-565-open : Depends: libnvidia-gl-565 (=
//   565.57.01-0ubuntu1) but it is not installable`, osrf/rocker#298 on `apt-get install cuda` in an image; the same
//   week GoogleCloudPlatform/ops-agent#1822): NVIDIA's repository listed driver 565 before the packages it depends
//   on. `cuda` and the versioned `cuda-11-5`-style metapackages bring the driver with the toolkit (rocker#298's
//   `cuda`; NVIDIA/cuda-samples#260: `apt-get install cuda-11-5` fails on `xserver-xorg-video-nvidia-495`); the
//   toolkit-only metapackage is `cuda-toolkit-12-8`-style, the one NVIDIA's network-repository install names
//   (cuda-toolkit-apt-names.ts). NVIDIA's CUDA installation guide (Linux, "Meta Packages") is the reference for
//   what each metapackage installs. An image needs no driver: the NVIDIA Container Toolkit mounts the host's
//   driver libraries into the container when it starts (nvidia/cuda's own images install no driver).
// - A package of NVIDIA's CUDA repository (a name ending in its CUDA release, `libcufile-11-5`) depending on a
//   library no enabled repository has (devcontainers/features#704: `libcufile-11-5 : Depends: liburcu6 but it is not
//   installable` on Debian 12, from the debian11 repository): that repository was built for another distro release
//   (apt-release-mix-enricher.ts).
// - A dependency of another architecture than the image's (` libc6-dev:armel : Depends: linux-libc-dev:armel but it is not
//   going to be installed`, docker/docker-credential-helpers#403: `xx-apt-get install … libc6-dev` for an armel target on
//   bookworm): a cross build (`dpkg --add-architecture`, tonistiigi/xx's `xx-apt-get`), where the question is whether the
//   enabled repositories build that package for that architecture at all, in the version the install needs. There the
//   maintainer: "bookworm entered LTS state, so some architectures are dropped", and the fix moved the build to trixie.
//   Debian's LTS covers fewer architectures than the release did (nodejs/docker-node#2556, quoting wiki.debian.org: bookworm
//   LTS from 2026-06-10 on i386, amd64, arm64, armhf and ppc64el); the tool does not print that list (it changes per release),
//   it prints the checks that show it for the image at hand: `apt-cache policy pkg:arch` beside the native package (its
//   candidate and the suite it comes from, apt-cache(8)), and the `Architectures:` field of the Release files apt fetched
//   (/var/lib/apt/lists/*Release, Debian's repository format: "Architectures … the architectures … in this release").
//   A library that is `Multi-Arch: same` installs for two architectures only at one version (dpkg's multiarch), so a
//   security or LTS update built for the native architecture alone leaves the foreign one uninstallable.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const LIST_TOOLKITS = "apt-cache search --names-only '^cuda-toolkit-[0-9]+-[0-9]+$'";

/** The driver pulled in with the toolkit: install the toolkit alone, in the place the log ran. */
function driverVariants(): Variant[] {
  const message =
    'apt cannot install the NVIDIA driver `{context.driverChain.driver}` that this install pulls in: packages it depends on are ' +
    "not installable from the enabled repositories (NVIDIA's CUDA repository can list a driver release before all of its " +
    'packages). The `cuda` metapackage, and the versioned `cuda-` ones, install a driver with the toolkit.';
  const imageNote =
    'An image needs no driver: the NVIDIA Container Toolkit mounts the host\'s driver into the container when it starts.';
  const known = (fence: 'dockerfile' | 'sh') =>
    [
      'Install the toolkit alone, without the driver, in place of `cuda`:',
      '',
      `\`\`\`${fence}`,
      `${fence === 'dockerfile' ? 'RUN ' : ''}apt-get update && apt-get install -y --no-install-recommends cuda-toolkit-{enrich.aptSuffix}`,
      '```',
    ].join('\n');
  const unknown = [
    'Install the toolkit alone, without the driver, in place of `cuda`. The log does not show which CUDA release; list the ' +
      'toolkit releases the repository has:',
    '',
    '```sh',
    LIST_TOOLKITS,
    '```',
    '',
    'and install the one you build for by its full name (`apt-get install -y --no-install-recommends cuda-toolkit-12-6` is CUDA 12.6\'s).',
  ].join('\n');
  const hostFix = [
    'If this machine needs the driver, install a driver branch whose packages are all published (`apt-cache policy ' +
      '{context.driverChain.driver}` shows the candidate; `apt-cache search --names-only \'^nvidia-driver-[0-9]+\'` lists the branches), ' +
      'or keep the driver you have and install the toolkit alone (`cuda-toolkit-` with the release, listed by `' + LIST_TOOLKITS + '`).',
  ].join('\n');
  const title = 'apt cannot install the NVIDIA driver the install pulls in';
  return [
    { when: 'driverChain&fact.place=host-shell', title, message, fix: hostFix },
    { when: 'driverChain&enrich.aptSuffix&fact.place=image-build', title, message: `${message} ${imageNote}`, fix: known('dockerfile') },
    { when: 'driverChain&enrich.aptSuffix', title, message: `${message} ${imageNote}`, fix: known('sh') },
    { when: 'driverChain', title, message: `${message} ${imageNote}`, fix: unknown },
  ];
}

/** A CUDA-repository package whose dependency no enabled repository has: the repository is another release's. */
function releaseMixVariants(): Variant[] {
  const message =
    '`{context.cudaRepoDep.pkg}` (CUDA {enrich.pkgCuda|release not in its name}, from NVIDIA\'s CUDA repository) depends on `{context.cudaRepoDep.dep}`, ' +
    'which no enabled repository offers. NVIDIA builds its repository per distro release, and a package built for one ' +
    "release depends on that release's libraries: the CUDA repository enabled here is most likely another release's than the image's";
  const keyring = (fence: 'dockerfile' | 'sh') => {
    const run = fence === 'dockerfile' ? 'RUN ' : '';
    return [
      "Use NVIDIA's repository of the image's own release ({enrich.os}: `{enrich.ownRepo}`) and a CUDA release it publishes:",
      '',
      `\`\`\`${fence}`,
      `${run}rm -f /etc/apt/sources.list.d/cuda*.list && apt-get update && apt-get install -y --no-install-recommends wget ca-certificates && \\`,
      '    wget -q {enrich.ownKeyringUrl} && dpkg -i {enrich.ownKeyringFile} && apt-get update',
      `${run}${LIST_TOOLKITS}`,
      '```',
      '',
      'Then install the toolkit release it lists that you build for (`cuda-toolkit-12-6` is CUDA 12.6\'s). To keep the CUDA ' +
        'release of `{context.cudaRepoDep.pkg}`, build on a base of a release whose NVIDIA repository has it instead.',
    ].join('\n');
  };
  const unknownFix = [
    'Compare the image\'s release with the repository apt reads CUDA from, in the same image:',
    '',
    '```sh',
    '. /etc/os-release && echo "$ID $VERSION_ID"',
    'grep -rh developer.download.nvidia.com /etc/apt/sources.list /etc/apt/sources.list.d/',
    'apt-cache policy {context.cudaRepoDep.dep}',
    '```',
    '',
    "NVIDIA's directory names the release (`debian11`, `debian12`, `ubuntu2204`). When it names another release than the " +
      "image's, either build on a base of that release, or switch to the image's own directory (its `cuda-keyring_1.1-1_all.deb`, " +
      '`dpkg -i` it, `apt-get update`) and install a CUDA release that directory lists (`' + LIST_TOOLKITS + '`).',
  ].join('\n');
  const variants: Variant[] = [
    {
      when: 'cudaRepoDep&enrich.usedRepo&fact.place=image-build',
      message: `${message}: the log shows \`{enrich.usedRepo}\` on {enrich.os}.`,
      fix: keyring('dockerfile'),
    },
    { when: 'cudaRepoDep&enrich.usedRepo', message: `${message}: the log shows \`{enrich.usedRepo}\` on {enrich.os}.`, fix: keyring('sh') },
    { when: 'cudaRepoDep&enrich.ownRepo&fact.place=image-build', message: `${message}.`, fix: keyring('dockerfile') },
    { when: 'cudaRepoDep&enrich.ownRepo', message: `${message}.`, fix: keyring('sh') },
    { when: 'cudaRepoDep', message: `${message}.`, fix: unknownFix },
  ];
  return variants.map((v) => ({ title: "A CUDA package's dependency is in no enabled repository (another release's repository)", ...v }));
}

export const heldBrokenPackages: RuleInput = {
  id: 'apt/held-broken-packages',
  title: 'apt found no way to install the packages (unmet dependencies)',
  severity: 'error',
  match: [
    { literals: ['Unable to correct problems, you have held broken packages'] },
    { literals: ['pkgProblemResolver::Resolve generated breaks'] },
    { literals: ['The following packages have unmet dependencies'] },
  ],
  // packages already half-installed in the image: `apt --fix-broken install`'s failure, not a missing candidate
  // and a Jetson board-support package as the dependency (` cuda-compat-11-8 : PreDepends: nvidia-l4t-core …`): no repository
  // mix, a host package asked for in a container (apt/jetson-bsp-in-container)
  unless: [{ literals: ['Unmet dependencies. Try ', "You might want to run 'apt"] }, { literals: ['Depends: nvidia-l4t-'] }],
  context: [
    // ` nvidia-driver-565-open : Depends: libnvidia-gl-565 (= 565.57.01-0ubuntu1) but it is not installable`, or the driver as
    // the dependency (` cuda-drivers-565 : Depends: nvidia-driver-565 …`); rocker prefixes each line with `building > `
    {
      name: 'driverChain',
      literals: ['nvidia-driver-', 'cuda-drivers'],
      pattern: '(?:^|\\s)(?<driver>nvidia-driver-\\d{3,4}[a-z-]{0,20}|cuda-drivers(?:-\\d{3,4})?)(?= : (?:Pre)?Depends:| \\(| but )',
    },
    // ` libcufile-11-5 : Depends: liburcu6 but it is not installable`: a CUDA-release package, a dependency with no candidate
    {
      name: 'cudaRepoDep',
      literals: ['but it is not installable'],
      pattern:
        '^\\s{0,8}(?<pkg>(?:cuda|libcu|libnv|nsight|gds)[a-z0-9-]{0,60}-\\d{1,2}-\\d) : (?:Pre)?Depends: (?<dep>[a-z0-9][a-z0-9.+:-]{0,100}) but it is not installable',
    },
    // ` build-essential : Depends: libc6-dev but it is not going to be installed or`
    {
      name: 'notInstallable',
      literals: ['but it is not going to be installed', 'but it is not installable'],
      pattern: '^\\s{0,8}(?:(?<pkg>[a-z0-9][a-z0-9.+:-]{0,100}) : )?\\s{0,40}(?:Pre)?Depends: (?<dep>[a-z0-9][a-z0-9.+:-]{0,100})',
    },
    // ` libpcre3-dev : Depends: libpcre3 (= 2:8.39-13ubuntu0.22.04.1) but 2:8.44-2+ubuntu20.10.1+deb.sury.org+1 is to be installed`
    {
      name: 'versionMismatch',
      literals: ['is to be installed'],
      // the relation apart from the version: `apt-get install libcudnn5=5.1.3-1+cuda7.5` takes the version alone
      pattern: 'Depends: (?<dep>[a-z0-9][a-z0-9.+:-]{0,100}) \\((?<op>[<>=]{1,2}) (?<wanted>[^)]{1,80})\\) but (?<have>\\S{1,80}) is to be installed',
    },
    // ` libc6-dev:armel : Depends: linux-libc-dev:armel but it is not going to be installed`: the dependency names a Debian
    // architecture (dpkg-architecture's names) after its package name
    {
      name: 'foreignArchDep',
      literals: ['but it is not going to be installed', 'but it is not installable'],
      pattern:
        '^\\s{0,8}(?:(?<pkg>[a-z0-9][a-z0-9.+-]{0,100}(?::[a-z0-9]{2,12})?) : )?\\s{0,40}(?:Pre)?Depends: (?<dep>(?<name>[a-z0-9][a-z0-9.+-]{0,100}):(?<arch>amd64|arm64|armel|armhf|i386|mips64el|mipsel|ppc64el|riscv64|s390x|loong64))\\b',
    },
    { name: 'heldShown', literals: ['The following held packages will be changed', 'apt-mark hold'] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'apt found no set of packages that satisfies the install: a dependency cannot be installed in the versions the ' +
    'enabled repositories offer. Despite the wording, a package on hold is rarely the cause; a mix of repositories (or ' +
    'package lists from another release) is.',
  fix: [
    'Find the dependency that fails: install the packages one at a time in this stage and read the first `Depends:` line',
    'apt prints; `apt-mark showhold` shows whether anything is held at all. Then make the repositories agree: remove a',
    'third-party repository built for another release, run `apt-get update` in the same `RUN` as the install, and do not',
    'pin versions from another release.',
  ].join('\n'),
  variants: [
    ...driverVariants(),
    ...releaseMixVariants(),
    {
      when: 'versionMismatch',
      message:
        'apt found no way to install the packages: `{context.versionMismatch.dep}` is needed at `{context.versionMismatch.op} {context.versionMismatch.wanted}`, ' +
        'but the version apt would install is `{context.versionMismatch.have}`. Two sources disagree on that package (a ' +
        'third-party or other-release repository next to the distro, or a package the image already has in another version).',
      fix: [
        'See where each version comes from:',
        '',
        '```sh',
        'apt-cache policy {context.versionMismatch.dep}',
        '```',
        '',
        'Then install the version the other package needs (`apt-get install {context.versionMismatch.dep}={context.versionMismatch.wanted}`,',
        'when it is listed), or remove the repository that brings the other one, so both come from the same release.',
      ].join('\n'),
    },
    {
      when: 'foreignArchDep',
      title: 'apt cannot install a package of another architecture (cross build)',
      message:
        'apt found no way to install the packages: `{context.foreignArchDep.dep}` (needed by `{context.foreignArchDep.pkg|a requested package}`) ' +
        'is a package of another architecture than the image\'s, for a cross build, and apt cannot install it. For a foreign ' +
        'architecture the usual cause is not a repository mix: the enabled repositories build no `{context.foreignArchDep.name}` for ' +
        '{context.foreignArchDep.arch}, or not in the version the native one has (a release in LTS, or its security suite, builds ' +
        'fewer architectures than the release did).',
      fix: [
        'See whether {context.foreignArchDep.arch} has a candidate, and from which suite, beside the native package, in the same stage:',
        '',
        '```sh',
        'apt-cache policy {context.foreignArchDep.dep} {context.foreignArchDep.name}',
        "grep -H '^Architectures:' /var/lib/apt/lists/*Release",
        '```',
        '',
        'No candidate (`Candidate: (none)`), or an older version than the native package\'s that the native one\'s suite does not ' +
          'have, means this release no longer publishes {context.foreignArchDep.arch} binaries of it (the suite\'s Release file lists ' +
          'the architectures it builds). Build on a release that still publishes {context.foreignArchDep.arch} (a newer base), or drop ' +
          'that target from the build\'s platforms. When it has a candidate in the same version, ask apt to install it on its own ' +
          '(`apt-get install --dry-run {context.foreignArchDep.dep}`) to see the next level of the chain.',
      ].join('\n'),
    },
    {
      when: 'notInstallable',
      message:
        'apt found no way to install the packages: `{context.notInstallable.dep}` (needed by `{context.notInstallable.pkg|a requested package}`) ' +
        'cannot be installed, and apt only reports the first level. Despite the wording, a package on hold is rarely the ' +
        'cause; a dependency whose own dependencies are in other versions than the enabled repositories offer is (mixed ' +
        'repositories, or package lists from another release).',
      fix: [
        'Ask apt to install that dependency on its own: it prints the next level of the chain, down to the version conflict:',
        '',
        '```sh',
        'apt-get install --dry-run {context.notInstallable.dep}',
        'apt-cache policy {context.notInstallable.dep}',
        'apt-mark showhold',
        '```',
        '',
        'Then make the repositories agree (remove a repository built for another release, `apt-get update` in the same `RUN`,',
        'no versions pinned from another release), or install the version of the top package that matches this release.',
      ].join('\n'),
    },
  ],
  enrich: ['cuda-version', 'apt-release-mix'],
  docs: 'https://manpages.debian.org/bookworm/apt/apt-get.8.en.html',
};

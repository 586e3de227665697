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
import type { RuleInput } from '../../schema.js';

export const heldBrokenPackages: RuleInput = {
  id: 'apt/held-broken-packages',
  title: 'apt found no way to install the packages (unmet dependencies)',
  severity: 'error',
  match: [
    { literals: ['Unable to correct problems, you have held broken packages'] },
    { literals: ['pkgProblemResolver::Resolve generated breaks'] },
  ],
  context: [
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
  docs: 'https://manpages.debian.org/bookworm/apt/apt-get.8.en.html',
};

// apk (Alpine's package manager) could not satisfy the packages asked for: `ERROR: unable to select packages:`, then
// one line per package it could not select with the reason in parentheses (`python (no such package):`) and what asked
// for it (`required by: world[python]`, `world` being the packages named on the command line or in /etc/apk/world).
// `no such package`: no repository index the image fetched (the `fetch …/alpine/v3.16/main/aarch64/APKINDEX.tar.gz`
// lines name the release, repository and architecture) has that name; Alpine renames and removes packages between
// releases, so an unpinned `FROM alpine` that moves to a new release breaks a Dockerfile written for an older one
// (juliogomez/devops#4: `FROM alpine` resolved to v3.16, where `python` (Python 2) does not exist; the maintainer
// pinned `FROM alpine:3.11`). Python 3 is `python3` and its pip `py3-pip` (pkgs.alpinelinux.org, aports
// main/python3 and community/py3-pip). Not matched: apk lines that warn without failing.
//
// The advice: look the name up for the release and architecture the log shows (`apk search` in that image, or the
// package index at https://pkgs.alpinelinux.org/packages), then use the new name, or pin the Alpine release the
// Dockerfile was written for. The log does not say which release that was: the fix says how to choose.
//
// `breaks: world[curl~8.0]` under `curl-8.1.1-r0:` is not a missing name: the package exists, and the version the
// repository has breaks the version constraint of the command (`apk add curl=~8.0`, which apk records in its world as
// `curl~8.0`). Alpine keeps only the newest build of each package in a stable branch (Alpine's Timo Teräs, quoted in
// gitlab.alpinelinux.org/alpine/abuild#9996), so a pin on a patch release stops resolving when the package is updated
// (LiskArchive/lisk-service#1662, fixed by easing `curl=~8.0` to `curl=~8` in #1672). `=~` is apk's fuzzy match: any
// version that starts with the one given (edu.chainguard.dev/open-source/wolfi/apk-version-selection, for apk-tools);
// `apk policy NAME` lists the versions the configured repositories have (apk-policy(8)).
//
// An index apk could not download is not a missing name: apk warns for each repository it could not read and goes on
// without it, then reports every package as `no such package`, `git` and `make` too (google/mtail#761, Alpine 3.18 on
// Docker Desktop). Its wordings: `WARNING: updating and opening https://…/v3.18/main: temporary error (try again later)`
// (google/mtail#761), `WARNING: Ignoring https://…/v3.14/community: temporary error (try again later)` and
// `WARNING: Ignoring …/APKINDEX.tar.gz: temporary error …` (older apk), `ERROR: https://…/v3.12/main: temporary error
// (try again later)`. It is apk's text for a failed lookup or connection; in Docker builds it was the build
// container's network (notes that quote the Ignoring line fix it with a proxy in the build or `--network=host`); the
// ways to mend a build's network, and their sources, are in knowledge/build-network.ts.
//
// A missing name can be a provider name rather than a package: abuild gives every package automatic `provides` and
// `depends` entries, `so:<soname>` for a shared library, `cmd:<name>` for a command, `pc:<module>` for a pkg-config
// module (alpinelinux/abuild abuild.in, the `so:`/`cmd:`/`pc:` lines of its provides and autodeps scans), and apk's
// report prints the name as it is, `so:libcrypto.so.3 (no such package):`, with the package that depends on it
// as `required by: libsrt-1.5.1-r0[so:libcrypto.so.3]` (apk-tools src/commit.c, `analyze_missing_name`: `%s (no such
// package)`, then `PKG_VER_FMT "[" DEP_FMT "]"` for each package that depends on the name). A package whose library
// dependency no repository provides was built for another release than the one whose `main` the image reads: the
// Dockerfile added another release's repository (`…/alpine/latest-stable/community` or `…/edge/…`) to an older
// numbered base (angristan/docker-pleroma#68: ffmpeg's `libsrt` from latest-stable/community needs `libcrypto.so.3`,
// which only latest-stable/main has; adding that `main` fixed it). `apk search so:libcrypto.so.3` lists the packages
// that provide the name (apk-tools src/app_search.c matches provided names too; wiki.alpinelinux.org, Alpine
// Package Keeper, "Search for Packages").
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';
import { buildNetworkAdvice, engineLookup, shellProxyAdvice } from '../../../knowledge/build-network.js';

/** The look-up, for a name the log shows (`{context.missing.pkg}`) or, without one, for each name apk listed. */
function lookUp(name: string): string {
  return [
    `Look ${name} up for this release and architecture: in the image, \`apk update && apk search ${name === 'it' ? '<name>' : '{context.missing.pkg}'}\``,
    '(the package index at https://pkgs.alpinelinux.org/packages filters by branch and architecture). Then either use the',
    'name the release has now, or pin the `FROM alpine` line to the numbered release the Dockerfile was written for (the',
    'Dockerfile\'s `git log` date tells which release was `latest` then), so that a new Alpine release cannot change the',
    'package set under it.',
  ].join('\n');
}

/** A provider name (`so:`, `cmd:`, `pc:`) that no repository provides, with the package that needs it. */
const PROVIDER_MESSAGE =
  'apk found no package that provides `{context.provider.name}`, which `{context.requiredBy.pkg|a package}` needs: ' +
  '`{context.provider.kind}:` names are the automatic dependencies Alpine\'s packages carry (`so:` a shared library by its ' +
  'file name, `cmd:` a command, `pc:` a pkg-config module). The package that needs it exists, so it came from a repository ' +
  'built against other libraries than the ones the image\'s other repositories have: most often a repository of another ' +
  'Alpine release (`latest-stable`, `edge` or another `vX.Y`) added beside the base image\'s own.';

/** The fix when the log or the step shows another release's repository: use one release everywhere. */
function mixedFix(where: string): string {
  return [
    `${where} Alpine's \`{context.${where.startsWith('The step') ? 'otherReleaseRun' : 'otherReleaseLine'}.release}\` repository`,
    'beside the base image\'s own: unless the base is that same release, the packages come from two releases, and',
    '`{context.requiredBy.pkg|the package}` needs `{context.provider.name}` from `{context.' +
      (where.startsWith('The step') ? 'otherReleaseRun' : 'otherReleaseLine') +
      '.release}`\'s `main`, which the image does not read. Use one release for every repository, any of:',
    '- the base image\'s own release: write its number in the added line (`…/alpine/v3.X/community`, the `vX.Y` of the',
    '  base: `cat /etc/alpine-release` in it) instead of `latest-stable`/`edge`;',
    '- add the same release\'s `main` next to the added line (`…/alpine/{context.' +
      (where.startsWith('The step') ? 'otherReleaseRun' : 'otherReleaseLine') +
      '.release}/main`), which brings that release\'s libraries (and may upgrade the base\'s own packages to them);',
    '- or move `FROM` to that release (`alpine:<that release>`) and drop the added line.',
    '`apk search {context.provider.name}` in the image, after the change, lists the package that provides it.',
  ].join('\n');
}

/** The fix when neither the log nor the step shows the repositories. */
const PROVIDER_FIX = [
  'Find which repositories the image reads: `cat /etc/apk/repositories` in the base image and after each `RUN` that',
  'writes it (the Dockerfile\'s `echo … >> /etc/apk/repositories` lines). When they mix releases (a `latest-stable`,',
  '`edge` or other `vX.Y` line beside the base\'s own `vX.Y`), use one release for all of them: write the base\'s',
  'number in the added line, or add the same release\'s `main` beside it, or move `FROM` to that release. Then',
  '`apk update && apk search {context.provider.name}` lists the package that provides the name (none: no repository',
  'the image reads has it; https://pkgs.alpinelinux.org/contents finds the file by branch and architecture).',
].join('\n');

/** Without a `no such package` line in the log: the names are on the lines under apk's error, which the log lacks. */
const LOOK_UP_UNNAMED =
  'The lines under `unable to select packages` (one per package, with its reason) are not in this part of the log: ' +
  'build again and keep the whole step output. For each package listed as `no such package`: ' + lookUp('it');

/** The version constraint that broke, and where apk keeps it: the world, or the `--virtual` group of the command. */
const BROKEN_CONSTRAINT =
  '`{context.breaks.owner}[{context.breaks.pkg}{context.breaks.op}{context.breaks.want}]`';

function pinMessage(group: boolean): string {
  return (
    'The repositories the build reads (Alpine {context.index.release|of the base image}) have `{context.candidate.pkg}` only ' +
    'as `{context.candidate.pkg}-{context.candidate.version}`, and that version breaks the constraint the command puts on it ' +
    `(${BROKEN_CONSTRAINT}` +
    (group
      ? ': the pin is inside the `apk add --virtual {context.breaksGroup.group}` group, which apk installs as a package of its own ' +
        'with the build time as its version and the packages named as its dependencies). '
      : '). ') +
    'Alpine keeps only the newest build of each package in a release branch, so a pin on an older version stops resolving as ' +
    'soon as the package is updated.'
  );
}

/** apk warned that it could not read a repository index, then missed every package that index holds. */
const INDEX_UNREACHABLE =
  'apk could not download the index of `{context.indexUnreachable.url}` (`temporary error (try again later)`: the ' +
  'lookup or the connection failed), went on without it, and so found none of the packages asked for: `no such ' +
  'package` here means no index was read, not a renamed package.';

const PYTHON2_MESSAGE =
  'apk found no package `{context.python2.pkg}` in Alpine {context.index.release} ({context.index.arch}): the Dockerfile asks for ' +
  'Python 2\'s package names, which this Alpine release does not have: a Dockerfile written for an older release (an unpinned ' +
  '`FROM alpine` moves to each new one).';

const PIN_FOR_PYTHON2 =
  'If the code itself needs Python 2, pin the `FROM alpine` line to an older numbered release that still has it instead (an ' +
  'end-of-life one); `apk search python2` in the pinned image checks that it has the package.';

export const apkUnableToSelect: RuleInput = {
  id: 'apt/apk-unable-to-select',
  title: 'apk could not select the packages asked for',
  severity: 'error',
  // indented too, as CI wrappers print the build's output (`  ERROR: unable to select packages:`,
  // robburger/terraform-pr-commenter#29)
  // Older apk printed the same report as `ERROR: unsatisfiable constraints:` with `(missing)` for a name no index has
  // (`  python (missing):` / `    required by: world[python]`, paulpierre/informer#8, 2021): read like the newer one.
  match: [
    {
      literals: ['ERROR: unable to select packages:', 'ERROR: unsatisfiable constraints:'],
      pattern: '^\\s{0,8}ERROR: (?:unable to select packages|unsatisfiable constraints):\\s*$',
    },
  ],
  context: [
    // `  python (no such package):`
    {
      name: 'missing',
      literals: ['(no such package)', '(missing)'],
      pattern: '^\\s{0,8}(?<pkg>[A-Za-z0-9][\\w.+-]{0,100}) \\((?:no such package|missing)\\):',
    },
    // `  so:libcrypto.so.3 (no such package):`: a provider name (shared library, command, pkg-config module)
    {
      name: 'provider',
      literals: ['(no such package)', '(missing)'],
      pattern: '^\\s{0,8}(?<name>(?<kind>so|cmd|pc):[^\\s()\\[\\]]{1,200}) \\((?:no such package|missing)\\):',
    },
    // `    required by: libsrt-1.5.1-r0[so:libcrypto.so.3]`: the package that depends on it
    {
      name: 'requiredBy',
      literals: ['required by: '],
      pattern:
        'required by: (?<pkg>[A-Za-z0-9][\\w.+-]{0,100}?-\\d[\\w.]{0,40}-r\\d{1,5})\\[(?:so|cmd|pc):[^\\]\\s]{1,200}\\]',
    },
    // `    required by: bareos-webui-20.0.0-r0[py3-selenium]`: a plain name another package depends on, not one the command
    // asked for (those are `world[…]`, which has no version): the repository's package needs what no repository this
    // image reads has (barcus/bareos#92 on Alpine edge: bareos-webui 20.0.0-r0 needed py3-selenium, then only in
    // edge/testing; fixed in a later revision of the package).
    {
      name: 'dependencyOf',
      literals: ['required by: '],
      pattern: 'required by: (?<pkg>[A-Za-z0-9][\\w.+-]{0,100}?-\\d[\\w.]{0,40}-r\\d{1,5})\\[(?<dep>[A-Za-z0-9][\\w.+-]{0,100})\\]',
    },
    // an edge index in the log: `fetch https://dl-cdn.alpinelinux.org/alpine/edge/main/x86_64/APKINDEX.tar.gz`
    { name: 'edgeIndex', literals: ['/alpine/edge/'] },
    // Another release's repository than a numbered base's: `fetch …/alpine/latest-stable/community/x86_64/APKINDEX.tar.gz`
    // in the log, or `echo "http://nl.alpinelinux.org/alpine/latest-stable/community" >> /etc/apk/repositories` in the step.
    {
      name: 'otherReleaseLine',
      literals: ['/alpine/latest-stable/', '/alpine/edge/'],
      pattern: 'fetch \\S{1,200}/alpine/(?<release>latest-stable|edge)/\\w{1,40}/[\\w-]{1,20}/APKINDEX\\.tar\\.gz',
    },
    {
      name: 'otherReleaseRun',
      source: 'instruction',
      literals: ['/alpine/latest-stable/', '/alpine/edge/'],
      pattern: '/alpine/(?<release>latest-stable|edge)/\\w{1,40}\\b[^\\n]{0,200}/etc/apk/repositories',
    },
    // Python 2's names: `python`, `python2`, `py-pip`, `py2-pip`.
    {
      name: 'python2',
      literals: ['(no such package)', '(missing)'],
      pattern: '^\\s{0,8}(?<pkg>python2?|py2?-pip) \\((?:no such package|missing)\\):',
    },
    // `    breaks: world[curl~8.0]`, `breaks: world[chromium=86.0.4240.111-r0]`: the command's version constraint.
    // `breaks: build-dependencies-20220708.111431[build-base=0.5-r2]`: the same constraint inside an `apk add --virtual
    // build-dependencies …` group: apk makes the group a package of its own, versioned with the UTC time
    // (`%Y%m%d.%H%M%S`), whose dependencies are the packages named, and puts that package in the world
    // (apk-tools src/app_add.c, `generate_version` and `create_virtual_package`; pact-foundation/pact-docker-cli#72).
    {
      name: 'breaks',
      literals: ['breaks: '],
      pattern:
        'breaks: (?<owner>world|(?<group>[A-Za-z0-9.][\\w.+-]{0,100}?)-\\d{8}\\.\\d{6})\\[(?<pkg>[A-Za-z0-9][\\w.+-]{0,100}?)(?<op>[~=<>]{1,2})(?<want>(?<major>\\d{1,6})[^\\]\\s]{0,60})\\]',
    },
    // the same, when the pin names an exact build (`=0.5-r2`, `=~3.10.10-r0`): its version without the `-rN`
    {
      name: 'breaksRevision',
      literals: ['breaks: '],
      pattern:
        'breaks: (?:world|[A-Za-z0-9.][\\w.+-]{0,100}?-\\d{8}\\.\\d{6})\\[[A-Za-z0-9][\\w.+-]{0,100}?(?:=|~|=~)(?<upstream>\\d[\\w.]{0,60}?)-r\\d{1,5}\\]',
    },
    // a `--virtual` group holds the constraint (the group's name and build time, not `world`)
    {
      name: 'breaksGroup',
      literals: ['breaks: '],
      pattern: 'breaks: (?<group>[A-Za-z0-9.][\\w.+-]{0,100}?)-\\d{8}\\.\\d{6}\\[',
    },
    // `  curl-8.1.1-r0:`: the version the repository has, on the line above `breaks:`
    {
      name: 'candidate',
      literals: ['-r'],
      pattern: '^\\s{0,8}(?<pkg>[A-Za-z0-9][\\w.+-]{0,100}?)-(?<version>\\d[\\w.]{0,40}-r\\d{1,5}):\\s*$',
    },
    // A package of Alpine's `main` repository in every release and architecture (aports main/bash, main/curl,
    // main/ca-certificates, main/git, main/make; https://pkgs.alpinelinux.org/packages) reported as `no such package`:
    // apk read no index of `main`, so no name is the fault (google/mtail#761: `git`, `make`; robburger/terraform-pr-commenter#29:
    // `bash`, `curl`, `jq` during the dl-cdn.alpinelinux.org outage, HTTP 503).
    {
      name: 'basePkg',
      literals: ['(no such package)', '(missing)'],
      pattern: '^\\s{0,8}(?<pkg>bash|curl|ca-certificates|git|make) \\((?:no such package|missing)\\):',
    },
    // `fetch https://dl-cdn.alpinelinux.org/alpine/v3.16/main/aarch64/APKINDEX.tar.gz`
    {
      name: 'index',
      literals: ['/APKINDEX.tar.gz'],
      pattern: 'fetch \\S{1,200}/alpine/(?<release>v\\d{1,2}\\.\\d{1,3}|edge)/\\w{1,40}/(?<arch>[\\w-]{1,20})/APKINDEX\\.tar\\.gz',
    },
    // `WARNING: updating and opening https://dl-cdn.alpinelinux.org/alpine/v3.18/main: temporary error (try again later)`:
    // a repository index apk could not download, so every package of it reads `no such package`.
    {
      name: 'indexUnreachable',
      literals: ['temporary error (try again later)'],
      pattern:
        '^(?:WARNING|ERROR): (?:updating and opening |Ignoring |fetching )?(?<url>https?://(?<host>[^/\\s:]{1,200})\\S{0,300}?): temporary error \\(try again later\\)',
    },
  ],
  scope: 'step',
  specificity: 3,
  enrich: ['apk-removed', 'apk-pin-moved'],
  message:
    'apk could not select every package the step asks for: the lines under `unable to select ' +
    'packages` name each one and why (`no such package`: no repository this image uses has that name, often a package ' +
    'renamed or removed in a newer Alpine release).',
  fix: LOOK_UP_UNNAMED,
  variants: [
    {
      when: 'indexUnreachable&fact.place=image-build',
      title: 'apk could not download the package index (network)',
      retryable: true,
      message: INDEX_UNREACHABLE,
      fix: [
        'The package names are fine: the build container could not reach `{context.indexUnreachable.host}`. Build again',
        'first (a mirror outage passes). If it fails the same way, ' + engineLookup('alpine', '{context.indexUnreachable.host}'),
        '',
        buildNetworkAdvice(),
      ].join('\n'),
    },
    {
      when: 'indexUnreachable',
      title: 'apk could not download the package index (network)',
      retryable: true,
      message: INDEX_UNREACHABLE,
      fix: [
        'The package names are fine: this machine could not reach `{context.indexUnreachable.host}`. Retry first (a',
        'mirror outage passes); if it fails the same way, check DNS (`nslookup {context.indexUnreachable.host}`,',
        '/etc/resolv.conf).',
        shellProxyAdvice('`apk add`'),
      ].join('\n'),
    },
    // No index warning in the log, but a package every Alpine release has is `no such package`: no index was read.
    // `apk update` prints an error for each repository it cannot read. Mirrors: https://mirrors.alpinelinux.org/ (its list), /etc/apk/repositories
    // (repositories(5), one repository URL a line).
    ...['fact.place=image-build', ''].map((place): Variant => ({
      when: place === '' ? 'basePkg' : `basePkg&${place}`,
      title: 'apk read no package index (every package "no such package")',
      retryable: true,
      message:
        'apk reports `{context.basePkg.pkg}` as `no such package`, and every Alpine release and architecture has it in its ' +
        '`main` repository: apk had no index to look names up in, so every package asked for reads `no such package`. The ' +
        'names are fine; the repository index could not be downloaded (the mirror, often dl-cdn.alpinelinux.org, was down ' +
        'or unreachable) or `/etc/apk/repositories` names a repository that does not exist.',
      fix: [
        (place === '' ? 'Retry first' : 'Build again first') + ' (a mirror outage passes). To see which index failed, run',
        '`apk update` in the same image (' + (place === '' ? '' : '`docker run --rm {fact.baseImage|IMAGE} apk update`; ') + 'it prints an error for',
        'each repository it cannot read). If the mirror is down, point',
        '`/etc/apk/repositories` at another mirror from https://mirrors.alpinelinux.org/ before the `apk add`' + (place === '' ? '' : ' in the same `RUN`') + ':',
        '',
        '```sh',
        'sed -i \'s#https\\?://dl-cdn.alpinelinux.org#https://MIRROR#\' /etc/apk/repositories',
        '```',
        '',
        '(`MIRROR`: a host from that list.) If `apk update` names no host at all (a lookup or connection error), the ' + (place === '' ? 'machine' : 'build container') + '\'s network is',
        'the fault, not the mirror: ' + (place === '' ? 'check DNS and the proxy.' : 'the network advice for builds applies (DNS, proxy, `--network=host`).'),
      ].join('\n'),
    })),
    // A pin on an exact build (`=0.5-r2`, `=~3.10.10-r0`): the same upstream version with any build number, or the
    // build the repository has now. `=~0.5` takes every version that starts with 0.5 (0.5-r3 among them: apk-world(5),
    // `~` is a prefix match; edu.chainguard.dev/open-source/wolfi/apk-version-selection). An older Alpine does not help:
    // its branch too keeps only its newest build (pact-foundation/pact-docker-cli#72: alpine 3.14 had moved to r3).
    // The same, when the version the repository has is a newer release, not a new build of the pinned one (3.11.9-r0 for a
    // pin on 3.11.8-r0, cybcon/modbus-server#38): `=~3.11.8` matches nothing there, so the fix leads with a pin on the
    // major.minor of the version the repository has (`python3~3.11`; `~` is a prefix match, apk-world(5)).
    ...[true, false].map((group): Variant => ({
      when: group ? 'breaksRevision&breaksGroup&candidate&enrich.apkCandidateMinor' : 'breaksRevision&candidate&enrich.apkCandidateMinor',
      title: 'apk pin on an exact package build that the repository replaced',
      message: pinMessage(group),
      fix: [
        `Change the pin on \`{context.breaks.pkg}\` in the ${group ? '`apk add --virtual {context.breaksGroup.group}`' : '`apk add`'} command of the failing step.`,
        'The repository has `{context.candidate.version}`, a newer release than the one pinned, so no pin on',
        '{context.breaksRevision.upstream} matches (not `=~{context.breaksRevision.upstream}` either). `{context.breaks.pkg}~{enrich.apkCandidateMinor}`',
        'takes any {enrich.apkCandidateMinor} release the branch ships (apk\'s `~` is a prefix match), `{context.breaks.pkg}={context.candidate.version}`',
        'names today\'s build exactly (and breaks again at the next update of the package), or drop the version and write',
        '`{context.breaks.pkg}`. Moving `FROM` to an older Alpine does not bring the old build back: each release branch keeps only',
        'its newest build. `apk update && apk policy {context.breaks.pkg}` in the same base image lists the versions its repositories have.',
      ].join('\n'),
    })),
    ...[true, false].map((group): Variant => ({
      when: group ? 'breaksRevision&breaksGroup&candidate' : 'breaksRevision&candidate',
      title: 'apk pin on an exact package build that the repository replaced',
      message: pinMessage(group),
      fix: [
        `Change the pin on \`{context.breaks.pkg}\` in the ${group ? '`apk add --virtual {context.breaksGroup.group}`' : '`apk add`'} command of the failing step:`,
        '`{context.breaks.pkg}=~{context.breaksRevision.upstream}` takes any build of {context.breaksRevision.upstream} (the',
        'repository has `{context.candidate.version}` now), `{context.breaks.pkg}={context.candidate.version}` names today\'s build',
        'exactly (and breaks again at the next rebuild of the package), or drop the version and write `{context.breaks.pkg}`.',
        'Moving `FROM` to an older Alpine does not bring the old build back: each release branch keeps only its newest build.',
        '`apk update && apk policy {context.breaks.pkg}` in the same base image lists the versions its repositories have.',
      ].join('\n'),
    })),
    {
      when: 'breaks&candidate',
      title: 'apk version pin no longer matches the repository',
      message: pinMessage(false),
      fix: [
        'Relax the version constraint on `{context.breaks.pkg}` in the `apk add` command of the failing step: pin the major',
        'version only, `{context.breaks.pkg}=~{context.breaks.major}` (apk\'s fuzzy match takes any version that starts with',
        '{context.breaks.major}), or drop the version and write `{context.breaks.pkg}`. `apk update && apk policy',
        '{context.breaks.pkg}` in the same base image lists the versions its repositories have. When the pin asks for a version',
        'newer than the one listed, that version is in a later Alpine release: move the `FROM` line to a release whose',
        'branch has it (https://pkgs.alpinelinux.org/packages shows the version per branch).',
      ].join('\n'),
    },
    ...(['otherReleaseRun', 'otherReleaseLine'] as const).map((ctx): Variant => ({
      when: `provider&${ctx}`,
      title: 'apk: a package from another Alpine release needs a library this image has no repository for',
      message: PROVIDER_MESSAGE,
      fix: mixedFix(ctx === 'otherReleaseRun' ? 'The step adds' : 'The build reads'),
    })),
    {
      when: 'provider',
      title: 'apk: no repository provides a library (or command) a package needs',
      message: PROVIDER_MESSAGE,
      fix: PROVIDER_FIX,
    },
    // A package of the repositories needs a name no repository this image reads has: not the command's request. Alpine's
    // `testing` repository exists on edge only, and a tagged repository line (`@testing …/edge/testing`) lets `apk add
    // name@testing` take one package from it (wiki.alpinelinux.org, Repositories; Alpine Package Keeper, "Repository
    // pinning"); `apk policy` lists the versions and repositories of a name (apk-policy(8)). The edge advice only where the
    // log shows an edge index.
    ...([true, false] as const).map((edge): Variant => ({
      when: edge ? 'dependencyOf&edgeIndex&!provider' : 'dependencyOf&!provider',
      title: 'apk: a package in the repositories needs a package no repository here has',
      message:
        'apk cannot install `{context.dependencyOf.pkg}`: it depends on `{context.dependencyOf.dep}`, which no repository this image reads ' +
        'has. Your command did not ask for `{context.dependencyOf.dep}` (what the command asks for shows as `world[…]`): the ' +
        'package in the repository needs it, so renaming anything in your `apk add` line does not help.',
      fix: [
        'Find where `{context.dependencyOf.dep}` is, in the same image:',
        '',
        '```sh',
        'apk update && apk policy {context.dependencyOf.dep} && cat /etc/apk/repositories',
        '```',
        '',
        ...(edge
          ? [
              '- This image reads `edge`: a dependency can sit in the `testing` repository for a while, or the package is fixed in a',
              '  later revision: `apk update` again later, or take that one package from testing with a tagged repository line',
              '  (`@testing https://dl-cdn.alpinelinux.org/alpine/edge/testing` in `/etc/apk/repositories`, then',
              '  `apk add {context.dependencyOf.dep}@testing`). For an image you ship, pin `FROM alpine:3.N` rather than `edge`.',
            ]
          : ['- Every repository line must name the same release as the base image (`cat /etc/alpine-release`); pin `FROM alpine:3.N`.']),
        '- If no repository has it, the package is broken in that branch: it is reported to Alpine\'s aports',
        '  (https://gitlab.alpinelinux.org/alpine/aports/-/issues).',
      ].join('\n'),
    })),
    {
      when: 'python2&index',
      message: PYTHON2_MESSAGE,
      fix: [
        'In the step\'s `apk add` line, ask for Python 3 by its package names and keep the other packages: `python` becomes',
        '`python3`, `py-pip` becomes `py3-pip` (pip then runs as `pip3` or `python3 -m pip`).',
        PIN_FOR_PYTHON2,
      ].join('\n'),
    },
    {
      when: 'python2',
      message:
        'apk found no package `{context.python2.pkg}`: the Dockerfile asks for Python 2\'s package names, which the Alpine ' +
        'release of this image does not have (a Dockerfile written for an older release; an unpinned `FROM alpine` moves to ' +
        'each new one).',
      fix: [
        'In the step\'s `apk add` line, ask for Python 3 by its package names and keep the other packages: `python` becomes',
        '`python3`, `py-pip` becomes `py3-pip` (pip then runs as `pip3` or `python3 -m pip`).',
        PIN_FOR_PYTHON2,
      ].join('\n'),
    },
    // A name the table of packages Alpine removed knows (knowledge/apk-removed-packages.ts): its replacement and the last
    // release that has it, not a search that finds nothing.
    ...(['enrich.apkRemovedRelease', ''] as const).map((known): Variant => ({
      when: known === '' ? 'missing&enrich.apkRemovedName' : `missing&enrich.apkRemovedName&${known}`,
      title: 'apk package removed from newer Alpine releases',
      message:
        (known === ''
          ? 'apk has no `{enrich.apkRemovedName}` ({enrich.apkRemovedPurpose}) in the Alpine release this image uses: '
          : 'apk has no `{enrich.apkRemovedName}` ({enrich.apkRemovedPurpose}) because this image\'s Alpine, {enrich.apkRemovedRelease}, does not ship it: ') +
        '{enrich.apkRemovedHistory}.' +
        (known === '' ? ' An unpinned `FROM alpine` (or a moving tag such as `alpine:3`) takes each new release.' : ''),
      fix: [
        'In the `apk add` line, replace `{enrich.apkRemovedName}` with `{enrich.apkRemovedReplacement}`: {enrich.apkRemovedReplacementNote}.',
        'For that, pin the base to the last release that has it, `FROM alpine:{enrich.apkRemovedLastRelease}` (`apk add',
        '{enrich.apkRemovedName}` takes it from that release\'s repositories; it is past its end of support:',
        'https://alpinelinux.org/releases/), and plan the move to `{enrich.apkRemovedReplacement}`. Either way, a numbered',
        '`FROM alpine:3.N` keeps the next Alpine release from changing the package set under the build.',
      ].join('\n'),
    })),
    {
      when: 'missing&index',
      message:
        'apk found no package `{context.missing.pkg}` in Alpine {context.index.release} ({context.index.arch}): no ' +
        'repository this image uses has that name, often a package renamed or removed in a newer Alpine release.',
      fix: lookUp('`{context.missing.pkg}`'),
    },
    { when: 'missing', fix: lookUp('`{context.missing.pkg}`') },
  ],
  docs: 'https://pkgs.alpinelinux.org/packages',
};

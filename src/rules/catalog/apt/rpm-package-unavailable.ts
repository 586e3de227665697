// yum / dnf found no package for a name (or a name with a pinned version) the command asked for. Their wordings:
// - `No package libnvinfer8-8.2.0-1.cuda10 available.`: yum 3 (CentOS / RHEL 7) and dnf's `_('No package %s available.')`
//   (dnf/cli/commands/install.py, then `Error: Unable to find a match: …` when strict), tdnf's `No package %s available.`;
// - `No match for argument: python3-foo`: dnf 4 and dnf5 (`_('No match for argument: %s')`, dnf/cli/commands; libdnf5's
//   Goal problem NOT_FOUND), then `Error: Unable to find a match: python3-foo`.
// yum 3 on EL7 skips names it cannot find and installs the rest unless `skip_missing_names_on_install` is False (added to
// yum for RHBZ#1274211; pypa/manylinux sets it False "to error out if requested packages do not exist", Docker's official
// openjdk / tomcat images pass `--setopt=skip_missing_names_on_install=False`), so the line may sit in a step that passed.
// A spec with a version is `name-version-release` (rpm's NEVRA; `yum install <name>-<version>` pins it): the version part
// is the first `-<digits>.` after the name (`cuda-10-2` is a name, `libnvinfer8-8.2.0-1.cuda10` is libnvinfer8 8.2.0-1.cuda10).
// `yum --showduplicates list <name>` and `dnf list --showduplicates <name>` list every version the enabled repositories
// have (dnf5-list(8): "--showduplicates  Show all versions of the packages, not only the latest one"). NVIDIA's rpm
// repositories name the CUDA build in the release (`libcudnn7-7.6.5.33-1.cuda10.2`: NVIDIA's rhel7 machine-learning repo
// file names), so a pin built from a CUDA version has to spell it as the repository does.
// On EL 8 and 9 (RHEL, Rocky, Alma, CentOS Stream) many -devel packages are in a repository that is not enabled by default:
// CRB (CodeReady Linux Builder) on EL9, repo id `crb`; PowerTools on EL8, id `powertools` (Rocky's repository page,
// wiki.rockylinux.org/rocky/repo/; AlmaLinux 9 alike, geerlingguy/ansible-role-php-versions#89). geerlingguy/docker-rockylinux9-ansible#1:
// `libyaml-devel` on Rocky 9, "available in one of the other repos … just not BaseOS" (the maintainer). `dnf config-manager
// --set-enabled <repo>` comes with dnf-plugins-core (dnf-config-manager(8)); RHEL itself enables CRB with subscription-manager
// (the same page warns that config-manager misbehaves on subscription-manager's repositories; the repository id
// `codeready-builder-for-rhel-9-$(arch)-rpms`, in the form RHEL setups use it: `subscription-manager repos --enable
// codeready-builder-for-rhel-10-$(arch)-rpms` in secureblue/Trivalent#449's workflow, `…-rhel-8-x86_64-rpms` in YottaDB's README). `dnf search` and `dnf list` look
// in the enabled repositories only; `--enablerepo` takes ids or globs (dnf(8): `--repo` "is basically a shortcut for
// --disablerepo="*" --enablerepo=<repoid>"), so `dnf --enablerepo='*' repoquery <name>` shows which repository has it, and
// `--info` ("Show detailed information about the package", dnf(8), repoquery) prints its `Repository :`. The EL release is read from the log: `Rocky Linux 9 - BaseOS`,
// `AlmaLinux 8 - AppStream`, or the `.el9` of a package's release.
import type { RuleInput } from '../../schema.js';

/** The EL release's repository that holds the -devel packages: crb on 9, powertools on 8. */
const elRepoFix = (repo: 'crb' | 'powertools', release: string): string =>
  [
    `This is EL${release} (RHEL / Rocky / Alma ${release}): its -devel packages are mostly in the \`${repo}\` repository, which is not enabled by default. ` +
      'Find which repository has the name, the disabled ones included, in the same stage:',
    '',
    '```sh',
    "dnf --enablerepo='*' repoquery --info {package:words}   # its Repository line",
    '```',
    '',
    `When it is \`${repo}\`, enable it before the install, in the same \`RUN\` (config-manager is in dnf-plugins-core):`,
    '',
    '```sh',
    `dnf -y install dnf-plugins-core && dnf config-manager --set-enabled ${repo} && dnf -y install {package:words}`,
    '```',
    '',
    'On RHEL itself the repository is enabled with `subscription-manager repos --enable codeready-builder-for-rhel-' + release + '-$(arch)-rpms`. ' +
      'When nothing in the image is compiled against it, the runtime package (the name without `-devel`, in the default repositories) may be all that is needed. ' +
      // kairos-io/kairos#2351: Rocky 9's grub2 packages missing from its own repositories for a time (bugs.rockylinux.org
      // #6139, fixed there; "This has been fixed upstream, the image is building properly", the maintainer).
      'When no repository has it and it is a package of the release itself (the same build passed before), the release\'s ' +
      'repositories lack it for now: follow the distribution\'s bug tracker and build again once it is back.',
  ].join('\n');

const SPEC = '(?<package>[A-Za-z0-9][\\w.+:~^-]{0,200}?)';

const listVersions = (tool: string): string[] => [
  'List what the enabled repositories have for that name, in the same stage, after the repository is added (a `RUN` before',
  'the failing line, or the failing `RUN` with the list command in place of the install):',
  '',
  '```sh',
  `${tool}`,
  '```',
];

const pinnedAfter = [
  'Then pin a version that list shows, spelled as it shows it (`name-version-release`: the name, then the version and',
  'release columns of the list), or drop the pin. NVIDIA\'s CUDA / machine-learning repositories put the CUDA',
  'build in the release (`-1.cuda10.2`): a pin built from `${CUDA_VERSION%.*}` or similar must give the CUDA the repository',
  'uses for that package, and the package must exist for this distribution\'s repository (`rhel7`, `rhel8`, …) at all.',
  'On yum 3 (EL7), add `--setopt=skip_missing_names_on_install=False` to the install so a missing name stops the build',
  'there rather than installing the rest without it.',
];

export const rpmPackageUnavailable: RuleInput = {
  id: 'apt/rpm-package-unavailable',
  title: 'yum / dnf package not found',
  severity: 'error',
  match: [
    { literals: ['No package ', ' available.'], pattern: `^\\s{0,4}No package ${SPEC} available\\.\\s*$` },
    { literals: ['No match for argument: '], pattern: `^\\s{0,4}No match for argument: ${SPEC}\\s*$` },
  ],
  context: [
    // The spec has a version: `name-<digits>.<…>[-release]`, the release starting with a digit as rpm releases do
    // (`1.cuda10`, `5.b12.el7_4`). `cuda-10-2` (no dot) stays a name, and so does `java-1.8.0-openjdk` (its `-openjdk`
    // is no release); `java-1.8.0-openjdk-1.8.0.151-5.b12.el7_4` (oracle/docker-images#929) is that name pinned.
    {
      name: 'pinned',
      tally: true,
      literals: ['No package ', 'No match for argument: '],
      pattern:
        '(?:No package |No match for argument: )(?<name>[A-Za-z0-9][\\w.+~^-]{0,200}?)-(?<version>\\d{1,9}\\.[\\w.+~^]{0,100}(?:-\\d[\\w.+~^]{0,100})?)(?: available\\.|\\s*$)',
    },
    // EL9 / EL8, from the repository names dnf prints (`Rocky Linux 9 - BaseOS`, `AlmaLinux 8 - AppStream`, `CentOS Stream 9 - …`)
    // or a package release (`python3-3.9.10-2.el9.aarch64`)
    { name: 'el9', literals: ['Linux 9 - ', 'Stream 9 - ', '.el9'], pattern: '(?:Rocky Linux|AlmaLinux|CentOS Stream|Oracle Linux) 9 - |\\.el9(?:_\\d{1,2})?\\.(?:noarch|x86_64|aarch64|ppc64le|s390x)\\b' },
    { name: 'el8', literals: ['Linux 8 - ', 'Stream 8 - ', '.el8'], pattern: '(?:Rocky Linux|AlmaLinux|CentOS Stream|CentOS Linux|Oracle Linux) 8 - |\\.el8(?:_\\d{1,2})?\\.(?:noarch|x86_64|aarch64|ppc64le|s390x)\\b' },
    // dnf (Fedora, RHEL 8+, Rocky, Alma) rather than yum 3: its own words.
    { name: 'dnf', literals: ['Unable to find a match', 'No match for argument', 'dnf ', 'microdnf'] },
  ],
  message:
    'The enabled repositories have no package `{package:all}`: the name is misspelled, from another distribution release, or ' +
    'in a repository this stage did not add or enable.',
  variants: [
    {
      when: 'pinned&dnf',
      title: 'Pinned package version not in the repositories (dnf)',
      message:
        'dnf found no `{package:all}`: the repositories enabled in this stage have `{context.pinned.name:all}` perhaps, but not ' +
        'the version pinned here (`{context.pinned.version:all}`), or not for this distribution release.',
      fix: [...listVersions('dnf list --showduplicates {context.pinned.name:words}'), ...pinnedAfter.slice(0, 4)].join('\n'),
    },
    {
      when: 'pinned',
      title: 'Pinned package version not in the repositories (yum)',
      message:
        'yum found no `{package:all}`: the repositories enabled in this stage have `{context.pinned.name:all}` perhaps, but not ' +
        'the version pinned here (`{context.pinned.version:all}`), or not for this distribution release.',
      fix: [...listVersions('yum --showduplicates list {context.pinned.name:words}'), ...pinnedAfter].join('\n'),
    },
    { when: 'el9&!el8&!pinned', fix: elRepoFix('crb', '9') },
    { when: 'el8&!el9&!pinned', fix: elRepoFix('powertools', '8') },
    // dnf, the release not shown (cloudamqp/lavinmq#1255: `No match for argument: help2man` on EL9, where help2man is in
    // crb; the fix enabled crb): `dnf search` would look in the enabled repositories only, where the name is not (that is
    // the failure), so the finder enables them all; the enabling command depends on the release, which the fix says how to read.
    {
      when: 'dnf',
      fix: [
        '`dnf search` and `dnf list` look in the enabled repositories only. Find which repository has the name, the disabled ones ' +
          'included, in the same stage (a `RUN` before the failing line):',
        '',
        '```sh',
        "cat /etc/os-release; dnf repolist --all; dnf --enablerepo='*' repoquery --info {package:words}   # its Repository line",
        '```',
        '',
        'Enable that repository before the install, in the same `RUN`. On EL9 (RHEL / Rocky / Alma / CentOS Stream 9) many ' +
          '-devel and build-tool packages are in `crb`, on EL8 in `powertools`, both disabled by default (config-manager is in ' +
          'dnf-plugins-core):',
        '',
        '```sh',
        'dnf -y install dnf-plugins-core && dnf config-manager --set-enabled crb && dnf -y install {package:words}   # EL8: powertools',
        '```',
        '',
        'On RHEL itself: `subscription-manager repos --enable codeready-builder-for-rhel-9-$(arch)-rpms` (`-rhel-8-` on 8). ' +
          'When no repository has it, the name is misspelled or from another release; a package of EPEL or a vendor\'s ' +
          'repository needs that repository added first.',
      ].join('\n'),
    },
  ],
  fix: [
    'Search the enabled repositories for the name, in the same stage (a `RUN` before the failing line):',
    '',
    '```sh',
    'yum repolist && yum search {package:words}',
    '```',
    'A package of a repository that is not enabled (EPEL, a vendor\'s) needs that repository first. On yum 3 (EL7), add',
    '`--setopt=skip_missing_names_on_install=False` so a missing name stops the install there.',
  ].join('\n'),
};

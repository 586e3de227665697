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
import type { RuleInput } from '../../schema.js';

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
    {
      when: 'dnf',
      fix: [
        'Search the enabled repositories for the name, in the same stage (a `RUN` before the failing line):',
        '',
        '```sh',
        'dnf repolist && dnf search {package:words}',
        '```',
        'A package of a repository that is not enabled (EPEL, CRB / PowerTools, a vendor\'s) needs that repository first.',
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

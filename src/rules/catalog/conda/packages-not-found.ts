// conda found no package at all for a spec (not a conflict between packages: that is conda/unsatisfiable):
// `PackagesNotFoundError: The following packages are not available from current channels:` (conda ≥ 4.6)
// and `ResolvePackageNotFound:` (`conda env create` / `conda env update` from an environment.yml), each
// followed by `  - spec` lines. conda prints the channel URLs it searched, with the platform subdir
// (`…/pkgs/main/linux-aarch64`): the subdir tells an ARM build from a missing name or version.
// Causes the variants tell apart, from the corpus (fixtures/real-world/uv-conda/):
// - a linux-aarch64 build, where many packages (and old Pythons) have no build in the channel
//   (AbdBarho/stable-diffusion-webui-docker#84: `python=3.8.5` on `pkgs/main/linux-aarch64`);
// - specs with build strings (`readline==6.2=2`): an environment exported with `conda env export` on
//   another OS; builds are per platform (katerakelly/oyster#16);
// - a Python or package version the channels no longer (or never) had (facebookresearch/LASER#191).
// Commands (conda docs, docs.conda.io/projects/conda/en/latest/commands/search.html and
// …/commands/env/export.html): `conda search [-c CHANNEL] [--platform SUBDIR] SPEC` (`--subdir` /
// `--platform`, since conda 4.6); `conda env export --no-builds` / `--from-history`. micromamba has the
// same search: `micromamba search -c conda-forge PKG --platform linux-aarch64` (used in public scripts
// with micromamba 1.5 / 2.x; code corpus). anaconda.org's files page lists each build with its platform.
// A conda-lock lock file (`conda-lock install -n gui gui-lock.yml`) pins every package to one build with its URL and
// hash; a build the channel took down (conda-forge's `broken` label) fails as `PackagesNotFoundError` with the build
// string (BLAST-AI-ML/synapse#274, fixed by re-locking and committing the lock file). The lock is re-solved with
// conda-lock, not exported: `conda-lock lock --lockfile LOCK --update PKG` re-solves the named packages within the
// source's constraints, `conda-lock -f SOURCE --lockfile LOCK` re-solves everything; conda-lock writes both commands
// in the header comment of each lock file it makes (conda-lock's README, "Basic usage"; the header as committed in
// public lock files, code corpus). `conda-lock.yml` is its default lock file name.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

/** The search command in the form of the installer the step used (micromamba images ship no conda). */
function search(tool: 'conda' | 'micromamba', platform: string | null): string {
  const sub = platform === null ? '' : ` --platform ${platform}`;
  return tool === 'micromamba'
    ? `micromamba search -c conda-forge '{enrich.firstSpec}'${sub}`
    : `conda search '{enrich.firstSpec}'${sub}\nconda search -c conda-forge '{enrich.firstSpec}'${sub}`;
}

function armFix(tool: 'conda' | 'micromamba'): string {
  return [
    'This is a linux-aarch64 (ARM64) build, and conda found no linux-aarch64 build of `{enrich.firstSpec|the specs}` in these channels.',
    'Many packages, and old Python releases, have builds only for linux-64. Ask the channels which versions exist for this platform:',
    '',
    '```sh',
    search(tool, 'linux-aarch64'),
    '```',
    '',
    'Then pin a version that is listed (conda-forge has linux-aarch64 builds of many packages the default channel lacks: add',
    '`-c conda-forge` or list it under `channels:`), or build this image for `linux/amd64` if that is where it runs',
    '(`docker build --platform linux/amd64 …`; on an ARM machine that runs under emulation).',
  ].join('\n');
}

/**
 * Each spec conda listed, searched in the channels; for a name no channel has, the check on PyPI and the edit that
 * moves it to the environment file's `pip:` list (conda's "Creating an environment file manually").
 */
function everySpecFix(edit: string[]): string {
  return [
    'Ask the channels about every package conda listed ({enrich.allSpecs}):',
    '',
    '```sh',
    '{enrich.missingSearch}',
    '```',
    '',
    'Entries but not this version: pin a listed one. Entries only for another platform (`--platform linux-64` or',
    '`--platform linux-aarch64` added to the search shows them): the image is built for a platform the channel has no',
    'build for. No entry at all: the name is not a conda name, or the package lives in another channel (add it with `-c`',
    'or under `channels:`), or it is on PyPI only. Ask PyPI (or look each name up on pypi.org):',
    '',
    '```sh',
    '{enrich.pypiCheck}',
    '```',
    '',
    ...edit,
  ].join('\n');
}

const envFileEdit = [
  'Move each one only PyPI has to the `pip:` list of the environment file, in pip\'s syntax (drop the ones conda found):',
  'delete its line from `dependencies:` and list it under `pip`, which must itself be a dependency:',
  '',
  '```yaml',
  '  - pip',
  '  - pip: [{enrich.pipSpecs}]',
  '```',
  '',
  'When the file already has a `pip:` list, add them to it instead.',
];

const pipInstallEdit = [
  'Take each one only PyPI has out of the conda command and install it after it with the pip of the environment conda',
  'installs into, in pip\'s syntax (drop the ones conda found):',
  '',
  '```sh',
  'python -m pip install {enrich.pipArgs}',
  '```',
];

/**
 * Specs that name their channel (`conda-forge::libgcc-ng`): conda takes such a package from that channel only, so the
 * channel list is not searched for it and adding a channel cannot help (conda docs, cited in conda-missing-specs.ts).
 * conda-forge/docker-images#88: six `conda-forge::` specs conda-forge did not carry; fixed by dropping the prefix so
 * they came from the configured channels (#90).
 */
const channelPinMessage =
  'conda found no package for {enrich.pinnedSpecs}. A spec written `channel::package` (here `{enrich.pinnedChannel}::`) ' +
  'takes the package from that channel only, whatever `-c` or `channels:` list: that channel has no build of it for ' +
  'this platform (or none of the version asked), and adding channels cannot help.{enrich.otherSpecs|}';

function channelPinFix(micromamba: boolean): string {
  const check = micromamba
    ? ['```sh', '{enrich.pinnedSearch}', '```', '', 'and search the channels the build uses for the same names (`micromamba search -c CHANNEL NAME`).']
    : ['```sh', '{enrich.pinnedSearch}', '```', '', 'and what the channels the build is configured with have, for the same specs without the prefix:', '', '```sh', '{enrich.bareSearch}', '```'];
  return [
    'Ask the named channel what it has:',
    '',
    ...check,
    '',
    'Listed only by the configured channels: drop the `{enrich.pinnedChannel}::` prefix (write `{enrich.pinnedFirstBare}`,',
    'not `{enrich.pinnedFirst}`) so conda takes the package from the channel list. Listed by the named',
    'channel but not this version or platform: pin a listed version (`--platform linux-64` or `--platform linux-aarch64`',
    'added to the search shows other platforms). Listed nowhere: the name is not a conda name.',
  ].join('\n');
}

function variants(): Variant[] {
  const out: Variant[] = [];
  out.push({ when: 'micromamba&enrich.pinnedSearch', message: channelPinMessage, fix: channelPinFix(true) });
  out.push({ when: 'fact.installer=micromamba&enrich.pinnedSearch', message: channelPinMessage, fix: channelPinFix(true) });
  out.push({ when: 'enrich.pinnedSearch', message: channelPinMessage, fix: channelPinFix(false) });
  for (const pre of ['micromamba&', 'fact.installer=micromamba&', '']) {
    const tool = pre === '' ? 'conda' : 'micromamba';
    out.push({ when: `${pre}aarch64&spec`, fix: armFix(tool) });
    out.push({ when: `${pre}fact.platform=linux/arm64&spec`, fix: armFix(tool) });
  }
  out.push({
    when: 'condaSelfPin',
    title: 'conda cannot resolve its own version',
    message:
      'The spec conda cannot find is conda itself, `{context.condaSelfPin.spec}`, not a package of this build: conda ' +
      'added this pin on its own version to the solve, and with these channels that exact version no longer resolves. ' +
      'Docker builds that take the latest installer break this way when a new conda is released.',
    // Installer names at https://repo.anaconda.com/miniconda/: `Miniconda3-py<python>_<conda version>-<build>-Linux-<arch>.sh`,
    // e.g. Miniconda3-py38_23.1.0-1-Linux-x86_64.sh (the URL public Dockerfiles and scripts download). The installer's
    // Python is base's Python: a Dockerfile that then asks base for another Python makes conda re-solve base, itself
    // included (pytorch/pytorch#106470; ROCm/pytorch#1243). The listing command is checked by the name pattern above.
    fix: [
      'Install conda from a fixed Miniconda installer whose conda is older than {context.condaSelfPin.version} (not',
      '`Miniconda3-latest-…`), and whose Python is the one the build asks for: the name says both',
      '(`Miniconda3-py38_23.1.0-1-Linux-x86_64.sh` is Python 3.8 with conda 23.1.0). List them:',
      '',
      '```sh',
      "curl -fsSL https://repo.anaconda.com/miniconda/ | grep -o \"Miniconda3-py[0-9]*_[0-9.]*-[0-9]*-Linux-$(uname -m)\\.sh\" | sort -uV",
      '```',
      '',
      'When base already has the Python the build needs, nothing asks conda to change it. Otherwise install the build\'s',
      'packages into an environment of their own (`conda create -n` with the Python they need) instead of changing base,',
      'or use a `continuumio/miniconda3` / `condaforge/miniforge3` base image with a version tag.',
    ].join('\n'),
  });
  const lockMessage =
    'conda found no package for `{enrich.firstSpec}`: the conda-lock file this step installs pins each package to one ' +
    'exact build (`name==version=build`), and the channel no longer serves that build (conda-forge, for one, moves broken ' +
    'builds to its `broken` label). The lock file is out of date, not the environment\'s specs.';
  const relock = (lock: string) => [
    'Re-lock with conda-lock where the lock file is made (not in the image), and commit the new lock file. Re-solve only',
    'the packages conda could not find, within the constraints of the source file:',
    '',
    '```sh',
    `conda-lock lock --lockfile ${lock} --update {enrich.allNames}`,
    '```',
    '',
    `If that still solves to a missing build, re-solve the whole lock with the \`conda-lock -f … --lockfile ${lock}\``,
    'command in its header comment, which names the source files and platforms the lock was made from. Do not edit the',
    'lock by hand: every entry carries the URL and hash of its build.',
  ].join('\n');
  const lockTitle = 'conda-lock file pins a build the channel no longer has';
  out.push({ when: 'condaLock', title: lockTitle, message: lockMessage, fix: relock('{context.condaLock.file}') });
  out.push({ when: 'condaLockRun', title: lockTitle, message: lockMessage, fix: relock('{context.condaLockRun.file}') });
  // Windows-only packages among the not-found specs (conda-windows-only.ts): the file was exported on Windows, and
  // `--no-builds` alone keeps those lines, which no Linux build resolves.
  const windowsMessage =
    'conda found no package for `{enrich.firstSpec}` and the other specs listed, and some of them exist for Windows only: ' +
    '{enrich.windowsOnly}. The environment file was exported on Windows (`conda env export` lists every package of that ' +
    'environment, its Windows runtime included), and this build does not run on Windows: no other OS has a build of those packages.';
  const windowsFix = (builds: boolean): string =>
    [
      'Re-export the environment on the Windows machine with only the packages you asked for, which leaves out what came',
      'in as their dependencies (the Windows runtime among them):',
      '',
      '```sh',
      'conda env export --from-history > environment.yml',
      '```',
      '',
      '(`conda env export --no-builds` alone would keep those packages, and fail here the same way.) Without that machine,',
      builds
        ? 'delete the lines of {enrich.windowsOnly} from the environment file, and the third `=build` part of every other spec:'
        : 'delete the lines of {enrich.windowsOnly} from the environment file:',
      builds
        ? 'builds are made per platform, so a Windows build string never matches on another OS. Relax the versions conda still'
        : 'only Windows needs them. Relax the versions conda still',
      "cannot find: `conda search '{enrich.firstName}'` lists what the channels have.",
    ].join('\n');
  out.push({ when: 'buildPin&enrich.windowsOnly', message: windowsMessage, fix: windowsFix(true) });
  out.push({ when: 'enrich.windowsOnly', message: windowsMessage, fix: windowsFix(false) });
  out.push({
    when: 'buildPin',
    message:
      'conda found no package for `{enrich.firstSpec}` and the other specs listed: they pin exact build strings (`name==version=build`), ' +
      'as `conda env export` writes them. Builds are made per platform and OS, and old ones leave the channels, so an ' +
      'environment exported on another machine (or years ago) does not resolve here.',
    fix: [
      'Re-export the environment without build strings, on the machine where it works:',
      '',
      '```sh',
      'conda env export --from-history > environment.yml',
      '```',
      '',
      '(`--from-history` keeps only the packages you asked for; `conda env export --no-builds` keeps every package with its',
      'version but no build). Without that machine, delete the third `=build` part of each listed spec and relax the',
      'versions conda still cannot find: `conda search \'{enrich.firstName}\'` lists what the channels have.',
    ].join('\n'),
  });
  out.push({
    when: 'pythonSpec',
    message:
      'conda found no build of `{context.pythonSpec.spec}` in the channels it searched, for this platform: an old Python ' +
      'release is not (or no longer) published there, so nothing that pins it can be installed.',
    fix: [
      'List the Python builds the channels have, and pin one of them (with the package versions that support it):',
      '',
      '```sh',
      "conda search 'python'",
      "conda search -c conda-forge '{context.pythonSpec.spec}'",
      '```',
      '',
      'A project that needs exactly this Python can take it from conda-forge (`-c conda-forge`) when it is listed there, or',
      'start from an older miniconda image whose base environment already has it.',
    ].join('\n'),
  });
  // Every listed spec, searched in one loop, and the edit for those only PyPI has (conda-missing-specs enricher):
  // in the environment file's `pip:` list when the solve read one, else a pip install after the conda step.
  out.push({ when: 'envResolve&enrich.missingSearch&enrich.pipSpecs', fix: everySpecFix(envFileEdit) });
  out.push({ when: 'envFileRun&enrich.missingSearch&enrich.pipSpecs', fix: everySpecFix(envFileEdit) });
  out.push({ when: 'enrich.missingSearch&enrich.pipArgs', fix: everySpecFix(pipInstallEdit) });
  for (const pre of ['micromamba&', 'fact.installer=micromamba&', '']) {
    const tool = pre === '' ? 'conda' : 'micromamba';
    out.push({
      when: `${pre}spec`,
      fix: [
        'Ask the channels what exists for {enrich.firstSpec}:',
        '',
        '```sh',
        search(tool, null),
        '```',
        '',
        'No entry: the name is not a conda name (conda names differ from pip names) or the package is in another channel',
        '(bioconda, conda-forge: add it with `-c` or under `channels:`). Entries but not this version: pin a listed one.',
        'A package that exists only on PyPI goes in a `pip:` section of the environment file instead.',
      ].join('\n'),
    });
  }
  return out;
}

export const packagesNotFound: RuleInput = {
  id: 'conda/packages-not-found',
  title: 'conda package not found in the channels',
  severity: 'error',
  match: [
    // conda ≥ 4.6: `PackagesNotFoundError: The following packages are not available from current channels:`
    { literals: ['PackagesNotFoundError', 'The following packages are not available from current channels'] },
    // conda env create / update: `ResolvePackageNotFound: ` then `  - bioconda::bowtie2=2.4.5`
    { literals: ['ResolvePackageNotFound:'] },
  ],
  context: [
    // The listed specs: `  - python=3.8.5`, `  - readline==6.2=2`, `  - bioconda::bowtie2=2.4.5` (not the channel URLs)
    {
      name: 'spec',
      literals: ['- '],
      pattern:
        '^(?:> ?)?\\s{0,12}- (?<spec>(?:[A-Za-z0-9_.-]{1,60}::)?(?<name>[A-Za-z0-9_][A-Za-z0-9_.-]{0,100})(?:[=<>!~][^\\s:]{0,100})?)\\s{0,5}$',
      tally: true,
    },
    // `  - python=3.6`: the interpreter itself
    { name: 'pythonSpec', literals: ['- python'], pattern: '^(?:> ?)?\\s{0,12}- (?<spec>python[=<>]{1,2}\\d[\\d.*]{0,20})\\s{0,5}$' },
    // `  - conda==23.5.2`: conda itself, at the version of the environment conda runs from, which no one listed
    // (pytorch/pytorch#106470, fixed by pinning the conda of the Docker build: #106473; ROCm/pytorch#1243 with 23.3.1)
    { name: 'condaSelfPin', literals: ['- conda='], pattern: '^(?:> ?)?\\s{0,12}- (?<spec>conda={1,2}(?<version>\\d[\\w.]{0,30}))\\s{0,5}$' },
    // `name==version=build` / `name=version=build`: an exported environment's exact builds
    { name: 'buildPin', literals: ['- '], pattern: '^(?:> ?)?\\s{0,12}- [A-Za-z0-9_.-]{1,100}={1,2}[^=\\s]{1,60}=[^=\\s]{1,60}\\s{0,5}$' },
    // conda's channel list names the platform it solved for: `  - https://repo.anaconda.com/pkgs/main/linux-aarch64`
    { name: 'aarch64', literals: ['/linux-aarch64'], pattern: '^(?:> ?)?\\s{0,12}- \\S{1,300}/linux-aarch64/?\\s{0,5}$' },
    { name: 'micromamba', literals: ['micromamba'] },
    // The step installs a conda-lock file: `conda-lock install --name gui gui-lock.yml` (in the log's command or the RUN)
    {
      name: 'condaLock',
      literals: ['conda-lock install'],
      pattern: '\\bconda-lock install\\b[^\\n&;|]{0,200}?\\s(?:--file[ =])?(?<file>[\\w./-]{1,200}\\.ya?ml)\\b',
    },
    {
      name: 'condaLockRun',
      source: 'instruction',
      literals: ['conda-lock install'],
      pattern: '\\bconda-lock install\\b[^\\n&;|]{0,200}?\\s(?:--file[ =])?(?<file>[\\w./-]{1,200}\\.ya?ml)\\b',
    },
    // The solve read an environment file: conda prints `ResolvePackageNotFound:` only for `conda env create/update`,
    // and the RUN line names the file (`conda env create -f /tmp/environment.yml`, `mamba install -f env.yaml`).
    { name: 'envResolve', literals: ['ResolvePackageNotFound:'] },
    {
      name: 'envFileRun',
      source: 'instruction',
      literals: ['conda env ', '-f ', '--file'],
      pattern: '\\bconda env (?:create|update)\\b|\\b(?:conda|mamba|micromamba) (?:create|install|update)\\b[^;&|]{0,300}\\s(?:-f|--file)[ =]\\S{0,200}\\.ya?ml\\b',
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'conda found no package matching {enrich.allSpecs|the listed specs} in the channels it searched (not a conflict: ' +
    'no build of that name and version exists there for this platform).',
  fix: [
    'Run `conda search` with each spec conda listed above the error (add `--platform linux-aarch64` to check another',
    'platform than the one built). A name with no entry is not a conda name or lives in another channel (bioconda,',
    'conda-forge: add it with `-c`); a version with no entry needs one of the listed versions instead.',
  ].join('\n'),
  variants: variants(),
  enrich: 'conda-missing-specs',
  docs: 'https://docs.conda.io/projects/conda/en/latest/commands/search.html',
};

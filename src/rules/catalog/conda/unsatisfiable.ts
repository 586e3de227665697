// The conda solver found packages for every spec but no set of them that fits together, or a
// package's dependency that no channel provides. Wordings (fixtures/real-world/uv-conda/):
// - libmamba (micromamba, mamba, conda ≥ 23.10 with the libmamba solver): `Encountered problems while
//   solving:` / `  - nothing provides requested quarto` / `  - nothing provides libmamba 0.23.1 h1566912_0
//   needed by libmambapy-0.23.1-py310hd09550d_0` / `critical libmamba UnsatisfiableError` (micromamba,
//   geocompx/docker#29) or ` LibMambaUnsatisfiableError: Encountered problems while solving:`
//   (conda-libmamba-solver, clinical-ai/omop-etl#1); libsolv's `package X-1.0-build requires Y >=2, but
//   none of the providers can be installed` and `package X-1.0-build is excluded by strict repo priority`;
// - libmamba's tree under `Could not solve for environment specs` (libmamba/src/solver/problems_graph.cpp):
//   `The following packages are incompatible` / `The following package could not be installed`, then one
//   line per requested spec at depth 1: `└─ numba ==0.51.2 * is installable and it requires`,
//   `├─ python 3.7**  is requested and can be installed`, `… is not installable because …` (mamba 2;
//   `is uninstallable because …` before it), `… does not exist (perhaps a typo or a missing channel)`;
// - the classic solver: `UnsatisfiableError: The following specifications were found to be incompatible
//   with each other:` (or `… to be in conflict:`), then `  - numba=0.53 -> tbb[version='…']` chains.
// `nothing provides requested X` is a missing package (like conda/packages-not-found); `nothing provides
// X needed by Y` is a candidate whose own dependency is in no listed channel; `requires python …, but
// none of the providers can be installed` is a Python pin. Commands: conda search (docs.conda.io
// …/commands/search.html: `-c`, `--platform`), micromamba search (public scripts, code corpus),
// `conda config --set channel_priority strict|flexible` (conda/base/constants.py ChannelPriority) and "it
// is not recommended to mix channels in a single environment" (docs.conda.io
// …/user-guide/tasks/manage-channels.html); `--no-channel-priority` on mamba 2 / micromamba
// (micromamba/src/common_options.cpp) and conda (conda/cli/helpers.py). The spec file and the
// `--dry-run` check come from the `conda-solve` enricher (src/knowledge/conda-solve.ts).
//
// The `__cuda` virtual package is the highest CUDA version the NVIDIA driver supports, listed by `conda info`
// and set by hand with `CONDA_OVERRIDE_CUDA` (docs.conda.io …/user-guide/tasks/manage-virtual.html, "Managing
// virtual packages"; also honoured by mamba/rattler). CUDA builds constrain it: `package cudatoolkit-11.0.3-h15472ef_6
// has constraint __cuda >=11.0 conflicting with __cuda-10.2-0` (mamba-org/mamba#969) is a driver older than the
// toolkit; `nothing provides __cuda … needed by …` is a solve where no driver was found, the rule in a `docker build`
// (no GPU there). The first driver of each CUDA release is NVIDIA's (cuda-release-drivers.ts, via the enricher).
// A python conflict of `conda` itself (`package conda-23.11.0-py311h06a4308_0 requires python >=3.11,<3.12.0a0`,
// nicklashansen/tdmpc2#13, a `conda env update -n base -f environment.yaml`) means the specs are solved into the
// base environment, whose conda is pinned to its own Python: `conda env create -n NAME -f FILE` keeps them apart
// (docs.conda.io …/user-guide/tasks/manage-environments.html). The channels to search are the ones the log lists
// under `Channels:` (conda ≥ 23.10 prints them before solving), not a fixed one.
//
// A requested spec libmamba finds no package for is a leaf of its tree at depth 1: `<spec> does not exist (perhaps a
// typo or a missing channel)` (TreeExplainer::write_leaf in libmamba/src/solver/problems_graph.cpp; deeper leaves say
// `, which does not exist (perhaps a missing channel)`); the spec is printed as name, version, build (`libglib 2.78.4
// h4648e47_1`, ai-dock/comfyui#56; `numexpr =* *` for a bare name, mamba-org/mamba#4025). A build string that matches
// nothing is a pin on a build the channel no longer serves: conda-forge marks broken builds with its `broken` label,
// which takes them out of the channel's repodata (conda-forge.org/docs/how-to/emergencies/remove-broken-packages).
// Exports without builds: `micromamba env export --no-build` (micromamba/src/env.cpp, "Disable the build string in
// spec"), `conda env export --no-builds` (docs.conda.io …/commands/env/export.html).
//
// libmamba 2.0.0–2.0.5 read a build glob that holds a character other than letters, digits, `-`, `_` and `*` (the `.` of
// `py3.10_cuda11.8*`) as a regular expression, so `*` repeats the character before it instead of matching anything, and
// print it anchored: `└─ pytorch =2.3.1 ^py3.10_cuda11.8*$ does not exist` (mamba-org/mamba#3699; the package exists and
// mamba 1 solves the same spec). Fixed in 2.0.6 ("Support globs in `MatchSpec` build strings", mamba-org/mamba#3735, whose
// test names #3699; CHANGELOG 2025.01.28, release 2.0.6.rc1). A build pattern that starts with `*` is no valid regex, so
// 2.0.0–2.0.5 fall back to the glob (ChimeraStringSpec::parse before #3735; the workaround a conda maintainer gave in
// conda/conda#14451: `pytorch=2.3.1=*cuda11.8*`). conda's libmamba solver runs on the same library (libmambapy).
//
// `critical libmamba Could not solve for environment specs` is the last line of micromamba and of mamba 2 (both C++ front
// ends of libmamba; mamba 1 and conda's libmamba solver raise Python exceptions instead): such a log comes from an image
// or a shell with micromamba or mamba, often with no `conda` at all, so the search it gets is `micromamba search`, with
// `mamba search` beside it (both search the channels like `conda search`; public Dockerfiles and scripts, code corpus).
// A version in capitals (`perl STUB*` for the spec `conda-forge::perl=STUB`, seqeralabs/wave#586) is a placeholder
// left where a version goes; the maintainer's and the reporter's fix was the spec without a version.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

type Tool = 'conda' | 'micromamba' | 'libmamba-cli';

function searchBlock(tool: Tool, what: string): string[] {
  if (tool === 'libmamba-cli') {
    return ['```sh', `micromamba search -c conda-forge '${what}'`, `# with mamba: mamba search -c conda-forge '${what}'`, '```'];
  }
  const cmd = tool === 'micromamba' ? `micromamba search -c conda-forge '${what}'` : `conda search -c conda-forge '${what}'`;
  return ['```sh', cmd, '```'];
}

/** The installer the log shows: micromamba by name, micromamba or mamba 2 by libmamba's `critical` line, else conda. */
const MISSING_TOOLS: readonly (readonly [string, Tool])[] = [
  ['micromamba&', 'micromamba'],
  ['fact.installer=micromamba&', 'micromamba'],
  ['libmambaCli&', 'libmamba-cli'],
  ['', 'conda'],
];

/** The `__cuda` virtual package: a driver older than the CUDA build (shell) or no driver at all (image build). */
function virtualCudaVariants(): Variant[] {
  const override = (cmd: string) => ['```sh', `CONDA_OVERRIDE_CUDA={enrich.cudaWanted} ${cmd}`, '```'];
  const oldDriver =
    'The conda solver refused `{context.virtualCuda.package}`: it requires a driver that supports CUDA {enrich.cudaWanted} ' +
    '(`__cuda {context.virtualCuda.wanted}`), and the NVIDIA driver of this machine supports CUDA {context.virtualCuda.host} only ' +
    '(`__cuda` is the virtual package conda fills in from the installed driver; `conda info` lists it).';
  const upgrade =
    'Upgrade the NVIDIA driver to one for CUDA {enrich.cudaWanted} or newer (on Linux {enrich.driver} or later, NVIDIA\'s CUDA ' +
    'release notes), then solve again; or ask for a CUDA build this driver supports (`cudatoolkit={context.virtualCuda.host}`).';
  const noDriver =
    'The conda solver found no `__cuda` virtual package, which conda fills in from the NVIDIA driver, and `{context.noCuda.by}` ' +
    'requires one for CUDA {enrich.cudaWanted} (`__cuda {context.noCuda.wanted}`).';
  const noDriverAny =
    'The conda solver found no `__cuda` virtual package, which conda fills in from the NVIDIA driver, and `{context.noCuda.by}` ' +
    'is a CUDA build that requires one.';
  return [
    {
      when: 'virtualCuda&enrich.driver&cudaSolve',
      message: oldDriver,
      fix: [upgrade, '', 'Only when the environment is for another machine (one with a newer driver), tell conda which CUDA to assume:', '', ...override('{context.cudaSolve.cmd}')].join('\n'),
    },
    {
      when: 'virtualCuda&enrich.driver',
      message: oldDriver,
      fix: [upgrade, '', 'Only when the environment is for another machine (one with a newer driver), set `CONDA_OVERRIDE_CUDA={enrich.cudaWanted}` in the environment of the same command.'].join('\n'),
    },
    {
      when: 'noCuda&enrich.driver&fact.place=image-build',
      message: `${noDriver} A \`docker build\` runs without a GPU, so no driver is seen there.`,
      fix: [
        'Tell conda which CUDA the image is for, above the RUN line that solves:',
        '',
        '```dockerfile',
        'ENV CONDA_OVERRIDE_CUDA={enrich.cudaWanted}',
        '```',
        '',
        'The machines that run the image need a driver for CUDA {enrich.cudaWanted} or newer (on Linux {enrich.driver} or later).',
      ].join('\n'),
    },
    {
      when: 'noCuda&fact.cuda&fact.place=image-build',
      message: `${noDriverAny} A \`docker build\` runs without a GPU, so no driver is seen there.`,
      fix: [
        'Tell conda which CUDA the image is for (CUDA {fact.cuda} in this build), above the RUN line that solves:',
        '',
        '```dockerfile',
        'ENV CONDA_OVERRIDE_CUDA={fact.cuda}',
        '```',
        '',
        'The machines that run the image need a driver for that CUDA or newer.',
      ].join('\n'),
    },
    {
      when: 'noCuda&fact.place=image-build',
      message: `${noDriverAny} A \`docker build\` runs without a GPU, so no driver is seen there.`,
      fix: [
        'Tell conda which CUDA the image is for, above the RUN line that solves, e.g. for CUDA 12.4:',
        '',
        '```dockerfile',
        'ENV CONDA_OVERRIDE_CUDA=12.4',
        '```',
        '',
        'Use the CUDA the package was built for: its build string names it (`cuda112` is 11.2). The machines that run the image',
        'need a driver for that CUDA or newer (`nvidia-smi` there prints the CUDA version it supports).',
      ].join('\n'),
    },
    {
      when: 'noCuda&enrich.driver',
      message: noDriver,
      fix: [
        '`nvidia-smi` shows whether this machine has a working NVIDIA driver, and the CUDA version it supports; `conda info` lists the',
        '`__cuda` conda detects. Install a driver for CUDA {enrich.cudaWanted} or newer (on Linux {enrich.driver} or later), or, when',
        'the environment is for another machine, set `CONDA_OVERRIDE_CUDA={enrich.cudaWanted}` for the command that solves.',
      ].join('\n'),
    },
    {
      when: 'noCuda',
      message: noDriverAny,
      fix: [
        '`nvidia-smi` shows whether this machine has a working NVIDIA driver, and the CUDA version it supports; `conda info` lists the',
        '`__cuda` conda detects. Install or repair the driver, or, when the environment is for another machine, set',
        '`CONDA_OVERRIDE_CUDA` to the CUDA version of that machine for the command that solves (`CONDA_OVERRIDE_CUDA=12.4 conda …`;',
        'the package\'s build string names the CUDA it was built for, `cuda112` is 11.2).',
      ].join('\n'),
    },
  ];
}

/** conda's own `conda` package in the conflict: the specs are being solved into the base environment. */
function baseVariants(): Variant[] {
  const message =
    'The environment is being solved into conda\'s base environment: base holds `{context.baseConda.package}` ' +
    '{context.baseConda.version}, built for one Python (`python {context.baseConda.python}`), and the specs ask for another. conda cannot ' +
    'replace the Python it runs on.';
  const why = 'Give the project an environment of its own instead of solving its specs into base (what `conda env update -n base` or an install without `-n` in a conda image does):';
  const after =
    'then run it with `conda run -n project …`. Or start from a Miniconda / Miniforge installer whose Python is the one the ' +
    'environment file asks for, instead of the latest installer.';
  return [
    {
      when: 'baseConda&enrich.file&fact.place=image-build',
      message,
      fix: [why, '', '```dockerfile', 'RUN conda env create -n project -f {enrich.file}', '```', '', after].join('\n'),
    },
    {
      when: 'baseConda&enrich.file',
      message,
      fix: [why, '', '```sh', 'conda env create -n project -f {enrich.file}', '```', '', after].join('\n'),
    },
    {
      when: 'baseConda',
      message,
      fix: [
        why,
        '',
        '```sh',
        'conda env create -n project -f environment.yml',
        '```',
        '',
        '(the environment file the failing command reads; in a Dockerfile, `RUN conda env create …`), ' + after,
      ].join('\n'),
    },
  ];
}

/**
 * libmamba's `└─ SPEC does not exist (perhaps a typo or a missing channel)`: a requested spec that matches no package in
 * the channels. With a build string (`libglib 2.78.4 h4648e47_1`) it is a pin on one build that the channel no longer
 * serves, the way exported or locked environments break.
 */
function missingVariants(): Variant[] {
  const out: Variant[] = [];
  for (const [pre, tool] of MISSING_TOOLS) {
    const exportCmd = tool === 'conda' ? '`conda env export --no-builds`' : '`micromamba env export --no-build`';
    out.push({
      when: `${pre}missingBuild`,
      title: 'Pinned conda build not in the channel',
      message:
        'The conda solver cannot install `{context.missingBuild.spec:all}`: the spec pins one exact build (its last part, ' +
        '`{context.missingBuild.build}`, is a build string), and no channel the solve used has that build ("does not exist"). ' +
        'No packages conflict here: channels replace builds, and conda-forge takes broken ones off its main label, so a ' +
        'build pin that once solved stops solving.',
      fix: [
        'Drop the build string from the spec where it is written',
        '({enrich.file|the environment file, lock or install command the failing step runs}):',
        '`{context.missingBuild.name}={context.missingBuild.version}` instead of the exact build, or',
        '`{context.missingBuild.name}={context.missingBuild.series}` for any release of that series. List what the channel has',
        '(with the channels of the environment when they are not conda-forge):',
        '',
        ...searchBlock(tool, '{context.missingBuild.name}={context.missingBuild.series}'),
        '',
        `Pin a version listed there, without its build. When the specs come from an exported environment, export it again`,
        `without build strings (${exportCmd}).`,
      ].join('\n'),
    });
    out.push({
      when: `${pre}placeholder`,
      title: 'conda spec has a placeholder for its version',
      message:
        'The conda solver found no package for `{context.placeholder.spec}`: `{context.placeholder.version}` is no release of ' +
        '`{context.placeholder.name}` but a placeholder left where a version goes, so nothing in the channels can match it ' +
        '("does not exist").',
      fix: [
        'Drop the version from the spec where it is written, so the solver takes the newest build:',
        '`{context.placeholder.name}` instead of `{context.placeholder.name}={context.placeholder.version}` (keep a channel',
        'prefix such as `conda-forge::` when the spec has one). To pin a version instead, take one the channel lists:',
        '',
        ...searchBlock(tool, '{context.placeholder.name}'),
      ].join('\n'),
    });
    out.push({
      when: `${pre}missing`,
      title: 'conda package not in the channels',
      message:
        'The conda solver found no package for `{context.missing.spec:all}` in the channels it used ("does not exist (perhaps a ' +
        'typo or a missing channel)"): a requested spec matches nothing there; no packages conflict.',
      fix: [
        'Ask a channel which versions exist (the platform is the one of the build; add `--platform linux-aarch64` to check ARM64):',
        '',
        ...searchBlock(tool, '{context.missing.name}'),
        '',
        'Listed, but not the version asked for: pin a listed one. Listed only in another channel: add it (`-c conda-forge`,',
        'or under `channels:` in the environment file). Not listed: the name is wrong for conda or the package is',
        'published elsewhere (a pip-only package goes in a `pip:` section of the environment file).',
      ].join('\n'),
    });
  }
  return out;
}

/** libmamba 2.0.0–2.0.5 reading a build glob as a regex: the spec printed as `^…*$`. */
const buildGlobVariant: Variant = {
  when: 'buildGlob',
  title: 'libmamba 2.0.0–2.0.5 misreads the build glob',
  message:
    'The package may well exist: `{context.buildGlob.spec}` shows the build glob `{context.buildGlob.glob}` anchored as a ' +
    'regular expression (`^…$`), the way libmamba 2.0.0 to 2.0.5 (mamba 2, micromamba 2, conda\'s libmamba solver) read a ' +
    'build pattern with a `.` in it; there `*` repeats the character before it instead of matching anything, so no ' +
    'build matches. The bug is fixed in 2.0.6.',
  fix: [
    'Check the release doing the solve (`micromamba --version`, `mamba --version`, or for conda `conda list -n base libmambapy`);',
    '2.0.0 to 2.0.5: upgrade to 2.0.6 or later (a newer micromamba binary or image; `conda install -n base -c conda-forge',
    '"mamba>=2.0.6"` for mamba in a conda base). Or start the build pattern with `*`, which these releases read as a glob:',
    '`"{context.buildGlob.name}={context.buildGlob.version}=*{context.buildGlob.glob}"` in the install command (without the',
    'quotes in an environment file). The same error on 2.0.6 or later: the build really is not in the',
    'channels; list the builds with `micromamba search -c conda-forge \'{context.buildGlob.name}={context.buildGlob.version}\'`',
    '(`conda search` or `mamba search` alike), with the channels of the command.',
  ].join('\n'),
};

function variants(): Variant[] {
  const out: Variant[] = [buildGlobVariant, ...virtualCudaVariants(), ...baseVariants(), ...missingVariants()];
  // `nothing provides requested mamba 0.25.1**` (jupyterhub/repo2docker#1171, `micromamba install conda=4.13.0 mamba=0.25.1`):
  // the spec has a version, so the name may well be in the channels and only that version is not (not built for this
  // platform, or not uploaded yet). The line prints the spec as libsolv holds it, name then version (libmamba's
  // MatchSpec::conda_build_form: `name version [build]`), here with glob stars after the version (`0.25.1**`).
  for (const pre of ['micromamba&', 'fact.installer=micromamba&', '']) {
    const tool = pre === '' ? 'conda' : 'micromamba';
    out.push({
      when: `${pre}requestedVersion`,
      title: 'conda package version not in the channels',
      message:
        'The conda solver found no build of `{context.requestedVersion.name}` {context.requestedVersion.version} in the channels it ' +
        'used for this platform ("nothing provides requested"). ' +
        'The spec pins a version: `{context.requestedVersion.name}` itself may well be there, in other versions; no packages conflict.',
      fix: [
        'List the versions the channel has for this platform (with the channels of the command when they are not conda-forge;',
        'add `--platform linux-aarch64` to check ARM64):',
        '',
        ...searchBlock(tool, '{context.requestedVersion.name}'),
        '',
        'Without {context.requestedVersion.version}: that version is not published there for this platform (a release',
        'that came out just now may not be uploaded yet). Pin a version listed there, or wait until it is published and build',
        'again. Not listed at all: the name is wrong for conda, or the package is in another channel (add it with `-c`).',
      ].join('\n'),
    });
  }
  for (const pre of ['micromamba&', 'fact.installer=micromamba&', '']) {
    const tool = pre === '' ? 'conda' : 'micromamba';
    out.push({
      when: `${pre}requested`,
      message:
        'The conda solver found no package `{context.requested.package}` at all in the channels it used ("nothing provides ' +
        'requested"): the environment cannot be solved because one requested package does not exist there for this platform.',
      fix: [
        'Ask a channel for it (the platform is the one of the build; add `--platform linux-aarch64` to check ARM64):',
        '',
        ...searchBlock(tool, '{context.requested.package}'),
        '',
        'Listed there: add that channel (`-c conda-forge`, or under `channels:` in the environment file). Not listed: the',
        'name is wrong for conda or the package is published elsewhere (a pip-only package goes in a `pip:` section;',
        'a tool such as quarto may ship its own installer).',
      ].join('\n'),
    });
  }
  out.push({
    when: 'neededBy',
    message:
      'The conda solver has no way to satisfy the environment: `{context.neededBy.by}` needs `{context.neededBy.dep}`, and no ' +
      'channel it used provides that ("nothing provides … needed by"). The candidate comes from a channel whose dependencies ' +
      'live in a channel not listed, or a pinned old build whose dependency build is no longer published.',
    fix: [
      'Relax the pin that pulls in `{context.neededBy.by}` (let the solver pick a version whose dependencies exist), and take',
      'related packages from one channel: list it first and make priority strict, e.g.',
      '',
      '```sh',
      "conda config --set channel_priority strict",
      '```',
      '',
      '(conda\'s docs advise against mixing channels in one environment). When this is conda updating itself in the base',
      'environment (conda, libmamba, libmambapy in the list), start from a newer base image (miniconda / miniforge) instead of',
      'updating conda in place.',
    ].join('\n'),
  });
  for (const pre of ['micromamba&', 'fact.installer=micromamba&', '']) {
    const tool = pre === '' ? 'conda' : 'micromamba';
    out.push({
      when: `${pre}strictExcluded`,
      message:
        'The conda solver left out {context.strictExcluded.package:all} because of strict channel priority ("excluded by strict repo ' +
        'priority"): a channel listed earlier has packages of the same name, so only those were considered, and with them ' +
        'the environment cannot be solved.',
      fix: [
        'The versions these specs need are only in a lower-priority channel. Either list that channel first (the order of',
        '`channels:` in the environment file, or of the `-c` options), or let the solver take packages from every listed channel:',
        '',
        '```sh',
        tool === 'micromamba' ? 'micromamba config set channel_priority disabled' : 'conda config --set channel_priority flexible',
        '```',
        '',
        '(or `--no-channel-priority` on the command that solves; in an image build, on the RUN line that solves).',
      ].join('\n'),
    });
  }
  const search = () => [
    {
      cond: '&channel',
      text:
        `\`conda search -c <channel> '{context.python.package}'\` for each channel the solve used ({context.channel.name:all}) shows each build with its Python (\`py310\`, \`py311\`).`,
    },
    {
      cond: '',
      text: `\`conda search '{context.python.package}'\` (add \`-c <channel>\` for each channel of the environment) shows each build with its Python (\`py310\`, \`py311\`).`,
    },
  ];
  for (const s of search()) out.push({
    when: `python&fact.python${s.cond}`,
    message:
      'The conda solver found no combination that fits: a package requires a Python other than the environment\'s ' +
      '(Python {fact.python} in this build; `{context.python}`).',
    fix: [
      'Either pin a Python that every package has builds for, or versions of the packages built for Python {fact.python}:',
      s.text,
    ].join('\n'),
  });
  for (const s of search()) out.push({
    when: `python${s.cond}`,
    message:
      'The conda solver found no combination that fits: a package requires a Python other than the one the environment pins ' +
      '(`{context.python}`).',
    fix: [
      'Pin a Python that every package has builds for, or versions of the packages built for this Python:',
      s.text,
    ].join('\n'),
  });
  // The failing step pins the package the classic solver's chains end in (conda-step-pin enricher): that pin is the
  // conflict; the chains start at what the environment already holds (the `anaconda` metapackage of an Anaconda image's
  // base environment pins each of its packages). Dropping the version keeps the install; `conda list NAME` prints the
  // version installed; an environment of its own (`conda create -n`, docs.conda.io …/manage-environments.html) leaves
  // base's packages out of the solve.
  const stepPinMessage =
    'The conda solver cannot install `{enrich.stepPin}`, pinned in this step: the packages already in the environment need ' +
    '`{context.chainEnd.dep}` too (the `UnsatisfiableError` chains from `{context.chain.name:all}` end in it), and no build of it ' +
    'fits both them and the pin. The conflict is the step\'s pin, not those packages.';
  const stepPinAlt =
    'If the project needs that exact release, install it into an environment of its own instead of the one that holds those ' +
    'packages: `conda create -y -n app {enrich.stepPin}` with the rest of the specs, then run the project with `conda run -n app`.';
  out.push({
    when: 'chain&enrich.stepPin&fact.place=image-build',
    title: 'conda install pin conflicts with the environment',
    message: stepPinMessage,
    fix: [
      'Drop the version from the pin (or loosen it to a range that takes the version the environment has: `conda list ' +
        '{context.chainEnd.dep}` in the image prints it), so the solver keeps the one the installed packages need:',
      '',
      '```dockerfile',
      'RUN {enrich.stepUnpinned}',
      '```',
      '',
      stepPinAlt,
    ].join('\n'),
  });
  out.push({
    when: 'chain&enrich.stepPin',
    title: 'conda install pin conflicts with the environment',
    message: stepPinMessage,
    fix: [
      'Drop the version from the pin (or loosen it to a range that takes the version the environment has: `conda list ' +
        '{context.chainEnd.dep}` prints it), so the solver keeps the one the installed packages need:',
      '',
      '```sh',
      '{enrich.stepUnpinned}',
      '```',
      '',
      stepPinAlt,
    ].join('\n'),
  });
  for (const check of ['&enrich.dryRun', '']) {
    // A shell can try the changed spec at once; an image build solves again when it is rebuilt.
    const after =
      check === ''
        ? ['', 'Then build again: the solve prints the versions it picked, or the next conflict.']
        : ['', 'Check the solve without installing anything:', '', '```sh', '{enrich.dryRun}', '```', '', 'The plan it prints names the versions the solver picked.'];
    const where = 'in the environment\'s specs ({enrich.file|the install command or its environment file})';
    out.push({
      when: `top&requires${check}`,
      message:
        'The conda solver cannot install `{context.top.spec:all}` with the rest of the environment: the build it found, ' +
        '`{context.requires.package}-{context.requires.version}`, requires `{context.requires.dep}`, and no installable version of that ' +
        'fits every requirement on it.',
      fix: [
        `Loosen the pin on \`{context.top.name:all}\` ${where}: a range (\`>=\`) or no version instead of an exact one, so`,
        'the solver can choose a build whose requirements fit the rest of the environment.',
        ...after,
      ].join('\n'),
    });
    out.push({
      when: `top${check}`,
      message:
        'The conda solver cannot install `{context.top.spec:all}` together with the rest of the environment: the tree under ' +
        '`Could not solve for environment specs` shows each requested spec and what it conflicts with.',
      fix: [
        `Loosen the pins on \`{context.top.name:all}\` ${where}, one at a time: a range (\`>=\`) or no version instead of an`,
        'exact one, until the solver finds versions whose requirements overlap.',
        ...after,
      ].join('\n'),
    });
    out.push({
      when: `requires${check}`,
      message:
        'The conda solver found no set of packages that fits: `{context.requires.package}-{context.requires.version}` requires ' +
        '`{context.requires.dep}`, and none of the builds that provide it can be installed with the rest of the environment.',
      fix: [
        `Loosen the pin on \`{context.requires.package}\` ${where}, or on the package that pulls it in: a range or no version,`,
        'so the solver can choose a build whose requirements fit.',
        ...after,
      ].join('\n'),
    });
    out.push({
      when: `chain${check}`,
      message:
        'The conda solver found the specs `{context.chain.name:all}` incompatible: each `a -> b[version=…]` line under ' +
        '`UnsatisfiableError` is a requirement chain, and chains that end in the same package ask for versions that do not overlap.',
      fix: [
        `Find the package the chains end in (the name before \`[version=…]\`) and loosen the pins ${where} of the specs`,
        'that lead to it, one at a time, until their version ranges overlap.',
        ...after,
      ].join('\n'),
    });
  }
  return out;
}

export const unsatisfiable: RuleInput = {
  id: 'conda/unsatisfiable',
  title: 'conda environment cannot be solved',
  severity: 'error',
  match: [
    // `critical libmamba UnsatisfiableError`, ` LibMambaUnsatisfiableError: Encountered problems while solving:`,
    // `UnsatisfiableError: The following specifications were found to be incompatible with each other:`
    { literals: ['UnsatisfiableError'] },
    // libmamba's explanation lines: `  - nothing provides requested quarto`, `  - nothing provides X needed by Y`
    { literals: ['nothing provides '], pattern: '^\\s{0,12}- nothing provides ' },
    // libmamba's summary above its tree (mamba, micromamba, conda's libmamba solver)
    { literals: ['Could not solve for environment specs'] },
    // the spec in libmamba's tree that matches no package: `    └─ libglib 2.78.4 h4648e47_1 does not exist (perhaps a typo or a missing channel).`
    { literals: ['does not exist (perhaps a typo or a missing channel)'], pattern: '[├└]─ [^\\n]{1,300} does not exist \\(perhaps a typo' },
    // a CUDA build and the driver's `__cuda`: `  - package cudatoolkit-11.0.3-h15472ef_6 has constraint __cuda >=11.0 conflicting with __cuda-10.2-0`
    { literals: ['conflicting with __cuda'], pattern: 'has constraint __cuda [^\\n]{1,60} conflicting with __cuda-' },
  ],
  context: [
    {
      name: 'virtualCuda',
      literals: ['conflicting with __cuda'],
      pattern:
        'package (?<package>[A-Za-z0-9_][A-Za-z0-9_.-]{0,100}?)-\\d[^\\s]{0,100} has constraint __cuda (?<wanted>[^\\n]{1,60}?) conflicting with __cuda-(?<host>\\d{1,2}\\.\\d{1,2})',
    },
    // `  - nothing provides __cuda >=11.8 needed by pytorch-cuda-11.8-h7e8668a_5`
    // (often without a version: `  - nothing provides __cuda needed by tensorflow-2.9.0-cuda102py310h7cc18f4_0`)
    { name: 'noCuda', literals: ['nothing provides __cuda'], pattern: 'nothing provides __cuda(?: (?<wanted>[<>=!~][^\\s]{0,40}))? needed by (?<by>[^\\s]{1,200})' },
    // the command that solved, any form: `mamba create -n blahhh -c pytorch -c conda-forge cudatoolkit=11.0 pytorch`
    { name: 'cudaSolve', literals: ['conda ', 'mamba '], pattern: '(?<cmd>\\b(?:micromamba|mamba|conda)(?:\\s+env)?\\s+(?:create|install|update)\\b[^`\\n]{0,300})' },
    // conda itself in the python conflict: `package conda-23.11.0-py311h06a4308_0 requires python >=3.11,<3.12.0a0, but …`
    {
      name: 'baseConda',
      literals: ['requires python '],
      pattern: 'package (?<package>conda|mamba|conda-libmamba-solver|libmambapy)-(?<version>\\d[^\\s-]{0,40})-[^\\s]{1,100} requires python (?<python>[^\\s,]{1,40}(?:,[^\\s,]{1,40})?)',
    },
    // the channels conda ≥ 23.10 lists before solving: `Channels:` then ` - conda-forge`
    { name: 'channel', literals: [' - '], pattern: '^ - (?<name>[A-Za-z0-9][\\w.:/-]{0,150})\\s*$', tally: true },
    // a requested spec with a version: `  - nothing provides requested mamba 0.25.1**` (repo2docker#1171; glob stars after
    // the version), also read with `==`/`=` before it; a range (`>=1.2`) or a bare name (`quarto`) is not this context
    {
      name: 'requestedVersion',
      literals: ['nothing provides requested '],
      pattern: 'nothing provides requested (?<name>[A-Za-z0-9_][A-Za-z0-9_.-]{0,120}) ={0,2}(?<version>\\d(?:[^\\s*,|<>=]{0,60}[^\\s*,|<>=.])?)(?:\\.?\\*{1,4})?(?:\\s|$)',
    },
    { name: 'requested', literals: ['nothing provides requested '], pattern: 'nothing provides requested (?<package>[A-Za-z0-9_][A-Za-z0-9_.:=<>*-]{0,120})' },
    {
      name: 'neededBy',
      literals: [' needed by '],
      pattern: 'nothing provides (?<dep>[^\\n]{1,200}?) needed by (?<by>[A-Za-z0-9_][A-Za-z0-9_.=+-]{0,200})',
    },
    {
      // `package foo-1.0-py36_0 requires python >=3.6,<3.7.0a0, but none of the providers can be installed`
      name: 'python',
      literals: ['requires python '],
      pattern: 'package (?<package>[A-Za-z0-9_][A-Za-z0-9_.-]{0,100}?)-\\d[^\\s]{0,100} requires python [^,\\n]{1,60}',
    },
    {
      // libmamba's tree, a requested spec with no package at all (libmamba/src/solver/problems_graph.cpp, depth 1):
      // `    └─ libglib 2.78.4 h4648e47_1 does not exist (perhaps a typo or a missing channel).` (ai-dock/comfyui#56),
      // `├─ pysimplegui ==5.0.4 pyhd8ed1ab_0 does not exist (perhaps a typo or a missing channel);`; the version may carry
      // `==`, a bare name prints `=* *`. `missingBuild` is the spec that pins a build string (not `*`).
      name: 'missingBuild',
      literals: ['does not exist (perhaps a typo or a missing channel)'],
      pattern:
        '^(?: {4})?[├└]─ (?<spec>(?<name>[A-Za-z0-9_][A-Za-z0-9_.-]{0,100}) ={0,2}(?<version>(?<series>\\d{1,6}\\.\\d{1,6})[^\\s*]{0,60}) (?<build>[A-Za-z0-9_][^\\s*]{0,100}))\\s{1,3}does not exist \\(perhaps a typo or a missing channel\\)',
      tally: true,
    },
    {
      // any such spec: `└─ numexpr =* * does not exist …`, `└─ r-hicseg   does not exist …` (nested dependencies say
      // `, which does not exist (perhaps a missing channel)` and are not requested specs)
      name: 'missing',
      literals: ['does not exist (perhaps a typo or a missing channel)'],
      pattern:
        '^(?: {4})?[├└]─ (?<spec>(?<name>[A-Za-z0-9_][A-Za-z0-9_.-]{0,100})(?: [^\\n]{0,160}?)?)\\s{1,3}does not exist \\(perhaps a typo or a missing channel\\)',
      tally: true,
    },
    {
      // libmamba's tree, one line per requested spec: `└─ numba ==0.51.2 * is installable and it requires`,
      // `├─ numba 0.51.2  is uninstallable because it conflicts with any installable versions previously reported;`
      name: 'top',
      literals: ['└─ ', '├─ '],
      pattern:
        // mamba 2 prints the tree flush left; micromamba and mamba 1 indent it by four under `error    libmamba …`
        '^(?: {4})?[├└]─ (?<spec>(?<name>[A-Za-z0-9_][A-Za-z0-9_.-]{0,100})(?: (?<version>[^\\s]{1,80}))?)(?: [^\\s]{1,40})?\\s{1,3}is (?:installable|not installable|uninstallable|requested)\\b',
      tally: true,
    },
    {
      // `package numba-0.51.2-np1.11py3.6h04863e7_g9d5709615_0 requires tbb >=2020.2, but none of the providers can be installed`
      name: 'requires',
      literals: [', but none of the providers can be installed'],
      pattern:
        'package (?<package>[A-Za-z0-9_][A-Za-z0-9_.-]{0,100}?)-(?<version>\\d[^\\s-]{0,60})-[^\\s]{1,100} requires (?<dep>[^,\\n]{1,120}), but none of the providers can be installed',
    },
    {
      // `  - package tbb-2020.3-hfd86e86_0 is excluded by strict repo priority`
      name: 'strictExcluded',
      literals: [' is excluded by strict repo priority'],
      pattern: 'package (?<package>[A-Za-z0-9_][A-Za-z0-9_.-]{0,100}?)-\\d[^\\s]{0,100} is excluded by strict repo priority',
      tally: true,
    },
    {
      // the classic solver's chains: `  - numba=0.53 -> tbb[version='>=2019.5,<=2020.3']`
      name: 'chain',
      literals: [' -> '],
      pattern: '^\\s{0,12}- (?<name>[A-Za-z0-9_][A-Za-z0-9_.-]{0,100})(?:[=<>!][^\\s]{0,60})? -> ',
      tally: true,
    },
    // where the first chain ends: `  - anaconda==2019.03=py37_0 -> anaconda-client==1.7.2=py37_0 -> pyyaml`
    { name: 'chainEnd', literals: [' -> '], pattern: '^\\s{0,12}- [A-Za-z0-9_][^\\n]{0,400} -> (?<dep>[A-Za-z0-9_][A-Za-z0-9_.-]{0,100})(?:\\[[^\\]\\n]{0,200}\\])?\\s*$' },
    {
      // the command that solved, as a shell line shows it: `$ conda env create -f environment_minimal.yml`
      name: 'solveCommand',
      literals: ['conda ', 'mamba '],
      pattern: '\\b(?:micromamba|mamba|conda)(?:\\s+env)?\\s+(?:create|install|update)\\b[^\\n]{0,300}?\\s(?:-f|--file)[\\s=]',
    },
    { name: 'micromamba', literals: ['micromamba'] },
    // micromamba's and mamba 2's last line (libmamba's C++ front ends); conda prints Python exceptions instead
    { name: 'libmambaCli', literals: ['critical libmamba'], pattern: '^critical\\s+libmamba\\b' },
    {
      // libmamba 2.0.0–2.0.5's regex form of a build glob: `    └─ pytorch =2.3.1 ^py3.10_cuda11.8*$ does not exist (perhaps a
      // typo or a missing channel).` (mamba-org/mamba#3699): anchors and a `*` that follows no `.` (`.*` is a working regex)
      name: 'buildGlob',
      literals: ['does not exist (perhaps a typo or a missing channel)'],
      pattern:
        '^(?: {4})?[├└]─ (?<spec>(?<name>[A-Za-z0-9_][A-Za-z0-9_.-]{0,100}) ={0,2}(?<version>[^\\s^]{1,60}) \\^(?<glob>[^\\s$]{0,100}?[^\\s.$\\\\]\\*[^\\s$]{0,100})\\$)\\s{1,3}does not exist \\(perhaps a typo',
    },
    {
      // `└─ perl STUB*  does not exist (perhaps a typo or a missing channel).`: a version in capitals, a placeholder
      name: 'placeholder',
      literals: ['does not exist (perhaps a typo or a missing channel)'],
      pattern:
        '^(?: {4})?[├└]─ (?<spec>(?<name>[A-Za-z0-9_][A-Za-z0-9_.-]{0,100}) ={0,2}(?<version>[A-Z][A-Z_]{1,40})\\*?)\\s{1,3}does not exist \\(perhaps a typo or a missing channel\\)',
    },
  ],
  enrich: ['conda-solve', 'conda-step-pin'],
  scope: 'step',
  specificity: 3,
  message:
    'The conda solver found no set of packages that satisfies all the specs of this environment (its explanation above ' +
    'the error names the packages: the lines under `Encountered problems while solving` or `UnsatisfiableError`, or ' +
    'libmamba\'s tree under `Could not solve for environment specs`).',
  fix: [
    'Read the solver\'s list above the error: each line names a package and the requirement that cannot be met. Relax the',
    'pins of those packages (a version range instead of an exact version), take them from one channel with strict',
    'priority (`conda config --set channel_priority strict`), and solve again.',
  ].join('\n'),
  variants: variants(),
  docs: 'https://docs.conda.io/projects/conda/en/latest/user-guide/tasks/manage-channels.html',
};

// No release of a package fits this environment: a version that does not exist (a `+cu121` local
// version that only exists on PyTorch's index), no wheel for this Python or CPU architecture, or
// the wrong / unreachable index. The `(from versions: …)` list tells which.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

/**
 * pip 24.1 removed support for legacy (non PEP 440) versions and dependency specifiers: such releases are ignored by the
 * resolver (pip's NEWS.rst, 24.1b1, pypa/pip#12063), with `WARNING: Ignoring version … since it has invalid metadata`.
 * A release pip skipped for its metadata: the version exists, this pip refuses to read it. The way out is either a
 * release whose metadata parses, or the older pip the log names, installed in the failing command itself (a
 * `pip install --upgrade pip` there would bring the refusing pip back).
 */
function invalidMetadataVariants(): Variant[] {
  const message =
    'pip skipped `{context.invalidMetadata.spec}` although it exists: this pip cannot parse its metadata (`{context.invalidMetadata.reason}`), ' +
    'and then found no other release that fits. Versions it could see: {versions|not listed in this part of the log}. ' +
    'pip says which of its releases still read it: pip<{context.oldPip.bound}.';
  const choice =
    'Either require another release from the list pip printed (a later release usually fixes its metadata; this pip skips it again, ' +
    'with the same message, if not), or install this one with pip<{context.oldPip.bound}';
  const inPlace =
    ' in the same command as the install (a Dockerfile `RUN` or a shell), in place of any `pip install --upgrade pip` ' +
    'before it (that upgrade brings back the pip that refuses it):';
  return [
    {
      // the skipped release came from a requirements file (`(from -r /requirements.txt (line 25))`): the command installs that file
      when: 'invalidMetadata&oldPip&reqFile',
      title: 'pip refused a release with invalid metadata',
      message,
      fix: [`${choice}${inPlace}`, '', '```sh', 'pip install "pip<{context.oldPip.bound}" && pip install -r {context.reqFile.file}', '```'].join('\n'),
    },
    {
      // the skipped release is pinned by another package's requirements (`(from opencve==1.5.0)`): a release of that
      // package which requires a later one is the way out, and the install to repeat is that package's
      when: 'invalidMetadata&oldPip&pinnedBy',
      title: 'pip refused a release with invalid metadata',
      message: `${message} \`{context.pinnedBy.parent}\` requires it.`,
      fix: [
        'Either move to a release of `{context.pinnedBy.parentName}` whose requirements allow a later `{context.invalidMetadata.name}` ' +
          '(its changelog or metadata says which; `pip index versions {context.invalidMetadata.name}` lists the releases), or install ' +
          `it with pip<{context.oldPip.bound}${inPlace}`,
        '',
        '```sh',
        'pip install "pip<{context.oldPip.bound}" && pip install {context.pinnedBy.parent:sh}',
        '```',
        '',
        'with the other requirements of the install that failed added to the second command.',
      ].join('\n'),
    },
    {
      when: 'invalidMetadata&oldPip',
      title: 'pip refused a release with invalid metadata',
      message,
      fix: [
        `${choice}${inPlace}`,
        '',
        '```sh',
        'pip install "pip<{context.oldPip.bound}" && pip install {context.invalidMetadata.spec:sh}',
        '```',
        '',
        'with the other requirements of the install that failed added to the second command.',
      ].join('\n'),
    },
  ];
}

/**
 * pip's `Ignored the following versions that require a different python version: … Requires-Python >=3.9.0,<3.12; …`
 * where most skipped releases end at one bound and a Python at that bound fails them all (knowledge/requires-python-wall.ts):
 * the Python is too new for them. `(from versions: none)` for the requirement itself: a package that publishes wheels
 * only has no file at all for a Python without its wheel (pip drops a wheel whose tags do not fit before it lists
 * versions: index/package_finder.py LinkEvaluator.evaluate_link, "none of the wheel's tags … are compatible").
 * `python:3.11-slim`: the official python image's tags; `uv venv --python` fetches a missing Python
 * (docs.astral.sh/uv/pip/environments); `pip index versions` lists the releases this Python can install (pip 21.2+).
 */
function pythonWallVariants(): Variant[] {
  const wall =
    'Of the releases pip skipped for their Requires-Python, {enrich.pyWallCount} stop below Python {enrich.pyWallBound} ' +
    '(`<{enrich.pyWallBound}`): the Python of this build is {enrich.pyWallBound} or newer, too new for them.';
  const none =
    ' For {requirement} it lists no version at all (`from versions: none`): no release has a file this Python can install, ' +
    'as with a package that publishes wheels only and none yet for this Python.';
  const release =
    'or keep this Python and require releases built for it: `{enrich.versionsCmd}` run with this Python lists the ones it can ' +
    'install, and a release\'s files on pypi.org name the Pythons of its wheels (`cp312` is Python 3.12).';
  const imageFix = [
    'Build on Python {enrich.pyWallNewest}, the newest these releases support: a base image that ships it, such as',
    '',
    '```dockerfile',
    'FROM python:{enrich.pyWallNewest}-slim',
    '```',
    '',
    '(in a conda image, an environment with it: `RUN conda create -y -n app python={enrich.pyWallNewest}`, then the same ' +
      'pip install through `conda run -n app`); ' + release,
  ].join('\n');
  const shellFix =
    'Make the environment with Python {enrich.pyWallNewest}, the newest these releases support (`uv venv --python ' +
    '{enrich.pyWallNewest}`, `python{enrich.pyWallNewest} -m venv venv`, or a conda environment with `python={enrich.pyWallNewest}`), ' +
    'then run the same install in it; ' + release;
  const title = 'Python too new for the releases pip found';
  return [
    { when: 'enrich.pyWallBound&none&fact.place=image-build', title, message: `pip found no release of {requirement} for this Python. ${wall}${none}`, fix: imageFix },
    { when: 'enrich.pyWallBound&none', title, message: `pip found no release of {requirement} for this Python. ${wall}${none}`, fix: shellFix },
    { when: 'enrich.pyWallBound&fact.place=image-build', title, message: `pip found no release of {requirement} that fits this Python. ${wall}`, fix: imageFix },
    { when: 'enrich.pyWallBound', title, message: `pip found no release of {requirement} that fits this Python. ${wall}`, fix: shellFix },
  ];
}

/**
 * A Python too old for the pinned release (knowledge/requires-python-wall.ts, pythonFloorEnrich): pip's own `Ignored the
 * following versions that require a different python version: … 8.2.1 Requires-Python >=3.10` names the pin (`pyFloor`);
 * or a pip that does not print that line (before 22.1: pypa/pip#9708) lists releases up to one older than the pin
 * (`pyHiddenNewest`), or the log's Python is past its end of life and the list is cut off (`pyOldPython`). pip lists only
 * the releases this Python may install, so the newest one listed (`pyLast`) is the last that supports it. `pyFrom` is the
 * log's base image with the newer Python in its tag, variant kept; `docker buildx imagetools inspect` tells whether a tag
 * exists (docs.docker.com/reference/cli/docker/buildx/imagetools/inspect/); `python:3.10-slim` and the like: the
 * official python image's tags (hub.docker.com/_/python); `uv venv --python` fetches a missing Python
 * (docs.astral.sh/uv/pip/environments); `pip install -v` prints `Link requires a different Python (3.6.15 not in:
 * '>=3.7')` for each release skipped for its Python (pip's index/package_finder.py, verbose level).
 */
function pythonFloorVariants(): Variant[] {
  const title = 'Python too old for the pinned release';
  const shown = ' The Python of this build: {enrich.pyShown|not shown in the log (`python3 --version` where pip ran prints it)}.';
  const last = ' The newest release pip lists for this Python is {enrich.pyLast}: the last one that supports it.';
  const floorMessage =
    'pip found no {requirement} for this Python: it skipped {enrich.pyFloorName} {enrich.pyFloorPin} because that release requires ' +
    'Python `{enrich.pyFloorSpec}` (pip\'s `Ignored the following versions that require a different python version` line), so the ' +
    'Python that ran pip is older than {enrich.pyFloor}.' + shown;
  // pip lists only releases with a file it can install here: a later release with wheels for other platforms only (no sdist)
  // is left out the same way (softwaredoug/searcharray#12: 0.0.72 on had no linux aarch64 wheel, so linux/arm64 saw 0.0.71 last).
  const hiddenMessage =
    'pip found no {requirement}: the releases of {enrich.pyHiddenName} it lists stop at {enrich.pyHiddenNewest}, older than the pin. ' +
    'pip lists only the releases it could install here, so the later ones exist but were skipped: either their Requires-Python ' +
    'asks for a newer Python than this one (pip 22.1 and later say so in an `Ignored the following versions that require a ' +
    'different python version` line, except 25.0 and 25.0.1, which print it only with `-vv`; this log lacks it), or they have no file for this platform (wheels only, none for this ' +
    'CPU: linux/arm64 on an Apple-Silicon Mac or an ARM server is the usual case).' + shown;
  const hiddenTitle = 'Pinned release not installable here: a newer Python, or no file for this platform';
  const platformHint =
    ' If `-vv` shows no such line, see which platforms the later releases have wheels for: https://pypi.org/project/' +
    '{enrich.pyHiddenName}/#files (`uname -m` where pip ran: `aarch64` is ARM64). No wheel for it: build for linux/amd64, where ' +
    'the wheels are (`docker build --platform linux/amd64 .`; emulated on an ARM64 machine), or keep the pin at ' +
    '{enrich.pyLastPin|the newest release pip lists}. Neither: the release is missing from the index pip used (a mirror, a private index).';
  const armHidden = (when: string, where: string): Variant => ({
    when,
    title: 'No wheel for linux/arm64 (aarch64) of the pinned release?',
    message:
      'pip found no {requirement}: the releases of {enrich.pyHiddenName} it lists stop at {enrich.pyHiddenNewest}, older than the pin, ' +
      `and ${where}. pip lists only the releases it could install here: later releases that publish wheels only, none for ` +
      'aarch64, are left out on ARM64 though they install on x86_64. A Requires-Python above this Python hides them the same way.',
    fix: [
      'See which platforms the later releases have wheels for: https://pypi.org/project/{enrich.pyHiddenName}/#files (`aarch64` in ' +
        'a wheel\'s name is one for this platform). With none for aarch64, either build for linux/amd64, where the wheels are (under ' +
        'QEMU emulation on an ARM64 host: slower):',
      '',
      '```sh',
      'docker build --platform linux/amd64 .',
      '```',
      '',
      '(`FROM --platform=linux/amd64 …` in the Dockerfile, or `platform: linux/amd64` in a compose service), or pin the newest ' +
        'release pip lists here, `{enrich.pyLastPin|the last one before the pin}`, in place of `{requirement}`. If the page does ' +
        `list aarch64 wheels, ${check.charAt(0).toLowerCase()}${check.slice(1)}`,
    ].join('\n'),
  });
  const eolMessage =
    'pip found no {requirement}, and this build\'s Python is {enrich.pyShown}, past its end of life since {enrich.pyOldEol}: ' +
    'releases made since then often require a newer Python, and pip does not list those here (this pip prints no `Ignored the ' +
    'following versions that require a different python version` line; its list of versions is not in this part of the log).';
  const check =
    'To see why, run the same install with `-v` where it failed: pip prints `Link requires a different Python (… not in: …)` for ' +
    'each release it skipped for its Python; the release\'s page on pypi.org says `Requires: Python …`.';
  const pinBack = (pin: string) =>
    `or keep this Python and pin the newest release pip lists for it, \`${pin}\`, in place of \`{requirement}\` where it is pinned ` +
    '(the requirements file or the install command), if the rest of the requirements accept it.';
  const imageFix = (python: string, tail: string) =>
    [
      `Either build on Python ${python} or newer: the same base image with that Python in its tag, its variant kept (check that ` +
        'the tag exists: `docker buildx imagetools inspect {enrich.pyFrom}`):',
      '',
      '```dockerfile',
      'FROM {enrich.pyFrom}',
      '```',
      '',
      tail,
    ].join('\n');
  const anyFix = (python: string, tail: string) =>
    [
      `Either build on Python ${python} or newer. In a Dockerfile, a base image with it, keeping the variant of your \`FROM\` ` +
        'line (`-slim`, `-alpine…`, `-bookworm`):',
      '',
      '```dockerfile',
      `FROM python:${python}-slim`,
      '```',
      '',
      `(a distro or CUDA image gets a newer Python from a newer release of it, or from \`uv venv --python ${python}\`); in a shell, ` +
        `an environment with it (\`uv venv --python ${python}\`, which fetches that Python, or a conda environment with \`python=${python}\`); ` +
        tail,
    ].join('\n');
  const noLast = 'or keep this Python and move the pin to a release that supports it (`pip index versions {enrich.pyFloorName}` run with this Python lists them).';
  const hiddenNoFrom = [
    'Then build on a newer Python: in a Dockerfile, a base image with the Python those releases need (`python:3.X-slim`, or a newer ' +
      'release of the distro image, keeping your `FROM` line\'s variant); in a shell, an environment with it (`uv venv --python 3.X`); ' +
      'or keep this Python and pin the newest release pip lists for it, `{enrich.pyLastPin}`, in place of `{requirement}` where it is ' +
      'pinned, if the rest of the requirements accept it.' + platformHint,
  ].join('\n');
  return [
    { when: 'enrich.pyFloor&enrich.pyFrom&enrich.pyLast', title, message: floorMessage + last, fix: imageFix('{enrich.pyFloor}', pinBack('{enrich.pyLastPin}')) },
    { when: 'enrich.pyFloor&enrich.pyFrom', title, message: floorMessage, fix: imageFix('{enrich.pyFloor}', noLast) },
    { when: 'enrich.pyFloor&enrich.pyLast', title, message: floorMessage + last, fix: anyFix('{enrich.pyFloor}', pinBack('{enrich.pyLastPin}')) },
    { when: 'enrich.pyFloor', title, message: floorMessage, fix: anyFix('{enrich.pyFloor}', noLast) },
    armHidden('enrich.pyHiddenNewest&fact.platform=linux/arm64', 'this build is for linux/arm64'),
    armHidden(
      'enrich.pyHiddenNewest&fact.hostPlatform=linux/arm64&!fact.platform',
      'the machine is an ARM64 one (an Apple-Silicon Mac), whose containers and builds are linux/arm64 unless a platform is asked for',
    ),
    {
      when: 'enrich.pyHiddenNewest&enrich.pyFrom',
      title: hiddenTitle,
      message: hiddenMessage,
      fix: [check, '', imageFix('{enrich.pyTo}', pinBack('{enrich.pyLastPin}') + platformHint)].join('\n').replace('Either build on Python {enrich.pyTo} or newer', 'If it is the Python, either build on Python {enrich.pyTo} or newer (or the one `-v` names)'),
    },
    { when: 'enrich.pyHiddenNewest', title: hiddenTitle, message: hiddenMessage, fix: [check, '', hiddenNoFrom].join('\n') },
    {
      when: 'enrich.pyOldPython&enrich.pyFrom',
      title,
      message: eolMessage,
      fix: [
        check,
        '',
        imageFix('{enrich.pyTo}', 'or keep this Python and pin a release of the package that still supports it.').replace(
          'Either build on Python {enrich.pyTo} or newer',
          'If it is the Python, build on a newer one ({enrich.pyTo} at least; the release\'s `Requires: Python` says which)',
        ),
      ].join('\n'),
    },
    {
      when: 'enrich.pyOldPython',
      title,
      message: eolMessage,
      fix: [
        check,
        '',
        'If it is the Python, build on a newer one ({enrich.pyTo} at least; the release\'s `Requires: Python` says which): in a ' +
          'Dockerfile, a base image with it (`python:{enrich.pyTo}-slim`, or a newer release of the distro image, keeping your ' +
          '`FROM` line\'s variant); in a shell, an environment with it (`uv venv --python {enrich.pyTo}`); or keep this Python and ' +
          'pin a release of the package that still supports it.',
      ].join('\n'),
    },
  ];
}

/**
 * A `+cuNNN` torch asked of PyTorch's index, and pip saw only plain releases: the usual reason is an arm64 builder
 * (an Apple-Silicon Mac, a Graviton or Jetson host). PyTorch's release wheels carried CUDA on x86_64 Linux and Windows
 * only until 2.4, whose cu124 index added `linux_aarch64` ones (pytorch/pytorch#134790: 2.4.0's PyPI wheels have no
 * CUDA for arm64; pytorch/builder#1971: `whl/cu124/torch-2.4.0-cp311-cp311-linux_aarch64.whl`); PyPI's aarch64 torch
 * is a CPU build (pytorch/pytorch#160162). Each index's files are listed at `download.pytorch.org/whl/<tag>/torch/`
 * (the `linux_aarch64` / `manylinux…_aarch64` names are the arm64 ones: pytorch/vision#9330). A CUDA image for x86 GPU
 * hosts is built for linux/amd64 under emulation with `docker build --platform linux/amd64` (docs.docker.com/build/
 * guide/multi-platform/), or `FROM --platform=linux/amd64` (docs.docker.com/reference/build-checks/
 * from-platform-flag-const-disallowed/). `docker version --format '{{.Server.Arch}}'` prints the engine's arch.
 */
function armCudaBuildVariants(): Variant[] {
  const title = 'No CUDA build of torch for this platform (arm64 builder?)';
  const lead =
    'pip read PyTorch\'s index and found no {requirement}: the releases it could use carry no `+{context.localVersion.tag}` build, ' +
    'only plain versions: {versions}.';
  const amd64 = [
    'build the image for linux/amd64, the platform of the x86 GPU hosts it will run on, by adding `--platform linux/amd64` to ' +
      'the build command (keep its `-f` and `-t`); on an arm64 machine Docker runs that build under emulation (slower, same result):',
    '',
    '```sh',
    'docker build --platform linux/amd64 .',
    '```',
    '',
    '(or `FROM --platform=linux/amd64 …` in the Dockerfile). For an arm64 image without CUDA, pin the plain release ' +
      '`{enrich.plainPinCmd}` instead: on arm64 that is a CPU-only torch, and nothing in it uses a GPU.',
  ];
  return [
    {
      when: 'localCuda&torchIndex&plainOnly&fact.platform=linux/arm64',
      title,
      message:
        `${lead} This build is for linux/arm64, and PyTorch's CUDA wheels were built for x86_64 Linux and Windows only until 2.4 ` +
        '(cu124 added linux_aarch64 ones); the files each index has are listed at ' +
        'https://download.pytorch.org/whl/{context.localVersion.tag}/torch/.',
      fix: ['This build is for linux/arm64: ' + amd64[0], ...amd64.slice(1)].join('\n'),
    },
    {
      when: 'localCuda&torchIndex&plainOnly&!fact.platform',
      title,
      message:
        `${lead} The usual reason is an arm64 builder (an Apple-Silicon Mac, an ARM server): PyTorch's CUDA wheels were built for ` +
        'x86_64 Linux and Windows only until 2.4 (cu124 added linux_aarch64 ones). The log does not show the platform.',
      fix: [
        'See which platform the build is for: `docker version --format \'{{{{.Server.Arch}}}}\'` on the machine that builds ' +
          '(`arm64` on an Apple-Silicon Mac), or `uname -m` in the failing stage (`aarch64`). The files PyTorch has for this ' +
          'build are listed at https://download.pytorch.org/whl/{context.localVersion.tag}/torch/.',
        '',
        'On arm64 / aarch64, ' + amd64[0],
        ...amd64.slice(1),
        '',
        'On x86_64 the Python is the one without a `+{context.localVersion.tag}` wheel (`python3 --version`; the wheel names on ' +
          'that page carry `cp310` for Python 3.10): use a Python that release was built for.',
      ].join('\n'),
    },
  ];
}

/**
 * `mmcv-full==` with nothing after `==`: the version came from a variable that expanded to nothing. When the step's
 * command writes `name==${VAR}` the empty-build-arg enricher names the variable(s): in a Dockerfile, a build argument
 * declared only before FROM is out of scope in the stage until `ARG VAR` there brings its default in (Dockerfile
 * reference, "Understand how ARG and FROM interact": docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact),
 * and one with no default is empty unless the build passes `--build-arg VAR=…` (same page, "ARG"). The versions pip
 * listed are no answer: any of them would hide the empty variable, and the other variables of the command (a `-f`
 * wheel page for a CUDA and torch) stay empty.
 */
function emptyVersionVariants(): Variant[] {
  const scope =
    'An `ARG` declared before `FROM` is in scope for the `FROM` lines only: a stage sees it only after it declares it again, ' +
    'and an `ARG` with no default stays empty unless the build passes `--build-arg`.';
  const buildArg = (lines: string[]): Omit<Variant, 'when'> => ({
    title: 'Build argument empty',
    message:
      'Build argument {enrich.emptyArgVars} was empty: pip was asked for `{requirement}` with no version, where the step\'s command ' +
      'writes the version from it. Empty in this command, as the log shows (the version, and any URL printed with nothing where ' +
      `a variable stands): {enrich.emptyArgAll}. ${scope} Picking a version from pip's list would hide the empty argument.`,
    fix: [
      'Declare {enrich.emptyArgAll} again in the stage that runs this command, right after its `FROM`, one `ARG` line each (keep the ' +
        'default where it is, before `FROM`: an `ARG` without a value inside the stage takes it over):',
      '',
      '```dockerfile',
      ...lines,
      '```',
      '',
      'An argument with no default anywhere needs its value from the build command, one `--build-arg` per argument ' +
        '(`--build-arg {enrich.emptyArgFirst}=` followed by the value), or a default in its `ARG` line. pip listed these releases of ' +
        '{enrich.emptyArgPackage}: {versions|not listed in this part of the log}.',
    ].join('\n'),
  });
  return [
    { when: 'emptyPin&enrich.emptyArg3', ...buildArg(['ARG {enrich.emptyArg1}', 'ARG {enrich.emptyArg2}', 'ARG {enrich.emptyArg3}']) },
    { when: 'emptyPin&enrich.emptyArg2', ...buildArg(['ARG {enrich.emptyArg1}', 'ARG {enrich.emptyArg2}']) },
    { when: 'emptyPin&enrich.emptyArg1', ...buildArg(['ARG {enrich.emptyArg1}']) },
    {
      when: 'emptyPin',
      title: 'Requirement with an empty version',
      message:
        'pip was asked for `{requirement}` with nothing after `==`: the version came from a variable that expanded to nothing ' +
        `(a build argument, an ENV value or a shell variable). The log does not show the command that wrote it. ${scope}`,
      fix: [
        'Find the command that installs it (`grep -n \'{requirement}\' Dockerfile`, or the script the build runs). If the version ' +
          'there is a variable (`==${NAME}` or `==$NAME`) declared with `ARG` before `FROM`, declare it again with a bare `ARG` line ' +
          'right after the `FROM` of the stage that runs the install; if it has no default, pass it with `--build-arg` or give the ' +
          '`ARG` a default. To see the value the stage gets, print it in a `RUN` right before the install, as in ' +
          '`RUN echo "version: [$NAME]"` with the variable\'s name in place of `NAME`.',
      ].join('\n'),
    },
  ];
}

const legacyLocalMessage =
  'pip found no {requirement} on the index it used. PyTorch publishes its `+cuNNN` / `+cpu` builds on download.pytorch.org, ' +
  'not on PyPI, and for releases before 1.11 on find-links pages rather than indexes. Versions it could see: ' +
  '{versions|not listed in this part of the log}.';

/**
 * A pip subcommand written twice (`pip3 install install numpy`): pip takes the second word for a package and finds no
 * distribution of it (conweave-project/conweave-ns3#5, `No matching distribution found for install`; the README's
 * Dockerfile was fixed by dropping the word). With the step's command in the log, the fix is that command without it;
 * without it, how to find the line. `wheel` is a real package that an unreachable index also fails to find, so only the
 * command itself names it as this mistake.
 */
function doubledSubcommandVariants(): Variant[] {
  const title = 'pip subcommand written twice';
  return [
    // Two commands made one by a line continuation without `&&` (docker-library/python#944: `RUN pip install pip --upgrade \`
    // over `pip install -r requirements.txt`, which BuildKit prints as one line): the second command's words become
    // arguments of the first, and pip looks for a package named `install`.
    {
      when: 'joined&subcommandAny',
      title: 'Two pip commands joined without `&&`',
      message:
        'The step runs `{context.joined.first}` and `{context.joined.second}` as one command: nothing separates them (a line ' +
        'continuation `\\` without `&&` only joins the lines), so the second command\'s words are more arguments of the first, ' +
        'and pip looked for a package named `{requirement}`.',
      fix: ['Put `&&` between the two commands:', '', '```dockerfile', 'RUN {context.joined.first} && \\', '    {context.joined.second}', '```'].join('\n'),
    },
    {
      when: 'doubled&subcommandAny',
      title,
      message:
        'The command reads `{context.doubled.pip} {context.doubled.sub} {requirement} …`: pip takes the second `{requirement}` for the name of a ' +
        'package to install, and no package of that name exists.',
      fix: ['Drop the repeated word:', '', '```sh', '{context.doubled.pip} {context.doubled.sub}{context.doubled.rest}', '```'].join('\n'),
    },
    {
      when: 'subcommandWord',
      title,
      message:
        'pip looked for a package named `{requirement}`, which is a word of pip\'s own command line: the command repeats its ' +
        'subcommand (`pip {requirement} {requirement} numpy`), or runs a second pip command joined to the first without `&&`, ' +
        'and pip took the word for a package.',
      fix: [
        'Find the pip command with the word twice, or a pip line continued by `\\` without `&&`, in the Dockerfile or the script that ran pip:',
        '',
        '```sh',
        "grep -nE 'pip[0-9.]* +{requirement} +{requirement}( |$)' Dockerfile",
        "grep -nE -A1 'pip[0-9.]* +{requirement}[^&;|]*\\\\$' Dockerfile",
        '```',
        '',
        'Remove a repeated `{requirement}` (`pip3 {requirement} {requirement} numpy` → `pip3 {requirement} numpy`); where the next line ' +
          'starts another command (`pip {requirement} -r requirements.txt`), end the line with `&& \\` instead of `\\`.',
      ].join('\n'),
    },
  ];
}

/**
 * `(from versions: none)`: pip lists only the releases with a file it may install here (index/package_finder.py drops a
 * wheel whose tags do not fit this interpreter before it lists versions), so a package that publishes wheels only, none of
 * them for this CPU or this Python, shows no version at all, like a wrong name or an unreachable index
 * (derhuerst/build123d-docker#6: cadquery-ocp 7.8 on linux/arm64, no aarch64 wheel and no sdist). On ARM64 that is the
 * first suspect. Wheel names carry the platform (`manylinux_2_28_aarch64`, PEP 600) and the Python (`cp312`, PEP 425);
 * `docker build --platform linux/amd64` builds for x86_64 under emulation (docs.docker.com/build/building/multi-platform/).
 */
function noVersionsVariants(): Variant[] {
  const check =
    'the index (`pip config list`, `PIP_INDEX_URL`), and that the build can reach it (`pip download --no-deps {requirement:sh}` ' +
    'run where the install ran shows the HTTP error)';
  const arm64 = (when: string, where: string): Variant => ({
    when,
    title: 'No release has a file for this platform (ARM64)?',
    message:
      `pip found no release at all of {requirement} (\`from versions: none\`), and ${where}. pip lists only ` +
      'the releases that have a file it can install here: a package that publishes wheels only, none of them for aarch64, shows ' +
      'no version at all on ARM64, though it installs on x86_64. A wrong name or an unreachable index looks the same.',
    fix: [
      'See which platforms the releases have wheels for: https://pypi.org/project/{enrich.project}/#files (`aarch64` in a ' +
        'wheel\'s name is one for this platform; a `.tar.gz` is a source distribution that pip can build). With none for aarch64:',
      '',
      '- use x86_64, where the wheels are (emulated on an ARM64 machine: slower): `--platform linux/amd64` on the `docker build`',
      '  or `docker run` (or `FROM --platform=linux/amd64 …` in a Dockerfile);',
      '- or get {enrich.project} for aarch64 from another source that builds it (conda-forge, or a source build), and keep',
      '  the pip requirement out of the ARM64 build (`ARG TARGETARCH`).',
      '',
      `If the page does list aarch64 wheels for this Python, check the name (\`pip index versions {enrich.project}\`), ${check}.`,
    ].join('\n'),
  });
  return [
    arm64('none&fact.platform=linux/arm64&enrich.project', 'this build is for linux/arm64'),
    // an Apple-Silicon Mac named in the report (`I'm working on M1 Mac`: the apple-silicon host fact) and no platform asked
    // for: Docker there runs linux/arm64 containers and builds unless told otherwise (urschrei/simplification#23)
    arm64(
      'none&fact.hostPlatform=linux/arm64&!fact.platform&enrich.project',
      'the machine is an ARM64 one (an Apple-Silicon Mac), whose containers and builds are linux/arm64 unless a platform is asked for',
    ),
    {
      when: 'none&enrich.project',
      message:
        'pip found no release at all of {requirement} (`from versions: none`). pip lists only the releases that have a file it can ' +
        'install here, so either the name is wrong, the index pip used does not have it or was not reachable (proxy, private index ' +
        'without credentials), or the package has files for other platforms or Pythons only (a package that publishes wheels ' +
        'only, none for this CPU: ARM64 on an Apple-Silicon Mac or an ARM server is the usual case). The log does not show ' +
        'the platform.',
      fix: [
        'Find out which of these it is:',
        '',
        '- the platform and Python of the stage that ran pip: `uname -m` (`aarch64` is ARM64) and `python3 --version`, then the ' +
          'wheels at https://pypi.org/project/{enrich.project}/#files (`aarch64` / `x86_64` and `cp312` for Python 3.12 in a ' +
          'name). None for this platform: build for one that has them (`docker build --platform linux/amd64 .` for x86_64); ' +
          'none for this Python: a base image with a Python they cover;',
        `- the name: \`pip index versions {enrich.project}\`. A requirements file made by \`pip freeze\` of a system Python can ` +
          'name a package the OS installed that PyPI never had: on that machine, `python3 -m pip show {enrich.project}` with ' +
          '`Location: /usr/lib/python3/dist-packages` is a Debian / Ubuntu package (`dpkg -S` of its files names it): delete the line;',
        `- ${check}.`,
      ].join('\n'),
    },
    {
      when: 'none',
      message:
        'pip found no release at all of {requirement}: the name is wrong, the index pip used does not have it or was not ' +
        'reachable from the build (proxy, private index without credentials), or it has files for other platforms or Pythons only.',
      fix: `Check the name (\`{enrich.versionsCmd}\`), ${check}, and the platform and Python of the stage (\`uname -m\`, \`python3 --version\`) against the release's files on its index.`,
    },
  ];
}

/**
 * A requirement that is a Linux distribution's own Python package (os-python-packages.ts: cloud-init, python-apt): a
 * `pip freeze` of the system Python of a Debian / Ubuntu machine writes it into requirements.txt with the distro's
 * version, which PyPI does not have (docker/docs#13584: the Python guide's `pip3 freeze > requirements.txt` on an
 * Ubuntu host, then `cloud-init==19.1` fails in the image; fixed in the guide by making the file from a venv). The
 * Debian package installs into the distro's own Python (/usr/lib/python3/dist-packages), which the `/usr/local`
 * Python of the `python:` images and any venv do not read.
 */
function osPackageVariants(): Variant[] {
  return [
    {
      when: 'enrich.osPkgName',
      title: 'requirement is an OS package, not on PyPI',
      message:
        'pip found no release of {requirement}: {enrich.osPkgName} is a Linux distribution\'s own package (Debian / Ubuntu ' +
        '`{enrich.osPkgDeb}`), installed into the system Python, and {enrich.osPkgPyPI}. A `pip freeze` of a system Python ' +
        '(on an Ubuntu desktop or server) writes such packages into requirements.txt with the distro\'s version, and no ' +
        '`pip install` can satisfy that line.',
      fix: [
        'Delete the `{enrich.osPkgName}` line from the requirements file, with any other line the OS rather than the project',
        'installed, or make the file again from the project\'s own virtual environment (`python3 -m venv .venv`, install the',
        'project\'s packages there, then `.venv/bin/pip freeze > requirements.txt`), so it lists only what the project needs.',
        '`pip index versions {enrich.osPkgName}` shows what PyPI has. If the code does import it, install the distro package in',
        'the image (`apt-get install -y {enrich.osPkgDeb}` on a Debian / Ubuntu base): it serves the distro\'s `/usr/bin/python3`,',
        'not a venv or the `/usr/local` Python of the `python:` images.',
      ].join('\n'),
    },
  ];
}

/** TensorRT 8's wheels: on NVIDIA's index, not PyPI (context nvidiaIndexPkg). */
const nvidiaIndexMessage =
  'pip found no {requirement}: `{context.nvidiaIndexPkg.name}` {context.nvidiaIndexPkg.version} is published on NVIDIA\'s own index, ' +
  'https://pypi.nvidia.com, not on PyPI (the versions pip found: {versions|not listed in this part of the log}).';

/** Where pip's own line starts: the line's start or an indent, or right after pip's `ERROR: ` with no backtick before it. */
const PIP_LINE_START = '(?:^\\s{0,40}|^[^`]{0,200}ERROR: )';

/** A dependency's floor above every version pip listed: the title and message of both of its variants. */
const FLOOR_ABOVE_LIST = {
  title: 'A dependency\'s required version is not on the index (yet)',
  message:
    '{enrich.floorParent} requires {requirement}, but the newest {enrich.floorName} pip could see is {enrich.floorNewest}, below ' +
    '{enrich.floorVersion}: that release is not on the index pip read (not published yet, or its files do not fit this Python or platform). ' +
    'The floor comes from {enrich.floorParentName}\'s own metadata, not from your command.',
};

export const noMatchingDistribution: RuleInput = {
  id: 'pip/no-matching-distribution',
  title: 'pip found no matching distribution',
  severity: 'error',
  match: [
    // `ERROR: Could not find a version that satisfies the requirement torch==2.1.0+cu121 (from versions: 2.2.2, …)`.
    // pip starts the line with it, after `ERROR: ` (pip 20+) or an indent (pip 9, a tool's `stderr: ERROR: `): a
    // sentence of a report that quotes it (`i encountered \`No matching distribution found for torch==1.12.0\``) is
    // prose, not pip's output, and the requirement never holds a quote or backtick.
    {
      literals: ['Could not find a version that satisfies the requirement'],
      // the origin may nest parentheses: `(from -r requirements.txt (line 4))`; a requirement pulled in by an extra keeps
      // its environment marker: `sgl-kernel>=0.0.3.post6; extra == "srt" (from sglang[srt])`
      pattern:
        `${PIP_LINE_START}Could not find a version that satisfies the requirement (?<requirement>[^\\s('"\`;]{1,200})(?:;[^()]{1,200}?(?= \\(from |$))?(?: \\(from (?!versions: )(?<requiredBy>[^()]{0,200})(?:\\([^()]{0,200}\\)[^()]{0,200})?\\))?(?: \\(from versions: (?<versions>[^)]{0,2000})\\))?`,
    },
    // the same line wrapped by a terminal or a pasted report right after `requirement`: the name is on the next line
    { literals: ['Could not find a version that satisfies the requirement'], pattern: 'satisfies the requirement\\s*$' },
    // `ERROR: No matching distribution found for nonexist-pkg`
    { literals: ['No matching distribution found for'], pattern: `${PIP_LINE_START}No matching distribution found for (?<requirement>[^\\s'"\`;]{1,200})` },
    // pip prints these two at error level only on its way to `Could not find a version that satisfies the requirement`
    // (resolvelib factory's `_report_single_requirement_conflict`; seen right above that line in real logs), so they
    // stand for it when a log is cut before it: `ERROR: Ignored the following yanked versions: 5.0.6, 5.2.5`
    {
      literals: ['Ignored the following yanked versions', 'Ignored the following versions that require a different python'],
      pattern: '^\\s{0,20}ERROR: Ignored the following (?:yanked versions|versions that require a different python version): ',
    },
    // `ERROR: Package 'oldpy' requires a different Python: 3.11.7 not in '<3.8'`
    {
      literals: ['requires a different Python'],
      pattern: "Package '(?<requirement>[^']{1,200})' requires a different Python: (?<python>\\S{1,200}) not in '(?<pythonSpec>[^']{0,200})'",
    },
  ],
  context: [
    { name: 'none', literals: ['(from versions: none)'] },
    // the missing "package" is a pip subcommand (doubledSubcommandVariants)
    { name: 'subcommandWord', literals: ['No matching distribution found for '], pattern: 'No matching distribution found for (?:install|uninstall|download)(?:\\s|$)' },
    { name: 'subcommandAny', literals: ['No matching distribution found for '], pattern: 'No matching distribution found for (?:install|uninstall|download|wheel)(?:\\s|$)' },
    // the step's command holding a second pip command with no `&&` before it: `pip install pip --upgrade     pip install -r
    // requirements.txt` (a `\` continuation, collapsed by BuildKit into spaces)
    {
      name: 'joined',
      source: 'instruction',
      literals: ['pip'],
      pattern:
        '(?<first>\\bpip[0-9.]{0,5}\\s{1,10}(?:install|uninstall|download|wheel)\\b[^&;|\\n\\\\]{0,400}?)\\s{1,40}(?:\\\\\\s{1,40})?(?<second>(?:\\bpip[0-9.]{0,5}|\\bpython[0-9.]{0,5} -m pip)\\s{1,10}(?:install|uninstall|download|wheel)\\b[^&;|\\n\\\\]{0,400}?)\\s*(?=$|&|;|\\|)',
    },
    // the step's command with a subcommand followed by another: `pip3 install install numpy matplotlib cycler`
    {
      name: 'doubled',
      source: 'instruction',
      literals: ['install', 'download', 'wheel'],
      pattern:
        '(?<pip>\\bpip[0-9.]{0,5}|\\bpython[0-9.]{0,5} -m pip|\\buv pip)\\s{1,10}(?<sub>install|download|wheel)\\s{1,10}(?:install|uninstall|download|wheel)(?![\\w.-])(?<rest>[^&;|\\n\\\\]{0,400})',
    },
    // `the requirement mmcv-full== (from versions: …)`, `No matching distribution found for mmcv-full==`: a pin whose
    // version expanded to nothing
    {
      name: 'emptyPin',
      literals: ['satisfies the requirement', 'No matching distribution found for'],
      pattern: '(?:satisfies the requirement|No matching distribution found for) [A-Za-z0-9][\\w.,\\[\\]-]{0,200}==(?:\\s|$)',
    },
    // pip run by `conda env create` / `conda env update` for the environment file's `pip:` list: conda prints
    // `Pip subprocess error:` above pip's stderr and ends with `CondaEnvException: Pip failed`
    { name: 'condaPip', literals: ['Pip subprocess error:', 'CondaEnvException: Pip failed'] },
    // the requirement's name wrapped onto the next line (see the match above)
    { name: 'wrapped', literals: ['Could not find a version that satisfies the requirement'], pattern: 'satisfies the requirement\\s*$' },
    // the last package pip collected before it gave up: the failing one is usually a dependency of it or the next one
    { name: 'collecting', keep: 'last', literals: ['Collecting '], pattern: '^\\s{0,200}Collecting (?<spec>[A-Za-z0-9][^\\s(]{0,200})' },
    { name: 'python', literals: ['requires a different Python'] },
    // every release pip skipped for its Requires-Python, of any package: read by the requires-python-wall enricher
    {
      name: 'pythonSkipped',
      literals: ['Ignored the following versions that require a different python'],
      pattern: 'Ignored the following versions that require a different python version: (?<list>.{1,8000})$',
    },
    // `torch==2.1.0+cu121`, `torch==1.7.1+cu92`: CUDA and CPU tags, whose wheel sources the torch-wheels table (indexes,
    // 1.11 and later) and the torch-find-links table (find-links pages, before 1.11) know
    {
      name: 'localVersion',
      literals: ['+cu', '+cpu'],
      pattern: 'requirement (?:torch|torchvision|torchaudio)==[^\\s(+]{1,100}\\+(?<tag>cu\\d{2,3}|cpu)(?![\\w.])',
    },
    // one of PyTorch's per-CUDA indexes, as pip names it: `Looking in indexes: https://download.pytorch.org/whl/cu115`
    // (or after PyPI with `--extra-index-url`), or its release-candidate copy `…/whl/test/cu124` (pytorch/pytorch
    // RELEASE.md, "Release Candidate Storage": wheels at https://download.pytorch.org/whl/test/)
    {
      name: 'torchCudaIndex',
      literals: ['Looking in indexes: '],
      pattern: '^\\s{0,20}Looking in indexes: (?:\\S{1,300}, )?https://download\\.pytorch\\.org/whl/(?<channel>test/)?(?<tag>cu\\d{2,3})(?![\\w.])',
    },
    // the install command as a plain log quotes it (no Dockerfile step to read it from): `pip install torch==2.7.0
    // torchvision torchaudio --index-url https://download.pytorch.org/whl/test/cu124`
    {
      name: 'torchCommand',
      literals: ['download.pytorch.org/whl/'],
      pattern: '^\\s{0,20}(?:\\$\\s{1,4})?(?<cmd>(?:pip[0-9.]{0,5}|python[0-9.]{0,5} -m pip|uv pip) install [^\\n]{0,400}?https://download\\.pytorch\\.org/whl/[^\\s]{0,100})',
    },
    // pip read PyTorch's index or its find-links page (`Looking in links: https://download.pytorch.org/whl/torch_stable.html`)
    { name: 'torchIndex', literals: ['Looking in links: https://download.pytorch.org', 'Looking in indexes: https://download.pytorch.org', ', https://download.pytorch.org'] },
    // the versions pip could see hold no local build (`(from versions: 1.8.0, 1.9.0, 1.10.0)`): none for this platform / Python
    { name: 'plainOnly', literals: ['(from versions: '], pattern: '\\(from versions: \\d[^)+]{0,2000}\\)' },
    // a CUDA local version (`torch==1.13.1+cu116`): a build that exists for some platforms only (see armCudaBuildVariants)
    { name: 'localCuda', literals: ['+cu'], pattern: 'requirement (?:torch|torchvision|torchaudio)==[^\\s(+]{1,100}\\+cu\\d{2,3}(?![\\w.])' },
    // older (`+cu90`) and ROCm local versions: named, but no index is computed for them
    { name: 'otherLocal', literals: ['+cu', '+rocm'], pattern: 'requirement [^\\s(]{1,200}\\+(?<tag>cu\\d{1,200}|rocm[\\d.]{0,200})' },
    // pip 24.1+ skips a release whose metadata it cannot parse and says which pip still reads it:
    // `Requested torchsde==0.2.5 from https://… has invalid metadata: .* suffix can only be used with `==` or `!=` operators`
    // then `Please use pip<24.1 if you need to use this version.` (pip's own words: the bound is read from the log)
    {
      name: 'invalidMetadata',
      literals: ['has invalid metadata'],
      pattern: '^\\s{0,20}Requested (?<spec>(?<name>[A-Za-z0-9][A-Za-z0-9._-]{0,100})[^\\s]{0,200}) from \\S{1,500} (?:\\([^()]{0,200}(?:\\([^()]{0,50}\\))?\\) )?has invalid metadata: (?<reason>.{1,200})$',
    },
    // where the skipped requirement came from: `(from -r /requirements.txt (line 25))` on the `Requested …` line
    { name: 'reqFile', literals: ['has invalid metadata'], pattern: '\\(from -r (?<file>[^\\s()]{1,200}) \\(line \\d{1,6}\\)\\) has invalid metadata' },
    // TensorRT 8's wheels live on NVIDIA's own index only: `ERROR: Could not find a version that satisfies the requirement
    // tensorrt-libs==8.6.1; extra == "and-cuda" (from tensorflow[and-cuda]) (from versions: 9.0.0.post11.dev1, …)`
    // (NVIDIA/TensorRT#2933): PyPI's tensorrt-libs had only 9.x pre-releases then (later releases are not checked here, so
    // the message quotes pip's own list rather than saying what PyPI holds); the 8.6.1 wheel is at
    // https://pypi.nvidia.com/tensorrt-libs/ (the thread's download), and the tensorrt 8.6.1.post1 sdist on PyPI says to
    // install with `--extra-index-url https://pypi.nvidia.com` (pypi.org/project/tensorrt/8.6.1.post1).
    {
      name: 'nvidiaIndexPkg',
      literals: ['requirement tensorrt'],
      pattern: 'requirement (?<name>tensorrt[-_](?:libs|bindings))==(?<version>8\\.[\\d.]{1,20})',
    },
    // one of the CUDA library wheels torch's own metadata requires (`nvidia-cudnn-cu12==8.9.2.26`, `nvidia-nccl-cu11==…`)
    { name: 'nvidiaDep', literals: ['requirement nvidia-'], pattern: 'requirement (?<name>nvidia-[a-z0-9-]{1,60}-cu1\\d{1,2})[=<>~!]' },
    // the line that names the requirement: without it (a log cut after pip's `Ignored the following …` line) the
    // requirement is not known
    {
      name: 'requirementShown',
      literals: ['Could not find a version that satisfies the requirement', 'No matching distribution found for', 'requires a different Python'],
    },
    // the skipped release was a dependency of another package (`… celery-4.3.0-py2.py3-none-any.whl (from opencve==1.5.0) has
    // invalid metadata`): that package's requirements pin it, so the install names that package, not the skipped one
    {
      name: 'pinnedBy',
      literals: ['has invalid metadata'],
      pattern: '\\(from (?<parent>(?<parentName>[A-Za-z0-9][A-Za-z0-9._-]{0,100})(?:\\[[^\\]]{1,100}\\])?(?:[=<>~!]=?[^\\s()]{1,50})?)\\) has invalid metadata',
    },
    // one of Intel's find-links pages for its XPU wheels: `Looking in links: https://developer.intel.com/ipex-whl-stable-xpu`
    { name: 'intelLinks', literals: ['Looking in links: '], pattern: 'Looking in links: (?:\\S{1,300}, )?(?<url>https?://[A-Za-z0-9.-]{0,100}intel\\.com/[^\\s,]{0,300})' },
    // a development build of the package that asked: a git URL (`"unsloth[cu124-ampere-torch240] @ git+https://github.com/…"`)
    { name: 'devBuild', literals: ['git+https://', 'git+ssh://', 'git+git://'] },
    { name: 'oldPip', literals: ['Please use pip<'], pattern: 'Please use pip<(?<bound>[\\d.]{1,12}) if you need to use this version' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'pip found no release of {requirement} that fits this environment. Versions it could see: {versions|not listed in this part of the log}.',
  // `pip --version` names the interpreter pip runs under: `pip {} from {} (python {})` (pip's utils/misc.py,
  // get_pip_version). An image's `pip` can be Python 2's (tendenci/tendenci#770: Ubuntu's python-pip, a Python-3-only
  // release not found; the reporter's fix: python3-pip, `python3 -m pip`), which `python3 --version` would not show.
  fix: [
    'Pick a version from the list pip printed (`from versions: …`; none printed: see the lines below), or make the one you need visible:',
    '',
    '- a release whose files or `Requires-Python` exclude this Python, or wheels only for other CPU architectures: compare the ' +
      'package\'s files on its index with the Python pip runs under ({fact.python|`pip --version` ends with it, `(python 2.7)` for ' +
      'Python 2\'s pip: then install with `python3 -m pip`}) and the platform ({fact.platform|see `uname -m`}); arm64 often has no wheel: build ' +
      'from source, or skip the package there with `ARG TARGETARCH`;',
    '- a private or extra index: pass it with `--extra-index-url` (or `PIP_EXTRA_INDEX_URL`), with its credentials if it needs them.',
  ].join('\n'),
  variants: [
    ...doubledSubcommandVariants(),
    ...emptyVersionVariants(),
    ...invalidMetadataVariants(),
    {
      // only pip's `Ignored the following …` line: the log ends before the line that names the requirement
      when: '!requirementShown',
      message:
        'pip found no release that fits one requirement; the log ends before the line that names it (`Could not find a version ' +
        'that satisfies the requirement …`). The last package pip collected: `{context.collecting.spec|none shown}`.',
      fix:
        'Keep the whole output of the install (the requirement and `(from versions: …)` follow `Ignored the following …`), then ' +
        'pick a version from that list or make the one you need visible (its Python, platform or index).',
    },
    {
      when: 'wrapped',
      message:
        'pip found no release of one requirement, but the log wraps its error line right after `requirement`, so the name and the ' +
        'versions pip saw are on the next line, not kept here. The last package pip collected before it: ' +
        '`{context.collecting.spec|none shown}`.',
      fix:
        'Run the same install again where it failed and keep the whole error line (the requirement and `(from versions: …)` follow ' +
        '`satisfies the requirement`). A dependency pinned by another package (`torch` pins its `nvidia-*` wheels) that its index no ' +
        'longer serves needs another release of the package that pins it; a version missing for this Python or platform needs ' +
        'one from that list.',
    },
    {
      when: 'python',
      title: 'Package requires a different Python',
      message:
        'No release of {requirement} supports this Python ({python}): it requires `{pythonSpec}`. The base image\'s Python does not fit the pin.',
      fix: 'Use a release of {requirement} that supports Python {python} (drop the pin, or pin a newer version), or a base image with a Python in `{pythonSpec}`.',
    },
    // a dated nightly or an Intel XPU build of torch that its index no longer serves (knowledge/torch-prerelease-pin.ts)
    {
      when: 'enrich.nightlyReleaseCmd',
      title: 'Pinned PyTorch nightly is gone from the nightly index',
      message:
        'pip found no {requirement}: it is a dated nightly of {enrich.nightlyPkg} (built {enrich.nightlyDate}), and PyTorch keeps only ' +
        'recent nightlies on its nightly index: older ones are removed, so a nightly pin stops resolving weeks or months after its date.',
      fix: [
        'Pin the release that nightly led to, {enrich.nightlyBase}, from its CUDA index (https://pytorch.org/get-started/previous-versions/):',
        '',
        '```sh',
        '{enrich.nightlyReleaseCmd}',
        '```',
        '',
        'or, if the code needs a nightly, take a current one (`--pre` with the nightly index command of https://pytorch.org/get-started/locally/, ' +
          '"Preview (Nightly)"), knowing it will be removed in turn.',
      ].join('\n'),
    },
    {
      when: 'enrich.nightlyDate',
      title: 'Pinned PyTorch nightly is gone from the nightly index',
      message:
        'pip found no {requirement}: it is a dated nightly of {enrich.nightlyPkg} (built {enrich.nightlyDate}), and PyTorch keeps only ' +
        'recent nightlies on its nightly index: older ones are removed, so a nightly pin stops resolving weeks or months after its date.',
      fix:
        'Pin the release that nightly led to, {enrich.nightlyPkg} {enrich.nightlyBase}, with the install command https://pytorch.org/get-started/previous-versions/ ' +
        'gives for it and your CUDA; or, if the code needs a nightly, take a current one (`--pre` with the nightly index command of ' +
        'https://pytorch.org/get-started/locally/, "Preview (Nightly)"), knowing it will be removed in turn.',
    },
    {
      when: 'enrich.xpuCheckCmd',
      title: "Intel's XPU build of torch is not on the page pip read",
      message:
        'pip found no {requirement}: that is Intel\'s XPU build of PyTorch (installed with `intel_extension_for_pytorch` `+xpu`), which ' +
        'only Intel serves, and the page pip read for it (`{context.intelLinks.url}`) no longer lists it: pip saw only PyPI\'s releases ' +
        '({versions|not listed in this part of the log}). Picking one of those would install stock torch without XPU support, not the build the `+xpu` extension was made for.',
      fix: [
        'Intel now serves its XPU wheels from an index: replace `-f {context.intelLinks.url}` with `--extra-index-url {enrich.xpuIntelIndex}` in ' +
          'each install of the step, with the torch / extension pair of the release\'s install guide (https://intel.github.io/intel-extension-for-pytorch/, ' +
          'Installation, GPU). Check that the index still has this pin:',
        '',
        '```sh',
        '{enrich.xpuCheckCmd}',
        '```',
        '',
        'Or move to PyTorch\'s own XPU wheels (PyTorch 2.5 and later, no extension needed): `pip install torch torchvision torchaudio ' +
          '--index-url {enrich.xpuPytorchIndex}`.',
      ].join('\n'),
    },
    {
      // the Python the log shows is newer than every Python the pinned release has wheels for
      // (knowledge/torch-python.ts): no index has it, PyTorch's own included, whichever was read.
      // `py -3.10` picks an installed Python 3.10 on Windows (docs.python.org/3/using/windows.html, "Python Launcher for Windows").
      when: 'enrich.torchPyOutCmd',
      title: 'Pinned torch has no wheels for this Python',
      message: 'pip found no {requirement}: {enrich.torchPyOutside}. No index has a wheel of it for this Python.',
      fix: [
        'Either keep the pin and make the environment with Python {enrich.torchPyOutNewest} (`python{enrich.torchPyOutNewest} -m venv venv`, ' +
          'on Windows `py -{enrich.torchPyOutNewest} -m venv venv`, or `uv venv --python {enrich.torchPyOutNewest}`), then run the same install in it; ' +
          'or keep this Python and move to a release built for it. {enrich.torchPyOutNote}',
        '',
        '```sh',
        '{enrich.torchPyOutCmd}',
        '```',
      ].join('\n'),
    },
    {
      // torch's CUDA builds require exact nvidia-* wheels, only where they exist: torch 2.2.2's METADATA reads
      // `Requires-Dist: nvidia-cudnn-cu12 (==8.9.2.26) ; platform_system == "Linux" and platform_machine == "x86_64"`
      // (quoted in astral-sh/uv's issue on the pytorch/pytorch:2.2.2 image, 2024-04). Which platforms a release of
      // one has wheels for varies (pypi.org/project/nvidia-cudnn-cu12/9.18.0.77: manylinux x86_64 and aarch64 only),
      // and pip lists only the releases with a wheel for this Python and platform. A pin copied from `pip freeze`
      // on Linux therefore fails elsewhere; torch itself asks for none there.
      when: 'nvidiaIndexPkg&fact.place=image-build',
      title: "TensorRT 8 wheel is on NVIDIA's index, not PyPI",
      message: nvidiaIndexMessage,
      fix: [
        "Add NVIDIA's index for pip before the step that installs it (pip then looks there as well as on PyPI):",
        '',
        '```dockerfile',
        'ENV PIP_EXTRA_INDEX_URL=https://pypi.nvidia.com',
        '```',
        '',
        'or pass `--extra-index-url https://pypi.nvidia.com` to that `pip install`.',
      ].join('\n'),
    },
    {
      when: 'nvidiaIndexPkg',
      title: "TensorRT 8 wheel is on NVIDIA's index, not PyPI",
      message: nvidiaIndexMessage,
      fix: [
        "Run the same `pip install` with NVIDIA's index added (pip then looks there as well as on PyPI):",
        '',
        '```sh',
        'export PIP_EXTRA_INDEX_URL=https://pypi.nvidia.com',
        '```',
        '',
        'or pass `--extra-index-url https://pypi.nvidia.com` to it.',
      ].join('\n'),
    },
    {
      when: 'nvidiaDep',
      title: 'Pinned CUDA library wheel that torch installs itself',
      message:
        'pip found no {requirement} for this platform. `{context.nvidiaDep.name}` is one of the CUDA library wheels torch requires itself, ' +
        'at the exact release its build needs and only on Linux (torch 2.2\'s metadata, for one, asks for them with ' +
        '`platform_system == "Linux" and platform_machine == "x86_64"`); the release pinned here has no wheel for this platform. ' +
        'Versions pip could see: {versions|not listed in this part of the log}.',
      fix: [
        'Remove the `nvidia-*` pins from the requirements (a `pip freeze` from Linux puts them there) and install torch from PyTorch\'s index ' +
          'for your CUDA (https://pytorch.org/get-started/locally/ gives the command): it brings the `nvidia-*` releases it needs on Linux ' +
          'and none elsewhere. To keep the pin for Linux builds, give it the marker torch uses:',
        '',
        '```text',
        '{requirement}; platform_system == "Linux" and platform_machine == "x86_64"',
        '```',
      ].join('\n'),
    },
    {
      // a plain torch pin older than every release pip lists (knowledge/torch-python.ts): this Python is newer than
      // the pin's wheels. The ways out: a Python the pin supports, or the oldest release pip lists for this one.
      // `python:3.9-slim`: the official python image's tags, seen in public Dockerfiles; `uv venv --python 3.9`
      // fetches that Python when it is missing (docs.astral.sh/uv/pip/environments, "Creating a virtual environment").
      when: 'enrich.torchPyRange',
      title: 'Pinned torch is older than this Python',
      message:
        'pip found no {requirement}: every release it lists ({versions}) is newer, and pip lists only releases with a wheel for this ' +
        'Python and platform. The pinned release supports Python {enrich.torchPyRange}. {enrich.torchPyNote}',
      fix: [
        'Either keep the pin and install it under a Python {enrich.torchPyNewest} or older: a base image with it (`python:{enrich.torchPyNewest}-slim`), ' +
          'a uv environment (`uv venv --python {enrich.torchPyNewest}`, which fetches that Python), or a conda environment with ' +
          '`python={enrich.torchPyNewest}`; or move to a release that has wheels for this Python: the oldest pip listed, {enrich.torchPyOldestLabel}:',
        '',
        '```sh',
        '{enrich.torchPyOldestCmd}',
        '```',
      ].join('\n'),
    },
    // a plain torch pin newer than every release pip lists, where the list stops at a release after which torch dropped a
    // Python (knowledge/torch-python.ts, the ranges of pytorch/pytorch RELEASE.md): this Python is older than the pin's wheels.
    // `python:3.9-slim` and the like: the official python image's tags; in a Dockerfile the Python comes from the FROM line
    // (or the distro or conda Python the image installs), in a shell from the environment that runs pip.
    ...(['image-build', 'other'] as const).map((place): Variant => ({
      when: place === 'image-build' ? 'enrich.torchPyOldPython&fact.place=image-build' : 'enrich.torchPyOldPython',
      title: 'Pinned torch is newer than this Python supports',
      message:
        'pip found no {requirement}: every release it lists is older, up to {enrich.torchPyOldNewest}. This Python is ' +
        '{enrich.torchPyOldPython}: {enrich.torchPyOldWhy}. The pinned release has wheels for Python {enrich.torchPyOldRange} only.',
      fix: [
        place === 'image-build'
          ? 'Either keep the pin and build on a Python in {enrich.torchPyOldRange}: change the `FROM` line to an image with one ' +
            '(`python:{enrich.torchPyOldLowest}-slim` or newer; a CUDA or distro image gets it from its own packages or from conda ' +
            '`python={enrich.torchPyOldLowest}`), then check with `python3 --version` in that image;'
          : 'Either keep the pin and run the install under a Python in {enrich.torchPyOldRange}: in a Docker image, a `FROM` image ' +
            'with one (`python:{enrich.torchPyOldLowest}-slim` or newer); in a shell, `uv venv --python {enrich.torchPyOldLowest}` (which ' +
            'fetches that Python) or a conda environment with `python={enrich.torchPyOldLowest}` (`python3 --version` shows which Python runs pip);',
        'or keep this Python and pin the newest release pip lists for it, {enrich.torchPyOldNewestLabel}, if the rest of the ' +
          'requirements accept it:',
        '',
        '```sh',
        '{enrich.torchPyOldNewestCmd}',
        '```',
      ].join('\n'),
    })),
    // a plain pin on one of PyTorch's CUDA indexes that lists only other releases of its CUDA (`from versions:
    // 1.11.0+cu115` for torch==1.12.0 on whl/cu115): the release was never built for that CUDA. The indexes it was
    // built for: PyTorch's previous-versions page (knowledge/torch-wheels.ts); the commands: knowledge/torch-index-release-enricher.ts.
    // With `idxBlackwellCmd`, the release also has an index new enough for sm_120 (torch 2.7.0: cu128) and the nearest
    // one is older: that index is named for Blackwell GPUs.
    ...[true, false].map((blackwell) => ({
      when: blackwell ? 'enrich.idxMoveCmd&enrich.idxStayCmd&enrich.idxBlackwellCmd' : 'enrich.idxMoveCmd&enrich.idxStayCmd',
      title: 'PyTorch release not built for this CUDA index',
      message:
        'pip found no {requirement} on PyTorch\'s `{enrich.idxIndex}` index: PyTorch never built {enrich.idxPackage} {enrich.idxVersion} for ' +
        'that CUDA. The index lists {versions}, and {enrich.idxVersion} was published for {enrich.idxTags} only ' +
        '(https://pytorch.org/get-started/previous-versions/). {enrich.idxChannelNote|}',
      fix: [
        'Either keep {enrich.idxPackage} {enrich.idxVersion} and take it from the `{enrich.idxOtherTag}` index, with the releases that go with it:',
        '',
        '```sh',
        '{enrich.idxMoveCmd}',
        '```',
        '',
        ...(blackwell
          ? [
              'On a GeForce RTX 50 series or other Blackwell GPU (sm_120: `nvidia-smi --query-gpu=compute_cap --format=csv` ' +
                'prints 12.0), take the `{enrich.idxBlackwellTag}` index instead: CUDA {enrich.idxBlackwellCuda} is the first whose ' +
                'nvcc builds sm_120.',
              '',
              '```sh',
              '{enrich.idxBlackwellCmd}',
              '```',
              '',
            ]
          : []),
        'or stay on `{enrich.idxTag}` with the newest release it lists, {enrich.idxNewest}:',
        '',
        '```sh',
        '{enrich.idxStayCmd}',
        '```',
      ].join('\n'),
    })),
    ...armCudaBuildVariants(),
    {
      // PyTorch's index or find-links page was read and pip still listed no local build: its `+cpu` / `+cuNNN` wheels
      // (linux_x86_64 ones on torch_stable.html) do not fit this platform or Python, so only the plain releases are usable.
      when: 'localVersion&torchIndex&plainOnly',
      message:
        'pip read PyTorch\'s index and found no {requirement}: the releases it could use carry no `+{context.localVersion.tag}` build, ' +
        'only plain versions: {versions}. The index has `+{context.localVersion.tag}` wheels for some platforms and Pythons only ' +
        '(this build: {fact.platform|platform not shown in the log}, Python {fact.python|not shown}).',
      fix:
        '{enrich.plainPinLead} `{enrich.plainPinCmd}`{enrich.plainPinTail} (and torchvision / torchaudio to the ' +
        'releases that go with it: https://pytorch.org/get-started/previous-versions/). If the image must have the ' +
        '`+{context.localVersion.tag}` build, build it for linux/amd64 only, or choose the requirement per platform with `ARG TARGETARCH`.',
    },
    // Releases before 1.11 (knowledge/torch-find-links.ts, from the previous-versions page): their builds are on
    // find-links pages, so an index URL is no answer; the enricher says which build exists.
    {
      when: 'localVersion&enrich.localFindLinksCmd',
      message: legacyLocalMessage,
      fix: '{enrich.localLegacyNote} Install it as that release\'s own command does: `{enrich.localFindLinksCmd}` (https://pytorch.org/get-started/previous-versions/).',
    },
    {
      when: 'localVersion&enrich.localPlainCmd',
      message: legacyLocalMessage,
      fix: '{enrich.localLegacyNote} Pin the plain release: `{enrich.localPlainCmd}` (https://pytorch.org/get-started/previous-versions/).',
    },
    {
      when: 'localVersion&enrich.localLegacyNote',
      message: legacyLocalMessage,
      fix:
        '{enrich.localLegacyNote} https://pytorch.org/get-started/previous-versions/ lists the install command of each release with ' +
        'the CUDA versions it was built for: pin one of those builds, or a release built for this CUDA.',
    },
    {
      when: 'localVersion&!enrich.localIndexCmd',
      message:
        'pip found no {requirement} on the index it used: `+{context.localVersion.tag}` builds are published on PyTorch\'s own index or ' +
        'download pages, not on PyPI. Versions it could see: {versions|not listed in this part of the log}.',
      fix:
        'Install it the way that release\'s own install command does (https://pytorch.org/get-started/previous-versions/ lists the ' +
        'command of each release, with its index or page), or move to a release whose build matches a current index.',
    },
    {
      // conda's env file passes its `pip:` list to pip as a requirements file, so an option line there reaches pip:
      // `- --extra-index-url https://download.pytorch.org/whl/cu116` above `- torch==1.12.1+cu116` (conda's
      // "advanced-pip-example" in conda/conda's examples; the answer to stackoverflow.com/questions/73287475).
      // `conda env update -f` installs the file into the existing environment (conda env update --help).
      when: 'condaPip&localVersion&enrich.localIndexUrl',
      title: 'The environment file\'s pip list asks for a PyTorch build PyPI does not have',
      message:
        'pip, run by conda for the `pip:` list of the environment file, found no {requirement}: `+{context.localVersion.tag}` ' +
        'builds of PyTorch are published on PyTorch\'s own index, and that list names no index, so pip read PyPI only. ' +
        'Versions it could see: {versions|not listed in this part of the log}.',
      fix: [
        'Add PyTorch\'s index to the `pip:` list of the environment file (`environment.yml` unless `-f` named another), as a ' +
          'line of its own above the pins. {enrich.localIndexNote} The torchvision / torchaudio pins of the same list ' +
          '(`+{context.localVersion.tag}` builds, or releases paired with this torch: ' +
          'https://pytorch.org/get-started/previous-versions/) come from the same index:',
        '',
        '```yaml',
        '  - pip:',
        '    - --extra-index-url {enrich.localIndexUrl}',
        '    - {requirement}',
        '```',
        '',
        'Then install the file again: `conda env update -f environment.yml` when the failed create left the environment ' +
          '(`conda env list` shows it), else `conda env create -f environment.yml`. Or drop ' +
          'the torch, torchvision and torchaudio lines from the file and install them with `{enrich.localIndexCmd}` in the ' +
          'new environment.',
      ].join('\n'),
    },
    {
      when: 'localVersion',
      message:
        'pip found no {requirement} on the index it used: `+{context.localVersion.tag}` builds of PyTorch are published on PyTorch\'s own ' +
        'index, not on PyPI. Versions it could see: {versions|not listed in this part of the log}.',
      fix:
        'Install from PyTorch\'s index, which serves the `+{context.localVersion.tag}` build under the plain version: `{enrich.localIndexCmd}`. {enrich.localIndexNote} ' +
        'With `--extra-index-url` instead, PyPI stays in use for the other packages (pip then takes the best version across both indexes).',
    },
    {
      when: 'otherLocal',
      message:
        'pip found no {requirement} on the index it used: `+{context.otherLocal.tag}` builds are published on PyTorch\'s own index or ' +
        'download pages, not on PyPI. Versions it could see: {versions|not listed in this part of the log}.',
      fix:
        'Install it the way that release\'s own install command does (https://pytorch.org/get-started/previous-versions/ lists the ' +
        'command of each release, with its index), or move to a release whose build matches a current index.',
    },
    ...osPackageVariants(),
    ...pythonFloorVariants(),
    // The floor is above every version pip listed (knowledge/unreleased-floor-enricher.ts): no release at or above it on
    // that index for this Python and platform. Not when pip skipped versions for Requires-Python (`Ignored the following
    // versions …`, pythonSkipped) or named another Python: those are the Python variants' cause; after the variants that
    // read a pin above the list as later releases skipped for this Python or platform (pythonFloorVariants).
    {
      when: 'enrich.floorParent&devBuild&!pythonSkipped&!python',
      ...FLOOR_ABOVE_LIST,
      fix: [
        'Install a released {enrich.floorParentName} from the index instead of a development build (a `git+https://…` URL or a checkout of its main',
        'branch asks for its dependencies\' next releases before they are published); the releases are listed on',
        'https://pypi.org/project/{enrich.floorParentName}/#history when the index is PyPI. Or retry once {enrich.floorName} {enrich.floorVersion} is published:',
        'its files are listed on https://pypi.org/project/{enrich.floorName}/{enrich.floorVersion}/#files (a 404 means not yet); a published release',
        'missing from pip\'s list has no file for this Python or platform.',
      ].join('\n'),
    },
    {
      when: 'enrich.floorParent&!pythonSkipped&!python',
      ...FLOOR_ABOVE_LIST,
      fix: [
        'Check whether {enrich.floorName} {enrich.floorVersion} is published: https://pypi.org/project/{enrich.floorName}/{enrich.floorVersion}/#files when the',
        'index is PyPI. A 404 means not yet: retry once it is, or install an earlier {enrich.floorParentName} whose requirement a listed version meets',
        '(its releases: https://pypi.org/project/{enrich.floorParentName}/#history). A page with files means none fits this Python or platform: compare',
        'its wheels\' tags with this interpreter\'s (`python -m pip debug --verbose` lists the compatible tags).',
      ].join('\n'),
    },
    {
      when: 'enrich.floorVersion&!pythonSkipped&!python',
      title: 'The required version is not on the index (yet)',
      message:
        'pip found no {requirement}: the newest {enrich.floorName} it could see is {enrich.floorNewest}, below {enrich.floorVersion}, so that release ' +
        'is not on the index pip read (not published yet, or its files do not fit this Python or platform).',
      fix: [
        'Ask for a version pip listed (the newest is {enrich.floorNewest}), or retry once {enrich.floorName} {enrich.floorVersion} is published:',
        'its files are listed on https://pypi.org/project/{enrich.floorName}/{enrich.floorVersion}/#files when the index is PyPI (a 404 means not yet);',
        'a published release missing from pip\'s list has no file for this Python or platform. If it comes from a private or extra index, pass that',
        'index with `--extra-index-url`.',
      ].join('\n'),
    },
    ...pythonWallVariants(),
    ...noVersionsVariants(),
  ],
  enrich: ['pip-advice', 'torch-python', 'requires-python-wall', 'empty-build-arg', 'torch-prerelease-pin', 'os-python-package'],
  docs: 'https://pip.pypa.io/en/stable/cli/pip_install/',
};

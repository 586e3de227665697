// The install of the local project failed because a file its pyproject.toml declares (the readme, a
// license file) is not where the build looks: in an image build, the usual cause is a dependency layer
// that copies only pyproject.toml and the lock file, while the installer also installs the project itself.
//
// The wordings, from the tools' own source:
// - poetry (installing the root project): `Error: The current project could not be installed: Readme path
//   \`/README.md\` does not exist.`, followed by its hints `use --no-root` and `package-mode = false`
//   (python-poetry/poetry src/poetry/console/commands/install.py; the `Readme path \`…\` does not exist.`
//   text is poetry-core's, tests/masonry/test_metadata.py). The path is absolute (the project root joined).
// - hatchling (under uv, pip, build): `OSError: Readme file does not exist: README.md` and `License file
//   does not exist: …` (pypa/hatch backend/src/hatchling/metadata/core.py, `readme` and `license`
//   properties): the path as pyproject.toml gives it, relative to the project root.
// - poetry-core (the package directory the project ships, `packages` or the project's name): `/app/mypkg does not
//   contain any element` (poetry-core src/poetry/core/masonry/utils/package_include.py, `check_elements`: the
//   base joined with the include, so an absolute path), raised when the directory exists but is empty or absent
//   from the layer; the dependency layer has pyproject.toml and poetry.lock, the package is copied later.
// - poetry-core (no package directory at all): `No file/folder found for package geo-activity-playground`
//   (poetry-core src/poetry/core/masonry/utils/module.py, `Module`: neither `<name>/`, `<name>.py` nor `src/<name>`
//   exists for the package poetry derives from the project name or `packages`). poetry prints it after `The current
//   project could not be installed:` with `Error:` or, in versions that let the install go on, `Warning:`, then the
//   same hints; in an image build the source is simply not copied yet.
// Not matched: `poetry check`'s `Declared README file does not exist: …` (a lint, no failed install).
//
// The advice:
// - `poetry install --no-root`: "Do not install the root package (the current project)" (poetry CLI docs,
//   https://python-poetry.org/docs/cli/#install); `package-mode = false` under `[tool.poetry]`
//   (https://python-poetry.org/docs/basic-usage/#operating-modes); both are also named by poetry's message.
// - `poetry install --only-root` installs the project and none of the dependencies (poetry 1.2,
//   python-poetry/poetry#5783; https://python-poetry.org/docs/cli/#install): the second install, once the package
//   directory is copied.
// - Poetry 2.0.0 (2025-01-05) made it an error: "Upgrade the warning if the current project cannot be installed to an
//   error" (python-poetry/poetry#9333, the 2.0.0 changelog in "Announcing Poetry 2.0.0", python-poetry.org/blog). Poetry
//   1.8 printed the same lines as `Warning: The current project could not be installed: …`, ending `In a future version of
//   Poetry this warning will become an error!`, and the install went on. Poetry 2.0.0 itself still printed the word
//   `Warning:` (without that last line) and exited 1 (openwallet-foundation/acapy-vc-authn-oidc#702, a build with Poetry 2.0.0);
//   python-poetry/poetry#9945 ("fix: clarify error message in `install`", after 2.0.0) changed the word to `Error:`. So
//   `Error:` there is a Poetry 2 after 2.0.0 (the `poetryError` context); 2.0.0's `Warning:` form is read as the older
//   variants read it. A Dockerfile
//   whose layer never had the readme built with an unpinned `pip install poetry` until Poetry 2 came out
//   (lnbits/lnbits#3207: the reporter's fix, and the project's Dockerfile at HEAD, pin poetry 1.8.5).
//   `--no-root` skips the project itself, so its own package and its `[tool.poetry.scripts]` / `[project.scripts]` entry
//   points are not installed: an image that runs the project's command needs the project installed after the sources.
// - `uv sync --no-install-project` installs the dependencies without the project (uv 0.3.3, astral-sh/uv#6538),
//   the dependency-layer pattern of uv's Docker guide (https://docs.astral.sh/uv/guides/integration/docker/,
//   "Intermediate layers"), followed by a plain `uv sync` after the sources are copied.
import type { RuleInput } from '../../schema.js';

const poetryFix = [
  'The dependency layer has pyproject.toml but not the readme, and `poetry install` also installs the project itself. ' +
    'Either:',
  '',
  '- install only the dependencies in that layer: `poetry install --no-root` (run a plain `poetry install` after ' +
    'the sources are copied if the project itself must be importable as a package);',
  '- or, for an application that is never installed as a package, set `package-mode = false` under `[tool.poetry]` ' +
    'in pyproject.toml;',
  '- or copy the readme (`{context.poetry.path}` in the image) together with pyproject.toml before the install.',
];

const POETRY2_TITLE = 'Poetry 2 cannot install the project: its readme is not there';

const POETRY2_MESSAGE =
  '`poetry install` installs the dependencies and then the project itself, and the project\'s pyproject.toml declares a ' +
  'readme that is not there: poetry reports the readme path `{context.poetry.path}` does not exist. Poetry 2.0 (January 2025) ' +
  'made this an error (its changelog: "Upgrade the warning if the current project cannot be installed to an error"); Poetry ' +
  '1.8 printed it as a warning and went on: a build that installs poetry unpinned (`pip install poetry`) took Poetry 2 ' +
  'when it came out, and fails now on a readme it never had.';

/** Copy the readme with pyproject.toml, or pin Poetry 1.x; `--no-root` only with what it drops. */
function poetry2Fix(fence: 'dockerfile' | 'sh', noRootCmd = false): string {
  const copy =
    fence === 'dockerfile'
      ? ['```dockerfile', 'COPY {context.readmeName.file} ./', '```']
      : ['```sh', '# copy {context.readmeName.file} next to pyproject.toml before `poetry install`', '```'];
  return [
    'Either copy the readme into the project directory next to pyproject.toml, before the `poetry install` (poetry looks ' +
      'for it at `{context.poetry.path}`):',
    '',
    ...copy,
    '',
    'Or pin Poetry below 2 where it is installed, which only warns: `pip install "poetry<2"` (or an exact 1.x, `poetry==1.8.5`).',
    '',
    '`poetry install --no-root` also gets past this line, but it skips the project itself: its own package and the commands ' +
      'its pyproject.toml declares (`[tool.poetry.scripts]`) are not installed, so an image that runs one of them needs ' +
      'a plain `poetry install` after the sources are copied. For an application that is never installed as a package, ' +
      '`package-mode = false` under `[tool.poetry]` in pyproject.toml makes that the default.',
    ...(noRootCmd ? ['', '```dockerfile', 'RUN {enrich.poetryNoRoot}', '```'] : []),
  ].join('\n');
}

const noPackagePattern = 'could not be installed: No file/folder found for package (?<pkg>[\\w.-]{1,200})';

const hatchIntro =
  'The build backend hatchling reads `{context.hatch.file}`, which pyproject.toml declares, and the file is not in the ' +
  'project directory when the project is built.';

// `uv sync` in an image build, the readme a plain name at the project root: the COPY line, or uv's dependency layer.
// The step's command shows `uv sync` in BuildKit's error line or in its Dockerfile instruction.
function uvSyncVariant(when: string) {
  return {
    when,
    title: 'uv sync builds the project, and a file its pyproject.toml declares is not in the image',
    message:
      `${hatchIntro} \`uv sync\` installs the project itself (hatchling builds it), so the step that copies only ` +
      'pyproject.toml and uv.lock fails: `{context.hatch.kind} file does not exist: {context.hatch.file}`.',
    fix: [
      'Copy the file with the project metadata, before `uv sync`:',
      '',
      '```dockerfile',
      'COPY pyproject.toml uv.lock {context.hatchAtRoot.file} ./',
      '```',
      'Or keep the dependency layer free of the project and install it once the sources are there (uv\'s Docker guide, ' +
        '"Intermediate layers"): `uv sync --no-install-project` (with the step\'s other flags, e.g. `--frozen --no-dev`) ' +
        'before `COPY . .`, then `uv sync` with the same flags after it.',
    ].join('\n'),
  };
}

export const projectFileMissing: RuleInput = {
  id: 'pip/project-file-missing',
  title: 'A file pyproject.toml declares is not in the build',
  severity: 'error',
  match: [
    // poetry: `Error: The current project could not be installed: Readme path \`/README.md\` does not exist.`
    { literals: ['Readme path `'], pattern: 'Readme path `(?<path>[^`\\s]{1,300})` does not exist' },
    // poetry-core: `/app/voc_builder does not contain any element` (the package directory is not in the layer yet).
    { literals: [' does not contain any element'], pattern: '(?<dir>/\\S{1,300}) does not contain any element$' },
    // hatchling: `OSError: Readme file does not exist: README.md`, `License file does not exist: LICENSE`
    { literals: ['file does not exist: '], pattern: '(?:Readme|License) file does not exist: (?<file>\\S{1,300})' },
    // poetry-core: `… could not be installed: No file/folder found for package geo-activity-playground`
    { literals: ['No file/folder found for package '], pattern: noPackagePattern },
  ],
  context: [
    { name: 'poetry', literals: ['Readme path `'], pattern: 'Readme path `(?<path>[^`\\s]{1,300})` does not exist' },
    // the readme's file name, the last part of poetry's absolute path: `/app/README.md` -> `README.md`
    { name: 'readmeName', literals: ['Readme path `'], pattern: 'Readme path `(?:[^`\\s]{0,300}/)?(?<file>[^/`\\s]{1,200})` does not exist' },
    // Poetry 2.0 and later: the failed root install is an `Error:` (Poetry 1.8 printed `Warning:` and went on)
    { name: 'poetryError', literals: ['Error: The current project could not be installed'] },
    { name: 'noPackage', literals: ['No file/folder found for package '], pattern: noPackagePattern },
    { name: 'packageDir', literals: [' does not contain any element'], pattern: '(?<dir>/\\S{1,300}) does not contain any element$' },
    {
      name: 'hatch',
      literals: ['file does not exist: '],
      pattern: '(?<kind>Readme|License) file does not exist: (?<file>\\S{1,300})',
    },
    // A plain file name at the project root: `COPY <name> ./` then puts it where hatchling looks.
    { name: 'hatchAtRoot', literals: ['file does not exist: '], pattern: '(?:Readme|License) file does not exist: (?<file>[^/\\s]{1,200})$' },
    // The step runs `uv sync` (the Dockerfile instruction or BuildKit's `process "/bin/sh -c uv sync …"`).
    { name: 'uvSync', literals: ['uv sync'], pattern: '\\buv sync\\b' },
    { name: 'uvSyncInstruction', source: 'instruction', literals: ['uv sync'], pattern: '\\buv sync\\b' },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  enrich: 'installer-command',
  message:
    'The project could not be installed: its pyproject.toml declares a file the build does not have ({error}). ' +
    'In an image build this is a layer that copies pyproject.toml (and the lock file) before the rest of the sources.',
  fix: [
    'Copy the file named in the error into the project directory before the install step, or install only the ' +
      'dependencies there (`poetry install --no-root`, `uv sync --no-install-project`) and install the project after ' +
      'the sources are copied.',
  ].join('\n'),
  variants: [
    {
      when: 'packageDir&enrich.poetryOnlyRoot',
      title: 'Poetry installs the project before its package directory is copied',
      message:
        '`poetry install` installs the dependencies and then the project itself, and the project\'s package directory ' +
        '`{context.packageDir.dir}` is empty in this layer: poetry-core reports it does not contain any element. The ' +
        'Dockerfile copies pyproject.toml and the lock before the install, and the package sources only after it.',
      fix: [
        'Install only the dependencies in this layer (`--no-root`: "Do not install the root package"), copy the ' +
          'package, then install the project alone (`--only-root`, poetry 1.2 or later):',
        '',
        '```dockerfile',
        'RUN {enrich.poetryNoRoot}',
        '```',
        'then, after the `COPY` that brings `{context.packageDir.dir}` into the image:',
        '',
        '```dockerfile',
        'RUN {enrich.poetryOnlyRoot}',
        '```',
        'If the project is never imported as an installed package (an application run from its directory), ' +
          '`--no-root` alone is enough, or `package-mode = false` under `[tool.poetry]`. Copying the package before ' +
          'the install also works, but every source change then reinstalls all the dependencies.',
      ].join('\n'),
    },
    {
      when: 'noPackage&enrich.poetryOnlyRoot',
      title: 'Poetry installs the project, and its package sources are not in the image',
      message:
        '`poetry install` installs the dependencies and then the project itself, and no package directory for ' +
        '`{context.noPackage.pkg}` is in the image at this step: poetry reports `No file/folder found for package ' +
        '{context.noPackage.pkg}`, and its own hint names `--no-root` and `package-mode = false`.',
      fix: [
        'Install only the dependencies in this layer (`--no-root`: "Do not install the root package"):',
        '',
        '```dockerfile',
        'RUN {enrich.poetryNoRoot}',
        '```',
        'If the project must be installed as a package, copy its sources (the package directory, or `src/`) after ' +
          'this step and install the project alone (`--only-root`, poetry 1.2 or later):',
        '',
        '```dockerfile',
        'RUN {enrich.poetryOnlyRoot}',
        '```',
        'For an application that is never installed as a package, `package-mode = false` under `[tool.poetry]` in ' +
          'pyproject.toml does the same as `--no-root`. If the sources are copied before this step, check the ' +
          '`.dockerignore` and the `packages` entry of pyproject.toml: poetry looks for a directory or module named ' +
          'after the project.',
      ].join('\n'),
    },
    {
      when: 'noPackage',
      title: 'Poetry cannot install the project: its package sources are not there',
      message:
        '`poetry install` installs the dependencies and then the project itself, and finds no package directory or ' +
        'module for `{context.noPackage.pkg}`: poetry reports `No file/folder found for package {context.noPackage.pkg}`.',
      fix: [
        'Put the sources where poetry looks (a directory or module named after the project, or `src/` with it, or ' +
          'what `packages` in pyproject.toml says) before the install; in an image build, copy them before it. Or ' +
          'install only the dependencies, `poetry install --no-root`, and for an application that is never installed ' +
          'as a package set `package-mode = false` under `[tool.poetry]`.',
      ].join('\n'),
    },
    {
      when: 'packageDir',
      title: 'Poetry cannot install the project: its package directory is empty',
      message:
        '`poetry install` installs the dependencies and then the project itself, and the project\'s package directory ' +
        '`{context.packageDir.dir}` has no files: poetry-core reports it does not contain any element.',
      fix: [
        'Put the package sources at `{context.packageDir.dir}` before the install (in an image build, copy them with ' +
          'pyproject.toml), or fix `packages` in pyproject.toml if the package lives elsewhere. Or install only the ' +
          'dependencies first, `poetry install --no-root`, and the project once its sources are there, ' +
          '`poetry install --only-root` (poetry 1.2 or later).',
      ].join('\n'),
    },
    {
      when: 'poetry&poetryError&readmeName&enrich.poetryNoRoot&fact.place=image-build',
      title: POETRY2_TITLE,
      message: POETRY2_MESSAGE,
      fix: poetry2Fix('dockerfile', true),
    },
    { when: 'poetry&poetryError&readmeName&fact.place=image-build', title: POETRY2_TITLE, message: POETRY2_MESSAGE, fix: poetry2Fix('dockerfile') },
    { when: 'poetry&poetryError&readmeName', title: POETRY2_TITLE, message: POETRY2_MESSAGE, fix: poetry2Fix('sh') },
    {
      when: 'poetry&enrich.poetryNoRoot',
      title: 'Poetry cannot install the project: its readme is not in the image',
      message:
        '`poetry install` installs the dependencies and then the project itself, and the project\'s pyproject.toml ' +
        'declares a readme that is not in the image: poetry reports the readme path `{context.poetry.path}` does not exist.',
      fix: [
        ...poetryFix,
        '',
        'For example, in the Dockerfile:',
        '',
        '```dockerfile',
        'RUN {enrich.poetryNoRoot}',
        '```',
      ].join('\n'),
    },
    {
      when: 'poetry',
      title: 'Poetry cannot install the project: its readme is missing',
      message:
        '`poetry install` installs the dependencies and then the project itself, and the project\'s pyproject.toml ' +
        'declares a readme that is not there: poetry reports the readme path `{context.poetry.path}` does not exist.',
      fix: [
        'Restore the readme at `{context.poetry.path}` (or fix the `readme` entry in pyproject.toml), or skip the ' +
          'project: `poetry install --no-root` installs only the dependencies, and `package-mode = false` under ' +
          '`[tool.poetry]` makes that the default for a project that is not a package.',
      ].join('\n'),
    },
    uvSyncVariant('hatchAtRoot&fact.place=image-build&uvSync'),
    uvSyncVariant('hatchAtRoot&fact.place=image-build&uvSyncInstruction'),
    {
      when: 'hatch',
      title: 'A file the project\'s pyproject.toml declares is missing from the build',
      message: `${hatchIntro} \`{context.hatch.kind} file does not exist: {context.hatch.file}\`.`,
      fix: [
        'Put `{context.hatch.file}` (relative to pyproject.toml) in the project directory before the project is built: ' +
          'in an image build, copy it with pyproject.toml before the install step. Or install only the dependencies in ' +
          'that layer (`uv sync --no-install-project`; with pip, a requirements file instead of `.`) and install the ' +
          'project after the sources are copied.',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.astral.sh/uv/guides/integration/docker/#intermediate-layers',
};

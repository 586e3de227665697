// poetry's solver found no release of a declared dependency that fits its constraint: `Because borg-exporter depends on
// pytest-celery (^0.0.0-alpha.1) which doesn't match any versions, version solving failed.` (poetry's
// mixology/incompatibility.py writes `which doesn't match any versions` for a `NoVersionsCauseError`; the same wording,
// wrapped after `match any`, in poetry 0.12, python-poetry/poetry#609). Before `depends on` stands the project (or a
// package and its version, further down a chain), after it the package and, in parentheses, the constraint. Not matched: a dependency refused for its Python range (`which requires Python …`,
// pip/poetry-python-range), or pip's resolver (`No matching distribution found`, pip/no-matching-distribution).
//
// The advice (python-poetry/poetry: docs/managing-dependencies.md, docs/dependency-specification.md, CHANGELOG.md):
// - An image that runs the project needs its main dependencies only: `poetry install --only main` ("If you only want to
//   install the project's runtime dependencies"). Dependency groups and `--only` arrived in poetry 1.2 (1.2.0a2,
//   #4260); before, `poetry install --no-dev`, which 2.0.0 removed with the other deprecated options (#9732). A test
//   tool such as the one in danihodovic/borg-exporter#47 sits in `[tool.poetry.group.dev.dependencies]` (or the older
//   `[tool.poetry.dev-dependencies]`); the reporter's build passed with `--only main`.
// - Otherwise the constraint must name a release the sources have. The caret on a 0.0.x version allows that patch
//   release only (`^0.0.3` is `>=0.0.3 <0.0.4`, dependency-specification.md); the release list of a PyPI package:
//   `pip index versions <name> --pre` (pip 21.2 or later; pip 23.2.1 here lists `--pre` among its options), or
//   https://pypi.org/project/<name>/#history. Then `poetry lock`, so poetry.lock agrees with pyproject.toml.
// - The install is main-only already when poetry says `The \`--no-dev\` option is deprecated, use the \`--only main\`
//   notation instead.` (poetry 1.2 – 1.8 print it for `poetry install --no-dev`, as in a `RUN poetry install --no-dev`
//   build log this project's search store keeps), or the step's command has `--only main` / `--no-dev` / `--without`:
//   the dev-dependency branch is then ruled out, and the declared dependency is a main one
//   (artefactory/streamlit_prophet#25).
// - `pip`, `setuptools`, `wheel` and `distribute` are the installer's own tools: poetry's resolver keeps them out of the
//   dependencies it resolves (`UNSAFE_PACKAGES = {"setuptools", "distribute", "pip", "wheel"}` in
//   poetry/puzzle/provider.py, whose dependency lists skip `dep.name in self.UNSAFE_PACKAGES`), so a project that declares
//   one is not asking poetry for something it can install, whatever the constraint: in
//   artefactory/streamlit_prophet#25 `pip = "^21.3.1"` failed though pip 21.3.1 is on PyPI, and the maintainer's fix
//   was to change the requirements (drop the line). The release list would only mislead there.
import type { RuleInput } from '../../schema.js';

const CONSTRAINT = [
  'If the image needs `{package}`, its constraint `{constraint}` matches no release on the sources poetry searches. List the',
  'releases (pip 21.2 or later):',
  '',
  '```sh',
  'pip index versions {package} --pre',
  '```',
  '',
  'A caret on a 0.0.x version allows that one patch release only (`^0.0.3` is `>=0.0.3 <0.0.4`). Change the constraint in',
  'pyproject.toml to releases that exist, run `poetry lock`, and commit both files. A package published on a private',
  'index needs that source configured where the image runs poetry.',
].join('\n');

const MAIN_ONLY = [
  'The install already leaves out the development dependencies (the log shows `--no-dev` or `--only main`), so',
  '`{package}` is a main dependency the project needs. Find where pyproject.toml declares it: `grep -n "{package}"',
  'pyproject.toml`.',
  '',
  CONSTRAINT,
].join('\n');

export const poetryNoMatchingVersion: RuleInput = {
  id: 'pip/poetry-no-matching-version',
  title: 'poetry: no release of a dependency matches its constraint',
  severity: 'error',
  match: [
    {
      literals: ["which doesn't match any"],
      pattern:
        "(?<dependent>[A-Za-z0-9-][\\w.-]{0,100})(?: \\([^()]{1,100}\\))? (?:depends on|requires) (?<package>[A-Za-z0-9][\\w.-]{0,100}) \\((?<constraint>[^()]{1,100})\\) which doesn't match any\\b",
    },
  ],
  context: [
    // the step runs `poetry install` without choosing groups: `RUN poetry install`, `RUN poetry install --no-interaction`;
    // the command ends at a shell comment too (`poetry install --no-interaction #!COMMIT`, danihodovic/celery-exporter#71),
    // so that a flag added to it is not commented out
    {
      name: 'installAll',
      source: 'instruction',
      literals: ['poetry install'],
      pattern: '(?<cmd>(?:[~\\w./-]{0,200}/)?poetry install(?![^;&|#\\n]{0,300}--(?:only|no-dev|without)\\b)[^;&|#\\n]{0,300}?)\\s*(?:$|[;&|#])',
    },
    // the install already leaves out the dev dependencies: poetry's own warning for `--no-dev`, or the step's command
    { name: 'mainOnlyWarned', literals: ['The `--no-dev` option is deprecated'] },
    {
      name: 'mainOnlyCommand',
      source: 'instruction',
      literals: ['poetry install'],
      pattern: 'poetry install[^;&|#\\n]{0,300}--(?:only[ =]main|no-dev|without[ =]dev)\\b',
    },
    // the declared dependency is one of the tools poetry keeps out of what it resolves (see above)
    {
      name: 'installerTool',
      literals: ["which doesn't match any"],
      pattern: "(?:depends on|requires) (?<tool>pip|setuptools|wheel|distribute) \\([^()]{1,100}\\) which doesn't match any\\b",
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'poetry could not resolve the dependencies: `{dependent}` depends on `{package}` `{constraint}`, and no release of ' +
    '`{package}` on the sources poetry searches matches it, so poetry installs nothing.',
  fix: [
    'Find where pyproject.toml declares it: `grep -n "{package}" pyproject.toml`. If it is a development dependency (under',
    '`[tool.poetry.group.dev.dependencies]`, or `[tool.poetry.dev-dependencies]`), the image need not install it: install',
    'the main dependencies only, with `poetry install --only main` (poetry 1.2 or later; `--no-dev` before 1.2, removed',
    'in 2.0; `poetry --version` tells which).',
    '',
    CONSTRAINT,
  ].join('\n'),
  variants: [
    {
      when: 'installerTool',
      message:
        'poetry could not resolve the dependencies: `{dependent}` declares `{context.installerTool.tool}` ' +
        '`{constraint}` as a dependency. `{context.installerTool.tool}` is a tool of the installer itself, which ' +
        "poetry's resolver keeps out of the packages it resolves (pip, setuptools, wheel, distribute), so no " +
        'release of it is offered, whatever the constraint: the release may well exist on PyPI.',
      fix: [
        'Remove the `{context.installerTool.tool}` line from the dependencies in pyproject.toml (find it with `grep -n',
        '"^{context.installerTool.tool}" pyproject.toml`; it is under `[tool.poetry.dependencies]` or a group), then run',
        '`poetry lock` and commit both files. The environment poetry installs into has its own pip; a build that needs',
        'a newer one upgrades it before `poetry install` (`pip install --upgrade pip`), outside the project\'s dependencies.',
      ].join('\n'),
    },
    { when: 'mainOnlyWarned', fix: MAIN_ONLY },
    { when: 'mainOnlyCommand', fix: MAIN_ONLY },
    {
      when: 'installAll&fact.place=image-build',
      fix: [
        'Find where pyproject.toml declares it: `grep -n "{package}" pyproject.toml`. If it is a development dependency',
        '(under `[tool.poetry.group.dev.dependencies]`, or `[tool.poetry.dev-dependencies]`), the image need not install',
        'it: install the main dependencies only (poetry 1.2 or later; `poetry --version` in the image tells which). In the',
        '`RUN` line that runs it, change the install command to this, and keep the rest of that line as it is (the',
        'step may run other commands before or after it):',
        '',
        '```sh',
        '{context.installAll.cmd} --only main',
        '```',
        '',
        'On a poetry older than 1.2 the option is `--no-dev` (poetry 2.0 removed it).',
        '',
        CONSTRAINT,
      ].join('\n'),
    },
  ],
  docs: 'https://python-poetry.org/docs/managing-dependencies/#installing-group-dependencies',
};

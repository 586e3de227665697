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

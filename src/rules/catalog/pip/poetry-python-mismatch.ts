// poetry's solver refused the lock because the Python it installs for is older than a package allows:
// `[SolverProblemError]` / `SolverProblemError`, then `The current project's Python requirement (2.7.16) is not
// compatible with some of the required packages Python requirement:` and `- black requires Python >=3.6`. When the
// parenthesis holds one version (`2.7.16`) it is the interpreter of the environment poetry installs into, not the
// project's `python` range: poetry 1.0 put it there on `poetry install` (python-poetry/poetry#2160, and
// thatmattlove/hyperglass#66, both in image builds FROM a Python 3 image).
// Not matched: the same sentence with a range (`(>=3.9,<4.0)`), which is pyproject.toml's `python` constraint
// against a package's (python-poetry/poetry#4657): a constraint to change, not an interpreter.
//
// Two causes, told apart by the lines before the error:
// - `Using virtualenv: /app/.venv`: an in-project virtualenv. poetry uses `{project-dir}/.venv` when it exists
//   unless `virtualenvs.in-project` is set (poetry docs, configuration.md, "virtualenvs.in-project"), and
//   `virtualenvs.create false` does not stop that: poetry still installs into an existing `{project-dir}/.venv`
//   (same page, "virtualenvs.create"). In an image build, a `.venv` in the project is the host's, copied in by
//   `COPY . …`; its interpreter is a host path that means nothing in the image. A `.dockerignore` line keeps it
//   out of the build context (Docker docs, https://docs.docker.com/build/concepts/context/#dockerignore-files).
// - otherwise: the interpreter poetry itself runs under or the environment it picked; `poetry env info` prints
//   both (poetry docs, managing-environments.md, "Displaying the environment information").
import type { RuleInput } from '../../schema.js';

const checkEnv = [
  'To see which Python poetry installs for, and which one it runs under, add before the failing step:',
  '',
  '```dockerfile',
  'RUN poetry --version && poetry env info',
  '```',
].join('\n');

export const poetryPythonMismatch: RuleInput = {
  id: 'pip/poetry-python-mismatch',
  title: 'poetry installs for an older Python than a locked package allows',
  severity: 'error',
  match: [
    {
      literals: ["The current project's Python requirement ("],
      pattern:
        "The current project's Python requirement \\((?<python>\\d{1,2}\\.\\d{1,3}(?:\\.\\d{1,3})?)\\) is not compatible with some of the required packages",
    },
  ],
  context: [
    // `  - black requires Python >=3.6`: the first package poetry names and its requirement.
    {
      name: 'requires',
      literals: ['requires Python'],
      pattern: '^\\s{0,8}- (?<package>[A-Za-z0-9][\\w.-]{0,100}) requires Python (?<range>[^\\s,]{1,60})',
    },
    // `Using virtualenv: /app/.venv`: poetry picked the project's own .venv.
    { name: 'projectVenv', literals: ['Using virtualenv:'], pattern: 'Using virtualenv: (?<path>\\S{0,300}/\\.venv)\\s*$' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'poetry resolved the lock for Python {python}, and {context.requires.package|a required package} requires Python ' +
    '{context.requires.range|a newer one}: the environment poetry installs into runs Python {python}, not the ' +
    'image\'s own Python.',
  fix: [
    checkEnv,
    '',
    'Then install poetry with the image\'s Python 3 (`python3 -m pip install poetry`) so that it neither runs under nor ' +
      'installs for Python {python}.',
  ].join('\n'),
  variants: [
    {
      when: 'projectVenv&fact.place=image-build',
      title: 'poetry installs into a .venv copied from the host, with an older Python',
      message:
        'poetry installs into `{context.projectVenv.path}`, a virtualenv inside the project, and resolved for its ' +
        'Python {python}; {context.requires.package|a required package} requires Python ' +
        '{context.requires.range|a newer one}. That .venv came into the image with the sources (`COPY`): it is the ' +
        'host\'s, with the host\'s interpreter, not the image\'s Python.',
      fix: [
        'Keep the host\'s virtualenv out of the build context: add a line to `.dockerignore` next to the Dockerfile,',
        '',
        '```text',
        '.venv',
        '```',
        '',
        'and rebuild; poetry then creates a virtualenv with the image\'s Python. `poetry config virtualenvs.create ' +
          'false` alone does not help: poetry still uses an existing `.venv` in the project (poetry docs, ' +
          '"virtualenvs.create"). If the context cannot change, delete it in the image before the install:',
        '',
        '```dockerfile',
        'RUN rm -rf {context.projectVenv.path}',
        '```',
      ].join('\n'),
    },
    {
      when: 'projectVenv',
      message:
        'poetry installs into `{context.projectVenv.path}`, a virtualenv inside the project, and resolved for its ' +
        'Python {python}; {context.requires.package|a required package} requires Python ' +
        '{context.requires.range|a newer one}.',
      fix: [
        'Recreate the project\'s virtualenv with a newer Python: `poetry env info` shows the one in use; remove it ' +
          'and install again with the interpreter you want (poetry docs, "Managing environments"):',
        '',
        '```sh',
        'rm -rf {context.projectVenv.path}',
        'poetry env use python3',
        'poetry install',
        '```',
      ].join('\n'),
    },
  ],
  docs: 'https://python-poetry.org/docs/configuration/#virtualenvsin-project',
};

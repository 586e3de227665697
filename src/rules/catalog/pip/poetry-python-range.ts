// poetry's solver refused a dependency because the project's declared Python range is wider than the
// dependency's: `The current project's Python requirement (>=3.9,<4.0) is not compatible with some of the
// required packages Python requirement:` (poetry 1.x, python-poetry/poetry#4657), or `The current project's
// supported Python range (>=3.11.0,<3.14.0) …` (poetry 2.x), then `- pytype requires Python <3.10,>=3.6, so it will
// not be satisfied for Python >=3.10,<4.0` (1.x) / `… so it will not be installable for Python …` (2.x). poetry
// resolves once for every Python the project accepts, not only for the interpreter in the image, so the Python the
// build runs does not matter here. Newer releases add their own hint: `For pytype, a possible solution would be to
// set the \`python\` property to ">=3.9,<3.10"` (poetry's solver, `PythonRequirementSolution`: the intersection of
// the two ranges; `"<empty>"` when they share nothing).
//
// Two ways out, from poetry's docs: narrow the range poetry locks for, or keep it and declare the dependency only
// for the Pythons it supports (a `python` restriction on the dependency,
// https://python-poetry.org/docs/dependency-specification/#python-restricted-dependencies). Then `poetry lock`.
// The range poetry locks for is `python` under `[tool.poetry.dependencies]` when the file sets it (poetry 2's
// README: "Python upper bound for locking", beside `requires-python` under `[project]`), else `requires-python`.
//
// Not matched: the same sentence with one interpreter's version in the parenthesis (`(2.7.16)`), which is the
// environment poetry installs into: `pip/poetry-python-mismatch`. A build whose step swallowed the failure
// (`poetry install … || true`, ocean-ai-data-challenges/dc-tools) still gets the finding: the install did not happen.
import type { RuleInput } from '../../schema.js';

const RELOCK = 'Then run `poetry lock` (and commit poetry.lock where the project keeps it).';

export const poetryPythonRange: RuleInput = {
  id: 'pip/poetry-python-range',
  title: "poetry: a dependency does not support every Python the project declares",
  severity: 'error',
  match: [
    {
      literals: ["The current project's Python requirement (", "The current project's supported Python range ("],
      // A range has an operator (`>=3.9,<4.0`, `^3.8`, `~3.10`); one bare version is an interpreter's (see above).
      pattern:
        "The current project's (?:Python requirement|supported Python range) \\((?<range>[^()\\s]{0,60}[<>=^~!*][^()]{0,100})\\) is not compatible with some of the required packages",
    },
  ],
  context: [
    {
      // `  - pytype requires Python <3.10,>=3.6, so it will not be satisfied for Python >=3.10,<4.0`
      name: 'requires',
      literals: [', so it will not be satisfied for Python', ', so it will not be installable for Python'],
      pattern:
        '^\\s{0,12}- (?<package>[A-Za-z0-9][\\w.-]{0,100}) requires Python (?<supports>\\S{1,80}), so it will not be (?:satisfied|installable) for Python (?<excluded>.{1,120}?)\\s*$',
    },
    {
      // poetry's own computation; `"<empty>"` when the two ranges share no Python (no narrowing helps then).
      name: 'suggested',
      literals: ['a possible solution would be to set the'],
      pattern: 'For (?<package>[A-Za-z0-9][\\w.-]{0,100}), a possible solution would be to set the `python` property to "(?!<empty>")(?<python>[^"]{1,80})"',
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    "poetry resolves for every Python the project declares ({range}), and {context.requires.package|a dependency} requires Python " +
    '{context.requires.supports|a narrower range}: it cannot be installed for Python {context.requires.excluded|the rest of that range}, so ' +
    'poetry refuses the whole resolution, whatever Python runs it.',
  fix: [
    'Either narrow the Python range poetry locks for to what {context.requires.package|the dependency} supports, in',
    'pyproject.toml (`python` under `[tool.poetry.dependencies]` when the file has it, else `requires-python` under',
    '`[project]`), or keep the range and restrict the dependency to the Pythons it supports, with a `python` property',
    'on it (poetry docs, "Python restricted dependencies"). Or pick a release of',
    '{context.requires.package|the dependency} whose requirement covers the whole range. ' + RELOCK,
  ].join('\n'),
  variants: [
    {
      when: 'suggested',
      fix: [
        'poetry printed the range both accept: `{context.suggested.python}`. Either narrow the range poetry locks for to it',
        'in pyproject.toml (`python = "{context.suggested.python}"` under `[tool.poetry.dependencies]` when the file has',
        'that key, else `requires-python = "{context.suggested.python}"` under `[project]`), or keep the project\'s range and',
        'restrict only {context.suggested.package} to it: add `python = "{context.suggested.python}"` to its entry under',
        '`[tool.poetry.dependencies]`; an entry that is a plain version string becomes a table with that string as its',
        '`version` key beside `python`.',
        '',
        'The restricted dependency is then not installed on the other Pythons (poetry docs, "Python restricted',
        'dependencies"). ' + RELOCK,
      ].join('\n'),
    },
  ],
  docs: 'https://python-poetry.org/docs/dependency-specification/#python-restricted-dependencies',
};

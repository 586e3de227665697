// poetry.lock no longer matches pyproject.toml (the lock's `content-hash` is not the hash of pyproject.toml's
// dependency sections: python-poetry/poetry src/poetry/packages/locker.py `is_fresh`), and the step refused to go on.
// Poetry's words depend on its release (read in the tags of python-poetry/poetry):
// - 1.1.1–1.7.x, `poetry lock --check` and (1.6.0 and later, #8015) `poetry check --lock`: `Error: poetry.lock is not
//   consistent with pyproject.toml. Run `poetry lock [--no-update]` to fix it.` (pass-culture/pass-culture-main#10482,
//   `RUN poetry check --lock` in an image build);
// - 1.8.x, `poetry check --lock` and `poetry install` (an error since 1.8.0, nborrmann/diff-poetry-lock#10): `pyproject.toml
//   changed significantly since poetry.lock was last generated. Run `poetry lock [--no-update]` to fix the lock file.`;
// - 2.x: the same without `[--no-update]` (bghira/SimpleTuner#1501, `poetry install` in a BuildKit step).
// Not matched: poetry 1.x's `Warning: poetry.lock is not consistent with pyproject.toml. You may be getting improper
// dependencies. …`, printed by a `poetry install` that goes on (ActivityWatch/aw-core#140).
//
// The advice (python-poetry/poetry CHANGELOG.md):
// - `--no-update` came with 1.1.1 (#3034): on 1.x plain `poetry lock` re-resolves every package to its newest allowed
//   release, `poetry lock --no-update` only refreshes the lock for what pyproject.toml changed. 2.0.0 (2025-01-05)
//   made that the default and removed the option (`--regenerate` does the old default, #9327): on 2.x it is plain
//   `poetry lock`. The message itself tells the major: `[--no-update]` is printed by 1.x only.
// - The lock is refreshed where the sources live, with the poetry release the image installs, and committed: a lock
//   written inside the build is lost with the layer, and the check is what caught the drift, so it stays.
import type { RuleInput } from '../../schema.js';

function refresh(command: string, release: string): string {
  return [
    `Refresh the lock where pyproject.toml is edited, with the poetry release the image installs (${release}; ` +
      '`poetry --version` on both sides), and commit it:',
    '',
    '```bash',
    command,
    'git add poetry.lock',
    'git commit -m "Refresh poetry.lock"',
    '```',
  ].join('\n');
}

const keepCheck =
  'Keep the check in the build: it is what refuses a pyproject.toml changed without its lock. Running `poetry lock` ' +
  'inside the image instead would install whatever it resolves there, not what was reviewed.';

export const poetryLockStale: RuleInput = {
  id: 'pip/poetry-lock-stale',
  title: 'poetry.lock is out of date with pyproject.toml',
  severity: 'error',
  match: [
    // 1.1.1–1.7.x: `Error: poetry.lock is not consistent with pyproject.toml. Run `poetry lock [--no-update]` to fix it.`
    {
      literals: ['poetry.lock is not consistent with pyproject.toml. Run'],
      pattern: '^\\s{0,8}(?:Error: )?poetry\\.lock is not consistent with pyproject\\.toml\\. Run ',
    },
    // 1.8.0 and later: `pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock …`
    // (at the start of the line: a sentence that quotes it, `reports *"pyproject.toml changed …"*`, is not poetry's output)
    {
      literals: ['pyproject.toml changed significantly since poetry.lock was last generated'],
      pattern: '^\\s{0,8}(?:Error: )?pyproject\\.toml changed significantly since poetry\\.lock was last generated\\. Run ',
    },
  ],
  context: [
    // poetry 1.x names `--no-update`; 2.x removed it
    { name: 'poetry1', literals: ['poetry lock [--no-update]'] },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'pyproject.toml changed after poetry.lock was written (the lock\'s content-hash no longer matches it), and poetry ' +
    'refuses to go on with a stale lock. Poetry\'s own remedy is `poetry lock`; this poetry is 2.x (its message no longer ' +
    'offers `--no-update`), where `poetry lock` keeps the locked versions and only adds what changed.',
  fix: [refresh('poetry lock', '2.x here'), '', keepCheck].join('\n'),
  variants: [
    {
      when: 'poetry1',
      message:
        'pyproject.toml changed after poetry.lock was written (the lock\'s content-hash no longer matches it), and poetry ' +
        'refuses to go on with a stale lock. Poetry\'s own remedy is `poetry lock [--no-update]`; this poetry is 1.x (2.0 ' +
        'dropped the option), where `--no-update` keeps the locked versions and only adds what changed, and plain ' +
        '`poetry lock` moves every package to its newest allowed release.',
      fix: [
        refresh('poetry lock --no-update', '1.x here'),
        '',
        'On poetry 2.x the same is plain `poetry lock` (2.0 made `--no-update` the default and removed the option).',
        '',
        keepCheck,
      ].join('\n'),
    },
  ],
  docs: 'https://python-poetry.org/docs/cli/#lock',
};

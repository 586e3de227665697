// `uv sync --locked` (or `uv run --locked`, `uv lock --locked`) refused to install because uv.lock no longer
// matches pyproject.toml: uv prints `error: The lockfile at \`uv.lock\` needs to be updated, but \`--locked\` was
// provided. To update the lockfile, run \`uv lock\`.` (the wording in astral-sh/uv#17747 and in build logs).
// Not matched: a lock uv cannot parse at all (pip/uv-lock-unreadable), or `--frozen`, which never checks.
//
// The advice (uv docs, "Locking and syncing", https://docs.astral.sh/uv/concepts/projects/sync/):
// - `--locked`: "If the lockfile is not up-to-date, uv will raise an error instead of updating the lockfile";
//   the lock is outdated when pyproject.toml changed so that it no longer matches (a dependency added, a
//   constraint that excludes the locked version). The fix is `uv lock` where the sources live, committing the
//   new uv.lock, so the image build keeps the check.
// - `--frozen`: "use the lockfile without checking if it is up-to-date": installs the stale lock as it is, which
//   hides the drift; offered only as the alternative when the lock is meant to lag.
import type { RuleInput } from '../../schema.js';

const relock = [
  'Update the lock where the sources live, with the uv version the project uses, and commit it:',
  '',
  '```bash',
  'uv lock',
  'git add uv.lock pyproject.toml',
  'git commit -m "Update uv.lock"',
  '```',
];

export const uvLockOutdated: RuleInput = {
  id: 'pip/uv-lock-outdated',
  title: 'uv.lock is out of date with pyproject.toml, and --locked refuses to update it',
  severity: 'error',
  match: [
    {
      literals: ['needs to be updated, but `--locked` was provided'],
      pattern: 'The lockfile at `(?<lock>[^`]{1,300})` needs to be updated, but `--locked` was provided',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  enrich: 'installer-command',
  message:
    'uv.lock no longer matches pyproject.toml (a dependency or a constraint changed after the lock was written), and ' +
    '`--locked` tells uv to fail rather than re-lock it; uv\'s own message says to run `uv lock`.',
  fix: [
    ...relock,
    'Keep `--locked` in the build: it is what caught the drift. If the image must install the lock exactly as it ' +
      'is, without checking it against pyproject.toml, `--frozen` does that (uv docs, "Locking and syncing"), at the ' +
      'cost of building from a lock that no longer says what pyproject.toml asks for.',
  ].join('\n'),
  variants: [
    {
      when: 'enrich.uvFrozen',
      fix: [
        ...relock,
        'Keep `--locked` in the build: it is what caught the drift. If the image must install the lock exactly as ' +
          'it is, without checking it against pyproject.toml (uv docs, "Locking and syncing"), the step becomes:',
        '',
        '```dockerfile',
        'RUN {enrich.uvFrozen}',
        '```',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.astral.sh/uv/concepts/projects/sync/',
};

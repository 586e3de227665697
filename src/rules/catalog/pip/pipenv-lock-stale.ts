// Pipfile.lock no longer matches the Pipfile, and `pipenv install --deploy` refuses it. The lock records a hash of the
// Pipfile (its `_meta.hash`); pipenv compares it with the Pipfile's own and, with `--deploy`, prints `Your Pipfile.lock
// (<old>) is out of date. Expected: (<new>).` and stops with DeployException, "Aborting deploy" (pypa/pipenv,
// pipenv/routines/install.py and, in older releases, pipenv/core.py `do_init`). Without `--deploy` pipenv re-locks in
// place instead (`Pipfile.lock (<old>) out of date, updating to (<new>)...`; under `--system` it only warns,
// pypa/pipenv#2273), which a build cannot keep: the new lock is lost with the layer (WordPress/openverse-api#3, the same project's question about that message in Docker).
// Seen in image builds: WordPress/openverse-api#72 (the Dockerfiles moved to Python 3.9, the locks did not; the merged
// fix regenerated and committed them), mozilla/servicebook#60, pypa/pipenv#3835.
// The remedy is pipenv's own lock command, `pipenv lock`, run where the Pipfile is edited, and the lock committed;
// `--deploy` stays, since it is what caught the drift.
import type { RuleInput } from '../../schema.js';

export const pipenvLockStale: RuleInput = {
  id: 'pip/pipenv-lock-stale',
  title: 'Pipfile.lock is out of date with the Pipfile',
  severity: 'error',
  match: [
    // `Your Pipfile.lock (fc5562) is out of date. Expected: (8b8260).` (the hashes' last six hex digits in older
    // releases, whole in newer ones)
    {
      literals: ['is out of date. Expected: ('],
      pattern: '^\\s{0,8}Your Pipfile\\.lock \\((?<old>[0-9a-f]{6,64})\\) is out of date\\. Expected: \\((?<new>[0-9a-f]{6,64})\\)',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'The Pipfile changed after Pipfile.lock was written: the lock records the Pipfile\'s hash ({old}), which no longer matches ' +
    'the Pipfile\'s ({new}), and `pipenv install --deploy` refuses a stale lock instead of locking again.',
  fix: [
    'Lock again where the Pipfile is edited, with the Python version the image uses (the Pipfile\'s `[requires] python_version`), and commit the lock:',
    '',
    '```bash',
    'pipenv lock',
    'git add Pipfile.lock',
    'git commit -m "Refresh Pipfile.lock"',
    '```',
    '',
    'Keep `--deploy` in the build: it is what refuses a Pipfile changed without its lock; a lock written inside the image is lost with the layer.',
  ].join('\n'),
  docs: 'https://pipenv.pypa.io/en/latest/commands.html',
};

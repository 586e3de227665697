// PDM cannot use pdm.lock because the lock's format is not one this PDM reads: `Lockfile is not compatible with PDM`
// (pdm-project/pdm src/pdm/cli/actions.py `check_lockfile`), then, under `pdm install --check`, `Please run `pdm lock`
// to update the lock file` and exit 1 (src/pdm/cli/commands/install.py); WordPress/openverse#4697: `RUN pdm install
// --check --frozen-lockfile --dev` in an image build, fixed by raising the PDM version the image installs.
// Not matched: PDM's warnings that let the install go on, `Lockfile is generated on an older version of PDM` and
// `… on a newer version of PDM` (pdm-project/pdm#3199: exit code 0), or `Lockfile hash doesn't match pyproject.toml`.
//
// What it means, and the advice:
// - `compatibility()` (src/pdm/project/lockfile/pdmlock.py) compares `lock_version` in pdm.lock's `[metadata]` with the
//   lock format this PDM writes (`spec_version`): no `lock_version`, another major, or a higher minor is `NONE`, this
//   message. A newer minor means a newer PDM wrote the lock (the openverse case); another major, a PDM of another
//   generation. pdm.lock does not record the PDM version that wrote it (only `lock_version`): `pdm --version` where the
//   lock is made tells it. pdm-project/pdm#3199 pairs them: PDM 2.12.3 writes lock_version 4.4.1, 2.16.1 writes 4.4.2.
// - Two ways out: install in the image the PDM the project locks with (pin it where the Dockerfile installs PDM), or
//   regenerate the lock with the image's PDM (`pdm lock`, PDM's own hint) and commit it. `--check` stays: it is what
//   keeps the build from re-locking silently (without it `pdm install` re-locks inside the build, install.py).
import type { RuleInput } from '../../schema.js';

const readVersions = [
  'Compare the lock\'s format with the PDM that reads it:',
  '',
  '```bash',
  'grep lock_version pdm.lock   # the format the lock was written in, e.g. lock_version = "4.4.2"',
  'pdm --version                # run where the lock is made and in the image: the two should be the same release',
  '```',
].join('\n');

const relock =
  'Or keep the image\'s PDM and do what PDM says: regenerate the lock with that same release (`pdm lock`) and commit ' +
  'pdm.lock. Keep `--check` in the build: it is what stops a lock the image cannot read from being re-locked silently.';

export const pdmLockIncompatible: RuleInput = {
  id: 'pip/pdm-lock-incompatible',
  title: 'pdm.lock is in a format this PDM cannot read',
  severity: 'error',
  match: [
    { literals: ['Lockfile is not compatible with PDM'], pattern: '^\\s{0,8}(?:WARNING: )?Lockfile is not compatible with PDM\\s*$' },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'PDM cannot use pdm.lock: the lock\'s format (`lock_version` in its `[metadata]`) is not one this PDM reads, most ' +
    'often because a newer PDM wrote it than the one that runs here. PDM\'s hint, `pdm lock`, rewrites the lock in this PDM\'s format.',
  fix: [
    readVersions,
    '',
    'Then install the PDM release the project locks with where this command runs (`pip install "pdm==2.16.1"` for a',
    'lock made with PDM 2.16.1), and check with `pdm --version`.',
    '',
    relock,
  ].join('\n'),
  variants: [
    {
      when: 'fact.place=image-build',
      message:
        'PDM cannot use pdm.lock: the lock\'s format (`lock_version` in its `[metadata]`) is not one the PDM in this image ' +
        'reads, most often because a newer PDM wrote the lock than the one the image installs. PDM\'s hint, `pdm lock`, ' +
        'rewrites the lock in this PDM\'s format.',
      fix: [
        readVersions,
        '',
        'Then pin that release where the Dockerfile installs PDM, before this step, e.g. for a lock made with PDM 2.16.1:',
        '',
        '```dockerfile',
        'RUN pip install --no-cache-dir "pdm==2.16.1" && pdm --version',
        '```',
        '',
        relock,
      ].join('\n'),
    },
  ],
  docs: 'https://pdm-project.org/en/latest/usage/lockfile/',
};

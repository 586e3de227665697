// poetry could not use the committed poetry.lock in an image build: the lock step crashes with `list index out of
// range` alone on a line (a Python IndexError inside poetry's solver; poetry prints only the exception's text without
// `-vvv`) in a step that runs `poetry lock` / `poetry install` / `poetry update` (podaac/hydrocron#246:
// `RUN ~/.local/bin/poetry lock --no-update` on the committed lock; fixed by regenerating the lock with `poetry
// update` and committing it, PR #247).
// Poetry's stale-lock refusal, `pyproject.toml changed significantly since poetry.lock was last generated`, is
// pip/poetry-lock-stale's.
// Not matched: an IndexError of another tool (torch's `arch_list[-1]`, cuda/no-gpu-at-build), or a poetry step
// that fails for another reason (a missing README: pip/project-file-missing).
//
// The advice (python-poetry/poetry, docs/cli.md and CHANGELOG.md):
// - poetry 2.0.0 (2025-01-05) made `--no-update` the default of `poetry lock`, removed the option, and added
//   `--regenerate` for the old default (#9327). So `poetry lock --no-update` in the log means a 1.x poetry, where
//   plain `poetry lock` re-resolves every package; on 2.x that is `poetry lock --regenerate` (or
//   `poetry update --lock`). `poetry --version` tells which.
// - `poetry install` installs what poetry.lock says; `poetry check --lock` (1.6.0 and later, #8015) fails when the
//   lock does not match pyproject.toml, without resolving anything.
// - A lock resolved inside the build is thrown away with the layer: resolve once, outside, with the poetry version
//   the image installs, and commit the lock; the image only installs from it.
import type { RuleInput } from '../../schema.js';

const installFromLock = [
  'In the Dockerfile, install from the committed lock instead of locking in the build: drop the `RUN … poetry lock`',
  'line (`poetry install` installs what poetry.lock says, without resolving). To make a stale lock fail the build with',
  'a clear message, check it first (poetry 1.6 or later):',
  '',
  '```dockerfile',
  'RUN {context.poetryLockRun.poetry|poetry} check --lock',
  '```',
].join('\n');

const installOnly = [
  'The image then installs from the committed lock (`poetry install`); do not run `poetry lock` in the build, where',
  'its result is lost with the layer.',
].join('\n');

/** Regenerate the lock with the image's poetry, in the form of either major version, then `after`. */
function regenerate(after: string): string {
  return [
    'Regenerate poetry.lock outside the image, with the poetry version the image installs (`poetry --version` on both',
    'sides), and commit it. On poetry 2.x:',
    '',
    '```sh',
    'poetry lock --regenerate',
    '```',
    '',
    'On poetry 1.x, plain `poetry lock` (without `--no-update`) does the same.',
    '',
    after,
  ].join('\n');
}

export const poetryLockFailed: RuleInput = {
  id: 'pip/poetry-lock-failed',
  title: 'poetry cannot use the committed poetry.lock',
  severity: 'error',
  match: [
    // poetry's solver fails with an IndexError; poetry prints the bare exception text.
    { literals: ['list index out of range'], pattern: '^\\s{0,4}list index out of range\\s{0,4}$' },
  ],
  context: [
    // The step runs poetry (the RUN instruction, or BuildKit's `process "/bin/sh -c ~/.local/bin/poetry lock …"`).
    { name: 'poetryStep', source: 'instruction', literals: ['poetry'], pattern: '\\bpoetry (?:lock|install|update|sync|check)\\b' },
    // `RUN ~/.local/bin/poetry lock --no-update`: poetry 1.x (2.0 removed the option); the path poetry runs from.
    { name: 'noUpdate', source: 'instruction', literals: ['--no-update'], pattern: '\\bpoetry lock\\b[^;&|]{0,200}--no-update\\b' },
    {
      name: 'poetryLockRun',
      source: 'instruction',
      literals: ['poetry lock'],
      pattern: '(?<poetry>(?:[~\\w./-]{0,200}/)?poetry) lock\\b',
    },
  ],
  when: 'poetryStep',
  scope: 'step',
  specificity: 3,
  message:
    'poetry stopped inside its own code (`list index out of range`, a Python IndexError) while it resolved the ' +
    'dependencies against the committed poetry.lock: this poetry cannot reconcile that lock with pyproject.toml. ' +
    'Regenerating the lock from scratch clears it.',
  fix: regenerate(installOnly),
  variants: [
    {
      when: 'noUpdate',
      message:
        'poetry stopped inside its own code (`list index out of range`, a Python IndexError) while `poetry lock ' +
        '--no-update` re-resolved the dependencies against the committed poetry.lock: this poetry cannot reconcile ' +
        'that lock with pyproject.toml. `--no-update` keeps the lock\'s versions, so it cannot get past it; ' +
        'regenerating the lock from scratch does.',
      fix: [
        'Regenerate poetry.lock outside the image, with the poetry version the image installs: it accepts `--no-update`,',
        'so it is a 1.x release (poetry 2.0 removed the option). Check with `poetry --version` on both sides, then:',
        '',
        '```sh',
        'poetry lock',
        '```',
        '',
        '(on poetry 1.x, `poetry lock` without `--no-update` re-resolves every package, as `poetry update` does without',
        'installing), and commit poetry.lock.',
        '',
        installFromLock,
      ].join('\n'),
    },
    {
      when: 'poetryLockRun',
      fix: regenerate(installFromLock),
    },
  ],
  docs: 'https://python-poetry.org/docs/cli/#lock',
};

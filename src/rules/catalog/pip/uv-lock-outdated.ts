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
//
// `--no-build` beside `--locked` (astral-sh/uv#9016, uv 0.5.1): uv first warns `Failed to validate existing lockfile:
// Distribution \`project==0.0.0a0 @ editable+.\` can't be installed because it is marked as \`--no-build\` but has no
// binary distribution`, then reports the lock as needing an update though `uv lock` changes nothing. uv's maintainer
// called it a bug; `uv sync --frozen --no-build --no-install-project` worked (the thread), and uv 0.5.2 fixed it ("Allow
// `--no-build` to validate lock", astral-sh/uv#9024, changelogs/0.5.x.md). The warning beside the error is the sign: the
// lock was judged stale because `--no-build` refused to validate an entry with no wheel, not because pyproject.toml moved.
//
// The same message when the lock is right but the sync runs with other resolver options than the lock was written with:
// a lock made with `--exclude-newer` keeps it under `[options]` (`exclude-newer = "2026-04-15T06:55:31Z"` in uv.lock
// files), and a bare `uv sync --locked` in the image, run by a newer uv, reports the lock as outdated
// (agentic-community/mcp-gateway-registry#1314: "The lockfile content is otherwise correct"; the fix read the date from
// uv.lock and exported UV_EXCLUDE_NEWER before the sync). `UV_EXCLUDE_NEWER` is "Equivalent to the --exclude-newer
// command-line argument", added in uv 0.2.12 (uv docs, reference/environment.md). `uv lock` there would re-resolve
// without the date and drop the quarantine the lock was made with, so the options are checked first.
// A relative cutoff (`--exclude-newer "1 week"`) is kept as `exclude-newer-span = "P1W"`, beside an `exclude-newer` that is
// then a placeholder, `"0001-01-01T00:00:00Z" # This has no effect …` in current uv (crates/uv-resolver/src/lock/serialize.rs)
// or the date it last resolved to in earlier ones (cloudquery/python-plugin-template's uv.lock diffs); the span is what the
// sync must get. `UV_EXCLUDE_NEWER` takes a span as well as a date (uv-distribution-types' ExcludeNewerValue::from_str parses
// a timestamp, a date, then a span). `[options]` also holds resolution-mode, prerelease-mode and fork-strategy before those
// keys, so the whole table is printed.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const lockOptions = [
  'Before re-locking, see whether the lock was made with options this build does not pass: a date the lock keeps under',
  '`[options]` (`exclude-newer = "…"`) that the `uv sync` here does not get, another index, or another uv version than',
  'the image runs (`uv --version` on both sides). Then the lock is right, and the build passes the same options:',
  '',
  '```bash',
  "sed -n '/^\\[options\\]/,/^$/p' uv.lock",
  'UV_EXCLUDE_NEWER="$( (grep -m1 \'^exclude-newer-span = \' uv.lock || grep -m1 \'^exclude-newer = \' uv.lock) | cut -d\'"\' -f2)" uv sync --locked',
  '```',
  '',
  '(the span, `exclude-newer-span = "P1W"`, when the lock has one: its `exclude-newer` is then only a placeholder; `ENV',
  'UV_EXCLUDE_NEWER=…` or the same prefix on the `RUN` in a Dockerfile; `UV_EXCLUDE_NEWER` is `--exclude-newer`, uv 0.2.12 and',
  'later). `uv lock` would re-resolve without that cutoff and drop the quarantine the lock was made with.',
  '',
];

const relock = [
  'Update the lock where the sources live, with the uv version the project uses, and commit it:',
  '',
  '```bash',
  'uv lock',
  'git add uv.lock pyproject.toml',
  'git commit -m "Update uv.lock"',
  '```',
];

const NO_BUILD_TITLE = 'uv --locked --no-build reported the lock as stale (a uv bug)';
const NO_BUILD_MESSAGE =
  'uv could not validate the existing lock: with `--no-build` it refused `{context.noBuildLock.dist}`, which has no wheel ' +
  '(the warning just before the error), and so treated uv.lock as needing an update. That is a known uv bug with `--locked` ' +
  'and `--no-build` together (astral-sh/uv#9016; fixed in uv 0.5.2, astral-sh/uv#9024): the lock can be up to date, and ' +
  '`uv lock` then changes nothing.';
const NO_BUILD_AFTER = [
  '`--frozen` installs uv.lock as it is and skips the check that it still matches pyproject.toml (uv docs, "Locking and',
  'syncing"), so a lock that really is stale goes unnoticed: check it where the sources live with `uv lock --locked`',
  '(fails if locking would change uv.lock). The lasting fix is uv 0.5.2 or later, where `--locked --no-build` validates the',
  'lock again.',
];

function noBuildVariants(): Variant[] {
  return [
    {
      when: 'noBuildLock&enrich.uvFrozen',
      title: NO_BUILD_TITLE,
      message: NO_BUILD_MESSAGE,
      fix: ['Use `--frozen` in place of `--locked` (the fix in the uv thread):', '', '```dockerfile', 'RUN {enrich.uvFrozen}', '```', '', ...NO_BUILD_AFTER].join('\n'),
    },
    {
      when: 'noBuildLock',
      title: NO_BUILD_TITLE,
      message: NO_BUILD_MESSAGE,
      fix: [
        'Run the same command with `--frozen` in place of `--locked` (the fix in the uv thread: `uv sync --frozen --no-build',
        '--no-install-project` worked).',
        '',
        ...NO_BUILD_AFTER,
      ].join('\n'),
    },
  ];
}

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
  context: [
    {
      // `warning: Failed to validate existing lockfile: Distribution \`project==0.0.0a0 @ editable+.\` can't be installed
      // because it is marked as \`--no-build\` but has no binary distribution`
      name: 'noBuildLock',
      literals: ['marked as `--no-build`'],
      pattern: 'Failed to validate existing lockfile: Distribution `(?<dist>[^`]{1,300})` can.t be installed because it is marked as `--no-build`',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  enrich: 'installer-command',
  message:
    'uv.lock no longer matches pyproject.toml (a dependency or a constraint changed after the lock was written), or the ' +
    'lock was written with options this run does not pass (an `exclude-newer` date, an index, another uv version), and ' +
    '`--locked` tells uv to fail rather than re-lock it; uv\'s own message says to run `uv lock`.',
  fix: [
    ...lockOptions,
    'Otherwise the lock drifted from pyproject.toml. ' + relock[0]!,
    ...relock.slice(1),
    'Keep `--locked` in the build: it is what caught the drift. If the image must install the lock exactly as it ' +
      'is, without checking it against pyproject.toml, `--frozen` does that (uv docs, "Locking and syncing"), at the ' +
      'cost of building from a lock that no longer says what pyproject.toml asks for.',
  ].join('\n'),
  variants: [
    ...noBuildVariants(),
    {
      when: 'enrich.uvFrozen',
      fix: [
        ...lockOptions,
        'Otherwise the lock drifted from pyproject.toml. ' + relock[0]!,
        ...relock.slice(1),
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

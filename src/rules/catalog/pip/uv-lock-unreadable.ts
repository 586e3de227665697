// uv could not read uv.lock at all: `error: Failed to parse \`uv.lock\``, then `Caused by: TOML parse error at
// line N` and the entry it rejected. A lock is written by one uv version and read by another (the developer's
// machine, the image's uv): a lock from a newer uv with fields this uv does not know, or a regression in the
// reading uv, both end here. Not matched: a lock uv reads but finds stale (`--locked`, pip/uv-lock-outdated).
//
// The advice:
// - Pin the image's uv to the version the project locks with: uv's Docker guide installs uv by copying the
//   binaries from a versioned distroless image, `COPY --from=ghcr.io/astral-sh/uv:{major}.{minor}.{patch} /uv /uvx
//   /bin/`, and advises pinning a specific version (https://docs.astral.sh/uv/guides/integration/docker/).
//   `uv --version` prints the version on either side; `uv lock` with the image's version rewrites the lock.
// - The PyPy ABI tag variant: uv 0.5.19 rejected legacy PyPy ABI tags such as `pypy_73` in wheel names that
//   earlier versions had written into uv.lock (`Missing major version in PyPy ABI tag`); the maintainers closed
//   the reports as one regression (astral-sh/uv#10654, #10661; commaai/openpilot#34393 "0.5.19 broke old
//   uv.lock"), fixed in 0.5.20: uv's changelog (astral-sh/uv changelogs/0.5.x.md, "## 0.5.20", Bug fixes: "Avoid
//   failing when deserializing unknown tags", astral-sh/uv#10655); ethereum/execution-spec-tests#1084 moved to it for this.
import type { RuleInput } from '../../schema.js';

const findVersions = [
  'Compare the two versions: `uv --version` where uv.lock was written, and a `RUN uv --version` before this step ' +
    'in the Dockerfile. Then make them agree:',
  '',
  '- pin the image\'s uv to the version that wrote the lock (or a later one), the way uv\'s Docker guide installs it: ' +
    '`COPY --from=ghcr.io/astral-sh/uv:` followed by that version, `/uv /uvx /bin/` (for example ' +
    '`ghcr.io/astral-sh/uv:0.5.20`); an unpinned `ghcr.io/astral-sh/uv:latest` or `pip install uv` changes under the build;',
  '- or rewrite the lock with the image\'s uv version: `uv lock` with that version, then commit uv.lock.',
];

export const uvLockUnreadable: RuleInput = {
  id: 'pip/uv-lock-unreadable',
  title: 'uv cannot parse uv.lock: the lock and the image\'s uv do not agree',
  severity: 'error',
  match: [{ literals: ['Failed to parse `uv.lock`'], pattern: 'error: Failed to parse `uv\\.lock`' }],
  context: [
    // The entry uv rejected, from the lines after `Caused by:`: `… has an invalid ABI tag: Missing major version
    // in PyPy ABI tag: pypy_73`.
    {
      name: 'pypyAbi',
      literals: ['Missing major version in PyPy ABI tag'],
      pattern: 'Missing major version in PyPy ABI tag: (?<tag>\\S{1,40})',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'uv stopped before installing anything: it cannot read the lock file `uv.lock`. A lock is written by one uv ' +
    'version and read by another; this one rejects an entry of it (the `Caused by:` lines that follow name it).',
  fix: findVersions.join('\n'),
  variants: [
    {
      when: 'pypyAbi',
      title: 'uv 0.5.19 cannot parse a uv.lock that lists PyPy wheels',
      message:
        'uv cannot read the lock file: it rejects the PyPy ABI tag `{context.pypyAbi.tag}` in a wheel ' +
        'name an earlier uv wrote into uv.lock. This is a regression of uv 0.5.19 (astral-sh/uv#10654), fixed in 0.5.20; ' +
        'the lock itself is valid.',
      fix: [
        'Use uv 0.5.20 or later in the image, pinned so that it does not move under the build (uv\'s Docker guide):',
        '',
        '```dockerfile',
        'COPY --from=ghcr.io/astral-sh/uv:0.5.20 /uv /uvx /bin/',
        '```',
        'If uv comes from pip in the image, `pip install "uv>=0.5.20"` does the same. Check with a `RUN uv --version` ' +
          'before the step; the lock needs no change.',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.astral.sh/uv/guides/integration/docker/#installing-uv',
};

// poetry downloaded a distribution file and its hash is none of those poetry.lock records for that file, so it refuses
// to install it. The wordings (poetry/installation/executor.py `_validate_archive_hash`):
// - poetry 1.2 and later: `Hash for nvidia-cublas-cu12 (12.1.3.1) from archive nvidia_cublas_cu12-…whl not found in
//   known hashes (was: sha256:98d1…)` (KarhouTam/FL-bench#61, zylon-ai/private-gpt#1838, python-poetry/poetry#8254);
//   for a URL dependency the parentheses hold the version and the URL (`kenlm (0.2.0 https://…/master.zip)`).
// - poetry 1.1: `Invalid hashes (sha256:c7a7…) for pandas (1.0.5) using archive pandas-…whl. Expected one of …`
//   (python-poetry/poetry#5142, the wording of #4529).
// Not matched: `unsupported hash type` (poetry cannot compute a hash type the index gave, python-poetry/poetry#7778),
// pip's `THESE PACKAGES DO NOT MATCH THE HASHES` (pip's own hash checking, another tool and wording).
//
// What it means, and the advice:
// - The file that arrived is not the file the lock names. Most often the download broke: poetry's maintainers read
//   these reports as a corrupt file in poetry's artifact cache (python-poetry/poetry#6652: remove
//   `~/.cache/pypoetry/artifacts`; the reporter confirmed) or an incomplete download over a flaky connection that
//   raised no error (python-poetry/poetry#7881, #8235: fixed for the common case in poetry 1.6 with urllib3 2; Docker
//   builds still hit it and pass when rerun, #7881). Concurrent installs sharing one cache corrupt it too (#5142).
// - A file on PyPI never changes under the same name (PyPI refuses to reuse a file name, even after a delete:
//   pypa/packaging-problems#74), so a lock written against PyPI names the right hash, and relocking records the same
//   one again: it cannot cure a broken download. For FL-bench#61, the lock's hash of that wheel
//   (`sha256:ee53ccca…`, in committed poetry.lock files and pip's log from pypi.nvidia.com) is not the `was:` one,
//   and private-gpt#1838 got yet another `was:` for the same file: the downloads differ, the lock does not.
// - Only a lock written against another index (a mirror or private index whose file differs) needs regenerating:
//   `poetry lock --no-update` on poetry 1.x, `poetry lock` on 2.x (2.0.0 made `--no-update` the default and removed
//   it, python-poetry/poetry#9327; see pip/poetry-lock-failed), with the poetry the image installs.
// - A lock that does not list the file at all fails the same way: `known_hashes` is built from the lock's entries for
//   that file name only (executor.py `_validate_archive_hash`), so an unlisted file leaves it empty. ucbepic/docetl#227
//   (tqdm 4.66.5's wheel in a Docker build) was fixed by the maintainer regenerating poetry.lock. The log cannot tell
//   which case it is; the fix leads with the check that can (the lock's line against the index's published hash) and
//   makes no claim that a retry helps.
// - poetry's cache directory: `poetry config cache-dir` prints it (docs/configuration.md `cache-dir`); the artifacts
//   are in its `artifacts` folder (#6652).
import type { RuleInput } from '../../schema.js';

/** The one check that tells a stale lock from a broken download, and what to do on each answer. */
const LOCK_CHECK = [
  'First tell a stale lock from a broken download. Look the file up in the lock, and compare the hash poetry computed',
  '(`{hash|the hash in the error}`) with the SHA256 the index publishes for `{archive}` (PyPI lists it under "Download',
  'files" on https://pypi.org/project/{package}/):',
  '',
  '```sh',
  "grep -F '{archive}' poetry.lock",
  '```',
  '',
  '- No line, or a hash other than the published one: the lock is stale (it does not list this file, or was written',
  '  against another index). Regenerate it with the poetry version the image installs (`poetry --version`) and commit',
  '  poetry.lock: `poetry lock` on poetry 2.x, `poetry lock --no-update` on 1.x.',
  '- The lock has the published hash and poetry computed another: the download broke on the way (a proxy, a mirror, a',
  '  cut connection) or poetry\'s cache holds a broken copy; the lock is right.',
].join('\n');

export const poetryHashMismatch: RuleInput = {
  id: 'pip/poetry-hash-mismatch',
  title: 'poetry: downloaded file does not match poetry.lock',
  severity: 'error',
  match: [
    {
      // `Hash for nvidia-cublas-cu12 (12.1.3.1) from archive nvidia_cublas_cu12-12.1.3.1-py3-none-manylinux1_x86_64.whl not found in known hashes (was: sha256:98d1…)`
      literals: ['not found in known hashes'],
      pattern:
        'Hash for (?<package>[A-Za-z0-9][\\w.-]{0,100}) \\((?<version>[^()]{1,300})\\) from archive (?<archive>\\S{1,300}) not found in\\s{1,4}known hashes(?: \\(was: (?<hash>[\\w:]{1,200})\\))?',
    },
    {
      // poetry 1.1: `Invalid hashes (sha256:c7a7…) for pandas (1.0.5) using archive pandas-1.0.5-…whl. Expected one of`
      literals: ['Invalid hashes ('],
      pattern:
        'Invalid hashes \\((?<hash>[\\w:, ]{1,400})\\) for (?<package>[A-Za-z0-9][\\w.-]{0,100}) \\((?<version>[^()]{1,300})\\) using archive (?<archive>\\S{1,300}?)\\.?(?:\\s|$)',
    },
  ],
  context: [
    // A BuildKit cache mount on the step keeps poetry's cache, and a broken file in it, from build to build.
    { name: 'cacheMount', source: 'instruction', literals: ['type=cache'], pattern: '--mount=\\S{0,200}type=cache' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'poetry downloaded `{archive}` for {package} {version}, and the hash it computed is none of the hashes ' +
    'poetry.lock records for that file, so it refused to install it. The file that arrived is not the one the lock ' +
    'names: either the lock is stale (it does not list this file, or lists another hash for it) or the download broke.',
  fix: [
    LOCK_CHECK,
    '',
    'For a broken download, clear poetry\'s cached artifacts (`poetry config cache-dir` prints the cache directory) and',
    'install again:',
    '',
    '```sh',
    'rm -rf "$(poetry config cache-dir)/artifacts"',
    'poetry install',
    '```',
  ].join('\n'),
  variants: [
    {
      when: 'cacheMount&fact.place=image-build',
      fix: [
        LOCK_CHECK,
        '',
        'For a broken download: the step mounts a build cache, which keeps a broken copy from build to build. In that',
        '`RUN`, put `rm -rf "$(poetry config cache-dir)/artifacts" &&` in front of its `poetry install`, then build again.',
      ].join('\n'),
    },
    {
      when: 'fact.place=image-build',
      fix: [
        LOCK_CHECK,
        '',
        'For a broken download, build again: the files of a failed step are thrown away with it, so the next build',
        'downloads the file anew (poetry 1.6 and later detect more incomplete downloads).',
      ].join('\n'),
    },
  ],
  docs: 'https://python-poetry.org/docs/configuration/#cache-dir',
};

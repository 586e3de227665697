// mamba downloaded a package and it failed libmamba's check against the channel's index, or would not extract: it
// prints `RuntimeError: Found incorrect download: cuda-nvml-dev. Aborting` (mamba-org/mamba#1066 added the name,
// July 2021; before it, `Found incorrect download. Aborting`) and installs nothing.
// What libmamba checks (libmamba core/transaction.cpp fetch_extract_packages, core/package_download.cpp validate /
// extract): the downloaded size against the index's `size`, then its sha256 (else md5) against the index's; a
// failure there, or an extraction error, marks the package invalid. Before it throws, it deletes that tarball and
// its extracted folder from the package cache (`clear_cache`), so the next run downloads the package again. The
// lines above it say which check failed: `File not valid: file size doesn't match expectation`, `SHA256 sum doesn't
// match expectation`, `Error when extracting package: …` / `… extraction failed`.
// Not matched: libmamba's download errors (`Download error (23) …`: conda/http-error handles the network ones).
//
// The advice:
// - Most of these are a download broken on the way, gone on a rerun: apache/arrow-adbc#2520 (CI retries mamba; "the
//   download is corrupted yet mamba does not realize this"), chrisquince/STRONG#133 ("Once you restart it works").
// - A package cache kept between runs (a BuildKit cache mount on the pkgs directory, a shared CI cache) can hold a
//   broken copy the next run extracts again; `mamba clean --all --yes` drops the index cache, tarballs and unused
//   packages (mamba 1 hands `clean` to conda's cli/main_clean.py, `--all`, `-y/--yes`; mamba 1.5.12's own package
//   test runs `mamba clean --all --dry-run`; mamba 2 and micromamba have `clean --all`, micromamba/src/clean.cpp).
// - The same failure on every try means the channel serves a file its own index does not describe; that is the
//   channel's to fix.
import type { RuleInput } from '../../schema.js';

/** What to do when a retry fails the same way, the same in every place. */
const PERSISTENT = [
  'A failure on every try, after a clean (it drops the cached channel indexes too, so mamba works from the current',
  'one), means the channel serves a file that does not match its own index: that is for the channel\'s maintainers;',
  'meanwhile take the package from another channel or label that carries the same version.',
].join('\n');

export const incorrectDownload: RuleInput = {
  id: 'conda/incorrect-download',
  title: 'mamba: downloaded package failed its check',
  severity: 'error',
  match: [
    // `RuntimeError: Found incorrect download: cuda-nvml-dev. Aborting`; mamba before July 2021: `Found incorrect download. Aborting`
    { literals: ['Found incorrect download'], pattern: 'Found incorrect download(?:: (?<package>[A-Za-z0-9][\\w.-]{0,100}))?\\. Aborting' },
  ],
  context: [
    // conda's error report repeats the command: `$ /opt/conda/bin/mamba install --yes -c nvidia/label/cuda-11.8.0 cuda-toolkit cudnn`
    { name: 'command', literals: ['`$ '], pattern: '^\\s{0,8}`\\$ (?<cmd>[^`]{1,500}(?:mamba|conda) [^`]{1,500})`\\s{0,4}$' },
    // a BuildKit cache mount keeps the package cache from build to build
    { name: 'cacheMount', source: 'instruction', literals: ['type=cache'], pattern: '--mount=\\S{0,200}type=cache' },
  ],
  scope: 'step',
  specificity: 3,
  retryable: true,
  message:
    'mamba downloaded {package|a package} and it did not match what the channel\'s index says of it (its size or ' +
    'checksum) or would not extract, so mamba aborted the whole install. Usually the download broke on the way; mamba deleted the bad ' +
    'file before it stopped, so the next try downloads it again.',
  fix: [
    'Run the install again. If it fails the same way, clear mamba\'s caches first, then install again:',
    '',
    '```sh',
    'mamba clean --all --yes',
    '```',
    '',
    '(`micromamba clean --all --yes` with micromamba.)',
    '',
    PERSISTENT,
  ].join('\n'),
  variants: [
    {
      when: 'cacheMount&fact.place=image-build',
      fix: [
        'The step mounts a build cache, which keeps the package cache, and a broken file in it, from build to build.',
        'Clear it in that `RUN`, before the install: put `mamba clean --all --yes &&` (`micromamba clean --all --yes &&`',
        'with micromamba) in front of the install command, then build again.',
        '',
        PERSISTENT,
      ].join('\n'),
    },
    {
      when: 'command&fact.place=image-build',
      fix: [
        'Build again: the failed step\'s files are thrown away with it, and mamba downloads the package anew. To let the',
        'step ride out one broken download, retry the install once after clearing the caches:',
        '',
        '```dockerfile',
        'RUN {context.command.cmd} || (mamba clean --all --yes && {context.command.cmd})',
        '```',
        '',
        PERSISTENT,
      ].join('\n'),
    },
    {
      when: 'fact.place=image-build',
      fix: [
        'Build again: the failed step\'s files are thrown away with it, and mamba downloads the package anew. To let the',
        'step ride out one broken download, run the install a second time after `mamba clean --all --yes` when the first',
        'fails (`install || (mamba clean --all --yes && install)` in the same `RUN`).',
        '',
        PERSISTENT,
      ].join('\n'),
    },
  ],
  docs: 'https://docs.conda.io/projects/conda/en/latest/commands/clean.html',
};

// pip computed the hash of a file it downloaded and the hash is not one it expected, so it refuses to install the file.
// pip prints (pip/_internal/exceptions.py `HashMismatch`): `THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS
// FILE. …`, then the requirement (`tensorflow==2.5.1 from https://…whl (from background-removal==1.0.0):`, or
// `unknown package:` when the requirement has no name yet), `Expected sha256 …` (one `or …` line per further allowed
// hash) and `Got …` (DDMAL/Rodan#990, runpod-workers/worker-stable_diffusion_v1#17).
// Not matched: poetry's `not found in known hashes` (pip/poetry-hash-mismatch); pip's other hash-checking errors
// (`Hashes are required in --require-hashes mode`, `… must have their versions pinned with ==`), which name missing
// pins, not a file that differs.
//
// What it means, and the advice:
// - The heading names "the requirements file", yet pip checks every download, with or without `--hash` pins: out of
//   hash-checking mode it trusts the hash the index publishes in the file's URL (`#sha256=…`,
//   pip/_internal/operations/prepare.py `_get_linked_req_hashes` → `InstallRequirement.hashes(trust_internet=True)`,
//   read in pip 23.2.1 on this machine). So without pins, a mismatch means the file that arrived is not the file the
//   index published: a download cut short or corrupted on the way (Rodan#990: the 454 MB wheel stopped at 46 MB; the
//   maintainers saw it pass later without a change), or a proxy or mirror that serves another file.
// - Hash-checking mode: `--hash` on any requirement turns it on for all, `--require-hashes` forces it (pip docs,
//   "Secure installs", https://pip.pypa.io/en/stable/topics/secure-installs/). Pins written against another file (a
//   mirror's, another platform's wheel, a re-uploaded version) fail every time with the same `Got`: regenerate them,
//   `pip-compile --generate-hashes` (pip-tools) or `pip hash FILE` (computes the `--hash` value of a local archive,
//   `pip hash --help`) on the file `pip download --no-deps` fetches.
// - Retrying helps the broken download: a failed step's files are thrown away, so the next build downloads anew; a
//   BuildKit cache mount keeps pip's cache between builds, so there `--no-cache-dir` (or `pip cache purge`, pip's
//   `cache` command) keeps a broken cached copy out.
import type { RuleInput } from '../../schema.js';

/** How to tell a broken download from pins that name another file, and what to do about each. */
const PIN_CHECK = [
  'If it fails again with the same `Got` hash, the file pip receives is not the one expected, every time:',
  '',
  '- Pins in the requirements file (`grep -n -- \'--hash\'` on it shows them) written against another file (a mirror\'s,',
  '  another platform\'s wheel): regenerate them against the index the image installs from, `pip-compile',
  '  --generate-hashes` (pip-tools) on the `.in` file, or `pip download --no-deps` the requirement and `pip hash` the',
  '  file it saves, then commit the new `--hash=sha256:…` values.',
  '- No pins: the expected hash is the one the index publishes for the file, so something between the builder and the',
  '  index (a proxy, a mirror set by `PIP_INDEX_URL` or pip.conf) serves another file: install from the index directly',
  '  or fix the mirror.',
].join('\n');

export const hashMismatch: RuleInput = {
  id: 'pip/hash-mismatch',
  title: 'pip: downloaded file does not match its expected hash',
  severity: 'error',
  match: [
    // `ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes. …`
    { literals: ['THESE PACKAGES DO NOT MATCH THE HASHES'] },
  ],
  context: [
    // `tensorflow==2.5.1 from https://files.pythonhosted.org/…whl (from background-removal==1.0.0):`
    {
      name: 'requirement',
      literals: [' from '],
      pattern:
        '^\\s*(?<package>[A-Za-z0-9][\\w.-]{0,100})(?:\\[[^\\]]{0,200}\\])?(?<pin>==[^\\s;:]{1,100})? from (?<url>\\S{1,500}?)(?: \\(from [^()]{1,300}\\))?:\\s*$',
    },
    // `Got        a61ed6be3ef0c42ee7c1cdad1eaf95b1b99bc5c713f1283e3aa907a8723dda80`
    { name: 'got', literals: ['Got '], pattern: '^\\s*Got\\s{1,20}(?<hash>[0-9a-f]{32,128})\\s*$' },
    // The step's command asks for hash-checking mode itself or pins a hash on the command line.
    { name: 'hashMode', source: 'instruction', literals: ['--require-hashes', '--hash'], pattern: '--require-hashes|--hash[= ]' },
    // A BuildKit cache mount keeps pip's cache, and a broken file in it, from build to build.
    { name: 'cacheMount', source: 'instruction', literals: ['type=cache'], pattern: '--mount=\\S{0,200}type=cache' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'pip downloaded {context.requirement.package|a file (pip names it `unknown package`; the `Downloading` line above ' +
    'names it)}{context.requirement.pin|} and its hash (`Got {context.got.hash|…}`) is not the one pip expected, so it refused to install it. ' +
    'pip checks every download against the hash the index publishes for the file, and against the `--hash` pins of the ' +
    'requirements file when it has any: most often the file was cut short or corrupted on the way; less often the pins ' +
    'were written against another file.',
  fix: [
    'Install again, with pip\'s cache left out so a broken copy in it is not reused:',
    '',
    '```sh',
    'pip install --no-cache-dir -r requirements.txt',
    '```',
    '',
    PIN_CHECK,
  ].join('\n'),
  variants: [
    {
      when: 'hashMode&fact.place=image-build',
      fix: [
        'The step\'s `RUN` turns on hash-checking mode, so every file must match a `--hash` pin. Build again once: a',
        'failed step\'s files are thrown away, so the file is downloaded anew, and a download cut short usually arrives',
        'whole.',
        '',
        PIN_CHECK,
      ].join('\n'),
      retryable: true,
    },
    {
      when: 'cacheMount&fact.place=image-build',
      fix: [
        'The step mounts a build cache, which keeps pip\'s cache, a broken download too, from build to build. In that',
        '`RUN`, add `--no-cache-dir` to its `pip install` (or put `pip cache purge &&` in front of it), then build again.',
        '',
        PIN_CHECK,
      ].join('\n'),
      retryable: true,
    },
    {
      when: 'fact.place=image-build',
      fix: [
        'Build again: a failed step\'s files are thrown away, so the next build downloads the file anew, and a download',
        'cut short on the way usually arrives whole.',
        '',
        PIN_CHECK,
      ].join('\n'),
      retryable: true,
    },
  ],
  docs: 'https://pip.pypa.io/en/stable/topics/secure-installs/',
};

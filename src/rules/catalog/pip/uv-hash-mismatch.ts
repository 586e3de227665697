// uv downloaded a distribution whose hash is none of those it expected, and refused it: `× Failed to download
// \`torchvision==0.26.0+cu128\`` / `╰─▶ Hash mismatch for \`torchvision==0.26.0+cu128\``, then `Expected:` (one or more
// `sha256:…` lines) and `Computed:` (uv's `MismatchedHashes` error: "Hash mismatch for `{distribution}`\n\nExpected:\n
// {expected}\n\nComputed:\n{actual}", uv's distribution error type). pip's own wording (`THESE PACKAGES DO NOT MATCH THE
// HASHES …`) is pip/hash-mismatch; poetry's `not found in known hashes` pip/poetry-hash-mismatch.
//
// What it means: the expected hashes are the ones recorded for that version (uv.lock, `--hash` pins in requirements, or
// the hashes the index's metadata lists, which uv records when it locks); the file served hashes to something else. Not a
// network fault that a retry fixes: the same file gives the same `Computed` hash every time. Causes:
// - The index's metadata is wrong: PyTorch's wheel index (download.pytorch.org, the `+cu128`/`+cpu`/`+rocm` local
//   versions) served the aarch64 torchvision 0.26.0+cu128 wheels without a hash ("aarch64 wheels don't have the hash",
//   pytorch/vision#9470, cross-posted astral-sh/uv#18938; the same as pytorch/pytorch#153469, aarch64 torch 2.7.0 wheels
//   re-uploaded without their sha256, fixed by re-uploading with it), and has listed a wrong one (torchvision
//   0.24.0+cu128-cp313-win_amd64, pytorch/vision#9243). Fixed upstream only; then a re-lock records the corrected hashes.
// - A file re-published under the same version, or a mirror / proxy that serves another file: the lock is stale for it.
// uv's escape hatches (uv docs, "Caching", https://docs.astral.sh/uv/concepts/cache/): `uv cache clean <package>` clears
// one package's cache; `--refresh-package <package>` revalidates its cached data on any command. `uv lock
// --upgrade-package <package>` re-resolves one package in uv.lock (uv docs, "Locking and syncing", "Upgrading locked
// package versions", https://docs.astral.sh/uv/concepts/projects/sync/).
// A paste cut inside a BuildKit step (`#39 12.61   ╰─▶ Hash mismatch for …`) still matches: the framing is stripped.
import type { RuleInput } from '../../schema.js';

const CHECK = [
  'Tell which side is wrong: download that file and hash it (`sha256sum FILE`), and compare with the `Expected` hashes and',
  "with the `#sha256=` the index's page for `{context.dist.name}` lists. Only a proxy or mirror on the way gives a",
  'different hash on another machine; a wrong index gives the same one everywhere.',
];

const RELOCK = [
  '```sh',
  'uv lock --upgrade-package {context.dist.name} --refresh-package {context.dist.name}',
  'uv cache clean {context.dist.name}',
  '```',
];

export const uvHashMismatch: RuleInput = {
  id: 'pip/uv-hash-mismatch',
  title: 'uv refused a download whose hash differs from the recorded one',
  severity: 'error',
  match: [
    {
      literals: ['Hash mismatch for `'],
      pattern: 'Hash mismatch for `(?<dist>[A-Za-z0-9][\\w.-]{0,100}==[^`\\s]{1,100})`',
    },
  ],
  context: [
    { name: 'dist', literals: ['Hash mismatch for `'], pattern: 'Hash mismatch for `(?<name>[A-Za-z0-9][\\w.-]{0,100})==(?<version>[^`\\s]{1,100})`' },
    // PyTorch's own index: a local version tag (`+cu128`, `+cpu`, `+rocm6.2`, `+xpu`) or its host
    {
      name: 'torchIndex',
      literals: ['Hash mismatch for `', 'download.pytorch.org'],
      pattern: 'Hash mismatch for `[\\w.-]{1,100}==[^`\\s]{1,60}\\+(?:cu\\d{2,4}|cpu|rocm[\\d.]{0,10}|xpu)`|download\\.pytorch\\.org/whl',
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'uv downloaded `{context.dist.name}=={context.dist.version}` and its hash is none of the hashes recorded for it (uv.lock, ' +
    "`--hash` pins, or the index's metadata): the file served is not the file those hashes describe. It is not the network: " +
    'the same file gives the same `Computed` hash on every try.',
  docs: 'https://docs.astral.sh/uv/concepts/cache/',
  variants: [
    {
      when: 'torchIndex',
      message:
        'uv downloaded `{context.dist.name}=={context.dist.version}` from PyTorch\'s wheel index and its hash is none of the hashes ' +
        "recorded for it (uv.lock takes them from the index's metadata). PyTorch's index has published wheels with a wrong hash " +
        '(torchvision 0.24.0+cu128 for Windows) or with none (the aarch64 torchvision 0.26.0+cu128 wheels), fixed on its side by ' +
        're-publishing the metadata: a fault upstream, not the network or the cache, and a retry gives the same `Computed` hash.',
      fix: [
        ...CHECK,
        '',
        "If the index's hash is wrong, report it to PyTorch (github.com/pytorch/pytorch issues) and wait for the corrected",
        'metadata. Then, if the project keeps a uv.lock, re-record the hashes where it is kept and commit it (a `uv pip install`',
        'without a lock reads the corrected metadata by itself):',
        '',
        ...RELOCK,
        '',
        'Meanwhile, pin the previous version of `{context.dist.name}` that installs on this platform, or take it from another',
        'index that has a build for it (PyPI) if that build fits.',
      ].join('\n'),
    },
  ],
  fix: [
    ...CHECK,
    '',
    'If the file was re-published under the same version, or the lock was written against another mirror, re-record its',
    'hashes where uv.lock is kept and commit it (hashed requirements: regenerate them the same way they were made):',
    '',
    ...RELOCK,
    '',
    'If a proxy or mirror on the way serves another file, take the package from the index the lock names.',
  ].join('\n'),
};

import type { RuleInput } from '../../schema.js';

/** The builder's disk (or the runner's) filled up. */
export const diskFull: RuleInput = {
  id: 'resources/disk-full',
  title: 'No space left on device',
  severity: 'error',
  match: [
    {
      // `[Errno 28] No space left on device`, `write /var/lib/docker/…: no space left on device`
      literals: ['no space left on device'],
      ignoreCase: true,
      pattern: '(?:(?:write|mkdir|open|copy|create) (?<path>/[^\\s:]{1,300}): )?no space left on device',
    },
    // apt: `E: You don't have enough free space in /var/cache/apt/archives/.`
    { literals: ["You don't have enough free space in"] },
    { literals: ['There is not enough space on the disk'] },
  ],
  message:
    'The disk the builder writes to is full. CUDA devel images, PyTorch wheels and ' +
    'the build cache are tens of gigabytes; a GitHub-hosted runner has about 14 GB free.',
  fix: [
    'Free space before the build (GitHub-hosted Ubuntu runners ship ~30 GB of unneeded toolchains):',
    '',
    '```sh',
    'sudo rm -rf /usr/share/dotnet /usr/local/lib/android /opt/ghc /opt/hostedtoolcache/CodeQL',
    'docker builder prune --all --force',
    '```',
    'and keep layers small: `pip install --no-cache-dir`, `rm -rf /var/lib/apt/lists/*` in the same `RUN` as',
    '`apt-get install`, build in a devel stage and copy only the results into a runtime stage. Cache mounts',
    '(`RUN --mount=type=cache,target=/root/.cache/pip`) keep caches out of the image.',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/cache/garbage-collection/',
};

import type { RuleInput } from '../../schema.js';

/** apt could not download package lists or packages: network, stale lists, EOL release, or a repository key. */
export const fetchFailed: RuleInput = {
  id: 'apt/fetch-failed',
  title: 'apt could not fetch packages',
  severity: 'error',
  only: 'failed-step',
  match: [
    {
      // `E: Failed to fetch http://archive.ubuntu.com/ubuntu/pool/main/…  404  Not Found [IP: 91.189.91.83 80]`
      literals: ['Failed to fetch'],
      pattern: 'Failed to fetch (?<url>[^\\s]{1,500})',
    },
    {
      // `Err:1 http://archive.ubuntu.com/ubuntu jammy InRelease  Temporary failure resolving 'archive.ubuntu.com'`
      literals: ['Temporary failure resolving', 'Could not resolve'],
      pattern: "(?:Temporary failure resolving|Could not resolve) '(?<host>[^'\\n]{1,200})'",
    },
    { literals: ['Unable to fetch some archives'] },
    {
      // `E: The repository 'https://developer.download.nvidia.com/… InRelease' is not signed.`
      literals: ['is not signed', 'NO_PUBKEY'],
      pattern: "(?:repository '(?<repository>[^'\\n]{1,300})' is not signed|NO_PUBKEY (?<key>[0-9A-F]{8,40}))",
    },
  ],
  context: [
    { name: 'dns', literals: ['Temporary failure resolving', 'Could not resolve'] },
    { name: 'key', literals: ['NO_PUBKEY', 'is not signed'] },
    { name: 'notFound', literals: ['404  Not Found', '404 Not Found'] },
    { name: 'hash', literals: ['Hash Sum mismatch', 'File has unexpected size'] },
  ],
  message: 'apt could not download `{url|package files}`: the repository was unreachable or refused the request.',
  variants: [
    {
      when: 'key',
      title: 'apt repository signing key missing',
      message:
        'apt refuses the repository `{repository|of the package lists}`: its signing key is not installed. ' +
        'NVIDIA rotated the CUDA repository key in 2022 (old key 7fa2af80, new key A4B469963BF863CC): older CUDA ' +
        'images and Dockerfiles that add the old key fail like this.',
      fix: [
        "Install NVIDIA's current keyring before `apt-get update` (pick the path of your Ubuntu release and arch):",
        '',
        '```dockerfile',
        'RUN rm -f /etc/apt/sources.list.d/cuda*.list \\',
        ' && curl -fsSLO https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2204/x86_64/cuda-keyring_1.1-1_all.deb \\',
        ' && dpkg -i cuda-keyring_1.1-1_all.deb && rm cuda-keyring_1.1-1_all.deb \\',
        ' && apt-get update',
        '```',
        'or move to a current `nvidia/cuda` tag, which ships the new key.',
      ].join('\n'),
    },
    {
      when: 'dns',
      title: 'apt repository host could not be resolved',
      message: 'The build could not resolve `{host|the repository host}`: DNS or network failure inside the build.',
      fix: [
        'This is the network of the builder: retry; on self-hosted runners check DNS and the proxy (pass',
        '`--build-arg http_proxy=… --build-arg https_proxy=…`, which apt honours); a `RUN --network=none` or a',
        "builder started without network cannot reach apt's mirrors at all.",
      ].join('\n'),
    },
    {
      when: 'notFound',
      message:
        'The mirror answered 404 for `{url|a package}`: the package lists are stale (the `apt-get update` is in an ' +
        'earlier, cached layer while the mirror moved on) or the release reached end of life and left the mirrors.',
      fix: [
        'Update and install in the same `RUN`, so a cached, stale list is never used:',
        '',
        '```dockerfile',
        'RUN apt-get update && apt-get install -y --no-install-recommends PACKAGES && rm -rf /var/lib/apt/lists/*',
        '```',
        'For an end-of-life Ubuntu release, move to a supported base image (or point sources.list at',
        'old-releases.ubuntu.com as a stopgap).',
      ].join('\n'),
    },
    {
      when: 'hash',
      message: 'The mirror served files that do not match its own index (a mirror caught mid-sync).',
      fix: 'Retry the build; if it persists, clean the lists first: `rm -rf /var/lib/apt/lists/* && apt-get update`, or pick another mirror.',
    },
  ],
  fix: [
    'Retry (mirrors have outages); update and install in one `RUN` so the lists are fresh:',
    '',
    '```dockerfile',
    'RUN apt-get update && apt-get install -y --no-install-recommends PACKAGES && rm -rf /var/lib/apt/lists/*',
    '```',
    'Add `-o Acquire::Retries=3` to `apt-get` for flaky networks.',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/building/best-practices/#apt-get',
};

import type { RuleInput } from '../../schema.js';

/** apt does not know a package: stale/empty package lists, a name from another release, or another architecture. */
export const unableToLocatePackage: RuleInput = {
  id: 'apt/unable-to-locate-package',
  title: 'apt package not found',
  severity: 'error',
  match: [
    { literals: ['Unable to locate package'], pattern: 'Unable to locate package (?<package>[^\\s]{1,200})' },
    {
      // `E: Package 'python3.8' has no installation candidate`
      literals: ['has no installation candidate'],
      pattern: "Package '?(?<package>[^'\\s]{1,200})'? has no installation candidate",
    },
    {
      // `E: Version '8.9.2.26-1+cuda12.1' for 'libcudnn8' was not found`
      literals: ['was not found'],
      pattern: "Version '(?<version>[^'\\n]{1,100})' for '(?<package>[^'\\n]{1,200})' was not found",
    },
    { literals: ["Couldn't find any package by"], pattern: "Couldn't find any package by (?:glob|regex) '(?<package>[^'\\n]{1,200})'" },
  ],
  context: [
    // `apt-get update`, `apt-get -yq update`, `apt-get -o Acquire::Retries=3 update`, `apt update`
    { name: 'update', source: 'instruction', literals: ['update'], pattern: '\\bapt(?:-get)?\\s(?:[^&;|\\n]{0,200}\\s)?update\\b' },
  ],
  message:
    'apt has no package `{package:all}` for this distribution release and architecture: the name is from another ' +
    'Ubuntu/Debian release, misspelled, in a repository or component not enabled, or not built for this architecture ' +
    '(nvtop, nsight-systems and some CUDA packages exist for amd64 only).',
  variants: [
    {
      when: '!update',
      message:
        'This `RUN` installs `{package:all}` without `apt-get update` in the same instruction: base images (CUDA ones ' +
        'included) ship without package lists, and an update in an earlier, cached layer is stale.',
      fix: [
        'Update and install in one `RUN`, so the lists are always fresh:',
        '',
        '```dockerfile',
        'RUN apt-get update \\',
        ' && apt-get install -y --no-install-recommends {package:words} \\',
        ' && rm -rf /var/lib/apt/lists/*',
        '```',
      ].join('\n'),
    },
  ],
  fix: [
    'Check the name for this release and architecture in a container of the base image:',
    '',
    '```sh',
    'apt-get update && apt-cache policy {package|PACKAGE} && apt-cache search {package|PACKAGE}',
    '```',
    'If it exists only on some architectures, install it conditionally:',
    '',
    '```dockerfile',
    'ARG TARGETARCH',
    'RUN apt-get update \\',
    ' && if [ "$TARGETARCH" = "amd64" ]; then apt-get install -y --no-install-recommends {package|PACKAGE}; fi \\',
    ' && rm -rf /var/lib/apt/lists/*',
    '```',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/building/best-practices/#apt-get',
};

// pip refusing a wheel named by file or URL whose tags do not fit the interpreter:
// `ERROR: torch-2.0.1+cpu-cp311-cp311-linux_arm64.whl is not a supported wheel on this platform.`
// A wheel's name is `{distribution}-{version}(-{build})?-{python tag}-{abi tag}-{platform tag}.whl` (PEP 427);
// pip installs a named file only when those tags are among the interpreter's, which `pip debug --verbose` lists
// under "Compatible tags" (pip 23.2.1 run here; the command is provisional, pip's docs warn). On Linux the
// platform tag comes from the machine name, `aarch64` on ARM64 (`linux_aarch64`, `manylinux2014_aarch64`), so a
// `linux_arm64` wheel fits no Linux interpreter. Naming the package and version instead lets pip choose the file.
import type { RuleInput } from '../../schema.js';

export const wheelNotSupported: RuleInput = {
  id: 'pip/wheel-not-supported',
  title: 'Wheel built for another platform or Python',
  severity: 'error',
  match: [
    {
      literals: ['is not a supported wheel on this platform'],
      pattern:
        '(?<wheel>(?<dist>[A-Za-z0-9][A-Za-z0-9_.]{0,100})-(?<version>\\d[^-\\s+]{0,60})(?:\\+[^-\\s]{1,60})?(?:-\\d[^-\\s]{0,40})?' +
        '-(?<pyTag>[^-\\s]{1,40})-(?<abiTag>[^-\\s]{1,40})-(?<platTag>[^-\\s]{1,200})\\.whl) is not a supported wheel on this platform',
    },
  ],
  context: [{ name: 'arm64Tag', literals: ['_arm64.whl'], pattern: '-linux_arm64\\.whl is not a supported' }],
  scope: 'step',
  specificity: 3,
  message:
    'pip refused `{wheel}`: its tags (Python `{pyTag}`, ABI `{abiTag}`, platform `{platTag}`) are not among those of this ' +
    "build's Python ({fact.python|version not shown}) and platform ({fact.platform|not shown}). A wheel named by file or URL is " +
    'installed only when its tags fit; pip does not look for another file.',
  fix: [
    "List the tags this build's pip accepts, in the same stage (the `Compatible tags` part):",
    '',
    '```sh',
    'python3 -m pip debug --verbose',
    '```',
    '',
    'Then install a wheel whose tags are listed, or name the package and version instead of the file so that pip picks the one ' +
      'that fits (`pip install {dist}=={version}`); in a multi-platform build, choose the file per platform with `ARG TARGETARCH`.',
  ].join('\n'),
  variants: [
    {
      when: 'arm64Tag',
      message:
        'pip refused `{wheel}`: `linux_arm64` is no platform tag a Linux Python accepts. Linux on ARM64 names its machine ' +
        '`aarch64`, so its wheels are tagged `linux_aarch64` or `manylinux…_aarch64`; this file was named for another system.',
    },
  ],
  docs: 'https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/',
};

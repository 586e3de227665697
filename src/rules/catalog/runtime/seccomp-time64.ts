// A 32-bit container (armhf / armv7, x86) on a host whose seccomp filter predates the 64-bit-time syscalls: the C
// library's `clock_gettime64` / `utimensat_time64` get EPERM, and programs fail where nothing is wrong with them
// (facts and sources in knowledge/host-seccomp.ts). Two wordings read here:
// - tar (dpkg unpacking a package) `tar: ./control: Cannot utime: Operation not permitted` (moby/moby#40734,
//   arm32v7/ubuntu:focal on an armv7l host). tar's EPERM on utime has other causes (a filesystem that refuses the
//   times), so the line is read only with a sign of 32-bit ARM in the same scope (armv7l, armhf, arm32v7, linux/arm/v7).
// - OpenSSL's `asn1 encoding routines:ASN1_TIME_adj:error getting time` (MichaIng/DietPi#4260, an arm32v7 container):
//   the clock itself could not be read, which in a container is this cause; without a 32-bit sign in the log the fix
//   says to check the architecture first.
// Not matched: apt's signature errors of the same host cause (apt/fetch-failed reads those), glibc 2.34's clone3
// (Docker ≤ 20.10.9) on 64-bit hosts.
import { TIME64_CHECK_COMMANDS, TIME64_REMEDY } from '../../../knowledge/host-seccomp.js';
import type { RuleInput } from '../../schema.js';

const ARM32 = String.raw`\b(?<arch>armv7l|armv6l|armhf|arm32v[67]|linux/arm/v[67])\b`;

const check = ['```sh', ...TIME64_CHECK_COMMANDS, '```'].join('\n');

export const seccompTime64: RuleInput = {
  id: 'runtime/seccomp-time64',
  title: "a 32-bit container's time syscalls are blocked: the host's libseccomp or Docker predates time64",
  severity: 'error',
  match: [
    {
      literals: ['Cannot utime: Operation not permitted'],
      pattern: '(?:tar: )?(?<file>\\S{1,300}): Cannot utime: Operation not permitted',
    },
    {
      literals: ['error getting time'],
      pattern: 'asn1 encoding routines:\\w{0,40}:error getting time',
    },
  ],
  context: [
    { name: 'arm32', literals: ['armv7l', 'armv6l', 'armhf', 'arm32v', 'linux/arm/v'], pattern: ARM32 },
    // The finding needs a 32-bit sign, or OpenSSL's line, which needs none.
    {
      name: 'sign',
      literals: ['armv7l', 'armv6l', 'armhf', 'arm32v', 'linux/arm/v', 'error getting time'],
      pattern: `${ARM32.replace('?<arch>', '?:')}|error getting time`,
      required: true,
    },
    { name: 'openssl', literals: ['error getting time'] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'A 32-bit ARM container got `Operation not permitted` from its 64-bit-time syscalls (`{context.arm32.arch}` in the log): the ' +
    "host's seccomp filter (libseccomp2 older than 2.4.2, or Docker older than 19.03.9) predates them and answers EPERM, " +
    'so tar could not set the file times of what it unpacked (`{file}`).',
  fix: [
    'Check the host (where Docker runs):',
    '',
    check,
    '',
    TIME64_REMEDY,
  ].join('\n'),
  variants: [
    {
      when: 'openssl&arm32',
      message:
        'OpenSSL could not read the clock (`error getting time`) in a 32-bit ARM container (`{context.arm32.arch}` in the log): the ' +
        "host's seccomp filter (libseccomp2 older than 2.4.2, or Docker older than 19.03.9) blocks `clock_gettime64` with EPERM.",
    },
    {
      when: 'openssl',
      message:
        'OpenSSL could not read the clock (`error getting time`): the time syscall itself failed. In a container that is the ' +
        "sign of a 32-bit image (armhf / armv7, x86) on a host whose seccomp filter (libseccomp2 older than 2.4.2, or Docker " +
        'older than 19.03.9) blocks `clock_gettime64`. The log does not show the architecture: check it first.',
      fix: [
        'Check the host and the image (`docker image inspect {fact.baseImage|IMAGE} | grep -E \'"(Architecture|Variant)"\'`: `arm` / `v7` is 32-bit):',
        '',
        check,
        '',
        'If the image is 32-bit and the host shows an old libseccomp2 or Docker:',
        '',
        TIME64_REMEDY,
      ].join('\n'),
    },
  ],
  docs: 'https://wiki.alpinelinux.org/wiki/Release_Notes_for_Alpine_3.13.0',
};

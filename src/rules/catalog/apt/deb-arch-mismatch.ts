// dpkg refusing a .deb built for another architecture than the system's: `dpkg: error processing archive
// /dalle/libcudnn8_8.4.0.27-1+cuda11.6_amd64.deb (--unpack):` / ` package architecture (amd64) does not match
// system (arm64)`, then apt's `E: Sub-process /usr/bin/dpkg returned an error code (1)` (jina-ai/dalle-flow#29: a
// `docker build` on an Apple-Silicon Mac, which builds for linux/arm64, installing NVIDIA's amd64-only cuDNN .deb).
// Any package, any pair: `(i386) does not match system (amd64)` is the same refusal.
// Not this rule: the same line under `dpkg: warning: overriding problem because --force enabled:`, where
// `--force-architecture` made dpkg install the package anyway (Ubuntu Forums "Canon Pixma MP620 in Ubuntu 11.04").
//
// The fixes:
// - A build targets the platform of the machine that runs it unless `--platform` names another one; a build for
//   another platform runs under QEMU emulation, which Docker Desktop ships (docs.docker.com/build/building/multi-platform/,
//   "Strategies": QEMU; `docker build --platform linux/amd64`). A GPU image for x86_64 NVIDIA hosts is built for linux/amd64.
// - For an image meant for arm64 GPU servers, the package built for arm64: NVIDIA's CUDA repositories keep the arm64
//   server packages in an `sbsa` directory beside `x86_64` (repos/ubuntu2204/sbsa, repos/ubuntu2404/sbsa,
//   knowledge/nvidia-repos.ts). Which packages that directory has is not verified here: the fix says how to look.
// - Multiarch (a foreign architecture the CPU runs, i386 on amd64): `dpkg --add-architecture <arch>` then
//   `apt-get update`, so apt installs `<package>:<arch>` with its dependencies (Debian wiki, Multiarch/HOWTO; the
//   `dpkg --add-architecture armel` answer to `(armel) does not match system (armhf)` in avakarev/dotfiles' README).
import type { RuleInput } from '../../schema.js';

const MULTI_PLATFORM = 'https://docs.docker.com/build/building/multi-platform/';

const message =
  'dpkg refused to install a package built for {pkgArch} on a {sysArch} system: a .deb runs only on the architecture it was built for, ' +
  'and apt then stopped (`E: Sub-process /usr/bin/dpkg returned an error code (1)`).';

const generalFix = [
  'Install the package built for {sysArch} (the same name with `_{sysArch}.deb`, from the vendor\'s {sysArch} download or repository), or build the image for ' +
    `{pkgArch} with \`docker build --platform linux/{pkgArch} …\` (another platform than the builder's runs under QEMU emulation: ${MULTI_PLATFORM}). ` +
    'Where the CPU runs {pkgArch} code itself (i386 on amd64, armel on armhf), add that architecture, then install the package through apt with `:{pkgArch}` after its name, so its dependencies come for {pkgArch} too:',
  '',
  '```sh',
  'dpkg --add-architecture {pkgArch} && apt-get update',
  '```',
].join('\n');

/** An amd64 .deb in an arm64 build: Apple Silicon or an arm64 runner building a CUDA image meant for x86 GPU hosts. */
const amd64OnArm64Fix = [
  'Build for the platform the package is for. For an image that runs on x86_64 NVIDIA GPU hosts (a CUDA / cuDNN package with `_amd64.deb` is one), ' +
    `name the platform; on an Apple-Silicon Mac or another arm64 builder the steps then run under QEMU emulation, slower but the same image (${MULTI_PLATFORM}):`,
  '',
  '```sh',
  'docker build --platform linux/amd64 .',
  '```',
  '',
  '(`FROM --platform=linux/amd64 …` in the Dockerfile does the same for every build of it.) If the image is meant for arm64 GPU servers instead, install the arm64 build ' +
    'of the package: NVIDIA\'s CUDA repositories keep those under `sbsa` instead of `x86_64` (https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2204/sbsa/ ' +
    'for Ubuntu 22.04); check that the package and version are listed there before switching.',
].join('\n');

export const debArchMismatch: RuleInput = {
  id: 'apt/deb-arch-mismatch',
  title: 'Package built for another CPU architecture than the build\'s',
  severity: 'error',
  match: [
    // ` package architecture (amd64) does not match system (arm64)`
    {
      literals: ['does not match system ('],
      pattern: 'package architecture \\((?<pkgArch>[a-z0-9-]{1,20})\\) does not match system \\((?<sysArch>[a-z0-9-]{1,20})\\)',
    },
  ],
  context: [
    // `dpkg: warning: overriding problem because --force enabled:` above it: dpkg installed it anyway
    { name: 'forced', literals: ['overriding problem because --force enabled'] },
    { name: 'amd64OnArm64', literals: ['package architecture (amd64) does not match system (arm64)'] },
  ],
  when: '!forced',
  scope: 'step',
  only: 'any',
  // 3 names the root cause; 2 a tool-level error (CMake Error, wheel build failed); 1 the fallback.
  specificity: 3,
  message,
  fix: generalFix,
  variants: [
    { when: 'amd64OnArm64&!fact.place=host-shell', title: 'amd64 package in an arm64 build', fix: amd64OnArm64Fix },
  ],
  docs: MULTI_PLATFORM,
};

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
// - Not every amd64 .deb is NVIDIA's: a vendor's download (microsoft/autogen#1778: `quarto-1.4.549-linux-amd64.deb`,
//   fetched by URL in a devcontainer Dockerfile and installed with `dpkg -i` on an Apple-Silicon Mac) needs the file for
//   the build's architecture, which the reporter fixed by taking Quarto's `linux-arm64` .deb. BuildKit sets `TARGETARCH`
//   (the architecture of the platform being built: `amd64`, `arm64`) as an automatic platform ARG in the global scope; a
//   stage that uses it declares `ARG TARGETARCH` (docs.docker.com/reference/dockerfile/, "Automatic platform ARGs in the
//   global scope"). `dpkg --print-architecture` prints Debian's name of the system's architecture (dpkg(1)), the same
//   words as Docker's for amd64 and arm64. The NVIDIA advice (`sbsa`) is kept for packages from NVIDIA's repositories,
//   read from the archive's file name.
// - Multiarch (a foreign architecture the CPU runs, i386 on amd64): `dpkg --add-architecture <arch>` then
//   `apt-get update`, so apt installs `<package>:<arch>` with its dependencies (Debian wiki, Multiarch/HOWTO; the
//   `dpkg --add-architecture armel` answer to `(armel) does not match system (armhf)` in avakarev/dotfiles' README).
import type { RuleInput } from '../../schema.js';

const MULTI_PLATFORM = 'https://docs.docker.com/build/building/multi-platform/';

const message =
  'dpkg refused to install a package built for {pkgArch} on a {sysArch} system: a .deb runs only on the architecture it was built for.';

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

/** The file for the build's architecture, chosen by BuildKit's `TARGETARCH`, and the emulated fallback. */
function vendorArm64Fix(named: boolean): string {
  const why =
    'this build is for arm64 (an Apple-Silicon Mac or an arm64 runner builds for linux/arm64 unless told otherwise). ';
  const targetArch =
    '(`TARGETARCH` is set by BuildKit to the architecture being built, `amd64` or `arm64`, and a stage must declare it with `ARG TARGETARCH`: ' +
    'https://docs.docker.com/reference/dockerfile/#automatic-platform-args-in-the-global-scope. Outside BuildKit, `$(dpkg --print-architecture)` in the ' +
    '`RUN` gives the same words.)';
  const emulated =
    'If the vendor has no arm64 build, build the image for amd64 and let the steps run under QEMU emulation, slower but the ' +
    `same image (${MULTI_PLATFORM}): \`docker build --platform linux/amd64 .\`.`;
  if (!named) {
    return [
      'The step installs a .deb built for amd64 on every machine; ' + why + 'Install the vendor\'s arm64 build of the package instead (its download page ' +
        'or release assets name it), chosen by the build: declare `ARG TARGETARCH` in the stage and write `${TARGETARCH}` where the download URL and the ' +
        'file name have `amd64`. ' + targetArch,
      emulated,
    ].join('\n');
  }
  return [
    'The step installs `{context.archive.stem}amd64{context.archive.tail}`, the amd64 build, on every machine; ' + why + 'Install the vendor\'s arm64 build ' +
      'instead: where the vendor publishes one, its file name usually differs only in the architecture (`{context.archive.stem}arm64{context.archive.tail}`; ' +
      'check the vendor\'s download page or release assets for the exact name). Let the build choose the file, in the download URL too:',
    '',
    '```dockerfile',
    'ARG TARGETARCH',
    'RUN dpkg -i "{context.archive.stem}${TARGETARCH}{context.archive.tail}"',
    '```',
    '',
    targetArch + ' ' + emulated,
  ].join('\n');
}

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
    // `dpkg: error processing archive /dalle/libcudnn8_8.4.0.27-1+cuda11.6_amd64.deb (--unpack):`: a package of NVIDIA's
    // CUDA repositories (cuDNN, NCCL, TensorRT, the CUDA toolkit's `cuda-*` and `lib*` packages, drivers)
    {
      name: 'nvidiaDeb',
      literals: ['dpkg: error processing archive '],
      pattern:
        'dpkg: error processing archive (?:\\S*/)?(?:cuda-|libcudnn|cudnn|libnccl|libcublas|libcufft|libcurand|libcusolver|libcusparse|libnpp|libnvjpeg|libnvinfer|tensorrt|nvidia-|libnvidia-)',
    },
    // `dpkg: error processing archive quarto-1.4.549-linux-amd64.deb (--install):`: the file name around its `amd64`
    {
      name: 'archive',
      literals: ['dpkg: error processing archive '],
      pattern: 'dpkg: error processing archive (?:\\S*/)?(?<stem>[^/\\s]{1,200}?)amd64(?<tail>[^/\\s]{0,60}\\.deb)\\b',
    },
  ],
  when: '!forced',
  scope: 'step',
  only: 'any',
  // 3 names the root cause; 2 a tool-level error (CMake Error, wheel build failed); 1 the fallback.
  specificity: 3,
  message,
  fix: generalFix,
  variants: [
    { when: 'amd64OnArm64&nvidiaDeb&!fact.place=host-shell', title: 'amd64 package in an arm64 build', fix: amd64OnArm64Fix },
    { when: 'amd64OnArm64&archive&!fact.place=host-shell', title: 'amd64 package in an arm64 build', fix: vendorArm64Fix(true) },
    { when: 'amd64OnArm64&!fact.place=host-shell', title: 'amd64 package in an arm64 build', fix: vendorArm64Fix(false) },
  ],
  docs: MULTI_PLATFORM,
};

// A GPU container whose image is of another architecture than the host, and the NVIDIA runtime's hook failed as it
// started: Docker's warning names both platforms first (`WARNING: The requested image's platform (linux/amd64) does not
// match the detected host platform (linux/arm64/v8) and no specific platform was requested`; podman's `WARNING: image
// platform (linux/amd64) does not match the expected platform (linux/arm64)`), then `docker: Error response from daemon:
// OCI runtime create failed: … Running hook #0:: error running hook: exit status 1, …` (snowzach/doods#64, Jetson Nano:
// the project's x86 CUDA image; the maintainer: "The cuda image is designed for x86 and the Nano is based on Arm. You need
// to build a custom image for it to work."). The hook gives the container the host's driver libraries, which are of the
// host's architecture: a foreign-architecture CUDA program cannot use them, under QEMU neither, so the platform is the
// fix, not the hook or emulation (NVIDIA/nvidia-docker#1116, the maintainer on a Jetson: "nvidia/cuda is not a
// multi-arch image (yet) ... Please use l4t-base for all things Jetson/ARM").
// A Jetson shows in the hook's own output: libnvidia-container's Jetson path (src/jetson_mount.c, create_jetson_symlinks)
// prints `src: %s, src_lnk: %s, dst: %s, dst_lnk: %s` for each library it links from the L4T CSV lists.
// Must not match: a hook failure with no platform warning (the hook's own causes: runtime/shared-library-missing and the
// others), and the platform warning with no hook failure (an exec format error: buildx/exec-format-error).
import type { RuleInput } from '../../schema.js';
import { JETSON_BASE } from '../buildx/exec-format-error.js';
import { PLATFORM_WARNING_PATTERN, RUN_COMMAND_CONTEXT } from './run-command.js';

export const gpuImagePlatformMismatch: RuleInput = {
  id: 'runtime/gpu-image-platform-mismatch',
  title: 'GPU container of another architecture than this host',
  severity: 'error',
  match: [
    // runc: `Running hook #0:: error running hook: exit status 1, stdout: …`; newer runc `error running prestart hook #0: …`;
    // the toolkit's CLI: `nvidia-container-cli: mount error: …`
    { literals: ['error running hook', 'error running prestart hook', 'nvidia-container-cli: '], pattern: 'error running (?:prestart )?hook|nvidia-container-cli: \\w' },
  ],
  context: [
    {
      name: 'platformWarning',
      required: true,
      literals: ['does not match the expected platform', 'does not match the detected host platform'],
      pattern: PLATFORM_WARNING_PATTERN,
    },
    // the Jetson: libnvidia-container's Jetson symlink step (`src: …, src_lnk: …`), L4T, or in words
    { name: 'jetson', literals: ['src_lnk: ', 'nv_tegra_release', '-tegra', 'Jetson', 'jetson', 'L4T', 'l4t'], pattern: 'src_lnk: |nv_tegra_release|\\d-tegra\\b|\\b[Jj]etson\\b|\\b[Ll]4[Tt]\\b' },
    RUN_COMMAND_CONTEXT,
  ],
  scope: 'step',
  maxFindings: 1,
  specificity: 3,
  message:
    'The image `{enrich.runImage|of this run}` is built for {context.platformWarning.image} and this host is {context.platformWarning.host} ' +
    '(Docker\'s warning before the error), and the NVIDIA runtime\'s hook failed while it gave the container the GPU. The hook mounts the ' +
    'host\'s driver libraries, built for {context.platformWarning.host}: a CUDA program of another architecture cannot use them, under QEMU ' +
    'emulation neither. The image is the wrong one for this machine; the hook is not the cause.',
  fix: [
    'Run an image built for this host\'s platform. List the platforms the tag provides; without this host\'s, look for the project\'s own',
    'image for this architecture (see its install docs), or build the image on this host from the project\'s Dockerfile:',
    '',
    '```sh',
    '{enrich.runInspect|docker buildx imagetools inspect IMAGE}',
    'uname -m   # x86_64 is amd64, aarch64 is arm64',
    '```',
    '',
    'Emulating the image (`--platform`) does not help a GPU container: the host\'s driver is not of its architecture.',
  ].join('\n'),
  variants: [
    {
      when: 'jetson',
      title: 'GPU image of another architecture on a Jetson (arm64)',
      message:
        'The image `{enrich.runImage|of this run}` is built for {context.platformWarning.image} and this host is {context.platformWarning.host}, ' +
        'an NVIDIA Jetson (as the log shows: L4T, or the hook\'s Jetson library links), and the NVIDIA runtime\'s hook failed while it gave ' +
        'the container the GPU. A CUDA image for {context.platformWarning.image} cannot use a Jetson\'s GPU, natively or under QEMU: the image is the wrong one for ' +
        'this board; the hook is not the cause.',
      fix: [
        'Use an image built for the Jetson: the project\'s arm64 / L4T image if it publishes one',
        '(`{enrich.runInspect|docker buildx imagetools inspect IMAGE}` lists the tag\'s platforms), or build the project\'s image on the',
        'Jetson from an L4T base.',
        '',
        JETSON_BASE,
      ].join('\n'),
    },
  ],
  enrich: ['run-command'],
  docs: 'https://docs.docker.com/build/building/multi-platform/',
};
